import Testing
@testable import VerbatimKit

/// Religions and movements named as organisations: by an "X of Y" name, a lower-case
/// organisation noun, or membership.
@Suite struct EntityMovementTests {
    @Test func nameAfterChurchOfSpreadsThroughTheDocument() throws {
        let found = try entities("The Church of Velorism sued the site. Critics of Velorism were banned, and the Church denied it. "
            + "Traffic to the Velorism website grew.")
        #expect(mention(found, "Church of Velorism")?.label == .organization, "\(found)")
        let bare = found.filter { $0.text == "Velorism" }
        #expect(bare.count == 2, "\(found)")
        #expect(bare.allSatisfy { $0.label == .organization }, "\(found)")
        #expect(mention(found, "Church")?.label == .organization, "\(found)")
    }

    @Test func organisationNounAndMembership() throws {
        let found = try entities("He took files from the Quarrendon organization after he left. A member of Brightwater Guild since 2001, "
            + "she spoke within Quarrendon about it.")
        #expect(found.filter { $0.text == "Quarrendon" }.count == 2, "\(found)")
        #expect(found.filter { $0.text == "Quarrendon" }.allSatisfy { $0.label == .organization }, "\(found)")
        #expect(mention(found, "Brightwater Guild")?.label == .organization, "\(found)")
    }

    @Test func adjectivesAndPlacesBeforeOrganisationNounsAreNotNames() throws {
        let found = try entities("Fighting broke out between Kurdish forces and the Islamic group, said the Yugoslav news agency. "
            + "Then the London firm and the Serb party agreed.")
        #expect(!found.contains { $0.label == .organization && ["Kurdish", "Islamic", "Yugoslav", "Serb", "London"].contains($0.text) }, "\(found)")
    }
}

/// A business noun in front of a name: "the news agency Tanjug", "distribution chain Ruch".
@Suite struct EntityBusinessNounTests {
    @Test func nounBeforeTheNameMakesAnOrganisation() throws {
        let found = try entities("The state news agency Velmora reported the sale, and the carmaker Zoltra said profits rose. Velmora said more.")
        #expect(found.filter { $0.text == "Velmora" }.count == 2, "\(found)")
        #expect(found.filter { $0.text == "Velmora" }.allSatisfy { $0.label == .organization }, "\(found)")
        #expect(mention(found, "Zoltra")?.label == .organization, "\(found)")
    }

    @Test func aPersonAfterTheNounStaysAPerson() throws {
        let found = try entities("Shares offered by company N / A. The bank James Morgan founded grew.")
        #expect(mention(found, "N") == nil, "\(found)")
        #expect(mention(found, "James Morgan")?.label == .person, "\(found)")
    }
}
