/// The tokens, sentences and paragraphs of one document.
public struct Segmentation: Sendable {
    public var tokens: [Token]
    /// Sentences as half-open ranges of token indices, in order, covering every token.
    public var sentences: [Range<Int>]
    /// Paragraphs as half-open ranges of token indices, in order, covering every token.
    /// Every paragraph boundary is also a sentence boundary.
    public var paragraphs: [Range<Int>]

    public init(tokens: [Token] = [], sentences: [Range<Int>] = [], paragraphs: [Range<Int>] = []) {
        self.tokens = tokens
        self.sentences = sentences
        self.paragraphs = paragraphs
    }

    /// The index of the range of `ranges` (sentences or paragraphs: in order, covering
    /// every token) that holds token `t`; 0 when none does. Found by halving: a stage
    /// that asks it for a few tokens (the entities') need not fill an array with an
    /// index for every token of the document.
    static func index(of t: Int, in ranges: [Range<Int>]) -> Int {
        let low = ranges.partitioningIndex { $0.upperBound > t }
        return low < ranges.count && ranges[low].contains(t) ? low : 0
    }

    /// Checks the invariants later stages rely on; used by tests and debug builds.
    public func invariantViolations(textLength: Int) -> [String] {
        var problems: [String] = []
        var previousEnd: Int32 = 0
        for (i, t) in tokens.enumerated() {
            if t.start < previousEnd || t.end <= t.start || Int(t.end) > textLength {
                problems.append("token \(i) [\(t.start), \(t.end)) out of order or bounds")
            }
            previousEnd = t.end
        }
        for (name, ranges) in [("sentence", sentences), ("paragraph", paragraphs)] {
            var next = 0
            for r in ranges {
                if r.lowerBound != next || r.isEmpty { problems.append("\(name) \(r) does not follow \(next) or is empty") }
                next = r.upperBound
            }
            if next != tokens.count { problems.append("\(name)s end at \(next), not \(tokens.count)") }
        }
        return problems
    }
}
