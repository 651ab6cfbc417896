import Testing
@testable import VerbatimKit

/// One test per cue pattern; each checks the speaker mention, the cue and the sieve.
@Suite struct SpeakerAttributorTests {
    @Test func quoteCommaNameSaid() throws {
        let t = "“We will rebuild,” Maria Lopez said."
        #expect(try summary(t) == ["“We will rebuild,” | direct | Maria Lopez | Maria Lopez | said"])
        #expect(try quotes(t).first?.rule == "trailing-cue")
    }

    @Test func quoteCommaSaidName() throws {
        let t = "“We will rebuild,” said Geoff Garin, a pollster."
        #expect(try summary(t) == ["“We will rebuild,” | direct | Geoff Garin | Geoff Garin | said"])
        #expect(try quotes(t).first?.rule == "trailing-inverted")
    }

    @Test func nameSaidColonQuote() throws {
        let t = "Det Insp Alan Hughes said: “The investigation is complete.”"
        #expect(try speakerTexts(t) == ["Det Insp Alan Hughes"])
        #expect(try speakerNames(t) == ["Alan Hughes"])
        #expect(try quotes(t).first?.rule == "leading-cue")
    }

    @Test func nameToldSomebodyColonQuote() throws {
        let t = "Eyewitness Ewa Nowak told the Press Association: \"It looked intentional.\""
        #expect(try summary(t) == ["\"It looked intentional.\" | direct | Ewa Nowak | Ewa Nowak | told"])
    }

    @Test func quoteThenToldReportersWithApposition() throws {
        let t = "“There was no pursuit” when it crashed, Neil Basu, the Met’s head of counter-terrorism, told reporters."
        #expect(try summary(t) == ["“There was no pursuit” | direct | Neil Basu | Neil Basu | told"])
    }

    @Test func accordingTo() throws {
        let t = "Police put up a \"Terrorism Act cordon\", according to an officer at the scene."
        #expect(try summary(t) == ["\"Terrorism Act cordon\" | partial | an officer | an officer at the scene | according to"])
    }

    @Test func accordingToBeforeDirectQuote() throws {
        let t = "According to the mayor, “the bridge will reopen on Monday.”"
        #expect(try speakerTexts(t) == ["the mayor"])
    }

    @Test func splitQuote() throws {
        let t = "“We are ready,” she said, “and we will not wait.”"
        let qs = try quotes(t)
        #expect(try speakerTexts(t) == ["she", "she"])
        #expect(qs.map(\.rule) == ["trailing-cue", "split-quote"])
    }

    @Test func organisationSpeaker() throws {
        let t = "“The vehicle was stopped at 6am,” the Metropolitan Police said in a statement."
        #expect(try speakerTexts(t) == ["the Metropolitan Police"])
    }

    @Test func roleDescriptionSpeaker() throws {
        let t = "“We will appeal,” a spokesman for the campaign said."
        #expect(try speakerTexts(t) == ["a spokesman for the campaign"])
    }

    @Test func colonIntroducedParagraph() throws {
        let t = "Det Insp Alan Hughes of the BTP said:\n\n“The investigation is complete.”"
        let qs = try quotes(t)
        #expect(try speakerTexts(t) == ["Det Insp Alan Hughes"])
        #expect(qs.first?.rule == "colon-intro")
    }

    @Test func colonWithoutVerbTakesTheClauseSubject() throws {
        let t = "Our correspondent, Lizzie Dearden, reports from the scene:\n\n“Police are clearing the area.”"
        #expect(try speakerTexts(t) == ["Lizzie Dearden"])
    }

    @Test func questionFollowedByCapitalisedSpeaker() throws {
        let t = "“You think I'm going to change?” Trump asked reporters."
        #expect(try speakerTexts(t) == ["Trump"])
    }

    @Test func unknownVerbAfterPronoun() throws {
        let t = "“People are afraid of wasting their votes,” he surmised."
        #expect(try speakerTexts(t) == ["he"])
    }

    @Test func dashByline() throws {
        let t = "“Maybe we can build a wall around him.” ― Steve Quinlan\n\n“I hope people vote.” ― Ana Ruiz"
        #expect(try speakerTexts(t) == ["Steve Quinlan", "Ana Ruiz"])
    }

