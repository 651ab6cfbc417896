/// A proposed mention over tokens `start..<end`, with the evidence for it.
/// A plain value without references (the resolver copies and drops thousands per
/// MB): the rule is a literal and the strings live in the ``EntityContext``.
struct Candidate: Sendable, Equatable {
    var start: Int
    var end: Int
    var label: EntityLabel
    var type: KeptText?
    /// How strongly the evidence supports the mention (0–100); the resolver keeps
    /// the best-supported, then the longest, of overlapping candidates.
    var score: Int
    /// The rule that proposed it (Entity.rule).
    var rule: Rule
    /// A name to cluster under when it differs from the text ("UK" → "United Kingdom").
    var canonical: KeptText? = nil

    var length: Int { end - start }
}

/// The name of a rule as written in the code. A literal, so that it copies
/// without reference counting; ``Entity/rule`` receives it as a `String`.
struct Rule: Sendable, Equatable, ExpressibleByStringLiteral, CustomStringConvertible {
    let name: StaticString

    init(stringLiteral value: StaticString) { name = value }

    /// Equal names are equal rules, wherever their literals are stored.
    static func == (a: Rule, b: Rule) -> Bool {
        a.name.withUTF8Buffer { x in b.name.withUTF8Buffer { y in x.count == y.count && x.elementsEqual(y) } }
    }

    var description: String { name.description }
}

/// A string a candidate carries (a type, a canonical name), kept in the
/// ``EntityContext`` by ``EntityContext/keep(_:)``. The types the recognizers
/// name have fixed places, and keeping an equal string returns them, so that
/// comparing with them compares the strings.
struct KeptText: Sendable, Equatable {
    let index: Int32

    static let country = KeptText(index: 0)
    static let region = KeptText(index: 1)
    static let city = KeptText(index: 2)
    static let street = KeptText(index: 3)
    static let facility = KeptText(index: 4)
    static let other = KeptText(index: 5)
    /// The strings of the fixed places, in their order.
    static let vocabulary = ["country", "region", "city", "street", "facility", "other"]
}

extension EntityContext {
    /// Keeps `text` for candidates to refer to.
    func keep(_ text: String) -> KeptText {
        if let i = KeptText.vocabulary.firstIndex(of: text) { return KeptText(index: Int32(i)) }
        keptTexts.append(text)
        return KeptText(index: Int32(keptTexts.count - 1))
    }

    func keep(_ text: String?) -> KeptText? { text.map { keep($0) } }

    func string(_ text: KeptText) -> String { keptTexts[Int(text.index)] }

    func string(_ text: KeptText?) -> String? { text.map { string($0) } }
}

/// A recognizer proposes candidates; it never writes the annotation.
protocol EntityCandidateRecognizer: Sendable {
    func propose(_ context: EntityContext, into candidates: inout [Candidate])
}

extension EntityContext {
    /// The longest entry of `table` starting at token `i` and ending by `limit`
    /// (not memoised: for tables outside ``EntityLexicon/Walked``, such as the user's list).
    func longest(_ table: LexiconTable, from i: Int, limit: Int, caseSensitive: Bool = false) -> LexiconMatch? {
        matcher.longest(in: table, tokens: tokens, keys: keys, from: i, limit: limit, caseSensitive: caseSensitive)
    }

    /// The longest entry of a walked table starting at token `i` and ending by `limit`.
    /// Look-ups bounded by the end of the token's chunk (what the recognizers ask
    /// most) are memoised per token; a tighter bound is answered from that memo when
    /// the chunk's longest match already ends within it (or there is none).
    func longest(_ walked: EntityLexicon.Walked, from i: Int, limit: Int, caseSensitive: Bool = false) -> LexiconMatch? {
        guard i < chunkEnd.count, walkMemoRow[i] >= 0, limit <= Int(chunkEnd[i]) else {
            return walk(walked, from: i, limit: limit, caseSensitive: caseSensitive)
        }
        guard let m = chunkLongest(walked, from: i, caseSensitive: caseSensitive) else { return nil }
        if m.end <= limit { return m }
        return walk(walked, from: i, limit: limit, caseSensitive: caseSensitive)
    }

