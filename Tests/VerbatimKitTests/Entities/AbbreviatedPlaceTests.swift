import Testing
@testable import VerbatimKit

/// Issue 20, PLACE: a state abbreviated with its stop after a lawmaker's party initial
/// ("D-Ore.") or after a town and a comma ("Tolland, Minn.") is a place with its stop.
@Suite struct AbbreviatedPlaceTests {
    @Test func afterAPartyInitial() throws {
        let found = try entities("The measure was backed by Sen. Orla Fenwick, D-Ore., and Rep. Tad Brill, R-Calif., on Monday.")
        #expect(mention(found, "Ore.")?.rule == "abbreviated-place", "\(found)")
        #expect(mention(found, "Calif.")?.label == .place, "\(found)")
        #expect(!found.contains { $0.text.hasPrefix("D-") || $0.text.hasPrefix("R-") }, "\(found)")
    }

    @Test func afterATownAndAComma() throws {
        let found = try entities("The plant near Quarrow Falls, Minn., closed, and a firm from Dunleith, Va. _ bought it.")
        #expect(mention(found, "Minn.")?.label == .place, "\(found)")
        #expect(mention(found, "Va.")?.label == .place, "\(found)")
        #expect(mention(found, "Dunleith")?.label == .place, "\(found)")
    }

    @Test func elsewhereTheRuleDoesNotFire() throws {
        // Without a comma after a name or a party initial, "Ind." may be anything.
        let found = try entities("Yesterday the Ind. voters stayed home, and Wash. was quiet.")
        #expect(!found.contains { $0.rule == "abbreviated-place" }, "\(found)")
    }

    @Test func inASportsReportItIsNoTeam() throws {
        let found = try entities("BASEBALL - MARLINS WIN. The Marlins beat the Braves 4-2 in Tampa, Fla., and the coach praised the pitchers.")
        #expect(mention(found, "Fla.")?.label == .place, "\(found)")
    }
}
