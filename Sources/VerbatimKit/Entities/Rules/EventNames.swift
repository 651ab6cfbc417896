/// Names of events: a run of capitals of two or more words closed by an event head
/// (`event-head` in `Models/entities/words.tsv`: "the U.S. Open", "the Davis Cup",
/// "the Milwaukee Open", "the Winter Paralympics"). The schemes news is annotated in
/// keep events apart from people, organisations and places (CoNLL's and MUC's
/// miscellaneous names, OntoNotes' and GUM's events), and the words before the head
/// name the event, not a country, a town or a person met there: no PERSON, ORG or
/// PLACE is kept inside one (`event-name` in ENTITIES.md).
enum EventNames {
    /// Whether the chunk `chunk` names an event: two or more words, the last an event
    /// head written with a capital.
    static func isEvent(_ ctx: EntityContext, _ chunk: Range<Int>) -> Bool {
        let last = chunk.upperBound - 1
        guard chunk.count >= 2, ctx.tokens[last].kind == .word, ctx.tokens[last].shape != .lower else { return false }
        return ctx.isA(last, .eventHead)
    }

    /// Drops the candidates or mentions that lie inside an event's name.
    static func dropInside(_ ctx: EntityContext, _ candidates: inout [Candidate]) {
        guard !ctx.eventNames.isEmpty else { return }
        candidates.removeAll { c in ctx.eventNames.contains { $0.lowerBound <= c.start && c.end <= $0.upperBound } }
    }
}
