import Testing
@testable import VerbatimKit

/// Rule by rule, on sentences written for these tests.
@Suite struct PersonRuleTests {
    @Test func titleAndHonorific() throws {
        let found = try entities("Yesterday Pc Keith Palmer and Dr. Amara Okonkwo-Reyes met Mr Smith.")
        #expect(mention(found, "Keith Palmer")?.label == .person)
        #expect(mention(found, "Amara Okonkwo-Reyes")?.label == .person)
        #expect(mention(found, "Smith")?.label == .person)
        #expect(mention(found, "Smith")?.rule == "title-name")
    }

    @Test func initialsParticlesAndIrishNames() throws {
        let found = try entities("The novel by J. K. Rowling was praised by Ludwig van Beethoven fans, Sean O’Connor and Mary McAleese.")
        #expect(mention(found, "J. K. Rowling")?.label == .person)
        #expect(mention(found, "Ludwig van Beethoven")?.label == .person)
        #expect(mention(found, "Sean O’Connor")?.label == .person)
        #expect(mention(found, "Mary McAleese")?.label == .person)
    }

    @Test func appositionAndSpeechCues() throws {
        let found = try entities("The attacker, Tomasz Wierzbicki, 52, was named. Yusra Haddad-Kettani, the council’s head of planning, agreed. “No,” said Oduya.")
        #expect(mention(found, "Tomasz Wierzbicki")?.label == .person)
        #expect(mention(found, "Yusra Haddad-Kettani")?.label == .person)
        #expect(mention(found, "Oduya")?.label == .person)
        #expect(mention(found, "Oduya")?.rule == "speech-subject")
    }

    @Test func oneSensePerDocument() throws {
        let found = try entities("Theresa May spoke in London. Later May said the talks in May had gone well. Basu agreed with Neil Basu’s deputy.")
        let mays = found.filter { $0.text == "May" }
        #expect(mays.first?.label == .person)
        #expect(mays.first?.cluster == "Theresa May")
        #expect(found.filter { $0.text == "Basu" }.allSatisfy { $0.cluster == "Neil Basu" })
    }

    @Test func ordinaryCapitalsAreNotNames() throws {
        let found = try entities("Detectives said the silver Ford Fiesta was found. Police say Streets were closed.")
        #expect(found.filter { $0.label == .person }.isEmpty, "\(found)")
    }
}

@Suite struct OrganizationRuleTests {
    @Test func headNounsSuffixesAndAcronyms() throws {
        let found = try entities("The Metropolitan Police and the Press Association (PA) spoke to Acme Widgets Ltd. Later the Met and PA confirmed it.")
        #expect(mention(found, "Metropolitan Police")?.label == .organization)
        #expect(mention(found, "Press Association")?.label == .organization)
        #expect(mention(found, "Acme Widgets Ltd")?.label == .organization)
        let met = try #require(mention(found, "Met"))
        #expect(met.label == .organization)
        #expect(met.cluster == "Metropolitan Police")
        #expect(found.filter { $0.text == "PA" }.allSatisfy { $0.cluster == "Press Association" }, "\(found)")
        #expect(found.filter { $0.text == "PA" }.count == 2)
    }

    @Test func ofNamesAndKnownOrganisations() throws {
        let found = try entities("The Bank of England and the United Nations issued statements, and NATO did not.")
        #expect(mention(found, "Bank of England")?.label == .organization)
        #expect(mention(found, "United Nations")?.label == .organization)
        #expect(mention(found, "NATO")?.label == .organization)
    }

    /// "head-of-name": a head that is also a title names an office, and the run after
    /// "of" stops before a title that opens a person's name.
    /// "name-and": two subjects in common words joined by "and" inside a body's name;
    /// names joined by "and" stay apart.
    @Test func aBodysNameCoversTwoSubjectsJoinedByAnd() throws {
        let found = try entities("The Selby Chamber of Commerce and Industry met the Ministry of Housing and Local Government. "
            + "Traders at the Harlow Metals Futures and Options Exchange were calm.")
        #expect(mention(found, "Selby Chamber of Commerce and Industry")?.label == .organization)
        #expect(mention(found, "Ministry of Housing and Local Government")?.label == .organization)
        #expect(mention(found, "Harlow Metals Futures and Options Exchange")?.label == .organization)
        let apart = try entities("Brantwell & Gamble and United Widgets Inc. signed. The Bank of Selby and Harlow Trust merged.")
        #expect(!apart.contains { $0.text.contains("Gamble and United") })
        #expect(!apart.contains { $0.text.contains("Selby and Harlow") })
    }

