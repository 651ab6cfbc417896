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

    /// What the document shows wins over the list: after "the Palace of Congress" named
    /// a building, "outside Congress" is that building, not the institution.
    @Test func aBuildingTheDocumentNamedKeepsItsShortForm() throws {
        let found = try entities("Crowds gathered outside the Palace of Congress on Monday. "
            + "Later, officers cleared the steps outside Congress.")
        let short = try #require(found.last { $0.text == "Congress" }, "\(found)")
        #expect(short.label == .place, "\(found)")
    }
}

/// Issue 20, ORG: "the House" capitalised is the legislative chamber (orgs/known.tsv,
/// common); a house in lower case, or a name ending in House, is not.
@Suite struct LegislativeHouseTests {
    @Test func theHouseCapitalisedIsTheChamber() throws {
        let found = try entities("The minister told the House on Monday that the bill had passed the House. He lives in a big house near the Quarrow Opera House.")
        #expect(found.filter { $0.text == "House" }.count == 2, "\(found)")
        #expect(found.filter { $0.text == "House" }.allSatisfy { $0.label == .organization }, "\(found)")
        #expect(mention(found, "Quarrow Opera House")?.label != .organization, "\(found)")
    }
}
