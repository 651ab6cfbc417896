/// Names of things that are no person, organisation or place, though a person's,
/// an organisation's or a place's name may be part of them. The schemes news is
/// annotated in keep them apart (CoNLL's and MUC's miscellaneous names, OntoNotes'
/// and GUM's events): no PERSON, ORG or PLACE is kept inside one.
/// - `event-name`: a run of capitals of two or more words closed by an event head
///   (`event-head` in `Models/entities/words.tsv`): "the U.S. Open", "the Davis Cup",
///   "the Winter Paralympics" name no country, person or season.
/// - `market-index`: a run of capitals before an index word (`index-word`), maybe
///   after its number: "the Dow Jones industrial average", "the FTSE 100 index" name
///   a market's index, not the company that computes it.
enum OtherNames {
    /// The part of the chunk `chunk` that names an event or a market index, if any.
    static func otherName(_ ctx: EntityContext, _ chunk: Range<Int>) -> Range<Int>? {
        if let event = event(ctx, chunk) { return event }
        return isMarketIndex(ctx, chunk) ? chunk : nil
    }

    /// From the chunk's start to its last event head written with a capital, two
    /// words or more: the run may go on past the event ("the US Paralympics Saturday").
    /// Not across an article or a preposition: a headline in title case runs on
    /// through them ("Why Winning Selby Could Break The Race Wide Open").
    static func event(_ ctx: EntityContext, _ chunk: Range<Int>) -> Range<Int>? {
        var last = chunk.upperBound - 1
        while last > chunk.lowerBound {
            if ctx.tokens[last].kind == .word, ctx.tokens[last].shape != .lower, ctx.isA(last, .eventHead) {
                let span = chunk.lowerBound..<(last + 1)
                for i in span.dropFirst() where ctx.isA(i, .definiteArticle) || ctx.has(i, .prep) { return nil }
                return span
            }
            last -= 1
        }
        return nil
    }

    /// A name followed by a lower-case index word (`index-word`), at once or after a
    /// number in figures ("Nasdaq composite index", "FTSE 100 index", "the Dow
    /// industrials"), or by `index-modifier` and `modified-index-word` ("Dow Jones
    /// industrial average": "average" alone belongs to pollsters and players too,
    /// "the Quorvex average"). Not a body's name (a possessive, an organisation head:
    /// "the Karachi Stock Exchange index" is the exchange's).
    static func isMarketIndex(_ ctx: EntityContext, _ chunk: Range<Int>) -> Bool {
        var i = chunk.upperBound
        let last = i - 1
        guard i < ctx.tokens.count, ctx.sameSentence(chunk.lowerBound, i),
              !ctx.features[last].contains(.possessive), !ctx.features[last].contains(.orgHead) else { return false }
        if ctx.tokens[i].kind == .number { i += 1 }
        guard i < ctx.tokens.count, ctx.tokens[i].shape == .lower, ctx.sameSentence(chunk.lowerBound, i) else { return false }
        return ctx.isA(i, .indexWord) || ctx.isA(i, .indexModifier) && ctx.isA(i + 1, .modifiedIndexWord) && ctx.tokens[i + 1].shape == .lower
    }

    /// Drops the candidates or mentions that lie inside such a name.
    static func dropInside(_ ctx: EntityContext, _ candidates: inout [Candidate]) {
        guard !ctx.otherNames.isEmpty else { return }
        candidates.removeAll { c in ctx.otherNames.contains { $0.lowerBound <= c.start && c.end <= $0.upperBound } }
    }
}
