/// What the lexicons and the text say about each token of one document: its
/// ``TokenFeatures`` and ``WordClasses``, its sentence and whether that sentence is
/// a headline, and two document facts (a lower-case document, a sports report).
///
/// This is the entity stage's only per-token pass over the lexicons: everything the
/// rules ask of a single token is answered from these arrays. It reads the document's
/// ``TokenKeys`` (folded keys and their hashes) and looks each distinct word up once
/// per worker (``WordFactsCache``).
struct TokenFacts {
    var features: [TokenFeatures]
    var classes: [WordClasses]
    /// Sentence index of each token.
    var sentenceOf: [Int32]
    /// Whether the token's sentence is written in capitals (a headline).
    var capsSentence: [Bool]
    /// The walk-start bits of each word token whose name facts were asked (written with a
    /// capital, or in a headline or a lower-case document: the words chunks are made
    /// of), from the word cache (``EntityLexicon/walkStartBits(_:_:)``);
    /// ``unknownWalkStarts`` for the other tokens.
    var walkStarts: [UInt8]
    /// Hardly any capitals in the whole document.
    var lowerDocument: Bool
    /// A sports report (results, tables): place names there usually name teams.
    var sportsDocument: Bool

    init(document: Document, tokens: [Token], sentences: [Range<Int>], keys: TokenKeys, lexicon: EntityLexicon, matcher: LexiconMatcher,
         words: inout WordFactsCache) {
        // Built in local arrays (the optimiser keeps them in registers, not the struct's fields).
        let n = tokens.count
        var features = [TokenFeatures](repeating: [], count: n)
        var classes = [WordClasses](repeating: [], count: n)
        var sentenceOf = [Int32](repeating: 0, count: n)
        var capsSentence = [Bool](repeating: false, count: n)
        var walkStarts = [UInt8](repeating: TokenFacts.unknownWalkStarts, count: n)

        var cased = 0, upperOrTitle = 0
        for t in tokens where t.kind == .word {
            if t.shape != .uncased { cased += 1 }
            if t.shape == .title || t.shape == .upper { upperOrTitle += 1 }
        }
        let lowerDocument = cased >= 20 && upperOrTitle * 100 < cased
        // Every token is written through buffer pointers: an element assignment in these
        // per-token loops checked the array's uniqueness each time (about 670,000 calls
        // per MB, some 8 M instructions).
        sentenceOf.withUnsafeMutableBufferPointer { sentenceOf in
        capsSentence.withUnsafeMutableBufferPointer { capsSentence in
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
        }
        }
        words.warm(keys.hashes, tokens)
        let lookup = LexicalLookup(document: document, tokens: tokens, keys: keys, lexicon: lexicon)
        // The capitalised words in order: the two first-name passes below look at them alone.
        var capitalized: [Int] = []
        features.withUnsafeMutableBufferPointer { features in
        classes.withUnsafeMutableBufferPointer { classes in
        walkStarts.withUnsafeMutableBufferPointer { walkStarts in
            for i in 0..<n where tokens[i].kind == .word {
                (features[i], classes[i], walkStarts[i]) = lookup.facts(i, caps: capsSentence[i], lowerDocument: lowerDocument, &words)
                if features[i].contains(.capitalized) { capitalized.append(i) }
            }
        }
        }
        }
        // A frequent word opening a sentence is still a first name before a surname ("Bill Clinton said").
        for i in capitalized where i + 1 < n && !features[i].contains(.nameLike)
            && features[i].contains(.commonFirstName) && features[i + 1].contains(.nameLike) && features[i + 1].contains(.surname)
            && features[i].isDisjoint(with: [.prep, .speech, .notName, .role, .title, .month, .particle])
            && !features[i + 1].contains(.common) {
            features[i].insert(.nameLike)
        }
        // So is it before a capitalised word no list knows, when a comma or a speech verb
        // follows the pair ("Pat Vanini, executive director", "Nick Sandmann said").
        for i in capitalized where i + 2 < n && !features[i].contains(.nameLike)
            && features[i].contains(.commonFirstName) && features[i + 1].contains(.nameLike) && tokens[i + 1].shape == .title
            && features[i + 1].isDisjoint(with: [.word, .common, .surname, .firstName, .demonym, .acronym])
            && features[i].isDisjoint(with: [.prep, .speech, .notName, .role, .title, .month, .particle])
            && (tokens[i + 2].kind == .punctuation && document.utf8[Int(tokens[i + 2].start)] == 0x2C
                || tokens[i + 2].shape == .lower && features[i + 2].contains(.speech)) {
            features[i].insert(.nameLike)
        }
        // In headlines, lower-case text and runs of capitals (a dateline, "NEW YORK _ The..."),
        // a place name may start with a common word ("NEW YORK").
        var i = 0
        while i < n {
            let capitalsRun = tokens[i].shape == .upper && i + 1 < n && tokens[i + 1].kind == .word && tokens[i + 1].shape == .upper
            guard (capsSentence[i] || lowerDocument || capitalsRun) && tokens[i].kind == .word && !features[i].contains(.nameLike) else { i += 1; continue }
            let limit = sentences[Int(sentenceOf[i])].upperBound
            var end = i
            func reach(_ table: LexiconTable) {
                if let m = matcher.longest(in: table, tokens: tokens, keys: keys, from: i, limit: limit), m.end - i >= 2 { end = max(end, m.end) }
            }
            reach(lexicon.countries)
            reach(lexicon.cities)
            reach(lexicon.regions)
            if end > i {
                for k in i..<end where tokens[k].kind == .word { features[k].insert(.nameLike) }
                i = end
            } else {
                i += 1
            }
        }
        // "KESTRELSOURCES, INC.": in capitals, an abbreviated legal form after a name and a
        // comma is part of the firm's name (comma-legal-suffix), though it is also a word.
        for i in 2..<max(2, n) where capsSentence[i] && classes[i].contains(.abbreviatedLegalForm) && !features[i].contains(.nameLike)
            && tokens[i - 1].kind == .punctuation && document.utf8[Int(tokens[i - 1].start)] == 0x2C && features[i - 2].contains(.nameLike) {
            features[i].insert(.nameLike)
        }
        var sportWords = 0
        for f in features where f.contains(.sport) { sportWords += 1 }
        var sportHeadline = false
        // A headline's "VS." is as often a dispute's ("GOVERNORS VS. TAX FREEDOM ACT") as a match's:
        // it makes no sports report alone.
        for s in sentences.prefix(2) {
            for i in s where features[i].contains(.sport) && tokens[i].shape == .upper && !classes[i].contains(.versus) { sportHeadline = true }
        }
        let sports = sportHeadline || sportWords >= 4 && sportWords * 60 >= n
        // In a sports report, everyday words opening a results row name a side
        // ("Reading 4 1 1 2 5 10 4", "Port Vale 4 1 2 1", "Sale 31 Wasps 33"): a row
        // is no sentence.
        if sports {
            for i in capitalized where i == 0 || tokens[i].flags.contains(.lineBreakBefore) {
                var end = i
                while end < i + 4, end < n, tokens[end].kind == .word, features[end].contains(.capitalized),
                      end == i || !tokens[end].flags.contains(.lineBreakBefore),
                      features[end].isDisjoint(with: [.notName, .month, .sport, .prep, .speech, .title, .role]) {
                    end += 1
                }
                guard end > i, TokenFacts.opensResultsRow(tokens, end) else { continue }
                for k in i..<end { features[k].insert(.nameLike) }
            }
        }
        self.features = features
        self.classes = classes
        self.sentenceOf = sentenceOf
        self.capsSentence = capsSentence
        self.walkStarts = walkStarts
        self.lowerDocument = lowerDocument
        sportsDocument = sports
    }

