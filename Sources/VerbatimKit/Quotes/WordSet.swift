/// A fixed set of lower-case words for the quote sieves, asked millions of times
/// per MB of text. `Set<String>` hashes with seeded SipHash; this hashes the UTF-8
/// bytes with FNV-1a into an open-addressing table, about three times cheaper.
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private var words: [String] = []
    /// Index + 1 into `words` (0 = empty); a power of two in size, at most half full.
    private var slots: [Int32] = [0, 0]

    init(arrayLiteral elements: String...) { self.init(elements) }

    init<S: Sequence>(_ elements: S) where S.Element == String {
        for word in elements { insert(word) }
    }

    var count: Int { words.count }

    mutating func insert(_ word: String) {
        if contains(word) { return }
        if (words.count + 1) * 2 > slots.count { grow() }
        words.append(word)
        place(words.count - 1)
    }

    func contains(_ word: String) -> Bool {
        let mask = slots.count - 1
        var h = Self.hash(word) & mask
        while true {
            let slot = Int(slots[h])
            if slot == 0 { return false }
            if words[slot - 1] == word { return true }
            h = (h + 1) & mask
        }
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        for i in words.indices { place(i) }
    }

    private mutating func place(_ i: Int) {
        let mask = slots.count - 1
        var h = Self.hash(words[i]) & mask
        while slots[h] != 0 { h = (h + 1) & mask }
        slots[h] = Int32(i + 1)
    }

    private static func hash(_ word: String) -> Int {
        var word = word
        return word.withUTF8 { bytes in
            var h: UInt64 = 0xcbf29ce484222325
            for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
            return Int(truncatingIfNeeded: h ^ (h >> 32))
        }
    }
}
