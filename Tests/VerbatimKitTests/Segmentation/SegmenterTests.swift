import Testing
@testable import VerbatimKit

/// Segments `text` and returns the tokens with their text.
private func segment(_ text: String) throws -> (Document, Segmentation, [String]) {
    let document = Document(text: text)
    let segmentation = try shippedSegmenter().segment(document)
    #expect(segmentation.invariantViolations(textLength: document.utf8.count) == [])
    return (document, segmentation, segmentation.tokens.map { document.string($0.start, $0.end) })
}

private func sentenceTexts(_ document: Document, _ s: Segmentation) -> [String] {
    s.sentences.map { document.string(s.tokens[$0.lowerBound].start, s.tokens[$0.upperBound - 1].end) }
}

@Suite struct SegmenterTests {
    @Test func curlyQuotesAndApostrophes() throws {
        let (_, s, words) = try segment("“There was not a car,” the Met’s head said.")
        #expect(words == ["“", "There", "was", "not", "a", "car", ",", "”", "the", "Met’s", "head", "said", "."])
        #expect(s.tokens[0].quote == QuoteMark(role: .opening, family: .double, typographic: true))
        #expect(s.tokens[7].quote == QuoteMark(role: .closing, family: .double, typographic: true))
        #expect(s.tokens[9].quote == nil)
        #expect(s.tokens[9].shape == .title)
    }

