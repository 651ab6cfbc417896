import Testing
@testable import VerbatimKit

/// Names that end in their own 's ("Moody's", "Sotheby's"): kept whole where the 's
/// owns nothing, and no lone surname of a person.
@Suite struct EntityPossessiveNameTests {
    @Test func aNameInApostropheSBeforeASpeechVerbKeepsIt() throws {
        let found = try entities("Ratings agency Brellworth's said on Monday that the outlook for Korvania was negative.")
        #expect(mention(found, "Brellworth's")?.label == .organization, "\(found)")
        #expect(mention(found, "Brellworth") == nil, "\(found)")
    }

    @Test func theEndOfThePhraseMakesAName() throws {
        let found = try entities("Sales rose by a tenth at Quillmart's, the chain said.")
        #expect(mention(found, "Quillmart's")?.label == .organization, "\(found)")
    }

    @Test func theNamesOtherMentionsInApostropheSFollow() throws {
        let found = try entities("Brellworth's said the bonds were safe. The Brellworth's announcement surprised traders.")
        let mentions = found.filter { $0.text == "Brellworth's" }
        #expect(mentions.count == 2, "\(found)")
        #expect(mentions.allSatisfy { $0.label == .organization }, "\(found)")
    }

    @Test func aLegalSuffixAfterTheNameJoinsIt() throws {
        let found = try entities("Shares of Dunmaple's Holdings Inc. fell on Tuesday.")
        #expect(mention(found, "Dunmaple's Holdings Inc.")?.label == .organization, "\(found)")
    }

    @Test func anEverydayWordInApostropheSOpensAPartysName() throws {
        let found = try entities("The New People's Party won two seats in the council.")
        #expect(mention(found, "New People's Party")?.label == .organization, "\(found)")
    }

    @Test func realPossessivesStayPossessives() throws {
        let found = try entities("Officers searched Walter Pennock's house. Britain's Labour Party met, and the car was Pennock's.")
        #expect(mention(found, "Walter Pennock")?.label == .person, "\(found)")
        #expect(mention(found, "Britain's Labour Party") == nil, "\(found)")
        #expect(mention(found, "Labour Party")?.label == .organization, "\(found)")
        #expect(!found.contains { $0.text.hasSuffix("'s") }, "\(found)")
    }
}

/// A person's elliptical possessive stays the person's.
@Suite struct EntityPersonPossessiveTests {
    @Test func aComparedPersonKeepsAPossessive() throws {
        let found = try entities("Senator Walter Pennock spoke first. Her plan was more detailed than Pennock's.")
        #expect(!found.contains { $0.text == "Pennock's" }, "\(found)")
        #expect(!found.contains { $0.label == .organization }, "\(found)")
    }
}

/// "Name, Country's ruler": an apposition, not a town and its country.
@Suite struct EntityCountryPossessiveAppositionTests {
    @Test func aCountryInApostropheSAfterACommaMakesNoTown() throws {
        let found = try entities("Crowds jeered President Tobias Quellmar, Kenya's ruler for ten years.")
        #expect(!found.contains { $0.label == .place && $0.text.contains("Quellmar") }, "\(found)")
        #expect(mention(found, "Kenya")?.label == .place, "\(found)")
    }

    @Test func aPlacePrepositionKeepsTheTown() throws {
        let found = try entities("The wave struck a village in Quellmoor, Kenya's largest island, on Sunday.")
        #expect(mention(found, "Quellmoor")?.label == .place, "\(found)")
        #expect(mention(found, "Quellmoor")?.rule == "city-comma-country", "\(found)")
    }
}
