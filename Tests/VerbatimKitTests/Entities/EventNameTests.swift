import Testing
@testable import VerbatimKit

/// Names of events ("event-name"): no person, organisation or place inside them.
@Suite struct EntityEventNameTests {
    @Test func aCountryOrTownNamingAnEventIsNoPlace() throws {
        let found = try entities("Ana Pell lost in the second round of the U.S. Open on Monday, a week after she won the Dunmore Open. "
            + "She flew back to the U.S. on Friday.")
        #expect(found.filter { $0.text == "U.S." }.count == 1, "\(found)")
        #expect(mention(found, "Dunmore")?.label == nil, "\(found)")
        #expect(mention(found, "Ana Pell")?.label == .person, "\(found)")
    }

    @Test func aPersonOrCompanyNamingAnEventIsNeitherThere() throws {
        let found = try entities("Norway reached the Kelbrook Cup final, and the Quorvex Championship starts in May. "
            + "Athletes trained for the Winter Paralympics.")
        #expect(mention(found, "Kelbrook")?.label == nil, "\(found)")
        #expect(mention(found, "Quorvex")?.label == nil, "\(found)")
        #expect(!found.contains { $0.text.contains("Paralympics") }, "\(found)")
        #expect(mention(found, "Norway")?.label == .place, "\(found)")
    }

    @Test func anEventHeadAloneOrInLowerCaseClosesNoEvent() throws {
        let found = try entities("Voters in Dunmore cup their hands. Shops in Selby open late, and the Open is in July in Lisbon.")
        #expect(mention(found, "Dunmore")?.label == .place, "\(found)")
        #expect(mention(found, "Selby")?.label == .place, "\(found)")
        #expect(mention(found, "Lisbon")?.label == .place, "\(found)")
    }
}

/// Names of market indices ("market-index"): no company or place inside them.
@Suite struct EntityMarketIndexTests {
    @Test func anIndexIsNoCompany() throws {
        let found = try entities("The Quorvex composite index fell 12 points, and the Zeltra 300 index rose. "
            + "The Varnoxa industrial average closed lower.")
        #expect(!found.contains { $0.text.contains("Quorvex") || $0.text.contains("Zeltra") || $0.text.contains("Varnoxa") }, "\(found)")
    }

    @Test func aBodysIndexAndAPollstersAverageKeepTheBody() throws {
        let found = try entities("The Selby Stock Exchange index fell, and Quorvex's index rose. "
            + "Ana Pell led in the Varnoxa Institute average of polls.")
        #expect(mention(found, "Selby Stock Exchange")?.label == .organization, "\(found)")
        #expect(mention(found, "Varnoxa Institute")?.label == .organization, "\(found)")
        #expect(mention(found, "Ana Pell")?.label == .person, "\(found)")
    }
}

/// An event's name inside a longer run, and a headline in title case that is none.
@Suite struct EntityEventNameRunTests {
    @Test func theRunMayGoOnPastTheEvent() throws {
        let found = try entities("Fans watched the Dunmore Open Saturday, November 4 on television.")
        #expect(mention(found, "Dunmore")?.label == nil, "\(found)")
    }

    @Test func aTitleCaseHeadlineEndingInOpenIsNoEvent() throws {
        let found = try entities("Why Winning Nebraska Could Break The Race Wide Open\nVoters in Nebraska go to the polls on Tuesday.")
        #expect(found.filter { $0.text == "Nebraska" }.count == 2, "\(found)")
    }
}
