import Testing
@testable import VerbatimKit

/// An acronym in brackets after an organisation's name is that organisation, also
/// where its letters spell the name in another language.
@Suite struct BracketedAcronymTests {
    @Test func theAcronymAndItsLaterMentionsAreTheOrganisation() throws {
        let found = try entities("The Workers' Federation of Tarnavia (SLT) called a strike on Monday. "
            + "Leaders of the SLT met the minister, and SLT members marched on Friday.")
        let acronyms = found.filter { $0.text == "SLT" }
        #expect(acronyms.count == 3, "\(found)")
        #expect(acronyms.allSatisfy { $0.label == .organization }, "\(found)")
        #expect(acronyms.first?.rule == "bracketed-acronym", "\(found)")
    }

    @Test func aCountryInBracketsIsNoAcronymOfTheOrganisation() throws {
        let found = try entities("Delegates of the Quarvel Trading Company (UK) arrived in Lisbon on Monday.")
        #expect(mention(found, "UK")?.label != .organization, "\(found)")
    }
}
