/// Fibonacci hashing (Knuth): a 64-bit hash times 2^64/φ, whose high bits then pick a
/// slot or a bit. The tables that index by a word's FNV-1a hash mix it first because
/// FNV-1a's own high bits hardly differ between short words, so taken raw they
/// crowd similar words into a few slots (the time filter let through one token in
/// five for no word of its table before its bits were mixed).
@usableFromInline enum FibonacciHash {
    /// ⌊2^64/φ⌋, odd, so that multiplying by it loses no bit of the hash.
    @usableFromInline static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// `hash` with every bit of it carried into the high bits.
    @inlinable @inline(__always)
    static func mix(_ hash: UInt64) -> UInt64 { hash &* multiplier }

    /// The top `64 - shift` bits of the mixed hash: an index into a power-of-two table
    /// of 2^(64 - shift) slots.
    @inlinable @inline(__always)
    static func index(_ hash: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: mix(hash) >> shift)
    }
}
