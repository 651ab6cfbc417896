import Testing
@testable import VerbatimKit

@Suite struct QuotePairerTests {
    @Test func typographic() throws {
        #expect(try quoteTexts("“We will rebuild,” the mayor said.") == ["“We will rebuild,”"])
    }

    @Test func straight() throws {
        let t = "\"We will rebuild,\" the mayor said. \"It will take years.\""
        #expect(try quoteTexts(t) == ["\"We will rebuild,\"", "\"It will take years.\""])
    }

    @Test func straightSingle() throws {
        let t = "'We will rebuild,' the mayor said. 'It will take years.'"
        #expect(try quoteTexts(t) == ["'We will rebuild,'", "'It will take years.'"])
    }

    @Test func guillemets() throws {
        let t = "«The painting is safe,» the curator said. „It was never damaged“, she added."
        #expect(try quoteTexts(t) == ["«The painting is safe,»", "„It was never damaged“"])
    }

    @Test func doubledApostrophesAreADoubleMark() throws {
        let t = "''We finally may be seeing some wage growth,'' the economist wrote."
        #expect(try quoteTexts(t) == ["''We finally may be seeing some wage growth,''"])
    }

    @Test func tripleApostrophesCloseTheNestedQuoteFirst() throws {
        let t = "''I would use the word 'old-school,''' she said."
        #expect(try quoteTexts(t) == ["''I would use the word 'old-school,'''"])
    }

    @Test func nestedQuotesStayInside() throws {
        let t = "“He told me ‘never again’ and left,” she said. \"They called it 'a disgrace' on air,\" he said."
        #expect(try quoteTexts(t) == [
            "“He told me ‘never again’ and left,”",
            "\"They called it 'a disgrace' on air,\"",
        ])
    }

    @Test func apostrophesNeverPair() throws {
        let t = "“The Met’s officers love rock ’n’ roll from the ’90s and the officers’ cars,” the inspector said. ‘It’s fine,’ he added."
        #expect(try quoteTexts(t) == [
            "“The Met’s officers love rock ’n’ roll from the ’90s and the officers’ cars,”",
            "‘It’s fine,’",
        ])
    }

    @Test func multiParagraphQuoteSpansParagraphs() throws {
        let t = "The director said:\n\n“We will build homes.\n\n“We will build schools.\n\n“And we will do it this year.”\n\nThe council meets on Monday."
        #expect(try quoteTexts(t) == ["“We will build homes.\n\n“We will build schools.\n\n“And we will do it this year.”"])
    }

    @Test func multiParagraphChainThatNeverClosesSplitsPerParagraph() throws {
        let t = "She said:\n\n“We will build homes.\n\n“We will build schools.\n\nThe council meets on Monday."
        #expect(try quoteTexts(t) == ["“We will build homes.", "“We will build schools."])
    }
}

@Suite struct UnbalancedQuoteMarkTests {
    @Test func unclosedMarkMidParagraphIsDropped() throws {
        let t = "The so-called “plan was announced.\n\n“We are ready,” the minister said."
        #expect(try quoteTexts(t) == ["“We are ready,”"])
    }

    @Test func unclosedMarkAtParagraphStartClosesAtParagraphEnd() throws {
        let t = "“We are ready, the minister said.\n\nThe council meets on Monday. “It is late,” a clerk said."
        #expect(try quoteTexts(t) == ["“We are ready, the minister said.", "“It is late,”"])
    }

    @Test func strayClosingMarksAreIgnored() throws {
        let t = "It was late.” Nobody came.” “We are ready,” the minister said."
        #expect(try quoteTexts(t) == ["“We are ready,”"])
    }

    @Test func hundredThousandOpeningMarksInOneParagraph() throws {
        let body = String(repeating: "word “ ", count: 100_000)
        let t = body + "\n\n“We are ready,” the minister said."
        let qs = try quotes(t)
        #expect(qs.count == 1)
        #expect(qs.first.map { slice(t, $0.start, $0.end) } == "“We are ready,”")
    }

    @Test func hundredThousandParagraphsOpeningQuotesStayBounded() throws {
        let t = String(repeating: "“Open words here\n\n", count: 100_000) + "Done. “We are ready,” the minister said."
        let qs = try quotes(t)
        // One quote per paragraph at most, none crossing a paragraph break.
        #expect(qs.count <= 100_001)
        #expect(qs.allSatisfy { !slice(t, $0.start, $0.end).contains("\n") })
        #expect(qs.last.map { slice(t, $0.start, $0.end) } == "“We are ready,”")
    }

    @Test func hundredThousandStraightMarks() throws {
        let t = String(repeating: "a \" b ", count: 100_000) + "\n\n\"We are ready,\" the minister said."
        let qs = try quotes(t)
        #expect(qs.last.map { slice(t, $0.start, $0.end) } == "\"We are ready,\"")
        #expect(qs.last?.speaker != nil)
    }
}

@Suite struct AdversarialSpeakerTests {
    @Test func tenThousandCapitalisedWordsBeforeACue() throws {
        let names = String(repeating: "Anna Berg ", count: 5_000)
        let t = "“We are ready,” " + names + "said. " + String(repeating: "“Fine,” he said. ", count: 2_000)
        let qs = try quotes(t)
        #expect(qs.count == 2_001)
        // The speaker mention stays short whatever the run's length.
        #expect(qs.allSatisfy { q in q.speaker.map { $0.end - $0.start < 200 } ?? true })
    }
}
