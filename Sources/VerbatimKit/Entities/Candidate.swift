/// A proposed mention over tokens `start..<end`, with the evidence for it.
struct Candidate: Sendable, Equatable {
    var start: Int
    var end: Int
    var label: EntityLabel
    var type: String?
    /// How strongly the evidence supports the mention (0–100); the resolver keeps
    /// the best-supported, then the longest, of overlapping candidates.
    var score: Int
    /// The rule that proposed it (Entity.rule).
    var rule: String
    /// A name to cluster under when it differs from the text ("UK" → "United Kingdom").
    var canonical: String? = nil

    var length: Int { end - start }
}

/// A recognizer proposes candidates; it never writes the annotation.
protocol EntityCandidateRecognizer: Sendable {
    func propose(_ context: EntityContext, into candidates: inout [Candidate])
}

extension EntityContext {
    /// The longest entry of `table` starting at token `i` and ending by `limit`.
    func longest(_ table: LexiconTable, from i: Int, limit: Int, caseSensitive: Bool = false) -> LexiconMatch? {
        matcher.longest(in: table, tokens: tokens, keys: keys, from: i, limit: limit, caseSensitive: caseSensitive)
    }

    /// The longest cue-table entry of class `cls` starting at `i`.
    func longestCue(_ cls: StaticString, from i: Int, limit: Int, caseSensitive: Bool) -> (end: Int, entry: Int)? {
        var best: (Int, Int)? = nil
        var end = limit
        while end > i {
            guard let m = longest(lexicon.cues, from: i, limit: end, caseSensitive: caseSensitive) else { break }
            if let e = m.entries.first(where: { lexicon.cues.field($0, 2, equals: cls) }) { best = (m.end, e); break }
            end = m.end - 1
        }
        return best
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
