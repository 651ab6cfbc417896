/// One table of the single words the time and quote stages look up by a token's folded
/// form (``LexicalPass``), each with both stages' facts: its time lexicon entry (an id
/// into ``TimeLexicon``'s entries) and its quote word classes
/// (``QuoteVocabulary/WordClass`` bits). Built at load from the two stages' tables,
/// already loaded, and shared by them (``Pipeline/init(lexicon:listsEveryQuotation:)``):
/// a document's tokens are probed once (``classes(of:_:pass:)``), and each stage reads
/// its per-token values from the result instead of probing its own table (issue 25:
/// each stage's probe was a cache miss per word found, and half a text's words are
/// in one of the tables; the time words, "the", "last", "on", mostly in both).
///
/// The keys agree on nearly every token. The quote stage's key is a word token's
/// folded form, always. The time stage's is the same bytes for a token whose text is
/// ASCII without a backtick and has no possessive ending; for the others (the pass's
/// ``LexicalPass/unusual`` and ``LexicalPass/possessives`` tokens, a few in a
/// thousand) the time facts are made again the time stage's own way
/// (``TimeTokens/entry(_:_:in:)``).
final class TokenClassTable: Sendable {
    /// A word's first sixteen bytes are in its slot, so that the probe that finds a
    /// word compares them there (a word's bytes elsewhere cost a second cache miss
    /// per word found, a tenth of the pass's time; issue 25).
    private struct Slot: Sendable {
        /// The word's bytes 0..<8 and 8..<16, first byte lowest, zero past its end.
        var low: UInt64
        var high: UInt64
        /// The word's quote word classes (0: none).
        var classes: UInt64
        /// Where the word's bytes from the seventeenth on are in ``bytes``.
        var start: UInt32
        /// ``empty`` for an empty slot.
        var length: UInt16
        /// The word's time lexicon entry (0: none).
        var timeID: UInt16
    }

    /// The length of an empty slot, longer than any word the table holds.
    private static let empty = UInt16.max

    /// The bytes of the words longer than sixteen bytes from the seventeenth on, back to back.
    private let bytes: [UInt8]
    /// A power of two in size, at most half full: 32 bytes a word, two in a cache line.
    private let slots: [Slot]
    /// Every word's hash: most tokens are in neither vocabulary and turned away here,
    /// in a few kilobytes that stay in the processor's cache, without touching a slot.
    private let filter: HashBitFilter
    /// The time stage's lexicon, whose entries the time ids number, and which keys the
    /// tokens the two stages key differently.
    let time: TimeLexicon
    /// The flags a token with each time entry gets (by id; none for id 0).
    private let timeFlags: [TimeScanner.Flags]
    /// How many words the table holds.
    let count: Int

    /// The merged table of `time`'s and `quotes`'s single words; nil when a quote word
    /// is too long for a slot (65,534 bytes), where the stages keep their own tables.
    init?(time: TimeLexicon, quotes: QuoteVocabulary, filterBits: Int = 1 << 16) {
        var words: [(bytes: [UInt8], hash: UInt64, classes: UInt64)] = []
        words.reserveCapacity(quotes.table.count)
        var tooLong = false
        quotes.table.forEach { word, hash, classes in
            if word.count >= Int(Self.empty) { tooLong = true }
            words.append((Array(word), hash, classes))
        }
        guard !tooLong else { return nil }
        let timeWords = time.table.allEntries
        var capacity = 16
        while capacity < (words.count + timeWords.count) * 2 { capacity <<= 1 }
        let mask = capacity - 1
        var slots = [Slot](repeating: Slot(low: 0, high: 0, classes: 0, start: 0, length: Self.empty, timeID: 0), count: capacity)
        var bytes: [UInt8] = []
        var filter = HashBitFilter(bits: filterBits)
        var count = 0
        /// The slot of `word`, made when it is not there yet.
        func slot(_ word: [UInt8], _ hash: UInt64) -> Int {
            let (low, high) = word.withUnsafeBufferPointer { Self.packed($0.baseAddress, $0.count, readable: $0.count) }
            let rest = word.dropFirst(16)
            var h = Self.index(hash) & mask
            while slots[h].length != Self.empty {
                let s = slots[h]
                if Int(s.length) == word.count, s.low == low, s.high == high,
                   bytes[Int(s.start)..<Int(s.start) + rest.count].elementsEqual(rest) {
                    return h
                }
                h = (h + 1) & mask
            }
            slots[h] = Slot(low: low, high: high, classes: 0, start: UInt32(bytes.count), length: UInt16(word.count), timeID: 0)
            bytes.append(contentsOf: rest)
            filter.insert(hash: hash)
            count += 1
            return h
        }
        for w in words { slots[slot(w.bytes, w.hash)].classes |= w.classes }
        for (key, id) in timeWords {
            let word = key.bytes
            slots[slot(word, word.withUnsafeBufferPointer { FNV1a.hash($0) })].timeID = id
        }
        self.bytes = bytes
        self.slots = slots
        self.filter = filter
        self.time = time
        self.count = count
        timeFlags = time.table.flags.map { $0.intersection([.starter, .ruleWord, .holidayStart]) }
    }

