import Testing
@testable import VerbatimKit

/// In a sports report a country that plays is a team (an organisation); elsewhere it stays a place.
@Suite struct EntityNationalTeamTests {
    @Test func countriesThatPlayAreTeamsThroughTheReport() throws {
        let found = try entities("World Cup football: Norway beat Chile 2 – 1 in the group stage. Norway had more possession, and "
            + "the striker scored a header in the 60th minute for Norway. Chile's goalkeeper made a penalty save. "
            + "The match was played at the stadium in Denmark.")
        #expect(found.filter { $0.text == "Norway" }.count == 3, "\(found)")
        #expect(found.filter { $0.text == "Norway" }.allSatisfy { $0.label == .organization }, "\(found)")
        #expect(found.filter { $0.text == "Chile" }.allSatisfy { $0.label == .organization }, "\(found)")
        #expect(mention(found, "Denmark")?.label == .place, "\(found)")
    }

    @Test func countriesOutsideSportsStayPlaces() throws {
        let found = try entities("Norway beat its own export record this year, and Chile lost a trade case against Peru.")
        #expect(found.filter { ["Norway", "Chile", "Peru"].contains($0.text) }.allSatisfy { $0.label == .place }, "\(found)")
    }

    @Test func anAcronymAfterAPrepositionIsNoPlaceGuess() throws {
        let found = try entities("The exhibit opened at QVU last week, near RTK offices.")
        #expect(!found.contains { $0.label == .place && ($0.text == "QVU" || $0.text == "RTK") }, "\(found)")
    }
}

/// A country after a player's or a club's name is where they come from.
@Suite struct EntityCountryOfNameTests {
    @Test func aCountryInBracketsAfterAPlayerStaysAPlace() throws {
        let found = try entities("CYCLING - WORLD TRACK CHAMPIONSHIPS.\nItaly beat Norway in the team pursuit final on Sunday.\nSprint final :\n1. Orla Vennick ( Norway ) 11.2\n2. Dara Quell ( Italy ) 11.4")
        let norvania = found.filter { $0.text == "Norway" }
        #expect(norvania.count == 2, "\(found)")
        #expect(norvania.last?.label == .place, "\(found)")
        #expect(found.filter { $0.text == "Italy" }.last?.label == .place, "\(found)")
    }

    @Test func aCountryAfterAClubAndOfStaysAPlace() throws {
        let found = try entities("SOCCER - CUP RESULT.\nPortugal beat Sweden 2-0 in the qualifier.\nKestrel United of Portugal drew 1-1 with Dunmore of Sweden on Sunday.")
        #expect(found.filter { $0.text == "Sweden" }.last?.label == .place, "\(found)")
        #expect(found.filter { $0.text == "Portugal" }.last?.label == .place, "\(found)")
    }
}

/// A region named like a people is the people's adjective in running text.
@Suite struct EntityRegionNationalityTests {
    @Test func aNationalityWordThatNamesARegionIsNoPlace() throws {
        let found = try entities("Officials said a Somali aid worker was freed, and Somali elders welcomed him in Kestrelport.")
        #expect(!found.contains { $0.text == "Somali" && $0.label == .place }, "\(found)")
    }
}
