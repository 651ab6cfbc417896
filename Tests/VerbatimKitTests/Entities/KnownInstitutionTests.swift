import Testing
@testable import VerbatimKit

/// A listed institution or company whose name is also a word ("Congress", "Fed",
/// "Twitter") is the organisation where it is capitalised inside a sentence.
@Suite struct KnownInstitutionTests {
    @Test func capitalisedInsideASentenceWithoutThe() throws {
        let found = try entities("Lawmakers said the bill would pass Congress by June, and Fed officials agreed. "
            + "Prices of Treasury notes rose, and fans flocked to Twitter after the final.")
        for name in ["Congress", "Fed", "Treasury", "Twitter"] {
            #expect(mention(found, name)?.label == .organization, "\(name): \(found)")
        }
    }

    @Test func notOpeningASentenceNorAsAPersonsName() throws {
        let found = try entities("Congress of the union opened on Monday. Delegates cheered. Harrison Ford spoke, and Ford said more.")
        #expect(!found.contains { $0.text == "Congress" && $0.label == .organization }, "\(found)")
        #expect(found.filter { $0.text == "Ford" }.allSatisfy { $0.label == .person }, "\(found)")
    }
}