    /// The time id and quote classes of the folded word of `count` bytes at `word`
    /// (`readable` bytes can be read there), whose FNV-1a hash is `hash`; zeros when it
    /// is in neither vocabulary.
    @inline(__always)
    private static func probe(_ slots: UnsafeBufferPointer<Slot>, _ bytes: UnsafePointer<UInt8>?,
                              _ word: UnsafePointer<UInt8>?, _ count: Int, readable: Int, _ hash: UInt64) -> (timeID: UInt16, classes: UInt64) {
        let (low, high) = packed(word, count, readable: readable)
        let mask = slots.count &- 1
        var h = index(hash) & mask
        while true {
            let slot = slots[h]
            if slot.length == empty { return (0, 0) }
            if Int(slot.length) == count, slot.low == low, slot.high == high,
               count <= 16 || InPlaceBytes.same(bytes.map { $0 + Int(slot.start) }, word.map { $0 + 16 }, count &- 16) {
                return (slot.timeID, slot.classes)
            }
            h = (h &+ 1) & mask
        }
    }

    /// The first sixteen of the `count` bytes at `word` as two words, first byte lowest,
    /// zero past `count`; two loads when sixteen bytes can be read there (`readable`).
    /// (``WordFactsCache/pack(_:)`` packs the same way without ever reading past the key,
    /// whose buffer may end there; one packer for both cost this loop its inlined probe.)
    @inline(__always)
    private static func packed(_ word: UnsafePointer<UInt8>?, _ count: Int, readable: Int) -> (UInt64, UInt64) {
        guard let word else { return (0, 0) }
        if readable >= 16 {
            let low = ASCIIWord.load(word) & ASCIIWord.lowBytes(count)
            let high = count > 8 ? ASCIIWord.load(word + 8) & ASCIIWord.lowBytes(count &- 8) : 0
            return (low, high)
        }
        var low: UInt64 = 0, high: UInt64 = 0
        for k in 0..<min(count, 16) {
            if k < 8 { low |= UInt64(word[k]) << UInt64(8 * k) } else { high |= UInt64(word[k]) << UInt64(8 * (k - 8)) }
        }
        return (low, high)
    }

    /// The time id and quote classes of the folded word `word` (tests, tools).
    func value(of word: String) -> (timeID: UInt16, classes: UInt64) {
        let w = Array(word.utf8)
        return slots.withUnsafeBufferPointer { slots in
            bytes.withUnsafeBufferPointer { bytes in
                w.withUnsafeBufferPointer { Self.probe(slots, bytes.baseAddress, $0.baseAddress, $0.count, readable: $0.count, FNV1a.hash($0)) }
            }
        }
    }

    /// Whether the word whose hash is `hash` may be in the table (tests).
    func mayContain(hash: UInt64) -> Bool { filter.mayContain(hash) }