    private func chunkLongest(_ walked: EntityLexicon.Walked, from i: Int, caseSensitive: Bool) -> LexiconMatch? {
        let index = Int(walkMemoRow[i]) * EntityContext.walkMemoSlots + walked.rawValue * 2 + (caseSensitive ? 1 : 0)
        let memo = walkMemo[index]
        if memo.end == -1 { return nil }
        if memo.end > 0 { return LexiconMatch(start: i, end: Int(memo.end), entries: Int(memo.entries.lowerBound)..<Int(memo.entries.upperBound)) }
        let m = walk(walked, from: i, limit: Int(chunkEnd[i]), caseSensitive: caseSensitive)
        walkMemo[index] = m.map { WalkMemo(end: Int32($0.end), entries: Int32($0.entries.lowerBound)..<Int32($0.entries.upperBound)) } ?? WalkMemo(end: -1)
        return m
    }

    /// The matcher's longest match in a walked table. The switch hands the matcher the
    /// lexicon's own table: returning it from a function would copy the struct, a
    /// retain and release of each of its arrays per call.
    private func walk(_ walked: EntityLexicon.Walked, from i: Int, limit: Int, caseSensitive: Bool) -> LexiconMatch? {
        switch walked {
        case .cities: matcher.longest(in: lexicon.cities, tokens: tokens, keys: keys, from: i, limit: limit, caseSensitive: caseSensitive)
        case .countries: matcher.longest(in: lexicon.countries, tokens: tokens, keys: keys, from: i, limit: limit, caseSensitive: caseSensitive)
        case .regions: matcher.longest(in: lexicon.regions, tokens: tokens, keys: keys, from: i, limit: limit, caseSensitive: caseSensitive)
        case .companies: matcher.longest(in: lexicon.companies, tokens: tokens, keys: keys, from: i, limit: limit, caseSensitive: caseSensitive)
        case .legalSuffixes: matcher.longest(in: lexicon.legalSuffixes, tokens: tokens, keys: keys, from: i, limit: limit, caseSensitive: caseSensitive)
        }
    }

    /// The longest cue-table entry of class `kind` starting at `i` and ending by `limit`.
    /// One walk answers every phrase class at once, memoised like table walks for
    /// look-ups bounded by the token's chunk (recognizers ask several classes there).
    func longestCue(_ kind: EntityLexicon.CueKind, from i: Int, limit: Int, caseSensitive: Bool) -> (end: Int, entry: Int)? {
        // Only tokens that start some multi-word or phrase cue can match.
        guard i < tokens.count, features[i].contains(.phraseCueStart) else { return nil }
        guard walkMemoRow[i] >= 0, limit <= Int(chunkEnd[i]) else {
            return cueMatches(from: i, limit: limit, caseSensitive: caseSensitive).longest(kind)
        }
        let index = Int(walkMemoRow[i]) * 2 + (caseSensitive ? 1 : 0)
        if !cueMemo[index].known {
            cueMemo[index] = cueMatches(from: i, limit: Int(chunkEnd[i]), caseSensitive: caseSensitive)
        }
        guard let m = cueMemo[index].longest(kind) else { return nil }
        if m.end <= limit { return m }
        return cueMatches(from: i, limit: limit, caseSensitive: caseSensitive).longest(kind)
    }

    /// The longest cue phrase of each class starting at `i` and ending by `limit`.
    private func cueMatches(from i: Int, limit: Int, caseSensitive: Bool) -> CueMatches {
        var found = CueMatches(known: true)
        let kinds = lexicon.cueKinds
        matcher.walk(in: lexicon.cues, tokens: tokens, keys: keys, from: i, limit: limit, caseSensitive: caseSensitive) { end, entries in
            // Matches come shortest first: a later one of a class replaces the earlier.
            var seen: (Bool, Bool, Bool) = (false, false, false)
            for e in entries {
                switch kinds[e] {
                case .other: continue
                case .countryAlias where !seen.0: seen.0 = true; found.countryAlias = (end, e)
                case .orgKnown where !seen.1: seen.1 = true; found.orgKnown = (end, e)
                case .placeKnown where !seen.2: seen.2 = true; found.placeKnown = (end, e)
                default: continue
                }
            }
        }
        return found
    }

    /// Whether the text is written in its usual case here (not a headline, not a lower-case document).
    func normalCase(_ i: Int) -> Bool { !capsSentence[i] && !lowerDocument }

    /// The first token of the sentence containing `i`, and the end of that sentence.
    func sentenceRange(_ i: Int) -> Range<Int> { sentences[Int(sentenceOf[i])] }

    /// Whether any token of `a..<b` has one of `f`.
    func anyToken(_ a: Int, _ b: Int, _ f: TokenFeatures) -> Bool {
        for i in a..<b where !features[i].isDisjoint(with: f) { return true }
        return false
    }

    /// The word token before `i` in the same sentence, skipping nothing.
    func previous(_ i: Int) -> Int? { i > 0 && sameSentence(i - 1, i) ? i - 1 : nil }
}
