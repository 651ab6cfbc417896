/// The time stage's one pass over a document's tokens: each token's key
/// (``WordKey``: lower-cased, possessive cut off) looked up once in the time lexicon,
/// giving its roles, its time word and its flags. Every rule afterwards reads these
/// arrays; nothing else in the stage computes a token's key.
///
/// The keys come from the document's ``LexicalPass``, which has already folded every
/// token: a plain token's (ASCII without a backtick) folded bytes are the byte-wise
/// lower case a ``WordKey`` holds, so they are read as they are. Only the pass's
/// ``LexicalPass/unusual`` tokens are keyed from their text (``textKey(_:_:)``), since
/// there the two folds part: the pass's Unicode lower case turns a few non-ASCII
/// letters into ASCII ("weeK" with a Kelvin sign folds to "week"), which the time
/// key refuses, as it refuses every non-ASCII letter.
enum TimeTokens {
    /// Each token's lexicon entry, as a two-byte id into the lexicon's entries (0: a
    /// token outside the lexicon), and its flags. Three bytes a token: the roles and time
    /// word written out per token were 33, megabytes of mostly empty arrays per megabyte
    /// of text. ``roles``, ``words`` and ``holidayWords`` read a token's fields through
    /// its id.
    struct Found {
        let ids: [UInt16]
        let entries: [TimeLexiconEntry]
        let flags: [TimeScanner.Flags]
        /// Each token's value when it is made only of ASCII digits, at most nine of them
        /// (its digit count is its length); -1 for every other token. Parsed here once:
        /// ``TimeScanner/digits(_:)`` is asked of a number token by about ten rules,
        /// which each parsed its bytes again.
        let numbers: [Int32]

        var roles: Roles { Roles(ids: ids, entries: entries) }
        var words: Words { Words(ids: ids, entries: entries) }
        var holidayWords: HolidayWords { HolidayWords(ids: ids, entries: entries) }
    }

    /// Each token's roles (`time/grammar.tsv`), empty outside the lexicon.
    struct Roles {
        let ids: [UInt16]
        let entries: [TimeLexiconEntry]
        @inline(__always) subscript(i: Int) -> RoleSet { entries[Int(ids[i])].roles }
    }

    /// Each token's time word, nil outside `time/words.tsv`.
    struct Words {
        let ids: [UInt16]
        let entries: [TimeLexiconEntry]
        @inline(__always) subscript(i: Int) -> TimeWord? { entries[Int(ids[i])].word }
    }

    /// Each token's word id in the holiday names (0: none).
    struct HolidayWords {
        let ids: [UInt16]
        let entries: [TimeLexiconEntry]
        @inline(__always) subscript(i: Int) -> UInt16 { entries[Int(ids[i])].holidayWord }
    }

    /// Per-token entries and flags. `everyWordStarts` makes every token with a
    /// lexicon entry or a digit a starter and a rule word (the general path the skips
    /// are tested against).
    /// - Parameter pass: the document's lexical pass, made of `tokens`.
    static func lookUp(_ utf8: [UInt8], _ tokens: [Token], pass: LexicalPass, in lexicon: TimeLexicon, everyWordStarts: Bool) -> Found {
        let count = tokens.count
        precondition(pass.count == count, "the lexical pass is made of other tokens")
        let table = lexicon.table
        let entries = table.entries
        // Each per-token array is made uninitialised and every element written once: most
        // tokens are neither time words nor starters, and zero-filling first cost more than
        // the loop. The per-token booleans share one byte.
        var flags: [TimeScanner.Flags] = []
        // Filled with -1 at once, and written only for the few tokens that begin with a digit:
        // a value computed and written per token cost more than the rules' parsing it saved.
        var numbers = [Int32](repeating: -1, count: count)
        let ids = [UInt16](unsafeUninitializedCapacity: count) { idBuffer, idCount in
            flags = [TimeScanner.Flags](unsafeUninitializedCapacity: count) { flagBuffer, flagCount in
                numbers.withUnsafeMutableBufferPointer { numberBuffer in
                utf8.withUnsafeBufferPointer { b in
                pass.bytes.withUnsafeBufferPointer { folded in
                pass.starts.withUnsafeBufferPointer { starts in
                pass.unusual.withUnsafeBufferPointer { unusual in
                pass.hashes.withUnsafeBufferPointer { hashes in
                table.flags.withUnsafeBufferPointer { entryFlags in
                    // The unusual tokens are in order: the next one's index is the
                    // only one to compare each token with.
                    var nextUnusual = 0
                    for i in 0..<count {
                        var id: UInt16 = 0
                        var f: TimeScanner.Flags = []
                        let t = tokens[i]
                        let isUnusual = nextUnusual < unusual.count && Int(unusual[nextUnusual]) == i
                        if isUnusual { nextUnusual &+= 1 }
                        let n = Int(t.end - t.start)
                        if n >= 1, n <= 9, startsWithDigit(b, t) { numberBuffer[i] = digitValue(b, t) }
                        if n <= 20, t.kind == .word || t.kind == .number || t.kind == .punctuation || t.kind == .symbol {
                            let cut = possessiveLength(b, t)
                            if cut > 0 { f.insert(.possessive) }
                            // A plain token's folded bytes are as long as its text, and
                            // its possessive ending is ASCII: the same cut applies.
                            // Without a cut, its key is its folded text, whose hash the
                            // pass holds: the filter turns most tokens away before the probe.
                            let key = isUnusual
                                ? WordKey(b, Int(t.start), Int(t.end) - cut)
                                : cut == 0 && !lexicon.filter.mayContain(hashes[i])
                                ? nil
                                : WordKey(lowerCaseASCII: folded, Int(starts[i]), Int(starts[i &+ 1]) - cut)
                            if let key {
                                id = table.id(key)
                                if id != 0 {
                                    let known = entryFlags[Int(id)]
                                    f.formUnion(everyWordStarts ? [.starter, .ruleWord] : known.intersection([.starter, .ruleWord]))
                                    f.formUnion(known.intersection(.holidayStart))
                                }
                            }
                            if !f.contains(.starter), startsWithDigit(b, t) {
                                f.insert(everyWordStarts ? [.starter, .ruleWord] : .starter)
                            }
                        }
                        (idBuffer.baseAddress! + i).initialize(to: id)
                        (flagBuffer.baseAddress! + i).initialize(to: f)
                    }
                }
                }
                }
                }
                }
                }
                }
                flagCount = count
            }
            idCount = count
        }
        return Found(ids: ids, entries: entries, flags: flags, numbers: numbers)
    }

