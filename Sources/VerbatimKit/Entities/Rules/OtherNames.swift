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
    /// Whether the chunk `chunk` names an event or a market index.
    static func isOtherName(_ ctx: EntityContext, _ chunk: Range<Int>) -> Bool {
        isEvent(ctx, chunk) || isMarketIndex(ctx, chunk)
    }

    /// Two or more words, the last an event head written with a capital.
    static func isEvent(_ ctx: EntityContext, _ chunk: Range<Int>) -> Bool {
        let last = chunk.upperBound - 1
        guard chunk.count >= 2, ctx.tokens[last].kind == .word, ctx.tokens[last].shape != .lower else { return false }
        return ctx.isA(last, .eventHead)
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
