/// Finds the PERSON clusters that a page names only as the author of the article or
/// of a picture, not as someone the news is about, and takes them out of the
/// clusters (CREDITS.md lists the rules). Their entities stay PERSON entities (a
/// credit names a person), without a cluster: people and sources counted from
/// clusters (`verbatim sources`, the gender shares) then leave them out, and no
/// later stage resolves a pronoun or a quote to them.
///
/// Runs after entities (and times, which may drop clusters) and before quotes;
/// reads tokens, paragraphs and entities, and changes only clusters and the
/// entities' cluster indices.
public struct CreditFinder: Annotator {
    public let name = "credits"
    public let requires: Set<Layer> = [.tokens, .paragraphs, .entities, .clusters]
    public let produces: Set<Layer> = []

    /// A byline's tail after the name and comma ("The Associated Press", "Power Play
    /// producer") has at most this many words.
    static let bylineTailWords = 5

    public init() {}

    /// The rules, as CREDITS.md names them.
    public enum Rule: String, Sendable, CaseIterable {
        /// "(Jane Doe/The Canadian Press)", "Jane Doe / AP": a name, then a slash and a capitalised word.
        case pictureCredit = "picture-credit"
        /// A paragraph that is a name, a comma and a short tail without a full stop:
        /// "Jane Doe, The Associated Press".
        case bylineParagraph = "byline-paragraph"
    }

    public func annotate(_ state: inout AnalysisState) {
        let annotation = state.annotation
        guard annotation.clusters.contains(where: { $0.label == .person }) else { return }
        let tokens = state.segmentation.tokens
        let text = state.document
        func mark(_ i: Int, _ mark: String) -> Bool {
            i >= 0 && i < tokens.count && tokens[i].kind == .punctuation && text.string(tokens[i].start, tokens[i].end) == mark
        }
        // The paragraph of each token, to find a mention's paragraph.
        var paragraphOf = [Int](repeating: 0, count: tokens.count)
        for (p, range) in state.segmentation.paragraphs.enumerated() { for t in range { paragraphOf[t] = p } }
        var tokenAt: [Int32: Int] = [:]
        for (i, t) in tokens.enumerated() { tokenAt[t.start] = i }

        func rule(forMention entity: Entity) -> Rule? {
            guard let first = tokenAt[entity.start] else { return nil }
            var last = first
            while last + 1 < tokens.count, tokens[last + 1].end <= entity.end { last += 1 }
            // A picture credit: the name, "/", a capitalised word (an outlet or agency).
            if mark(last + 1, "/"), last + 2 < tokens.count, tokens[last + 2].isCapitalized {
                return .pictureCredit
            }
            // A byline paragraph: the paragraph opens with the name, a comma follows,
            // then a few words and no sentence end or quotation mark.
            let paragraph = state.segmentation.paragraphs[paragraphOf[first]]
            if paragraph.lowerBound == first, mark(last + 1, ",") {
                let tail = (last + 2)..<paragraph.upperBound
                let words = tail.filter { tokens[$0].isWord || tokens[$0].kind == .number }.count
                let stops = tail.contains { tokens[$0].kind == .punctuation && tokens[$0].quote == nil
                    ? [".", "!", "?", ":", ";"].contains(text.string(tokens[$0].start, tokens[$0].end)) : tokens[$0].quote != nil }
                if words > 0, words <= Self.bylineTailWords, !stops { return .bylineParagraph }
            }
            return nil
        }

        var dropped = [Bool](repeating: false, count: annotation.clusters.count)
        for (c, cluster) in annotation.clusters.enumerated() where cluster.label == .person && !cluster.mentions.isEmpty {
            dropped[c] = cluster.mentions.allSatisfy { m in
                annotation.entities.indices.contains(m) && rule(forMention: annotation.entities[m]) != nil
            }
        }
        guard dropped.contains(true) else { return }
        var renumbered = [Int?](repeating: nil, count: annotation.clusters.count)
        var clusters: [Cluster] = []
        for (c, cluster) in annotation.clusters.enumerated() where !dropped[c] {
            renumbered[c] = clusters.count
            clusters.append(cluster)
        }
        for e in state.annotation.entities.indices {
            if let c = state.annotation.entities[e].cluster { state.annotation.entities[e].cluster = renumbered[c] }
        }
        state.annotation.clusters = clusters
    }
}
