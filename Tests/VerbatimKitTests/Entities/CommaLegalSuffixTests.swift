import Testing
@testable import VerbatimKit

/// "Brantwell Widgets, Inc.", "Harcastle, Pryde & Co.": a comma inside a company's name.
@Suite struct CommaLegalSuffixTests {
    @Test func aLegalFormAfterACommaClosesTheName() throws {
        let found = try entities("The deal was signed by Brantwell Widgets, Inc. on Monday, and Brantwell Widgets, Inc., the maker, agreed.")
        #expect(found.filter { $0.text == "Brantwell Widgets, Inc." && $0.label == .organization }.count == 2, "\(found)")
    }

    @Test func aPartnerBeforePartnersJoinedByAnAmpersand() throws {
        let found = try entities("Analysts at Harcastle, Pryde & Co. expect the shares to fall.")
        #expect(mention(found, "Harcastle, Pryde & Co.")?.label == .organization, "\(found)")
    }

    @Test func aPlaceOrAListBeforeAFirmStaysApart() throws {
        let found = try entities("In Leeds, Pryde & Co. said the offer was fair. She worked at Quentara, Brantwell Widgets Inc. and Ostrava Mills.")
        #expect(mention(found, "Leeds")?.label == .place, "\(found)")
        #expect(mention(found, "Pryde & Co.")?.label == .organization, "\(found)")
        #expect(!found.contains { $0.text.hasPrefix("Quentara,") }, "\(found)")
    }
}

/// Issue 20, ORG in capitals: a copyright line in capitals names firms with ", INC."; the
/// legal form is part of the name, with its stop, though the line's sentences are guessed.
@Suite struct CapitalsCommaLegalSuffixTests {
    @Test func aFirmInACopyrightLineInCapitals() throws {
        let found = try entities("COPYRIGHT 2001 BY KESTRELSOURCES, INC., A VENTURE OF BRANTWELL, INC. AND OTHERS. ALL RIGHTS RESERVED.\n\nThe river rose on Monday.")
        #expect(mention(found, "KESTRELSOURCES, INC.")?.label == .organization, "\(found)")
        #expect(mention(found, "BRANTWELL, INC.")?.label == .organization, "\(found)")
    }
}
