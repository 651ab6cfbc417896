import Testing
@testable import VerbatimKit

/// Issue 20, ORG: an ordinal in figures opens the name of a unit or a court ("the 82nd
/// Airborne Division", "the 8th Circuit") and is part of it.
@Suite struct OrdinalNameTests {
    @Test func theOrdinalIsPartOfTheName() throws {
        let found = try entities("Troops of the 41st Kestrel Brigade left on Monday, and a panel of the 3rd Circuit upheld the ruling.")
        #expect(mention(found, "41st Kestrel Brigade")?.rule == "ordinal-name", "\(found)")
        #expect(mention(found, "3rd Circuit")?.label == .organization, "\(found)")
    }

    @Test func anOrdinalBeforeAPlaceHeadIsNoOrganisation() throws {
        let found = try entities("The shop on the 5th Avenue and the 2nd Quarrow Bridge reopened.")
        #expect(!found.contains { $0.rule == "ordinal-name" }, "\(found)")
    }
}
