import Testing
@testable import VerbatimKit

/// Clubs named after a place, or by an everyday word, that only their place in a sports
/// report names as sides: a results row, a player's role after the name.
@Suite struct EntityClubSideTests {
    static let table = "SOCCER - WESTERN LEAGUE TABLE .\nStandings after Saturday 's matches :\n"
        + "Marsh 4 3 1 0 8 2 10\nPort Quillby 4 2 1 1 6 4 7\nQuarnby County 3 1 1 1 2 2 4\nCrystal Dunmore 4 1 2 1 4 4 5\n"
        + "Eastham Park Rangers 3 1 0 2 3 5 3\nResults :\nMarsh 2 Quarnby County 1\nAttendance 25,000"

    @Test func aResultsRowNamesTheWholeSide() throws {
        let found = try entities(EntityClubSideTests.table)
        for side in ["Port Quillby", "Quarnby County", "Crystal Dunmore", "Eastham Park Rangers"] {
            #expect(mention(found, side)?.label == .organization, "\(side): \(found)")
        }
        // An everyday word opening a row is a side too.
        #expect(found.filter { $0.text == "Marsh" }.count == 2, "\(found)")
        #expect(found.filter { $0.text == "Marsh" }.allSatisfy { $0.label == .organization }, "\(found)")
        // A single figure makes no row.
        #expect(mention(found, "Attendance") == nil, "\(found)")
    }

    @Test func aGolfersRowStaysAPerson() throws {
        let found = try entities("GOLF - HOLLIS LEADS .\nLeading scores after the third round :\n203 Robert Hollis 66 71 66\n"
            + "Robert Hollis 66 71 66 , Margaret Quill 68 69 66")
        #expect(found.filter { $0.text == "Robert Hollis" }.count == 2, "\(found)")
        #expect(found.filter { $0.text == "Robert Hollis" }.allSatisfy { $0.label == .person }, "\(found)")
    }

    @Test func aPlayersRoleAfterAClubsName() throws {
        let found = try entities("SOCCER - DUNMORE SIGN STRIKER .\nLEEDS 1996-08-30\nDunmorefield signed Kestrelford striker Ivo Plana on Friday ."
            + " Leeds coach Ann Pell said Dunmorefield fans would love him . Brazilian striker Tomas Orla and European captain Jan Vell"
            + " watched , and Norway coach Ola Berg praised the goals .")
        #expect(mention(found, "Kestrelford")?.label == .organization, "\(found)")
        #expect(mention(found, "Dunmorefield")?.label == .organization, "\(found)")
        #expect(mention(found, "Leeds")?.label == .organization, "\(found)")
        #expect(mention(found, "Ivo Plana")?.label == .person, "\(found)")
        // The dateline stays where the report was filed.
        #expect(mention(found, "LEEDS")?.label == .place, "\(found)")
        // Nationalities and countries are no club here.
        #expect(!found.contains { ["Brazilian", "European", "Norway"].contains($0.text) && $0.rule == "team-role" }, "\(found)")
    }

    @Test func outsideSportsReportsNoClub() throws {
        let found = try entities("The Kestrelford manager said the store would open on Monday, and Dunmorefield fans of the show queued early.")
        #expect(found.allSatisfy { $0.rule != "team-role" }, "\(found)")
    }
}
