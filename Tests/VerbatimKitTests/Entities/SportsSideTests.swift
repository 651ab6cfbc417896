import Testing
@testable import VerbatimKit

/// Sides named only by the way they play in a sports report.
@Suite struct EntitySportsSideTests {
    static let report = "CRICKET - KESTRELSHIRE STAY TOP AFTER INNINGS WIN .\n"
        + "Kestrelshire beat Dunmorefield by an innings and 39 runs on Friday to stay top of the table .\n"
        + "Next week they play Wexworth v Harnbury at home , and bowler Tom Yardley beat his own record with six wickets ."

    @Test func sidesThatBeatOrAreBeaten() throws {
        let found = try entities(EntitySportsSideTests.report)
        #expect(mention(found, "Kestrelshire")?.label == .organization, "\(found)")
        #expect(mention(found, "Dunmorefield")?.label == .organization, "\(found)")
        #expect(mention(found, "Harnbury")?.label == .organization, "\(found)")
        #expect(mention(found, "Tom Yardley")?.label == .person, "\(found)")
    }

    @Test func outsideSportsReportsNoSide() throws {
        let found = try entities("In the garden show, Pemberlyn beat Ostrovane to the prize for roses, the judges said.")
        #expect(found.allSatisfy { $0.rule != "sports-side" }, "\(found)")
    }

    @Test func pluralTeamNamesAfterThe() throws {
        let found = try entities("BASEBALL - LATE HOMER WINS IT .\nThe Dunmore Herons beat the Kestrel Bay Ospreys 4-2 on Friday as the Herons "
            + "won their fifth straight game . The pitcher struck out nine before the crowd , and the Olympics are next .")
        #expect(mention(found, "Dunmore Herons")?.label == .organization, "\(found)")
        #expect(mention(found, "Kestrel Bay Ospreys")?.label == .organization, "\(found)")
        #expect(mention(found, "Herons")?.label == .organization, "\(found)")
        #expect(mention(found, "Olympics")?.rule != "sports-plural-name", "\(found)")
    }

    @Test func firstNameTeamsInTablesButNotMonths() throws {
        let found = try entities("SOCCER - WESTERN LEAGUE TABLE .\nStandings after Saturday 's matches :\nMarvin 4 3 1 0 10 6 10\n"
            + "Quarnby 4 1 2 1 4 4 5\nResults : Quarnby 2 Marvin 3\nFixtures :\nJune 5 v Quarnby\nJune 9 v Marvin")
        #expect(found.filter { $0.text == "Marvin" }.count >= 2, "\(found)")
        #expect(found.filter { $0.text == "Marvin" }.allSatisfy { $0.label == .organization }, "\(found)")
        #expect(!found.contains { $0.text == "June" && $0.label == .organization }, "\(found)")
    }

    @Test func townAtTheEndOfAPlayersName() throws {
        let found = try entities("SOCCER - EUROPEAN CUP RESULTS .\nRapid Vienna won the first leg on Wednesday , and "
            + "Mark Tacoma scored twice for the visitors in the second half .")
        #expect(mention(found, "Vienna")?.label != .person, "\(found)")
        #expect(mention(found, "Mark Tacoma")?.label == .person, "\(found)")
    }

    @Test func venueHeadingStaysAPlace() throws {
        let found = try entities("CRICKET - COUNTY RESULTS .\nScores in county championship matches on Friday :\n"
            + "Leicester : Kestrelshire beat Dunmorefield by an innings and 39 runs .\nLeicester won the toss in the other match .")
        #expect(found.first { $0.text == "Leicester" }?.label == .place, "\(found)")
    }
}
