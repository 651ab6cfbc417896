/// Eight text bytes in a little-endian `UInt64` (first byte lowest), tested and
/// lower-cased all at once: the per-token fast paths (token shapes and keys, the
/// quote and time stages' word forms, name shapes) read short ASCII words this way.
///
/// The letter tests need every byte below 0x80 (check with ``high`` first): then
/// adding `0x80 - x` to a byte sets its top bit exactly when the byte is at least
/// `x`, and no sum carries into the next byte.
enum ASCIIWord {
    /// The top bit of every byte: set in a word that holds a non-ASCII byte.
    static let high: UInt64 = 0x8080_8080_8080_8080

    /// 0x80 in each byte that is A…Z.
    @inline(__always)
    static func capitals(_ w: UInt64) -> UInt64 {
        (w &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(w &+ 0x2525_2525_2525_2525) & high
    }

    /// 0x80 in each byte that is a…z.
    @inline(__always)
    static func smalls(_ w: UInt64) -> UInt64 {
        (w &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(w &+ 0x0505_0505_0505_0505) & high
    }

    /// A…Z turned into a…z (0x80 shifted down to 0x20), other bytes unchanged.
    @inline(__always)
    static func lowercased(_ w: UInt64) -> UInt64 {
        w | (capitals(w) &>> 2)
    }

    /// A mask of the low `count` (0…8) bytes; all of them from 8 on.
    @inline(__always)
    static func lowBytes(_ count: Int) -> UInt64 {
        count >= 8 ? ~0 : (1 &<< UInt64(truncatingIfNeeded: count &* 8)) &- 1
    }

    /// The eight bytes at `pointer`, first byte lowest.
    @inline(__always)
    static func load(_ pointer: UnsafeRawPointer) -> UInt64 {
        UInt64(littleEndian: pointer.loadUnaligned(as: UInt64.self))
    }
}
