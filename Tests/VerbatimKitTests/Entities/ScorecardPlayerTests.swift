import Testing
@testable import VerbatimKit

/// Issue 20, PERSON: in a cricket scorecard, a name after a dismissal ("c", "b", "st",
/// "lbw") or before bowling figures is a player, not a side before a score.
@Suite struct ScorecardPlayerTests {
    private let card = "CRICKET - KESTREL WIN.\nThe scores in the match on Friday:\nOrrin Pale c Tamworth b Ellingham 23\n"
        + "Dace Holm lbw b Quarley 0\nBowling : Ellingham 8-1-30-2 , Quarley 6.5-0-41-1 .\nKestrel 230 Dunwick 120"

    @Test func playersAfterADismissalOrBeforeFigures() throws {
        let found = try entities(card)
        for name in ["Tamworth", "Ellingham", "Quarley"] {
            #expect(found.filter { $0.text == name }.allSatisfy { $0.label == .person }, "\(name): \(found)")
            #expect(found.contains { $0.text == name }, "\(name): \(found)")
        }
    }

    @Test func sidesBeforeAScoreStaySides() throws {
        let found = try entities(card)
        #expect(mention(found, "Kestrel")?.label == .organization, "\(found)")
        #expect(mention(found, "Dunwick")?.label == .organization, "\(found)")
    }

    @Test func figuresNeedFourParts() {
        // "4-2" is a score, not bowling figures.
        let found = (try? entities("SOCCER - RESULT.\nDunwick 4-2 Kestrel in the league on Sunday, the coach praised the goals.")) ?? []
        #expect(!found.contains { $0.rule == "scorecard-player" }, "\(found)")
    }
}
