import Foundation

/// Folded words with a value each, asked millions of times per MB of text: the one
/// open-addressing table behind ``WordSet`` (the quote sieves' and entity rules' word
/// lists), the quote stage's word classes and the entity stage's cue and word classes.
/// Tokens come with the FNV-1a hash of their folded bytes already computed
/// (``LexicalPass``, ``TokenKeys``), so a look-up is one probe indexed by that hash and
/// a byte comparison: no `String`, no hashing per look-up.
///
/// A probe reads the slots' hashes only (``hashes``, eight bytes a slot), and a slot's
/// word and value (``entries``) only when its hash is the word's: most words asked
/// are in no table, and a probe of whole slots (24 bytes and more) touched three times
/// the cache lines, a miss each in a table of thousands of words (issue 25).
struct FoldedWordTable<Value: Sendable>: Sendable {
    /// The words' bytes, back to back.
    private var bytes: [UInt8] = []
    /// Each slot's word hash; 0 in an empty slot. A power of two in size, at most half
    /// full. A word whose hash is 0 (``hasZeroHash``) is told from an empty slot by its entry.
    private var hashes: [UInt64]
    /// Each slot's word and value, beside ``hashes``.
    private var entries: [Entry]
    /// Whether a word of the table has the hash 0 (so far none has: FNV-1a rarely gives it).
    private var hasZeroHash = false
    private(set) var count = 0
    /// The value of a word that is not in the table.
    let absent: Value

    private struct Entry: Sendable {
        var start: Int32
        /// -1 for an empty slot (the empty word is a word).
        var length: Int32
        var value: Value
    }

    init(absent: Value) {
        self.absent = absent
        hashes = [0, 0]
        entries = Array(repeating: Entry(start: 0, length: -1, value: absent), count: 2)
    }

    /// Adds the folded word `word` with `value`, or, when it is there already, lets
    /// `merge` combine its value with `value`.
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64, _ value: Value,
                         merge: (inout Value, Value) -> Void) {
        let found = find(word, hash: hash)
        if entries[found].length >= 0 {
            merge(&entries[found].value, value)
            return
        }
        if (count + 1) * 2 > hashes.count {
            grow()
            insert(word, hash: hash, value, merge: merge)
            return
        }
        hashes[found] = hash
        entries[found] = Entry(start: Int32(bytes.count), length: Int32(word.count), value: value)
        if hash == 0 { hasZeroHash = true }
        bytes.append(contentsOf: word)
        count += 1
    }

    /// Adds the folded word `word` (its FNV-1a hash computed here).
    mutating func insert(_ word: FoldedWord, _ value: Value, merge: (inout Value, Value) -> Void) {
        word.bytes.withUnsafeBufferPointer { insert($0, hash: word.hash, value, merge: merge) }
    }

    /// The value of the folded word `word`, whose FNV-1a hash is `hash`; ``absent``
    /// when it is not in the table.
    @inline(__always)
    func value(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Value {
        hashes.withUnsafeBufferPointer { hashes in
            entries.withUnsafeBufferPointer { entries in
                bytes.withUnsafeBufferPointer { bytes in
                    let mask = hashes.count &- 1
                    var h = Self.index(hash) & mask
                    while true {
                        let stored = hashes[h]
                        if stored == hash {
                            let entry = entries[h]
                            // A hash of 0 in an empty slot.
                            if entry.length < 0 { return absent }
                            if Int(entry.length) == word.count,
                               Self.same(bytes.baseAddress.map { $0 + Int(entry.start) }, word.baseAddress, word.count) {
                                return entry.value
                            }
                        } else if stored == 0, !hasZeroHash || entries[h].length < 0 {
                            return absent
                        }
                        h = (h &+ 1) & mask
                    }
                }
            }
        }
    }

    /// Whether the `count` bytes at `a` and at `b` are the same, compared in place eight
    /// at a time (a call of `memcmp` for each word found cost more than the comparison).
    @inline(__always)
    private static func same(_ a: UnsafePointer<UInt8>?, _ b: UnsafePointer<UInt8>?, _ count: Int) -> Bool {
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

    /// The slot holding `word`, or the empty slot where it would go.
    private func find(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
        let mask = hashes.count - 1
        var h = Self.index(hash) & mask
        while true {
            let entry = entries[h]
            if entry.length < 0 { return h }
            if hashes[h] == hash, Int(entry.length) == word.count, equals(entry, word) { return h }
            h = (h + 1) & mask
        }
    }

    private func equals(_ entry: Entry, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = Int(entry.start)
        for b in word {
            if bytes[k] != b { return false }
            k += 1
        }
        return true
    }

    private mutating func grow() {
        let oldHashes = hashes, oldEntries = entries
        hashes = Array(repeating: 0, count: hashes.count * 2)
        entries = Array(repeating: Entry(start: 0, length: -1, value: absent), count: hashes.count)
        let mask = hashes.count - 1
        for (slot, entry) in oldEntries.enumerated() where entry.length >= 0 {
            var h = Self.index(oldHashes[slot]) & mask
            while entries[h].length >= 0 { h = (h + 1) & mask }
            hashes[h] = oldHashes[slot]
            entries[h] = entry
        }
    }

    /// The FNV-1a hash with its high bits folded down (the mask keeps low bits).
    @inline(__always)
    private static func index(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash ^ (hash >> 32)) }
}
