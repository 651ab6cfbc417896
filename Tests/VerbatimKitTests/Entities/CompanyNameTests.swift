import Testing
@testable import VerbatimKit

/// Company names: abbreviated legal forms with their full stop, and names joined by "&".
@Suite struct EntityCompanyNameTests {
    @Test func abbreviatedLegalFormKeepsItsStop() throws {
        let found = try entities("Analysts said Tarvenor Corp. could bid for Quillby Holdings Inc. next year, but nobody has spoken to Quillby Holdings Inc.")
        #expect(mention(found, "Tarvenor Corp.")?.label == .organization, "\(found)")
        #expect(mention(found, "Quillby Holdings Inc.")?.label == .organization, "\(found)")
        // The stop that ends the sentence stays outside the name.
        #expect(found.filter { $0.text == "Quillby Holdings Inc" }.count == 1, "\(found)")
    }

    @Test func namesJoinedByAmpersand() throws {
        let found = try entities("Shares in Brantwell & Osgood rose after the merger. Analysts at Fenmore & Trask were surprised.")
        #expect(mention(found, "Brantwell & Osgood")?.label == .organization, "\(found)")
        #expect(mention(found, "Fenmore & Trask")?.label == .organization, "\(found)")
    }

    @Test func initialsAndPlacesWithAmpersandAreNoCompanies() throws {
        let found = try entities("The team played in Trinidad & Tobago last year. Nobody talks about S&M at dinner.")
        #expect(mention(found, "Trinidad & Tobago")?.label != .organization, "\(found)")
        #expect(mention(found, "S&M")?.label != .organization, "\(found)")
    }

    @Test func newsroomSignOff() throws {
        let found = try entities("Prices were steady at the close.\n-- Kestrelford Newsroom +44 20 7542 1234")
        #expect(mention(found, "Kestrelford Newsroom")?.label == .organization, "\(found)")
    }
}
