import Testing
@testable import VerbatimKit

/// Issue 20, PERSON boundaries: a person's whole name, not a part of it, on invented
/// sentences — hyphenated given names, particles, initials opening a line, names
/// written surname first in a list, nicknames in quotes.
@Suite struct PersonNameBoundaryTests {
    private func person(_ text: String, _ name: String) throws -> Found? {
        try entities(text).first { $0.text == name && $0.label == .person }
    }

    @Test func hyphenatedGivenNameStaysWhole() throws {
        let found = try entities("The stage was won by Jean-Michel Tarvelle on Sunday.")
        #expect(found.contains { $0.text == "Jean-Michel Tarvelle" && $0.label == .person }, "\(found)")
        #expect(!found.contains { $0.text == "Michel Tarvelle" }, "\(found)")
    }

    @Test func particlesRunTheNameOn() throws {
        #expect(try person("The flanker Pieter van der Quellmoor scored twice.", "Pieter van der Quellmoor") != nil)
        #expect(try person("The talks were opened by Daniel arap Orvelle in Nairobi.", "Daniel arap Orvelle") != nil)
        // A lone particle that is no English word opens the name.
        let found = try entities("CRICKET - KESTREL WIN.\nThe scores in the match on Friday:\nBowling : Orvelle 8-1-30-2 , de Quarnby 6-0-41-1 .")
        #expect(found.contains { $0.text == "de Quarnby" && $0.label == .person }, "\(found)")
    }

    @Test func particlesOpenALaterMention() throws {
        let found = try entities("The keeper Edwin van der Quellmoor was unbeaten. The save by van der Quellmoor won it; "
            + "Luca della Tarvelle came second, and della Tarvelle said little.")
        #expect(found.filter { $0.text == "van der Quellmoor" }.contains { $0.label == .person }, "\(found)")
        #expect(found.filter { $0.text == "della Tarvelle" }.contains { $0.label == .person }, "\(found)")
        #expect(!found.contains { $0.text == "Quellmoor" || $0.text == "Tarvelle" }, "\(found)")
    }

    @Test func aLoneEnglishParticleOpensNoName() throws {
        // "van" is an English word: the vehicle, not a particle, before a name.
        let found = try entities("They loaded the van Friday and drove to Quellmoor.")
        #expect(!found.contains { $0.text.hasPrefix("van") }, "\(found)")
    }

    @Test func initialOpeningALineOfAScorecard() throws {
        let card = "CRICKET - KESTREL WIN.\nThe scores in the match on Friday:\nO. Pale c Tamworth b Ellingham 23\nA. Quarnby lbw b Ellingham 0\n"
        let found = try entities(card)
        #expect(found.contains { $0.text == "A. Quarnby" && $0.label == .person }, "\(found)")
    }

    @Test func theArticleAOpeningASentenceIsNoInitial() throws {
        let found = try entities("A Quarnby spokesman said nothing.")
        #expect(!found.contains { $0.text.hasPrefix("A ") || $0.text.hasPrefix("A.") }, "\(found)")
    }

    @Test func invertedNamesInAReadingList() throws {
        let list = "Some favourites:\nPellow, Margaret. The Quiet Harbour\nOrvald, Tomas and Brine, Edith. Letters from Home\nLondon, Jack. White Fang\n"
        let found = try entities(list)
        for name in ["Pellow, Margaret", "Orvald, Tomas", "Brine, Edith", "London, Jack"] {
            #expect(found.contains { $0.text == name && $0.label == .person }, "\(name): \(found)")
        }
    }

    @Test func aPlaceAfterACommaIsNoGivenName() throws {
        let found = try entities("Offices:\nSalem, Virginia.\nBrackenfield, Ohio.\n")
        #expect(!found.contains { $0.label == .person }, "\(found)")
    }

    @Test func aListOfNamesIsNoInvertedName() throws {
        // First names listed, and a surname before a full name, are names side by side.
        let found = try entities("Also in the field:\nStephanie, Caroline and Margaret.\nPellow, Fred Quarnby.\n")
        #expect(!found.contains { $0.rule == "inverted-name" }, "\(found)")
    }

    @Test func twoPeopleOpeningALineAreNoInvertedName() throws {
        let found = try entities("The vote was close.\nPellow, Ryan and Republican leaders met on Monday.")
        #expect(!found.contains { $0.rule == "inverted-name" }, "\(found)")
    }

    @Test func aRoleBeforeTheGivenNameStaysOutOfTheNickname() throws {
        let found = try entities("The veteran and former Marine John \"Tig\" Quellmoor spoke at the rally.")
        #expect(found.contains { $0.text == "John \"Tig\" Quellmoor" && $0.label == .person }, "\(found)")
    }

    @Test func aModelNameIsNoHyphenatedPerson() throws {
        let found = try entities("He listed the Kel-Tec PF-9 handgun for sale.")
        #expect(!found.contains { $0.label == .person }, "\(found)")
    }

    @Test func hyphenatedEnglishWordIsNoGivenName() throws {
        // "Non" is a first name, "Callable" an English word: first-name reads no given name here.
        let found = try entities("They bought Non-Callable Quarnby notes on Monday.")
        #expect(!found.contains { $0.rule == "first-name" && $0.text.contains("Callable") }, "\(found)")
    }

    @Test func nicknameInQuotesBelongsToTheName() throws {
        let found = try entities("The title went to Roberto \"Hands of Stone\" Quellmoor in 1980.")
        #expect(found.contains { $0.text == "Roberto \"Hands of Stone\" Quellmoor" && $0.label == .person }, "\(found)")
    }

    @Test func quotedTitleAfterANameIsNoNickname() throws {
        // A quoted title followed by a lower-case word joins no surname.
        let found = try entities("Margaret Pellow wrote \"The Quiet Harbour\" last year.")
        #expect(!found.contains { $0.text.contains("\"") }, "\(found)")
    }
}
