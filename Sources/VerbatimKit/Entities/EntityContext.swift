/// Per-document facts shared by the recognizers and the resolver: token
/// features, name hashes and the capitalised chunks candidates are built from.
final class EntityContext {
    let document: Document
    let tokens: [Token]
    let sentences: [Range<Int>]
    let keys: TokenKeys
    let lexicon: EntityLexicon
    let matcher = LexiconMatcher()
    // The per-token arrays below are read millions of times per MB; a class's `var`
    // would pay a dynamic exclusivity check on every read (about a tenth of the
    // run time). They are written only while the context is built, on one thread.
    @exclusivity(unchecked) var features: [TokenFeatures]
    /// Sentence index of each token.
    @exclusivity(unchecked) var sentenceOf: [Int32]
    /// Whether the token's sentence is written in capitals (a headline).
    @exclusivity(unchecked) var capsSentence: [Bool]
    /// Hardly any capitals in the whole document.
    let lowerDocument: Bool
    /// A sports report (results, tables): place names there usually name teams.
    @exclusivity(unchecked) var sportsDocument = false
    /// Runs of name-like tokens (token ranges), in text order.
    @exclusivity(unchecked) var chunks: [Range<Int>] = []
    /// End of the chunk each token belongs to (0 outside chunks).
    @exclusivity(unchecked) var chunkEnd: [Int32] = []
    /// Memoised longest matches of chunk tokens, a row of `walkMemoSlots` per token
    /// (rows for chunk tokens only: most tokens are in no chunk, and a row per token
    /// made every document clear about 120 bytes per token).
    static let walkMemoSlots = EntityLexicon.Walked.allCases.count * 2
    @exclusivity(unchecked) var walkMemo: [WalkMemo] = []
    /// Each token's row in `walkMemo` and `cueMemo` (-1 outside chunks).
    @exclusivity(unchecked) var walkMemoRow: [Int32] = []
    /// Memoised cue phrases of chunk tokens, two per row (folded, case-sensitive).
    @exclusivity(unchecked) var cueMemo: [CueMatches] = []
    /// Strings the candidates refer to (``KeptText``), the fixed vocabulary first.
    @exclusivity(unchecked) var keptTexts: [String] = KeptText.vocabulary

    /// The longest cue phrase of each phrase class from one start (``longestCue(_:from:limit:caseSensitive:)``).
    struct CueMatches {
        /// Whether the walk was made (memo entries start unknown).
        var known = false
        var countryAlias: (end: Int, entry: Int)? = nil
        var orgKnown: (end: Int, entry: Int)? = nil
        var placeKnown: (end: Int, entry: Int)? = nil

        func longest(_ kind: EntityLexicon.CueKind) -> (end: Int, entry: Int)? {
            switch kind {
            case .countryAlias: countryAlias
            case .orgKnown: orgKnown
            case .placeKnown: placeKnown
            case .other: nil
            }
        }
    }

    struct WalkMemo {
        /// End of the longest match (0 = not looked up yet, -1 = none).
        var end: Int32 = 0
        var entries: Range<Int32> = 0..<0
    }