    /// Every token's facts for both stages, from one probe each: what
    /// ``QuoteVocabulary/classes(of:tokens:)`` and ``TimeTokens/lookUp(_:_:pass:in:everyWordStarts:)``
    /// (with `everyWordStarts` false) give.
    /// - Parameter pass: the document's lexical pass, made of `tokens`.
    func classes(of document: Document, _ tokens: [Token], pass: LexicalPass) -> TokenClasses {
        let n = tokens.count
        precondition(pass.count == n, "the lexical pass is made of other tokens")
        // Every per-token array is made uninitialised and each element written once;
        // the numbers are filled with -1 at once and written for digit tokens only.
        var numbers = [Int32](repeating: -1, count: n)
        var ids: [UInt16] = []
        var flags: [TimeScanner.Flags] = []
        let classes = [UInt64](unsafeUninitializedCapacity: n) { classBuffer, classCount in
        ids = [UInt16](unsafeUninitializedCapacity: n) { idBuffer, idCount in
        flags = [TimeScanner.Flags](unsafeUninitializedCapacity: n) { flagBuffer, flagCount in
        numbers.withUnsafeMutableBufferPointer { numbers in
        document.utf8.withUnsafeBufferPointer { text in
        tokens.withUnsafeBufferPointer { tokens in
        pass.bytes.withUnsafeBufferPointer { folded in
        pass.starts.withUnsafeBufferPointer { starts in
        pass.hashes.withUnsafeBufferPointer { hashes in
        slots.withUnsafeBufferPointer { slots in
        bytes.withUnsafeBufferPointer { words in
        timeFlags.withUnsafeBufferPointer { timeFlags in
            // Locals, not the closures' captures, which are reloaded from memory per token.
            let classBuffer = classBuffer, idBuffer = idBuffer, flagBuffer = flagBuffer
            let filter = filter
            for i in 0..<n {
                let t = tokens[i]
                let h = hashes[i]
                var id: UInt16 = 0
                var c: UInt64 = 0
                if filter.mayContain(h) {
                    let s = Int(starts[i])
                    (id, c) = Self.probe(slots, words.baseAddress, folded.baseAddress.map { $0 + s }, Int(starts[i &+ 1]) &- s,
                                         readable: folded.count &- s, h)
                }
                // Quote classes are a word's; time entries any token's but a
                // kana or ideograph's (those are unusual tokens, keyed again below).
                let timed = t.kind != .ideographic
                if !timed { id = 0 }
                var f = timeFlags[Int(id)]
                let b = text[Int(t.start)]
                if b &- 0x30 < 10 {
                    // A digit: a starter (as long as a token is looked up at all), and
                    // a number when it is all digits, nine at most.
                    let length = Int(t.end &- t.start)
                    if timed, length <= 20 { f.insert(.starter) }
                    if length <= 9 { numbers[i] = TimeTokens.digitValue(text, t) }
                }
                (classBuffer.baseAddress! + i).initialize(to: t.kind == .word ? c : 0)
                (idBuffer.baseAddress! + i).initialize(to: id)
                (flagBuffer.baseAddress! + i).initialize(to: f)
            }
            // The tokens whose time key is not their folded form (a possessive ending
            // cut off, a fold that differs from the time key's): the time stage's own
            // way, from their text.
            for list in [pass.unusual, pass.possessives] {
                for k in list {
                    let i = Int(k)
                    let (id, f) = TimeTokens.entry(text, tokens[i], in: time.table)
                    idBuffer[i] = id
                    flagBuffer[i] = f
                }
            }
        }
        }
        }
        }
        }
        }
        }
        }
        }
            flagCount = n
        }
            idCount = n
        }
            classCount = n
        }
        return TokenClasses(table: self, quote: classes,
                            time: TimeTokens.Found(ids: ids, entries: time.table.entries, flags: flags, numbers: numbers))
    }

    /// The FNV-1a hash with its high bits folded down (the mask keeps low bits).
    @inline(__always)
    private static func index(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash ^ (hash >> 32)) }
}

/// A document's tokens' facts for the time and quote stages, from one probe of the
/// shared ``TokenClassTable`` per token; made once per document
/// (``AnalysisState/tokenClasses(_:)``).
struct TokenClasses: Sendable {
    /// The table they were made with.
    let table: TokenClassTable
    /// Each token's quote word classes (0 for tokens that are not words).
    let quote: [UInt64]
    /// Each token's time lexicon entry, flags and number.
    let time: TimeTokens.Found
}