    /// Token `t`'s entry id and flags (with `everyWordStarts` false) keyed from its
    /// text: what ``lookUp(_:_:pass:in:everyWordStarts:)`` gives any token, for the
    /// few tokens whose key is not their folded form (``TokenClassTable``).
    static func entry(_ utf8: UnsafeBufferPointer<UInt8>, _ t: Token, in table: WordTable) -> (id: UInt16, flags: TimeScanner.Flags) {
        var id: UInt16 = 0
        var f: TimeScanner.Flags = []
        if t.end - t.start <= 20, t.kind != .ideographic {
            let cut = possessiveLength(utf8, t)
            if cut > 0 { f.insert(.possessive) }
            if let key = WordKey(utf8, Int(t.start), Int(t.end) - cut) {
                id = table.id(key)
                if id != 0 { f.formUnion(table.flags[Int(id)].intersection([.starter, .ruleWord, .holidayStart])) }
            }
            if startsWithDigit(utf8, t) { f.insert(.starter) }
        }
        return (id, f)
    }

    /// Token `t`'s key folded from its text, without its possessive ending: what
    /// ``lookUp(_:_:pass:in:everyWordStarts:)`` reads from the pass for a plain token.
    static func textKey(_ utf8: [UInt8], _ t: Token) -> WordKey? {
        utf8.withUnsafeBufferPointer { WordKey($0, Int(t.start), Int(t.end) - possessiveLength($0, t)) }
    }

    /// The value of a token made only of ASCII digits, at most nine (no overflow of
    /// `Int32`); -1 for any other token. What ``TimeScanner/digits(_:)`` returned.
    @inline(__always)
    static func digitValue(_ utf8: UnsafeBufferPointer<UInt8>, _ t: Token) -> Int32 {
        let n = Int(t.end - t.start)
        guard n >= 1, n <= 9 else { return -1 }
        var value: Int32 = 0
        for p in Int(t.start)..<Int(t.end) {
            let b = utf8[p]
            guard b >= 48, b <= 57 else { return -1 }
            value = value &* 10 &+ Int32(b &- 48)
        }
        return value
    }

    @inline(__always)
    static func startsWithDigit(_ utf8: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        let b = utf8[Int(t.start)]
        return b >= 0x30 && b <= 0x39
    }

    @inline(__always)
    static func possessiveLength(_ utf8: UnsafeBufferPointer<UInt8>, _ t: Token) -> Int {
        guard t.kind == .word, t.end - t.start > 3 else { return 0 }
        let e = Int(t.end)
        guard utf8[e - 1] == UInt8(ascii: "s") else { return 0 }
        if utf8[e - 2] == UInt8(ascii: "'") { return 2 }
        if e - Int(t.start) > 5, utf8[e - 2] == 0x99, utf8[e - 3] == 0x80, utf8[e - 4] == 0xE2 { return 4 }
        return 0
    }

    /// The byte length of a possessive ending ("'s", "’s") on a word token, else 0.
    static func possessiveLength(_ utf8: [UInt8], _ t: Token) -> Int {
        utf8.withUnsafeBufferPointer { possessiveLength($0, t) }
    }

}