    init(document: Document, segmentation: Segmentation, lexicon: EntityLexicon) {
        self.document = document
        self.tokens = segmentation.tokens
        self.sentences = segmentation.sentences
        self.lexicon = lexicon
        self.keys = TokenKeys(document: document, tokens: segmentation.tokens, stripPossessive: true)
        let n = tokens.count
        features = Array(repeating: [], count: n)
        sentenceOf = Array(repeating: 0, count: n)
        capsSentence = Array(repeating: false, count: n)

        var cased = 0, upperOrTitle = 0
        for t in tokens where t.kind == .word {
            if t.shape != .uncased { cased += 1 }
            if t.shape == .title || t.shape == .upper { upperOrTitle += 1 }
        }
        lowerDocument = cased >= 20 && upperOrTitle * 100 < cased
        for (s, range) in sentences.enumerated() {
            var upper = 0, lower = 0
            for i in range where tokens[i].kind == .word {
                switch tokens[i].shape {
                case .upper: upper += 1
                case .lower, .mixed, .title: lower += 1
                default: break
                }
            }
            let caps = upper >= 2 && upper > 2 * lower
            for i in range { sentenceOf[i] = Int32(s); capsSentence[i] = caps }
        }
        var memo = LexicalMemo(tokens: n)
        for i in 0..<n { computeFeatures(i, &memo) }
        // A frequent word opening a sentence is still a first name before a surname ("Bill Clinton said").
        for i in 0..<n where i + 1 < n && features[i].contains(.capitalized) && !features[i].contains(.nameLike)
            && features[i].contains(.commonFirstName) && features[i + 1].contains(.nameLike) && features[i + 1].contains(.surname)
            && features[i].isDisjoint(with: [.prep, .speech, .notName, .role, .title, .month, .particle])
            && !features[i + 1].contains(.common) {
            features[i].insert(.nameLike)
        }
        // In headlines and lower-case text, a place name may start with a common word ("NEW YORK").
        var i = 0
        while i < n {
            guard (capsSentence[i] || lowerDocument) && tokens[i].kind == .word && !features[i].contains(.nameLike) else { i += 1; continue }
            let limit = sentences[Int(sentenceOf[i])].upperBound
            var end = i
            for table in [lexicon.countries, lexicon.cities, lexicon.regions] {
                if let m = matcher.longest(in: table, tokens: tokens, keys: keys, from: i, limit: limit), m.end - i >= 2 { end = max(end, m.end) }
            }
            if end > i {
                for k in i..<end where tokens[k].kind == .word { features[k].insert(.nameLike) }
                i = end
            } else {
                i += 1
            }
        }
        var sportWords = 0
        for f in features where f.contains(.sport) { sportWords += 1 }
        var sportHeadline = false
        for s in sentences.prefix(2) { for i in s where features[i].contains(.sport) && tokens[i].shape == .upper { sportHeadline = true } }
        sportsDocument = sportHeadline || sportWords >= 4 && sportWords * 60 >= n
        buildChunks()
        chunkEnd = Array(repeating: 0, count: n)
        walkMemoRow = Array(repeating: -1, count: n)
        var rows: Int32 = 0
        for c in chunks {
            for i in c {
                chunkEnd[i] = Int32(c.upperBound)
                walkMemoRow[i] = rows
                rows += 1
            }
        }
        walkMemo = Array(repeating: WalkMemo(), count: Int(rows) * EntityContext.walkMemoSlots)
        cueMemo = Array(repeating: CueMatches(), count: Int(rows) * 2)
    }

    // MARK: - Token facts

    /// What the lexicons say about each distinct word of the document, so that a word
    /// met again costs one probe of a small table instead of five probes of large ones
    /// (those are cache misses: the tables are megabytes).
    struct LexicalMemo {
        /// Token whose key the slot holds (+1; 0 = empty).
        var first: [Int32]
        /// Features from the cue table (asked for every word).
        var cue: [TokenFeatures]
        /// Features from the other tables (asked for name candidates), when `known`.
        var names: [TokenFeatures]
        var known: [Bool]

        init(tokens n: Int) {
            var size = 16
            while size < n * 2 { size <<= 1 }
            first = Array(repeating: 0, count: size)
            cue = Array(repeating: [], count: size)
            names = Array(repeating: [], count: size)
            known = Array(repeating: false, count: size)
        }

        /// The slot for token `i`'s key: the one holding it, or the empty one to fill.
        func slot(_ i: Int, _ keys: TokenKeys) -> Int {
            let mask = first.count - 1
            var h = Int(truncatingIfNeeded: keys.hashes[i] ^ (keys.hashes[i] >> 31)) & mask
            while first[h] != 0 {
                let j = Int(first[h]) - 1
                if keys.hashes[j] == keys.hashes[i] && keys.foldedKey(j) == keys.foldedKey(i) { return h }
                h = (h + 1) & mask
            }
            return h
        }
    }

    private func computeFeatures(_ i: Int, _ memo: inout LexicalMemo) {
        let t = tokens[i]
        guard t.kind == .word else { return }
        var f: TokenFeatures = []
        // Possessive: the name stops before ’s / 's (the keys already leave it out).
        if nameEndBytes(t) < t.end { f.insert(.possessive) }

        let lex = lexicon
        let slot = memo.slot(i, keys)
        if memo.first[slot] == 0 {
            memo.first[slot] = Int32(i + 1)
            var cue: TokenFeatures = []
            for e in keys.lookup(i, in: lex.cues) { cue.formUnion(lex.cueFeatures[e]) }
            memo.cue[slot] = cue
        }
        f.formUnion(memo.cue[slot])

        // "FTU's", "NATO’s" (shaped title case): capitals before a possessive ending make an acronym.
        let upperStem = (t.shape == .title || t.shape == .mixed) && f.contains(.possessive) && isUpperStem(t)
        let capital = t.shape == .title || t.shape == .upper || upperStem
        let caps = capsSentence[i]
        let candidate = capital || caps || lowerDocument
        if candidate {
            if !memo.known[slot] {
                memo.names[slot] = nameFeatures(i)
                memo.known[slot] = true
            }
            f.formUnion(memo.names[slot])
        }
        if capital && !caps { f.insert(.capitalized) }
        finishFeatures(i, t, f, capital: capital, caps: caps, upperStem: upperStem)
    }

