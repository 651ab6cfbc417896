/// The 64-bit FNV-1a hash that every word key carries: lexicon tables index their
/// keys by it, and each document's tokens have theirs computed once
/// (``TokenKeys/hashes``), so that every table and word set asked about a token reuses
/// one hashing pass.
public enum FNV1a {
    public static let basis: UInt64 = 0xcbf29ce484222325
    public static let prime: UInt64 = 0x100000001b3

    /// The hash after one more byte.
    @inlinable @inline(__always)
    public static func step(_ h: UInt64, _ byte: UInt8) -> UInt64 { (h ^ UInt64(byte)) &* prime }

    /// The hash of `bytes`.
    @inlinable
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = basis
        for b in bytes { h = step(h, b) }
        return h
    }
}
