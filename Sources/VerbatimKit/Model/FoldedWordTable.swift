import Foundation

/// Folded words with a value each, asked millions of times per MB of text: the one
/// open-addressing table behind ``WordSet`` (the quote sieves' and entity rules' word
/// lists), the quote stage's word classes and the entity stage's cue and word classes.
/// Tokens come with the FNV-1a hash of their folded bytes already computed
/// (``LexicalPass``, ``TokenKeys``), so a look-up is one probe indexed by that hash and
/// a byte comparison: no `String`, no hashing per look-up.
struct FoldedWordTable<Value: Sendable>: Sendable {
    /// The words' bytes, back to back.
    private var bytes: [UInt8] = []
    /// A power of two in size, at most half full. An empty slot holds ``absent``, so
    /// that a look-up returns its slot's value whether the word is there or not.
    private var slots: [Slot]
    private(set) var count = 0
    /// The value of a word that is not in the table.
    let absent: Value

    private struct Slot: Sendable {
        var hash: UInt64
        var start: Int32
        /// -1 for an empty slot (the empty word is a word).
        var length: Int32
        var value: Value
    }

    init(absent: Value) {
        self.absent = absent
        slots = Array(repeating: Slot(hash: 0, start: 0, length: -1, value: absent), count: 2)
    }

    /// Adds the folded word `word` with `value`, or, when it is there already, lets
    /// `merge` combine its value with `value`.
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64, _ value: Value,
                         merge: (inout Value, Value) -> Void) {
        let found = find(word, hash: hash)
        if slots[found].length >= 0 {
            merge(&slots[found].value, value)
            return
        }
        if (count + 1) * 2 > slots.count {
            grow()
            insert(word, hash: hash, value, merge: merge)
            return
        }
        slots[found] = Slot(hash: hash, start: Int32(bytes.count), length: Int32(word.count), value: value)
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
        slots.withUnsafeBufferPointer { slots in
            bytes.withUnsafeBufferPointer { bytes in
                let mask = slots.count &- 1
                var h = Self.index(hash) & mask
                while true {
                    let slot = slots[h]
                    if slot.length < 0 { return slot.value }
                    if slot.hash == hash, Int(slot.length) == word.count,
                       InPlaceBytes.same(bytes.baseAddress.map { $0 + Int(slot.start) }, word.baseAddress, word.count) {
                        return slot.value
                    }
                    h = (h &+ 1) & mask
                }
            }
        }
    }

    /// `body(word, hash, value)` of every word in the table, in no particular order.
    func forEach(_ body: (UnsafeBufferPointer<UInt8>, UInt64, Value) -> Void) {
        bytes.withUnsafeBufferPointer { bytes in
            for slot in slots where slot.length >= 0 {
                body(UnsafeBufferPointer(rebasing: bytes[Int(slot.start)..<Int(slot.start) + Int(slot.length)]), slot.hash, slot.value)
            }
        }
    }

    // A found word is compared in place (`InPlaceBytes`). Slots of the hash alone, the
    // words' entries apart, were tried: a word found then cost a cache miss more, and
    // half the words the quote stage asks are in its table.

    /// The slot holding `word`, or the empty slot where it would go.
    private func find(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
        let mask = slots.count - 1
        var h = Self.index(hash) & mask
        while true {
            let slot = slots[h]
            if slot.length < 0 { return h }
            if slot.hash == hash, Int(slot.length) == word.count, equals(slot, word) { return h }
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
        slots = Array(repeating: Slot(hash: 0, start: 0, length: -1, value: absent), count: slots.count * 2)
        let mask = slots.count - 1
        for slot in old where slot.length >= 0 {
            var h = Self.index(slot.hash) & mask
            while slots[h].length >= 0 { h = (h + 1) & mask }
            slots[h] = slot
        }
    }

    /// The FNV-1a hash with its high bits folded down (the mask keeps low bits).
    @inline(__always)
    private static func index(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash ^ (hash >> 32)) }
}