    @Test func participleTakesTheClauseSubject() throws {
        let t = "Weaver was not impressed with the comments, telling reporters, “A lot of people said he should step down.”"
        #expect(try speakerTexts(t) == ["Weaver"])
    }

    @Test func partialQuotesTakeTheSentenceCue() throws {
        let t = "Theresa May said that terrorists would “never succeed” in dividing the UK, after Donald Trump blamed “crazy animals” for the attack."
        #expect(try speakerTexts(t) == ["Theresa May", "Donald Trump"])
        #expect(try quotes(t).map { $0.cue.map { slice(t, $0.start, $0.end) } } == ["said", "blamed"])
    }

    @Test func indirectSpeechSentenceBeforeTheQuote() throws {
        let t = "The administration may be reluctant to act, Schiff said. \"I do not think that should matter.\""
        let q = try #require(try quotes(t).first)
        #expect(try speakerTexts(t) == ["Schiff"])
        #expect(q.rule == "previous-sentence-cue")
    }

    @Test func cuesAreReportedWithOffsets() throws {
        let t = "“Yes,” she replied."
        let q = try #require(try quotes(t).first)
        #expect(q.cue.map { slice(t, $0.start, $0.end) } == "replied")
    }
}

@Suite struct SpeakerNameResolverTests {
    @Test func pronounTakesThePreviousSpeaker() throws {
        let t = "Eyewitness Ewa Nowak told reporters: \"It looked intentional.\"\nShe said: \"I heard some noise.\""
        #expect(try speakerTexts(t) == ["Ewa Nowak", "She"])
        #expect(try speakerNames(t) == ["Ewa Nowak", "Ewa Nowak"])
    }

    @Test func pronounGenderFollowsTitles() throws {
        let t = "Mr Tom Reed met Mrs Jane Hall on Monday. “We agreed on nothing,” she said. “Nothing at all,” he said."
        #expect(try speakerNames(t) == ["Jane Hall", "Tom Reed"])
    }

    /// The one-look-up title test gives what asking the male and the female set in
    /// turn gives, for every title (any case), other words and punctuation.
    @Test func titleGenderAgreesWithTheTitleSets() throws {
        let t = "Mr. MRS Ms miss Sir LORD king Prince father Brother lady Dame QUEEN princess sister Mother "
            + "Dr. Sen. mister mrs. M. ms’ \"Mr\" (Lady) the Mayor Kingston sisters , . “ —"
        let document = Document(text: t)
        let state = AnalysisState(document: document, segmentation: try shippedSegmenter().segment(document))
        let text = QuoteText(state, vocabulary: shippedQuoteStage.vocabulary)
        let resolver = SpeakerNameResolver(text: text, mentions: SpeakerMentions(text: text),
                                           firstNames: shippedQuoteStage.firstNames)
        var males = 0, females = 0
        for i in 0..<text.count {
            let word = text.folded(i)
            let vocabulary = shippedQuoteStage.vocabulary
            let expected: SpeakerNameResolver.Gender? = vocabulary.contains(word, .maleTitle) ? .male
                : vocabulary.contains(word, .femaleTitle) ? .female : nil
            #expect(resolver.titleGender(i) == expected, "\(text.string(i))")
            if expected == .male { males += 1 } else if expected == .female { females += 1 }
        }
        // The text holds the titles it means to test.
        #expect(males >= 8 && females >= 11)
    }

    @Test func surnameBecomesTheFullName() throws {
        let t = "Neil Basu leads the inquiry. “It is too early to say,” Basu said."
        #expect(try speakerTexts(t) == ["Basu"])
        #expect(try speakerNames(t) == ["Neil Basu"])
    }

    @Test func titleAndSurnameBecomeTheFullName() throws {
        let t = "Geoff Garin runs the poll. “Good news for the country,” Mr. Garin said."
        #expect(try speakerNames(t) == ["Geoff Garin"])
    }

    @Test func roleDescriptionTakesTheFirstSpeakerOfTheNearestSentence() throws {
        let t = "Theresa May said terrorists would “never succeed”, after Donald Trump blamed “crazy animals”. The crash was an “appalling incident”, the prime minister said."
        #expect(try speakerTexts(t) == ["Theresa May", "Donald Trump", "the prime minister"])
        #expect(try speakerNames(t) == ["Theresa May", "Donald Trump", "Theresa May"])
    }

