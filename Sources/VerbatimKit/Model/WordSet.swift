/// A fixed set of folded words, asked millions of times per MB of text by the quote
/// sieves and the entity recognizers. Tokens come with the FNV-1a hash of their folded
/// bytes already computed (``LexicalPass``, ``TokenKeys``), so a test is one probe of
/// an open-addressing table indexed by that hash and a byte comparison: no `String`,
/// no hashing per test.
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    /// The words' bytes, back to back.
    private var bytes: [UInt8] = []
    /// A power of two in size, at most half full.
    private var slots: [Slot] = [.empty, .empty]
    private(set) var count = 0

    private struct Slot: Sendable {
        var hash: UInt64
        var start: Int32
        /// -1 for an empty slot (the empty word is a word).
        var length: Int32
        static let empty = Slot(hash: 0, start: 0, length: -1)
    }

    init(arrayLiteral elements: String...) { self.init(elements) }

    init<S: Sequence>(_ elements: S) where S.Element == String {
        for word in elements { insert(word) }
    }

    mutating func insert(_ word: String) {
        let w = FoldedWord(word)
        if contains(w) { return }
        if (count + 1) * 2 > slots.count { grow() }
        let start = bytes.count
        bytes.append(contentsOf: w.bytes)
        place(Slot(hash: w.hash, start: Int32(start), length: Int32(w.bytes.count)))
        count += 1
    }

    func contains(_ word: String) -> Bool { contains(FoldedWord(word)) }

    func contains(_ word: FoldedWord) -> Bool {
        word.bytes.withUnsafeBufferPointer { contains($0, hash: word.hash) }
    }

    /// Whether `word`, whose FNV-1a hash is `hash`, is in the set.
    func contains(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Bool {
        let mask = slots.count - 1
        var h = Self.index(hash) & mask
        while true {
            let slot = slots[h]
            if slot.length < 0 { return false }
            if slot.hash == hash, Int(slot.length) == word.count, equals(slot, word) { return true }
            h = (h + 1) & mask
        }
    }

    private func equals(_ slot: Slot, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = Int(slot.start)
        for b in word {
            if bytes[k] != b { return false }
            k += 1
        }
        return true
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: .empty, count: slots.count * 2)
        for slot in old where slot.length >= 0 { place(slot) }
    }

    private mutating func place(_ slot: Slot) {
        let mask = slots.count - 1
        var h = Self.index(slot.hash) & mask
        while slots[h].length >= 0 { h = (h + 1) & mask }
        slots[h] = slot
    }

    /// The FNV-1a hash with its high bits folded down (the mask keeps low bits).
    private static func index(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash ^ (hash >> 32)) }
}

/// A word as the quote sieves compare it: its folded bytes (lower case, ’ → ') and
/// their FNV-1a hash (``LexiconTable/keyHash(_:)``), so that every word list and
/// table consulted for one token reuses a single hashing pass.
public struct FoldedWord: Sendable {
    public let bytes: ArraySlice<UInt8>
    public let hash: UInt64

    init(bytes: ArraySlice<UInt8>, hash: UInt64) {
        self.bytes = bytes
        self.hash = hash
    }

    /// An already folded word (word lists, tests).
    public init(_ folded: String) {
        bytes = Array(folded.utf8)[...]
        hash = bytes.withUnsafeBufferPointer { LexiconTable.keyHash($0) }
    }
}