    @Test func headOfNameStopsAtOfficesAndTitles() throws {
        let office = try entities("The Secretary of State said the talks would resume. Secretary of State Ana Pell agreed.")
        #expect(!office.contains { $0.label == .organization })
        #expect(mention(office, "Ana Pell")?.label == .person)
        let bank = try entities("The Bank of Selby Governor Ana Pell spoke on Tuesday.")
        #expect(mention(bank, "Bank of Selby")?.label == .organization)
        #expect(mention(bank, "Ana Pell")?.label == .person)
    }
}

@Suite struct PlaceRuleTests {
    @Test func gazetteerHeadsAndTypes() throws {
        let found = try entities("Crowds gathered on Tottenham Court Road near Westminster Bridge, then moved to Paris and Germany.")
        #expect(mention(found, "Tottenham Court Road")?.type == "street")
        #expect(mention(found, "Westminster Bridge")?.type == "facility")
        #expect(mention(found, "Paris")?.type == "city")
        #expect(mention(found, "Germany")?.type == "country")
    }

    @Test func cityCommaCountryAndPrepositions() throws {
        let found = try entities("She grew up in Kemptville, Canada, and later worked near Oudkerk.")
        #expect(mention(found, "Kemptville")?.label == .place)
        #expect(mention(found, "Canada")?.type == "country")
        #expect(mention(found, "Oudkerk")?.label == .place)
    }

    @Test func aliasesClusterUnderTheCountry() throws {
        let found = try entities("Trade between the UK and Britain’s partners grew; the United Kingdom said so.")
        #expect(mention(found, "UK")?.cluster == "United Kingdom")
        #expect(mention(found, "Britain")?.cluster == "United Kingdom")
    }

    @Test func monthsAndAdjectivesAreNotPlaces() throws {
        let found = try entities("In June the Russian envoy arrived. A U.S.-led coalition formed in March.")
        #expect(found.filter { $0.label == .place }.isEmpty, "\(found)")
    }
}

@Suite struct CaseRobustnessTests {
    @Test func allCapsHeadline() throws {
        let found = try entities("NEW YORK POLICE CHIEF MEETS OBAMA IN LONDON\nNEW YORK 2014-05-02\nThe New York police chief met Barack Obama in London on Friday.")
        #expect(found.filter { $0.text == "NEW YORK" }.allSatisfy { $0.label == .place })
        #expect(found.contains { $0.text == "LONDON" && $0.label == .place })
        #expect(found.contains { $0.text == "OBAMA" && $0.label == .person && $0.cluster == "Barack Obama" })
    }

    @Test func lowerCaseText() throws {
        let text = "david beckham flew from london to germany on monday. " +
            "he said the weather in london was fine and that germany would help. beckham then left for paris with his staff and advisers."
        let found = try entities(text)
        #expect(found.contains { $0.text == "london" && $0.label == .place })
        #expect(found.contains { $0.text == "germany" && $0.label == .place })
        #expect(found.contains { $0.text == "david beckham" && $0.label == .person })
    }
}

@Suite struct UserListTests {
    @Test func userEntriesWin() throws {
        let dir = try Lexicon.locateModels()
        var lexicon = try Lexicon(directory: dir)
        let file = FileManagerTemp.write("ORG\tZorblax Quintet\nPLACE\tSmith\tother\n")
        try lexicon.addUserList(contentsOf: file)
        let pipeline = try Pipeline(lexicon: lexicon)
        let document = Document(text: "The Zorblax Quintet played in Smith on Sunday.")
        let annotation = try pipeline.annotate(document)
        let found = annotation.entities.map { (document.string($0.start, $0.end), $0.label, $0.rule) }
        #expect(found.contains { $0.0 == "Zorblax Quintet" && $0.1 == .organization && $0.2 == "user-list" })
        #expect(found.contains { $0.0 == "Smith" && $0.1 == .place })
    }
}

@Suite struct SurnameSenseTests {
    /// A surname shared with a country stays the person's, but not after "to".
    @Test func surnameOverGazetteer() throws {
        let found = try entities("Michael Jordan scored 30 points. Jordan said the team played well. Later the team flew to Jordan.")
        let jordans = found.filter { $0.text == "Jordan" }
        #expect(jordans.count == 2)
        #expect(jordans.first?.label == .person)
        #expect(jordans.first?.cluster == "Michael Jordan")
        #expect(jordans.last?.label == .place)
    }
}