    @Test func roleDescriptionWithoutAQuotedPersonStaysAsWritten() throws {
        let t = "Trains run from Circular Quay. The state’s transport minister told parliament the work was “unavoidable and overdue”."
        #expect(try speakerNames(t) == ["The state’s transport minister"])
    }

    @Test func otherDescriptionsStayAsWritten() throws {
        let t = "“We will appeal,” a spokesman for the campaign said."
        #expect(try speakerNames(t) == ["a spokesman for the campaign"])
    }

    @Test func clustersFromAnEarlierStageNameTheSpeaker() throws {
        let t = "“We will rebuild,” Lopez said."
        let doc = Document(text: t)
        let start = Int32(t.utf8.count - " said.".utf8.count - "Lopez".utf8.count)
        struct FakeNER: Annotator {
            let name = "fake-ner"
            let requires: Set<Layer> = [.tokens]
            let produces: Set<Layer> = [.entities, .clusters]
            let start: Int32
            func annotate(_ state: inout AnalysisState) {
                state.annotation.entities = [Entity(start: start, end: start + 5, label: .person, cluster: 0, rule: "test")]
                state.annotation.clusters = [Cluster(label: .person, name: "Maria Lopez", mentions: [0])]
            }
        }
        let pipeline = try Pipeline(annotators: [FakeNER(start: start), shippedQuoteStage])
        let q = try #require(try pipeline.annotate(doc).quotes.first)
        #expect(q.speaker?.cluster == 0)
        #expect(q.speaker?.name == "Maria Lopez")
    }
}

@Suite struct ContinuationTests {
    @Test func paragraphContinuingTheSpeakerTakesTheSpeaker() throws {
        let t = "“We will rebuild,” Maria Lopez said.\n\n“It will take two years and a lot of money.”\n\nThe council meets on Monday."
        let qs = try quotes(t)
        #expect(try speakerTexts(t) == ["Maria Lopez", "Maria Lopez"])
        #expect(qs.map(\.rule) == ["trailing-cue", "continuation"])
        #expect(qs.last?.cue == nil)
    }

    @Test func secondQuoteInTheParagraphTakesTheSpeaker() throws {
        let t = "“Why is he attacking me?” Trump said. “He has to beat seven others first.”"
        #expect(try speakerTexts(t) == ["Trump", "Trump"])
    }

    @Test func continuationStopsAfterAGap() throws {
        let t = "“We will rebuild,” Maria Lopez said.\n\nThe council met.\n\nIt voted.\n\n“Nobody asked us about any of this.”"
        #expect(try speakerTexts(t) == ["Maria Lopez", "-"])
    }
}

@Suite struct SpeakerMentionShapeTests {
    @Test func middleInitialsStayInTheName() throws {
        #expect(try speakerTexts("“It will pass,” said Paul R. Pillar, a former analyst.") == ["Paul R. Pillar"])
        #expect(try speakerTexts("“It will pass,” Paul R. Pillar said.") == ["Paul R. Pillar"])
    }

    @Test func nameAfterRoleWordsIsTheSpeaker() throws {
        #expect(try speakerTexts("“We have the votes,” said Senate minority leader Harry Reid.") == ["Harry Reid"])
    }

    @Test func surnameResolvesThroughAMiddleInitial() throws {
        let t = "Paul R. Pillar teaches at Georgetown. “It will pass,” Pillar said."
        #expect(try speakerNames(t) == ["Paul R. Pillar"])
    }
}

@Suite struct PronounCandidateTests {
    @Test func titledSurnameInTheSentenceBeforeWins() throws {
        let t = "“We will win,” Maria Lopez said.\n\nWhat Mr. Obama has seen instead are the charts. “It is real,” he said."
        #expect(try speakerNames(t) == ["Maria Lopez", "Obama"])
    }

    @Test func daysAreNotPeople() throws {
        let t = "Jane Hall spoke on Monday. The response came in Florida Friday. “It is over,” she said."
        #expect(try speakerNames(t) == ["Jane Hall"])
    }
}

/// Number agreement in descriptions: a singular determiner opens another noun phrase
/// than a plural head's.
@Suite struct DescriptionAgreementTests {
    @Test func singularDeterminerDoesNotJoinAPluralHead() throws {
        let t = "“The bridge will never open on time,” a report residents say was buried."
        #expect(try speakerTexts(t) == ["residents"])
    }

