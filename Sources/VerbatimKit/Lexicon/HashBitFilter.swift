/// One bit for each value of the top bits of a word's FNV-1a hash (what
/// ``LexicalPass`` holds per token) times a constant, set for every word of a table: a
/// token whose bit is clear is no word of it. A few kilobytes that stay in the
/// processor's cache turn most tokens away before a probe of the table itself, a cache
/// miss each (issue 25: the time stage's word table, the quote stage's word classes,
/// the gender stage's pronouns). It never turns a word of the table away. The top bits
/// are independent of a table's slots, which hashes index by their low bits.
///
/// The multiplication (Fibonacci hashing) mixes the low bits up: FNV-1a's own top bits
/// hardly differ between short words (the last byte only changes the low bits before
/// the last multiplication by a prime of few bits), so every one-character token, and
/// many two-letter words, shared a bit with a key of the time table: a fifth of a news
/// text's tokens passed that filter for no word of the table, and were probed.
struct HashBitFilter: Sendable {
    private var words: [UInt64]
    private let shift: UInt64

    /// An empty filter of `bits` bits, a power of two of at least 64.
    init(bits: Int) {
        precondition(bits >= 64 && bits & (bits - 1) == 0, "a filter's size is a power of two of at least 64 bits")
        words = [UInt64](repeating: 0, count: bits / 64)
        shift = UInt64(64 - bits.trailingZeroBitCount)
    }

    /// Lets the word whose hash is `hash` through.
    mutating func insert(hash: UInt64) {
        let bit = self.bit(hash)
        words[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    /// Whether the word whose hash is `hash` may be one of the table's (false: it is not).
    @inline(__always)
    func mayContain(_ hash: UInt64) -> Bool {
        let bit = self.bit(hash)
        return words.withUnsafeBufferPointer { $0[bit >> 6] } & (1 << UInt64(bit & 63)) != 0
    }

    /// The bit of the word whose hash is `hash`.
    @inline(__always)
    private func bit(_ hash: UInt64) -> Int {
        FibonacciHash.index(hash, shift: shift)
    }
}