    /// ``walkStarts`` of a token whose name facts were not asked (no walk-start bits are all set).
    static let unknownWalkStarts: UInt8 = 0xFF

    /// Whether token `b`, after a name, opens the rest of a results row on the same
    /// line: a score followed by another score ("Bury 4 3 1 0", a standings row), or by
    /// a capitalised name of up to four words and its score ("Kestrelford 2 Dunwick 1").
    /// A dateline ("LONDON 1996-08-30") or a single figure ("Attendance 25,000") is no row.
    static func opensResultsRow(_ tokens: [Token], _ b: Int) -> Bool {
        let n = tokens.count
        func sameLine(_ k: Int) -> Bool { k < n && !tokens[k].flags.contains(.lineBreakBefore) }
        guard sameLine(b), tokens[b].kind == .number, sameLine(b + 1) else { return false }
        if tokens[b + 1].kind == .number { return true }
        var k = b + 1
        while k < b + 5, sameLine(k), tokens[k].kind == .word, tokens[k].shape == .title || tokens[k].shape == .upper { k += 1 }
        return k > b + 1 && sameLine(k) && tokens[k].kind == .number
    }

    /// Byte end of a word token without a possessive ending (’s, 's, ’, ').
    static func nameEndBytes(_ t: Token, _ b: [UInt8]) -> Int32 {
        var e = Int(t.end)
        let s = Int(t.start)
        // Every ending below closes with s or S, an apostrophe or the last byte of ’
        // (0x99): one test lets the other tokens go (the facts ask every word).
        guard e > s, b[e - 1] | 0x20 == 0x73 || b[e - 1] == 0x27 || b[e - 1] == 0x99 else { return t.end }
        if e - s > 2, b[e - 1] | 0x20 == 0x73 {
            if b[e - 2] == 0x27 { return Int32(e - 2) }
            if e - s > 4, b[e - 4] == 0xE2, b[e - 3] == 0x80, b[e - 2] == 0x99 { return Int32(e - 4) }
        }
        if e - s > 1, b[e - 1] == 0x27 { e -= 1; return Int32(e) }
        if e - s > 3, b[e - 3] == 0xE2, b[e - 2] == 0x80, b[e - 1] == 0x99 { return Int32(e - 3) }
        return t.end
    }
}