    @Test func aPluralAfterAPrepositionKeepsItsPhrase() throws {
        let t = "“The bridge will never open on time,” a group of residents said."
        #expect(try speakerTexts(t) == ["a group of residents"])
    }

    @Test func aScareQuoteTakesNoGenericGroupAsSpeaker() throws {
        let t = "The plan keeps rents “fair” for a decade, a claim landlords say is false."
        let q = try #require(try quotes(t).first)
        #expect(q.speaker == nil)
    }
}

/// Descriptions as speakers: the span never cuts a word or a name, and a description
/// resolves to the person the article named with that role. Invented sentences.
@Suite struct DescriptionSpeakerTests {
    @Test func aSpeakerSpanKeepsHyphenatedWordsWhole() throws {
        #expect(try speakerTexts("“Rates will rise,” the self-taught economist said.") == ["the self-taught economist"])
        #expect(try speakerTexts("“Rates will rise,” said the self-taught economist.") == ["the self-taught economist"])
    }

    @Test func theNameAfterRoleWordsIsTheSpeaker() throws {
        #expect(try speakerTexts("“We will appeal,” said oil and gas worker Tom Hale.") == ["Tom Hale"])
        #expect(try speakerTexts("“We will appeal,” said lead author Dr. Jane Roe.") == ["Dr. Jane Roe"])
    }

    /// "Secretary of State Ana Pell": the office's name run ends with the person's
    /// name; "Jane Roe of Harbour Trust Bank" keeps the head before "of".
    @Test func anOfficeHoldersNameEndsTheOffice() throws {
        #expect(try speakerTexts("“We will appeal,” said Secretary of State Ana Pell.") == ["Ana Pell"])
        #expect(try indirectSummary("U.S. Secretary of State Ana Pell praised the deal and said it would hold.")
                    .map { $0.components(separatedBy: " | ")[1] } == ["Ana Pell"])
        #expect(try indirectSummary("Minister of Health Jane Roe said the clinics would reopen.").map { $0.components(separatedBy: " | ")[1] }
                == ["Jane Roe"])
        #expect(try indirectSummary("Jane Roe of Harbour Trust Bank said the branch would reopen.").map { $0.components(separatedBy: " | ")[1] }
                == ["Jane Roe"])
        // Two words after "of" name an office only.
        #expect(try indirectSummary("Minister of Foreign Affairs said the talks had stalled.").map { $0.components(separatedBy: " | ")[1] }
                == ["Minister"])
    }

    @Test func aCommaBetweenAdjectivesStaysInTheDescription() throws {
        #expect(try speakerTexts("“Rates will rise,” the lanky, soft-spoken economist said.") == ["the lanky, soft-spoken economist"])
    }

    @Test func theRoleResolvesToThePersonNamedWithIt() throws {
        let apposition = "Jane Roe, an economist at the institute, spoke first. Tom Hall spoke next. “Rates will rise,” the economist said."
        #expect(try speakerNames(apposition) == ["Jane Roe"])
        let before = "Economist Jane Roe spoke first. Then Tom Hall spoke. “Rates will rise,” the economist said."
        #expect(try speakerNames(before) == ["Jane Roe"])
    }

    @Test func aHeadBeforeWithTheStaysTheSpeaker() throws {
        let t = "Tom Hale with the Harbour Health Authority says the wait is far too long."
        #expect(try allQuotes(t).first?.speaker.map { slice(t, $0.start, $0.end) } == "Tom Hale")
    }

    @Test func aStatementIsItsAuthors() throws {
        let t = "Environment Minister Ada Quist cancelled the sessions. “These reports are deeply worrying,” her statement read."
        #expect(try speakerNames(t) == ["Ada Quist"])
        let by = "A statement sent to the paper by Tom Hale said the station would comply with the order."
        #expect(try allQuotes(by).first?.speaker?.name == "Tom Hale")
    }

    @Test func thePreviousSpeakerWinsOverANameInAnotherRole() throws {
        let t = "“The dairy gave us jobs,” Kevin Marr said. He said the dairy, along with a bank run by his father's friend, Martin Legere, gave the town a boost. “It was a good time,” he said."
        #expect(try speakerNames(t).last == "Kevin Marr")
    }
}