    @Test func straightQuotesTakeTheirRoleFromContext() throws {
        let (_, s, words) = try segment(#"He said: "I'm fine" and 'no'."#)
        #expect(words.contains("I'm"))
        let marks = s.tokens.compactMap(\.quote)
        #expect(marks.map(\.role) == [.opening, .closing, .opening, .closing])
        #expect(marks.map(\.family) == [.double, .double, .single, .single])
        #expect(marks.allSatisfy { !$0.typographic })
    }

    @Test func ambiguousStraightQuoteBetweenSpaces() throws {
        let (_, s, _) = try segment(#"a " b"#)
        #expect(s.tokens[1].quote?.role == .ambiguous)
    }

    @Test func elisionsAreApostrophesNotQuotes() throws {
        let (_, s, words) = try segment("It was rock ’n’ roll in the ’90s and '60s.")
        let marks = s.tokens.filter { $0.quote != nil }
        #expect(marks.count == 4)
        #expect(marks.allSatisfy { $0.quote?.role == .apostrophe })
        #expect(words.contains("90s"))
    }

    @Test func guillemetsAndLowQuotes() throws {
        let (_, s, _) = try segment("«Oui» und „Ja“")
        let roles = s.tokens.compactMap(\.quote).map(\.role)
        #expect(roles == [.opening, .closing, .opening, .opening])
        #expect(s.tokens.compactMap(\.quote).first?.family == .guillemet)
    }

    @Test func abbreviationsDoNotEndSentences() throws {
        let (document, s, words) = try segment("Mr. Smith met Dr. Jones in the U.S. at 7 a.m. on Monday. He left.")
        #expect(words.contains("U.S."))
        #expect(words.contains("a.m."))
        #expect(words.prefix(2) == ["Mr", "."])
        #expect(sentenceTexts(document, s) == ["Mr. Smith met Dr. Jones in the U.S. at 7 a.m. on Monday.", "He left."])
        let us = s.tokens[words.firstIndex(of: "U.S.")!]
        #expect(us.shape == .upper)
        #expect(us.kind == .word)
    }

    @Test func clockTimes() throws {
        let (_, s, words) = try segment("at about 7.40am and at 1.25am, until 13:00 or 6 pm")
        #expect(words.contains("7.40am"))
        #expect(words.contains("1.25am"))
        #expect(words.contains("13:00") || (words.contains("13") && words.contains("00")))
        let t = s.tokens[words.firstIndex(of: "7.40am")!]
        #expect(t.kind == .word)
        #expect(t.shape == .lower)
    }

    @Test func hyphenatedWordsSplitButStayGlued() throws {
        let (_, s, words) = try segment("a 29-year-old Lloyd-Webber fan")
        #expect(words == ["a", "29", "-", "year", "-", "old", "Lloyd", "-", "Webber", "fan"])
        #expect(!s.tokens[2].flags.contains(.spaceBefore))
        #expect(!s.tokens[3].flags.contains(.spaceBefore))
        #expect(s.tokens[1].flags.contains(.spaceBefore))
        #expect(s.tokens[1].kind == .number)
    }

    @Test func numbersWithSeparators() throws {
        let (_, s, words) = try segment("1,000,000 people paid £3.5m, or 2.5%")
        #expect(words == ["1,000,000", "people", "paid", "£", "3.5m", ",", "or", "2.5", "%"])
        #expect(s.tokens[0].kind == .number)
        #expect(s.tokens[3].kind == .symbol)
    }

    @Test func emojiAndNonLatinText() throws {
        let (_, s, words) = try segment("Zürich 🖼️🎉 Олег Волков 東京 İstanbul")
        #expect(words.first == "Zürich")
        #expect(words.contains("Олег"))
        #expect(words.contains("Волков"))
        #expect(words.contains("İstanbul"))
        let zurich = s.tokens[0]
        #expect(zurich.shape == .title)
        #expect(s.tokens.contains { $0.kind == .symbol })
        #expect(s.tokens.contains { $0.kind == .ideographic })
        #expect(s.tokens[words.firstIndex(of: "Олег")!].shape == .title)
    }

    @Test func crlfLineEnds() throws {
        let (document, s, words) = try segment("First paragraph here.\r\nSecond one.\r\n\r\nThird.")
        #expect(words == ["First", "paragraph", "here", ".", "Second", "one", ".", "Third", "."])
        #expect(s.paragraphs.count == 3)
        #expect(sentenceTexts(document, s) == ["First paragraph here.", "Second one.", "Third."])
        #expect(s.tokens[4].flags.contains(.lineBreakBefore))
        #expect(s.tokens[4].flags.contains(.paragraphStart))
    }

    @Test func noFinalNewlineAndEmptyText() throws {
        let (_, s, words) = try segment("Ends here")
        #expect(words == ["Ends", "here"])
        #expect(s.sentences == [0..<2])
        let (_, empty, none) = try segment("")
        #expect(none.isEmpty)
        #expect(empty.sentences.isEmpty)
        #expect(empty.paragraphs.isEmpty)
        let (_, spaces, _) = try segment("  \n\n \t ")
        #expect(spaces.tokens.isEmpty)
    }

    @Test func paragraphsFromBlankLinesAndSingleBreaks() throws {
        let text = "One sentence.\nA second paragraph.\n\nA third\nparagraph wrapped over lines.\nFourth."
        let (document, s, _) = try segment(text)
        let paragraphs = s.paragraphs.map { document.string(s.tokens[$0.lowerBound].start, s.tokens[$0.upperBound - 1].end) }
        #expect(paragraphs == ["One sentence.", "A second paragraph.", "A third\nparagraph wrapped over lines.", "Fourth."])
        #expect(sentenceTexts(document, s).contains("A third\nparagraph wrapped over lines."))
    }

    @Test func sentenceInitialFlagSkipsOpeningQuotes() throws {
        let (_, s, words) = try segment("“Police said so.” Armed officers came.")
        let initial = s.tokens.indices.filter { s.tokens[$0].flags.contains(.sentenceInitial) }.map { words[$0] }
        #expect(initial == ["Police", "Armed"])
        #expect(s.tokens[0].flags.contains(.sentenceStart))
    }

    /// The ASCII fast path and the general scalar loop agree, including words where a
    /// non-ASCII letter comes after the first cased ASCII letter or before it.
    @Test func shapesOfMixedScriptWords() throws {
        let cases: [(String, WordShape)] = [
            ("eBay", .mixed), ("iPhone", .mixed), ("McDonald", .title), ("NASA", .upper), ("A", .title),
            ("x", .lower), ("MÉTRO", .upper), ("Métro", .title), ("éCOLE", .mixed), ("ÉCOLE", .upper),
            ("émile", .lower), ("FOOé", .title), ("fooÉ", .mixed), ("B2B", .upper), ("3M", .title), ("42", .uncased),
        ]
        for (word, expected) in cases {
            let bytes = Array(word.utf8)
            let shape = bytes.withUnsafeBufferPointer { TokenClassifier.shape($0, 0, $0.count) }
            #expect(shape == expected, "\(word)")
        }
    }

    @Test func shapes() throws {
        let (_, s, _) = try segment("police Basu UK iPhone McDonald A 2018 O'Brien")
        #expect(s.tokens.map(\.shape) == [.lower, .title, .upper, .mixed, .title, .title, .uncased, .title])
    }

    @Test func copiesSegmentIdentically() throws {
        let segmenter = try shippedSegmenter()
        let copy = try segmenter.makeCopy()
        let document = Document(text: "Neil Basu, the Met’s head, told reporters. “Yes.”")
        #expect(try segmenter.segment(document).tokens == copy.segment(document).tokens)
    }

    @Test func seedArticleInvariants() throws {
        let text = try String(contentsOfFile: corpusPath("samples/westminster-2018.txt"), encoding: .utf8)
        let (_, s, words) = try segment(text)
        #expect(words.contains("Met’s"))
        #expect(s.paragraphs.count == 27)
        #expect(s.sentences.count > s.paragraphs.count)
    }
}

@Suite struct SentenceBoundaryTests {
    @Test(arguments: [
        ("J. K. Rowling wrote it. She smiled.", 2),
        ("Sen. Warren and Gov. Brown met Prof. Lee, Gen. Smith and St. Paul. Then they left.", 2),
        ("It was over by 5 p.m. Then he left.", 2),  // "p.m." can end a sentence, and here it does
        ("The vote was No. 10 on the list.", 1),
    ])
    func titleAbbreviationsAndInitials(text: String, count: Int) throws {
        let (_, s, _) = try segment(text)
        #expect(s.sentences.count == count)
    }

    /// ICU breaks after dotted capitals before any capitalised word; the break stands
    /// only before a word of the class `sentence-opener` (Models/segmentation/words.tsv).
    @Test(arguments: [
        ("The U.S. Agriculture Department said prices fell.", 1),
        ("A U.N. Security Council vote is due.", 1),
        ("He met U.S. President Karl Umbert on Friday.", 1),
        ("The talks were held in the U.S. The delegates left on Friday.", 2),
        ("They flew to the U.S. But the deal fell through.", 2),
        ("It was over by 5 p.m. Then he left.", 2),
    ])
    func dottedCapitalsBeforeACapitalisedWord(text: String, count: Int) throws {
        let (_, s, _) = try segment(text)
        #expect(s.sentences.count == count, "\(text)")
    }

    /// Without the models' words, ICU's breaks stand.
    @Test func noBreakWordsKeepICUsBreaks() throws {
        let document = Document(text: "The U.S. Agriculture Department said prices fell.")
        let sentences = try Segmenter(breakWords: .none).segment(document).sentences
        #expect(sentences.count == 2, "\(sentences)")
    }
}