    /// The name-related lexicon facts of token `i`'s key.
    private func nameFeatures(_ i: Int) -> TokenFeatures {
        let lex = lexicon
        let key = keys.foldedKey(i)
        var f: TokenFeatures = []
        if lex.cues.search(prefixOf: key) { f.insert(.phraseCueStart) }
        if let common = keys.lookupFirst(i, in: lex.commonWords) {
            f.insert(.word)
            if common.value <= 20 { f.insert(.common) }
        }
        if let first = keys.lookupFirst(i, in: lex.firstNames) {
            if first.value >= NameCounts.firstName { f.insert(.firstName) }
            if first.value >= NameCounts.commonFirstName { f.insert(.commonFirstName) }
        }
        if let sur = keys.lookupFirst(i, in: lex.surnames) {
            if sur.value >= NameCounts.surname { f.insert(.surname) }
            if sur.value >= NameCounts.commonSurname { f.insert(.commonSurname) }
        }
        if !keys.lookup(i, in: lex.demonyms).isEmpty { f.insert(.demonym) }
        return f
    }

    private func finishFeatures(_ i: Int, _ t: Token, _ lexical: TokenFeatures, capital: Bool, caps: Bool, upperStem: Bool) {
        var f = lexical
        // Shape facts from the bytes.
        let bytes = document.utf8
        let length = t.length
        if t.shape == .title && length == 1 { f.insert(.initial) }
        if t.shape == .upper || (t.shape == .title && length == 1) || upperStem {
            var letters = 0
            for k in Int(t.start)..<Int(nameEndBytes(t)) where bytes[k] >= 0x41 && bytes[k] <= 0x5A { letters += 1 }
            if letters >= 2 && letters <= 6 && !caps { f.insert(.acronym) }
        }
        // Name-like: capitalised in running text (a capital at the start of a
        // sentence proves little when the word is a frequent English word).
        if caps || lowerDocument {
            if !f.contains(.common) && !f.contains(.notName) && length > 1 { f.insert(.nameLike) }
            if lowerDocument && !capital && f.contains(.word) && !f.contains(.firstName) { f.remove(.nameLike) }
        } else if capital {
            let initialPosition = t.flags.contains(.sentenceInitial) || previousIsOpening(i)
            if !initialPosition || !f.contains(.common) { f.insert(.nameLike) }
        }
        features[i] = f
    }

    /// Whether a token has no lower-case ASCII letter before its possessive ending.
    private func isUpperStem(_ t: Token) -> Bool {
        let bytes = document.utf8
        var capitals = 0
        for k in Int(t.start)..<Int(nameEndBytes(t)) {
            let b = bytes[k]
            if b >= 0x61 && b <= 0x7A || b >= 0x80 { return false }
            if b >= 0x41 && b <= 0x5A { capitals += 1 }
        }
        return capitals >= 2
    }

    private func previousIsOpening(_ i: Int) -> Bool {
        guard i > 0 else { return true }
        let p = tokens[i - 1]
        if p.quote?.role == .opening { return true }
        if p.kind == .punctuation, document.utf8[Int(p.start)] == 0x3A { return true } // "Name: text"
        return false
    }

    /// "-led", "-based", "-born", "-backed": a hyphenated adjective, not part of a name.
    /// A short lower-case syllable glued to a capitalised word ("Wai-ching",
    /// "Yiu-chung", "Kwok-hung", "In-so") continues a given name instead.
    private func lowerHyphenCompound(_ i: Int) -> Bool {
        let key = keys.foldedKey(i)
        if features[i].contains(.word) { return true }
        if EntityContext.compoundHeads.contains(keys, i) { return true }
        guard key.count >= 6 else { return false }
        for suffix in ["ed", "ing", "er", "ers", "ly", "ian", "ese", "ish"] where key.count > suffix.utf8.count + 1 && key.reversed().starts(with: suffix.utf8.reversed()) {
            return true
        }
        return false
    }

    /// Short heads of hyphenated adjectives after a name ("US-led", "Paris-born", "NATO-style").
    static let compoundHeads = WordSet(["led", "run", "fed", "made", "born", "bred", "held", "owned", "based", "backed", "built", "bound",
                                "style", "type", "like", "era", "wide", "free", "area", "zone", "side", "only", "rich", "poor",
                                "linked", "allied", "funded", "raised", "leaning", "related", "centred", "centered", "focused",
                                "friendly", "speaking", "language", "sized", "scale", "class", "level", "esque"])

    /// FNV-1a hash of word token `i`'s folded key without a possessive ending; 0 for other tokens.
    func wordHash(_ i: Int) -> UInt64 { tokens[i].kind == .word ? keys.hashes[i] : 0 }

    /// Whether token `i` is the word `w` (ASCII lower case), case-insensitively.
    func isWord(_ i: Int, _ w: StaticString) -> Bool {
        i >= 0 && i < tokens.count && keys.folded(i, is: w)
    }