/// The lexicon look-ups of single tokens, for ``TokenFacts``: a value of the inputs it
/// reads, so that its methods borrow them (methods of the facts being built copied
/// them, lexicon and all, on many calls).
private struct LexicalLookup {
    let document: Document
    let tokens: [Token]
    let keys: TokenKeys
    let lexicon: EntityLexicon

    /// The features, word classes and walk-start bits (``TokenFacts/unknownWalkStarts``
    /// when the name facts are not asked) of word token `i` in a sentence in capitals
    /// or not (`caps`), in a lower-case document or not.
    func facts(_ i: Int, caps: Bool, lowerDocument: Bool, _ words: inout WordFactsCache) -> (TokenFeatures, WordClasses, UInt8) {
        let t = tokens[i]
        var f: TokenFeatures = []
        // Possessive: the name stops before ’s / 's (the keys already leave it out).
        let possessive = TokenFacts.nameEndBytes(t, document.utf8) < t.end
        if possessive { f.insert(.possessive) }
        // "FTU's", "NATO’s" (shaped title case): capitals before a possessive ending make an acronym.
        let upperStem = (t.shape == .title || t.shape == .mixed) && possessive && isUpperStem(t)
        let capital = t.shape == .title || t.shape == .upper || upperStem
        let candidate = capital || caps || lowerDocument

        // A word met before (in this document or an earlier one) costs one probe of the
        // small cache instead of five of the megabyte tables. A word new to the worker
        // that asks for its name facts reads the name tables' first slots before the
        // word classes' probe, so that its cache miss overlaps theirs.
        let entry = candidate
            ? keys.withKey(i) { key in
                words.entry(key, hash: keys.hashes[i], cueAndNames: {
                    let ahead = nameSlots(i)
                    let cue = wordClasses(i)
                    return (cue, nameFacts(i, ahead))
                })
            }
            : keys.withKey(i) { key in words.entry(key, hash: keys.hashes[i]) { wordClasses(i) } }
        f.formUnion(words.cueFeatures(entry))
        let classes = words.classes(entry)

        var walkStarts = TokenFacts.unknownWalkStarts
        if candidate {
            let names = words.names(entry) { nameFacts(i, nameSlots(i)) }
            f.formUnion(names.features)
            walkStarts = names.walkStarts
        }
        if capital && !caps { f.insert(.capitalized) }
        return (finishFeatures(i, t, f, capital: capital, caps: caps, lowerDocument: lowerDocument, upperStem: upperStem), classes, walkStarts)
    }

    /// The cue features and word classes of token `i`'s key (one probe).
    private func wordClasses(_ i: Int) -> WordClassIndex.Classes {
        keys.withKey(i) { key in
            lexicon.wordClasses.classes(of: key, hash: keys.hashes[i])
        }
    }

    /// The first hash slots of token `i`'s key in the four name tables (common words,
    /// first names, surnames, demonyms), read before any of them is looked at: their cache
    /// misses (this runs for a word new to the worker) overlap.
    private struct NameSlots {
        typealias Slot = (slot: Int, contents: LexiconTable.HashSlot)
        let common: Slot, first: Slot, sur: Slot, demonym: Slot
    }

