import Testing
@testable import VerbatimKit

/// A name that an apposition says is a company or another organisation.
@Suite struct EntityOrganizationAppositionTests {
    @Test func anAppositionNamesTheCompanyAndItsOtherMentionsFollow() throws {
        let found = try entities("Varnoxa, the first foreign company to list in Quellburg, said profits rose. "
            + "Analysts expect more. Varnoxa said it would open two plants.")
        #expect(found.filter { $0.text == "Varnoxa" }.count == 2, "\(found)")
        #expect(found.filter { $0.text == "Varnoxa" }.allSatisfy { $0.label == .organization }, "\(found)")
    }

    @Test func peopleAndKindsInAppositionAreNoOrganisation() throws {
        let found = try entities("Ann Pell, a member of the party, spoke first. Tom Vell, a company spokesman, agreed. "
            + "Healthy ants die sooner when ingesting Quorvane Acids, the group of chemicals that includes peroxide.")
        #expect(mention(found, "Ann Pell")?.label == .person, "\(found)")
        #expect(mention(found, "Tom Vell")?.label == .person, "\(found)")
        #expect(found.allSatisfy { $0.rule != "organization-apposition" }, "\(found)")
    }
}
