import Foundation

extension TokenKeys {
    /// The entries of `table` whose key is token `i`'s folded key (one hash probe,
    /// reusing the token's hash).
    @inlinable
    public func lookup(_ i: Int, in table: LexiconTable) -> Range<Int> {
        folded.withUnsafeBufferPointer { f in
            let key = UnsafeBufferPointer(rebasing: f[keyRange(i)])
            return table.exact(key, hash: hashes[i])
        }
    }

    /// The first entry of `table` (hash-indexed with a value column) whose key is
    /// token `i`'s folded key, and that entry's value.
    @inlinable
    public func lookupFirst(_ i: Int, in table: LexiconTable) -> (entry: Int, value: Float32)? {
        folded.withUnsafeBufferPointer { f in
            let key = UnsafeBufferPointer(rebasing: f[keyRange(i)])
            return table.exactFirst(key, hash: hashes[i])
        }
    }

    /// Whether some key of `table` may start with token `i`'s folded key: false only
    /// when none does (``LexiconTable/mayStart(withKeyHash:)``, a few instructions
    /// instead of a binary search). A key holding a space, which the table's filter
    /// does not cover, always may.
    @inlinable
    public func mayStart(_ i: Int, in table: LexiconTable) -> Bool {
        table.mayStart(withKeyHash: hashes[i]) || keyHoldsSpace(i)
    }

    /// Whether token `i`'s key holds a space (which no table's start filter covers).
    @inlinable
    public func keyHoldsSpace(_ i: Int) -> Bool {
        folded.withUnsafeBufferPointer { f in
            let span = keyRange(i)
            let s = span.lowerBound, e = span.upperBound
            return e > s && memchr(f.baseAddress! + s, 0x20, e - s) != nil
        }
    }
}
