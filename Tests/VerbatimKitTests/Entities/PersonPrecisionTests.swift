import Testing
@testable import VerbatimKit

/// Names that look like people's but are not, and people's names that must stay
/// found (invented sentences).
@Suite struct PersonPrecisionTests {
    private func person(_ text: String, _ name: String) throws -> Bool {
        try entities(text).contains { $0.text == name && $0.label == .person }
    }

    @Test func thingsNamedAfterAPersonAreNoPeople() throws {
        // A head of a place after a full name, even one that is also a surname.
        #expect(try !person("Crowds gathered in Sir Walter Barnes Square on Monday.", "Walter Barnes Square"))
        // An English word after a surname, or after another English word.
        #expect(try !person("The prize was given by the Walter Barnes International on Monday.", "Walter Barnes International"))
        #expect(try !person("Volunteers from the Dakota Silver Arrow helped.", "Dakota Silver Arrow"))
        // The people themselves stay.
        #expect(try person("The recipe was praised by Sir Walter Barnes on Monday.", "Walter Barnes"))
        #expect(try person("The recipe was praised by Walter Barnes on Monday.", "Walter Barnes"))
    }

    @Test func everydayWordsAreNoFirstNameAndSurname() throws {
        // "Hope" is a first name and an everyday word, "Garden" an everyday word and a rare surname.
        #expect(try !person("The recipe appeared in Hope Garden magazine.", "Hope Garden"))
        // A frequent surname after it still makes a person.
        #expect(try person("The recipe was praised by Bill Walker on Monday.", "Bill Walker"))
    }

    @Test func speechSubjectsThatAreNoNames() throws {
        // After "the", an acronym (also a plural one), a word with a capital inside.
        #expect(try !person("“We will reopen soon,” the KRDA added.", "KRDA"))
        #expect(try !person("The plan was explained to councillors, the minister told MLAs.", "MLAs"))
        #expect(try !person("Late on Monday, BrightLedger reported that the talks had failed.", "BrightLedger"))
        // English words none of which is a first name or a surname.
        #expect(try !person("In a statement, Rural Affairs said the ferry would sail.", "Rural Affairs"))
        // Surnames with a short prefix, and unknown words, stay people.
        #expect(try person("“No,” McAllister said.", "McAllister"))
        #expect(try person("“Not yet,” Tovalu said on Monday.", "Tovalu"))
    }

    @Test func titlesBeforeThingsAreNoPeople() throws {
        // A word that only opens a title ("Foreign") takes the rest of the title first.
        let found = try entities("A statement from Foreign Affairs Minister Robin Pellow came on Sunday.")
        #expect(!found.contains { $0.text == "Affairs" && $0.label == .person })
        #expect(mention(found, "Robin Pellow")?.label == .person)
        // A title before English words that are no names.
        #expect(try !person("Shoppers collect Captain Bonus Points at the till.", "Bonus Points"))
        // A titled name that runs on into the head of a place.
        #expect(try !person("Trains stop at King Aldric Station every hour.", "Aldric"))
        #expect(try person("The speech by General Marlow Tensing was short.", "Marlow Tensing"))
        #expect(try person("The visit by Prime Minister Robin Pellow was short.", "Robin Pellow"))
    }
}
