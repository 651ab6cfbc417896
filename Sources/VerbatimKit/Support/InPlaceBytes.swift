/// Byte comparisons done in place, eight bytes at a time: the hashed word tables
/// (``FoldedWordTable``, ``TokenClassTable``) compare a word they found with the one
/// asked for, and a call of `memcmp` for every word found cost more than the
/// comparison (issue 25).
enum InPlaceBytes {
    /// Whether the `count` bytes at `a` and at `b` are the same (true for none).
    @inline(__always)
    static func same(_ a: UnsafePointer<UInt8>?, _ b: UnsafePointer<UInt8>?, _ count: Int) -> Bool {
        guard count > 0, let a, let b else { return true }
        var k = 0
        while k &+ 8 <= count {
            if UnsafeRawPointer(a + k).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + k).loadUnaligned(as: UInt64.self) {
                return false
            }
            k &+= 8
        }
        while k < count {
            if a[k] != b[k] { return false }
            k &+= 1
        }
        return true
    }
}
