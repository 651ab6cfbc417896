import Testing
@testable import VerbatimKit

/// Acronyms defined in brackets, acronyms with a possessive, and organisations named by a person's tie to them.
@Suite struct EntityAcronymTests {
    @Test func definitionAcrossWordsAndBrackets() throws {
        let found = try entities("The commander of the Lowland People's Militia [LPM] spoke. Shells fell near LPM posts, and the "
            + "Institute of Coastal Hydrology (ICH) measured it. Visitors at ICH praised ICH's staff.")
        #expect(mention(found, "Lowland People's Militia")?.label == .organization, "\(found)")
        #expect(found.filter { $0.text == "LPM" }.count == 2, "\(found)")
        #expect(found.filter { $0.text == "LPM" }.allSatisfy { $0.label == .organization && $0.cluster == "Lowland People's Militia" })
        #expect(found.filter { $0.text == "ICH" }.count == 3, "\(found)")
        #expect(found.filter { $0.text == "ICH" }.allSatisfy { $0.label == .organization }, "\(found)")
    }

    @Test func placesTitlesAndVersionsAreNoDefinitions() throws {
        let found = try entities("The United States (US) agreed, said the Chief Executive Officer (CEO). Browser Navigator 7 (BN7) is out.")
        #expect(mention(found, "US")?.label != .organization, "\(found)")
        #expect(mention(found, "CEO") == nil, "\(found)")
        #expect(mention(found, "BN7") == nil && mention(found, "Browser Navigator 7") == nil, "\(found)")
    }

    @Test func possessiveAndOfAffiliations() throws {
        let found = try entities("Yesterday QWF's Maria Lopez and Tom Baxter of the RLU were elected. The RLU lost seats, and Zorvania's Peter Hale resigned.")
        #expect(mention(found, "QWF")?.label == .organization, "\(found)")
        #expect(mention(found, "QWF")?.text == "QWF")
        #expect(found.filter { $0.text == "RLU" }.count == 2, "\(found)")
        #expect(found.filter { $0.text == "RLU" }.allSatisfy { $0.label == .organization }, "\(found)")
        #expect(mention(found, "Zorvania")?.label == .organization, "\(found)")
        #expect(mention(found, "Maria Lopez")?.label == .person)
    }
}