    @inline(__always)
    private func nameSlots(_ i: Int) -> NameSlots {
        let hash = keys.hashes[i], lex = lexicon
        return NameSlots(common: lex.commonWords.readAhead(hash: hash), first: lex.firstNames.readAhead(hash: hash),
                         sur: lex.surnames.readAhead(hash: hash), demonym: lex.demonyms.readAhead(hash: hash))
    }

    /// The name facts of token `i`'s key, for the word cache: its name features and walk-start bits.
    private func nameFacts(_ i: Int, _ slots: NameSlots) -> WordFactsCache.NameFacts {
        WordFactsCache.NameFacts(features: nameFeatures(i, slots), walkStarts: lexicon.walkStartBits(keys, i))
    }

    /// The name-related lexicon facts of token `i`'s key, from its name slots (``nameSlots(_:)``).
    private func nameFeatures(_ i: Int, _ slots: NameSlots) -> TokenFeatures {
        let lex = lexicon
        let (common, first, sur, demonym) = (slots.common, slots.first, slots.sur, slots.demonym)
        var f: TokenFeatures = []
        // The table's start filter says no for most words (a few instructions instead of
        // a binary search); it never says no where some key starts with these bytes.
        if keys.mayStart(i, in: lex.phrases), lex.phrases.search(prefixOf: keys.foldedKey(i)) { f.insert(.phraseStart) }
        keys.withKey(i) { key in
            if let common = lex.commonWords.exactFirst(key, readAhead: common) {
                f.insert(.word)
                if common.value <= 20 { f.insert(.common) }
            }
            if let first = lex.firstNames.exactFirst(key, readAhead: first) {
                if first.value >= NameCounts.firstName { f.insert(.firstName) }
                if first.value >= NameCounts.commonFirstName { f.insert(.commonFirstName) }
            }
            if let sur = lex.surnames.exactFirst(key, readAhead: sur) {
                if sur.value >= NameCounts.surname { f.insert(.surname) }
                if sur.value >= NameCounts.commonSurname { f.insert(.commonSurname) }
            }
            if lex.demonyms.exactFirst(key, readAhead: demonym) != nil { f.insert(.demonym) }
        }
        return f
    }

    private func finishFeatures(_ i: Int, _ t: Token, _ lexical: TokenFeatures, capital: Bool, caps: Bool, lowerDocument: Bool,
                                upperStem: Bool) -> TokenFeatures {
        var f = lexical
        // Shape facts from the bytes.
        let bytes = document.utf8
        let length = t.length
        if t.shape == .title && length == 1 { f.insert(.initial) }
        if t.shape == .upper || (t.shape == .title && length == 1) || upperStem {
            var letters = 0
            for k in Int(t.start)..<Int(TokenFacts.nameEndBytes(t, bytes)) where bytes[k] >= 0x41 && bytes[k] <= 0x5A { letters += 1 }
            if letters >= 2 && letters <= 6 && !caps { f.insert(.acronym) }
        }
        // Name-like: capitalised in running text (a capital at the start of a
        // sentence proves little when the word is a frequent English word).
        if caps || lowerDocument {
            if !f.contains(.common) && !f.contains(.notName) && length > 1 { f.insert(.nameLike) }
            if lowerDocument && !capital && f.contains(.word) && !f.contains(.firstName) { f.remove(.nameLike) }
        } else if capital {
            let initialPosition = t.flags.contains(.sentenceInitial) || previousIsOpening(i)
            if !initialPosition || !f.contains(.common) || f.contains(.initial) && initialBeforeName(i) { f.insert(.nameLike) }
        }
        return f
    }

    /// Whether a token has no lower-case ASCII letter before its possessive ending.
    private func isUpperStem(_ t: Token) -> Bool {
        let bytes = document.utf8
        var capitals = 0
        for k in Int(t.start)..<Int(TokenFacts.nameEndBytes(t, bytes)) {
            let b = bytes[k]
            if b >= 0x61 && b <= 0x7A || b >= 0x80 { return false }
            if b >= 0x41 && b <= 0x5A { capitals += 1 }
        }
        return capitals >= 2
    }

