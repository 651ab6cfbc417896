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

    @Test func aFrequentFirstNameThatIsAWordOpensASentenceBeforeAnUnknownName() throws {
        // "Pat" and "Nick" are English words; before a name no list knows and a comma
        // or a speech verb, they are first names at a sentence's start too.
        #expect(try person("The fund grew.\n\nPat Orvaldi, executive director of the trust, agreed.", "Pat Orvaldi"))
        #expect(try person("The fund grew. Nick Tamberlane said the trust would spend it.", "Nick Tamberlane"))
        // Not before an English word, nor without the comma or the verb.
        #expect(try !person("Pat Dry, then sprinkle the salt.", "Pat Dry"))
        #expect(try !person("Pat Orvaldi on the back.", "Pat Orvaldi"))
    }

    @Test func aNameWrittenSurnameFirstJoinsItsFullName() throws {
        // "Wang" is more often a surname than a first name: alone, it is Wang Qishan's.
        let found = try entities("Vice-President Wang Qishan spoke in Davos. Wang said trade would grow.")
        #expect(found.filter { $0.text == "Wang" }.allSatisfy { $0.cluster == "Wang Qishan" }, "\(found)")
        // A first name alone may be someone else's.
        let joseph = try entities("Police Chief Joseph Barrowmere spoke. The boy's father, Joseph, said he was safe.")
        #expect(mention(joseph, "Joseph")?.cluster == "Joseph", "\(joseph)")
        // Two full names opening with the word: no guess.
        let two = try entities("Wang Qishan met Wang Yi. Wang said trade would grow.")
        #expect(mention(two, "Wang")?.cluster == "Wang", "\(two)")
    }

    @Test func aNameAfterTheThatEndsItsPhraseIsNoPerson() throws {
        // A community, a region, an event: "the" and a name, then a stop or a preposition.
        #expect(try !person("He travelled from the Quillby First Nation for counselling.", "Quillby First Nation"))
        #expect(try !person("Workers came from the Marlo Isles, who were recruited.", "Marlo Isles"))
        #expect(try !person("He won the Walter Pellow Invitational at this course.", "Walter Pellow Invitational"))
        // A person's name qualifying a noun or a compound keeps the article.
        #expect(try person("Lawyers reopened the Walter Barnes case on Monday.", "Walter Barnes"))
        #expect(try person("Critics of the Walter Barnes-led council met.", "Walter Barnes"))
    }

    @Test func aNameBeforeARoleQualifiesIt() throws {
        // After a role word, a name that a role noun follows qualifies that role.
        #expect(try !person("The plan came from former Progressive premier Walter Barnes.", "Progressive"))
        #expect(try !person("It was backed by former Progressive finance critic Walter Barnes.", "Progressive"))
        // The person after the role stays.
        #expect(try person("The goal came from striker Kowalczyk Zbrojny.", "Kowalczyk Zbrojny"))
        #expect(try person("After their son Tobiah in 1979, they moved.", "Tobiah"))
        // A surname qualifying the role still names a person.
        #expect(try person("The memo was sent by a former Walker aide on Monday.", "Walker"))
        #expect(try person("The memo was sent by a former Zorvath aide on Monday.", "Zorvath"))
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
