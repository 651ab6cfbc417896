import Testing
@testable import VerbatimKit

@Suite struct QuoteKindClassifierTests {
    @Test func speechOpeningASentenceIsDirect() throws {
        let t = "The car stopped. “I think it looked intentional,” she said."
        #expect(try quotes(t).map(\.kind) == [.direct])
    }

    @Test func speechAfterAColonIsDirect() throws {
        #expect(try quotes("The witness said: “It was fast.”").map(\.kind) == [.direct])
    }

    @Test func speechAfterACueAndCommaIsDirect() throws {
        #expect(try quotes("Asked about the plan, she said, “We will finish it this year.”").map(\.kind) == [.direct])
    }

    @Test func fragmentInsideTheNarratorsSentenceIsPartial() throws {
        let t = "Theresa May said that terrorists would “never succeed” in dividing the UK."
        #expect(try quotes(t).map(\.kind) == [.partial])
    }

    @Test func longFragmentAfterThatIsPartial() throws {
        let t = "She said the plan had “always been a lean one and will stay that way for years.”"
        #expect(try quotes(t).map(\.kind) == [.partial])
    }

    @Test func scareQuoteIsPartialWithoutSpeaker() throws {
        let qs = try quotes("The so-called “affordable” flats cost a fortune.")
        #expect(qs.map(\.kind) == [.partial])
        #expect(qs.first?.speaker == nil)
        #expect(qs.first?.rule == "title-or-scare-quote")
    }

    @Test func titlesAreNotSpeech() throws {
        let t = "Tracks to Nowhere.\n\n“Tracks to Nowhere” is the report’s title. In his book, “Make Your Kid a Millionaire,” he says little."
        #expect(try quotes(t).map(\.kind) == [.partial, .partial])
    }

    @Test func shortAnswerWithCueIsDirect() throws {
        #expect(try quotes("“No,” he said.").map(\.kind) == [.direct])
    }

    @Test func quoteTheSentenceRunsOnFromIsPartialUnlessItNamesTheSpeaker() throws {
        #expect(try quotes("“He can assert it, but it seems unlikely” that the bill passes.").map(\.kind) == [.partial])
        #expect(try quotes("“The person driving did not go out” of the vehicle, she said.").map(\.kind) == [.direct])
    }
}

@Suite struct HeadlineQuoteTests {
    @Test func shortSingleQuotedParagraphIsAHeading() throws {
        let t = "The plant closed in May.\n\n'A really tough decision.'\n\n\"We will miss it,\" a worker said."
        #expect(try quotes(t).map(\.kind) == [.partial, .direct])
    }

    @Test func allCapsQuoteIsAHeadline() throws {
        let t = "‘THE OTHER SIDE OF THE PARTY’ is the story of the week."
        #expect(try quotes(t).map(\.kind) == [.partial])
    }
}

/// A speech verb's complement quoted whole is direct speech, not a partial quote.
@Suite struct QuotedComplementTests {
    @Test func aFirstPersonComplementQuotedToTheSentenceEndIsDirect() throws {
        #expect(try quotes("The fire chief said “we are not there yet.”").map(\.kind) == [.direct])
        #expect(try quotes("The fire chief said \"I have seen worse floods than this one\".").map(\.kind) == [.direct])
    }

    @Test func aQuoteAfterACueAndAColonIsDirect() throws {
        #expect(try quotes("He told the radio station: “It is over for this season.”").map(\.kind) == [.direct])
    }

    @Test func aNamingVerbOrAThirdPersonFragmentStaysPartial() throws {
        #expect(try quotes("The council called it “a clear threat to the harbour.”").map(\.kind) == [.partial])
        #expect(try quotes("The mayor called the ferry “our biggest worry this winter.”").map(\.kind) == [.partial])
        #expect(try quotes("She said the ferry “will not run again this year.”").map(\.kind) == [.partial])
    }
}

/// Page furniture and lists of words in quotation marks are not speech (invented text).
@Suite struct NotSpeechTests {
    @Test func aListOfQuotedWordsIsNoSpeech() throws {
        let t = "This year's list of banned words includes “pivot,” “circle back,” “synergy” and “bandwidth.”"
        let qs = try quotes(t)
        #expect(qs.count == 4 && qs.allSatisfy { $0.kind == .partial && $0.speaker == nil && $0.rule == "word-list" })
    }

    @Test func wordsAPersonIsSaidToUseAreSpeech() throws {
        let t = "The mayor called the plan “reckless,” “costly” and “doomed.”"
        let qs = try quotes(t)
        #expect(qs.count == 3 && qs.allSatisfy { $0.rule != "word-list" && $0.speaker?.name == "The mayor" })
    }

    @Test func twoQuotedWordsAreNoList() throws {
        let t = "The editor dislikes “pivot” and “synergy” most of all."
        #expect(try quotes(t).allSatisfy { $0.rule != "word-list" })
    }

    @Test func aReadMoreLineIsNoSpeech() throws {
        let t = "The ferry stopped on Monday.\n\nREAD MORE: Mayor says harbour bridge is ‘not safe for anyone’\n\n“We will reopen soon,” the mayor said."
        let qs = try quotes(t)
        #expect(qs.map(\.rule) == ["page-furniture", "trailing-cue"])
        #expect(qs[0].speaker == nil && qs[0].kind == .partial)
    }

    @Test func aColumnistsOwnWordsHaveNoNamedSpeaker() throws {
        let t = "Anna Berg runs the ferry. “I have seen this before,” I said to her on the pier."
        let q = try #require(try quotes(t).first)
        #expect(q.speaker.map { slice(t, $0.start, $0.end) } == "I" && q.speaker?.name == nil)
    }
}