    /// Whether the single capital at `i` is an initial before a name: a full stop glued
    /// to it, then a capitalised word ("A. Pellow" opening a line of a scorecard, where
    /// the capital alone would be the article "A").
    private func initialBeforeName(_ i: Int) -> Bool {
        let stop = i + 1, name = i + 2
        guard name < tokens.count, tokens[stop].kind == .punctuation, document.utf8[Int(tokens[stop].start)] == 0x2E,
              !tokens[stop].flags.contains(.spaceBefore), !tokens[name].flags.contains(.lineBreakBefore),
              tokens[name].kind == .word, tokens[name].shape == .title else { return false }
        return true
    }

    private func previousIsOpening(_ i: Int) -> Bool {
        guard i > 0 else { return true }
        let p = tokens[i - 1]
        if p.quote?.role == .opening { return true }
        if p.kind == .punctuation, document.utf8[Int(p.start)] == 0x3A { return true } // "Name: text"
        return false
    }
}

/// The counts of people (US Census and SSA figures in the model files) from which a
/// word counts as a first name or surname. The surname file is cut at exactly
/// `surname` (`SURNAME_MIN` in Models/build/build_models.py), so that start-up does
/// not load names no rule reads: a lower figure here needs a rebuild with a lower
/// cut. The first-name file goes lower (`FIRST_MIN`, 200): the quote stage reads
/// every first name for gender.
enum NameCounts {
    static let firstName: Float32 = 300
    static let commonFirstName: Float32 = 20_000
    static let surname: Float32 = 1_000
    static let commonSurname: Float32 = 10_000
}

/// What the lexicons and the text say about one token.
public struct TokenFeatures: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// May be part of a name here: capitalised (or, in an ALL-CAPS sentence or a
    /// lower-case document, not a common word).
    public static let nameLike = TokenFeatures(rawValue: 1 << 0)
    public static let firstName = TokenFeatures(rawValue: 1 << 1)
    /// A first name given to many (count >= 20000).
    public static let commonFirstName = TokenFeatures(rawValue: 1 << 2)
    public static let surname = TokenFeatures(rawValue: 1 << 3)
    /// A frequent lower-case English word (SCOWL sizes 10 and 20).
    public static let common = TokenFeatures(rawValue: 1 << 4)
    /// Any SCOWL word (sizes up to 35).
    public static let word = TokenFeatures(rawValue: 1 << 5)
    public static let title = TokenFeatures(rawValue: 1 << 6)
    public static let role = TokenFeatures(rawValue: 1 << 7)
    public static let orgHead = TokenFeatures(rawValue: 1 << 8)
    public static let orgOf = TokenFeatures(rawValue: 1 << 9)
    public static let facility = TokenFeatures(rawValue: 1 << 10)
    public static let street = TokenFeatures(rawValue: 1 << 11)
    public static let geoHead = TokenFeatures(rawValue: 1 << 12)
    public static let geoPre = TokenFeatures(rawValue: 1 << 13)
    public static let speech = TokenFeatures(rawValue: 1 << 14)
    public static let prep = TokenFeatures(rawValue: 1 << 15)
    public static let particle = TokenFeatures(rawValue: 1 << 16)
    public static let notName = TokenFeatures(rawValue: 1 << 17)
    public static let demonym = TokenFeatures(rawValue: 1 << 18)
    /// Ends in a possessive ’s / 's (the name stops before it).
    public static let possessive = TokenFeatures(rawValue: 1 << 19)
    /// A single capital letter (an initial when a full stop follows).
    public static let initial = TokenFeatures(rawValue: 1 << 20)
    /// Two to six capitals (an acronym: "PA", "NATO", "U.S.").
    public static let acronym = TokenFeatures(rawValue: 1 << 21)
    /// Written with an upper-case first letter in running text.
    public static let capitalized = TokenFeatures(rawValue: 1 << 22)
    /// A frequent surname (count >= 10000).
    public static let commonSurname = TokenFeatures(rawValue: 1 << 23)
    /// A word of sports reporting ("innings", "striker", "beat").
    public static let sport = TokenFeatures(rawValue: 1 << 24)
    /// A month name (never a place; "May" may still be a name).
    public static let month = TokenFeatures(rawValue: 1 << 25)
    /// Starts some entry of ``EntityLexicon/phrases`` ("United Nations").
    public static let phraseStart = TokenFeatures(rawValue: 1 << 26)
}
