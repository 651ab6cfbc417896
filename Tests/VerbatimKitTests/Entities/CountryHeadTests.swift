import Testing
@testable import VerbatimKit

/// Issue 20, PLACE: a country whose name ends in an organisation head ("Union") is the
/// country, not an organisation; a name with the same head that is no country stays one.
@Suite struct CountryHeadTests {
    @Test func aCountryEndingInAHeadIsAPlace() throws {
        let found = try entities("Her parents left the Soviet Union in 1979, and the Kestrel Union welcomed them.")
        #expect(mention(found, "Soviet Union")?.label == .place, "\(found)")
        #expect(mention(found, "Kestrel Union")?.label == .organization, "\(found)")
    }

    @Test func aKnownRegionEndingInAHeadIsAPlace() throws {
        // "West Bank" is a region of places/exonyms.tsv; "Bank" heads organisations.
        let found = try entities("Farmers in the West Bank sold olives to the Quarrow Bank on Monday.")
        #expect(mention(found, "West Bank")?.label == .place, "\(found)")
        #expect(mention(found, "Quarrow Bank")?.label == .organization, "\(found)")
    }
}
