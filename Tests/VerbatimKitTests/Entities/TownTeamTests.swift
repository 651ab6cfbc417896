import Testing
@testable import VerbatimKit

/// In a sports report a town outside a place phrase is a team; a place preposition
/// keeps it a place, also when it opens the sentence or is written in capitals.
@Suite struct TownTeamTests {
    @Test func aCapitalisedPrepositionOpeningTheSentenceKeepsAPlace() throws {
        let found = try entities("BASEBALL - ROUND-UP.\nIn Denver, the starter pitched seven innings as Portland beat the home side 5-3.\n"
            + "Portland won for the fourth time in five games.")
        #expect(mention(found, "Denver")?.label == .place, "\(found)")
        #expect(found.filter { $0.text == "Portland" }.count == 2, "\(found)")
        #expect(found.filter { $0.text == "Portland" }.allSatisfy { $0.label == .organization }, "\(found)")
    }

    @Test func aHostAfterAtInASchedule() throws {
        let found = try entities("BASEBALL - STANDINGS.\nW L PCT GB\nDENVER 70 60 .538 -\nPORTLAND 65 66 .496 5\n"
            + "SATURDAY SCHEDULE\nPORTLAND AT DENVER")
        let denver = found.filter { $0.text == "DENVER" }
        #expect(denver.map(\.label) == [.organization, .place], "\(found)")
        #expect(found.filter { $0.text == "PORTLAND" }.allSatisfy { $0.label == .organization }, "\(found)")
    }

    @Test func aTownInAPlacePhraseDoesNotMakeTheTeamAPlace() throws {
        let found = try entities("BASEBALL - ROUND-UP.\nDenver beat Portland 4-2 on Friday.\nAt Denver, the crowd of 30,000 saw the "
            + "starter pitch seven innings. Denver has won five of its last six games.")
        #expect(found.filter { $0.text == "Denver" }.map(\.label) == [.organization, .place, .organization], "\(found)")
    }
}

/// A dispute headlined with "VS." is no sports report: its states stay places.
@Suite struct EntityVersusHeadlineTests {
    @Test func aVersusHeadlineAloneMakesNoSportsReport() throws {
        let found = try entities("ANALYSIS: GOVERNORS VS. KESTREL TAX ACT\n\nThe governors of Ohio, Texas and Oregon have taken a stance in favor of the bill, and it wants Washington to give states more power.")
        for state in ["Ohio", "Texas", "Oregon"] {
            #expect(mention(found, state)?.label == .place, "\(found)")
        }
    }
}