    /// Whether token `i` is a punctuation token starting with byte `b`.
    func isPunct(_ i: Int, _ b: UInt8) -> Bool {
        guard i >= 0, i < tokens.count else { return false }
        let t = tokens[i]
        return (t.kind == .punctuation || t.kind == .symbol) && document.utf8[Int(t.start)] == b
    }

    func sameSentence(_ a: Int, _ b: Int) -> Bool {
        a >= 0 && b >= 0 && a < tokens.count && b < tokens.count && sentenceOf[a] == sentenceOf[b]
    }

    func has(_ i: Int, _ f: TokenFeatures) -> Bool {
        i >= 0 && i < tokens.count && features[i].contains(f)
    }

    func hasAny(_ i: Int, _ f: TokenFeatures) -> Bool {
        i >= 0 && i < tokens.count && !features[i].isDisjoint(with: f)
    }

    /// Byte end of a word token without a possessive ending.
    private func nameEndBytes(_ t: Token) -> Int32 {
        let b = document.utf8
        var e = Int(t.end)
        let s = Int(t.start)
        if e - s > 2, b[e - 1] | 0x20 == 0x73 {
            if b[e - 2] == 0x27 { return Int32(e - 2) }
            if e - s > 4, b[e - 4] == 0xE2, b[e - 3] == 0x80, b[e - 2] == 0x99 { return Int32(e - 4) }
        }
        if e - s > 1, b[e - 1] == 0x27 { e -= 1; return Int32(e) }
        if e - s > 3, b[e - 3] == 0xE2, b[e - 2] == 0x80, b[e - 1] == 0x99 { return Int32(e - 3) }
        return t.end
    }

    /// Byte end of token `i` as a name (before a possessive ending).
    func nameEnd(_ i: Int) -> Int32 {
        let t = tokens[i]
        guard features[i].contains(.possessive) else { return t.end }
        return nameEndBytes(t)
    }

    /// The text of tokens `a..<b` as a name.
    func text(_ a: Int, _ b: Int) -> String {
        document.string(tokens[a].start, nameEnd(b - 1))
    }

    // MARK: - Chunks

    /// Runs of name-like tokens within a sentence, joined by glued hyphens and
    /// full stops (initials, "St."), "&", and lower-case name particles followed by
    /// a name; a possessive ends a run.
    private func buildChunks() {
        var i = 0
        let n = tokens.count
        while i < n {
            guard features[i].contains(.nameLike) else { i += 1; continue }
            let start = i
            var end = i + 1
            while end < n, sameSentence(start, end), !features[end - 1].contains(.possessive) {
                let t = tokens[end]
                if t.flags.contains(.lineBreakBefore) { break }
                if features[end].contains(.nameLike) { end += 1; continue }
                // glued hyphen or full stop: Jean-Pierre, J. K., St. Louis
                if t.kind == .punctuation, end + 1 < n, features[end + 1].contains(.nameLike),
                   isPunct(end, 0x2D) && !t.flags.contains(.spaceBefore) && !tokens[end + 1].flags.contains(.spaceBefore)
                    || isPunct(end, 0x2E) && !t.flags.contains(.spaceBefore) && (features[end - 1].contains(.initial) || features[end - 1].contains(.title) || isWord(end - 1, "st") || isWord(end - 1, "mt")) {
                    end += 2; continue
                }
                // "Lee Cheuk-yan", "Inzamam-ul-Haq": lower-case parts glued by hyphens inside a name.
                if isPunct(end, 0x2D), end + 1 < n, !t.flags.contains(.spaceBefore), !tokens[end + 1].flags.contains(.spaceBefore),
                   tokens[end + 1].kind == .word, tokens[end + 1].shape == .lower, features[end - 1].contains(.capitalized),
                   !(end + 2 < n && isPunct(end + 2, 0x2D) == false && tokens[end + 2].kind == .word && !tokens[end + 2].flags.contains(.spaceBefore)) {
                    var k = end + 2
                    // take further glued "-Part" pieces
                    while k + 1 < n, isPunct(k, 0x2D), !tokens[k].flags.contains(.spaceBefore), !tokens[k + 1].flags.contains(.spaceBefore),
                          tokens[k + 1].kind == .word {
                        k += 2
                    }
                    if !lowerHyphenCompound(end + 1) { end = k; continue }
                }
                if isPunct(end, 0x26), end + 1 < n, features[end + 1].contains(.nameLike) { end += 2; continue }
                if t.shape == .lower, features[end].contains(.particle), end + 1 < n, features[end + 1].contains(.nameLike) {
                    end += 1; continue
                }
                break
            }
            // A trailing initial's full stop stays outside; a leading "The" is dropped.
            var s = start
            if isWord(s, "the") && end - s > 1 { s += 1 }
            chunks.append(s..<end)
            i = end
        }
    }
}
