import Foundation
import Testing
@testable import VerbatimKit

/// The credit stage on invented articles: a name credited for a picture or standing
/// as a byline keeps its PERSON entity but loses its cluster, so it is neither a
/// person of the news nor a source; the same name elsewhere in the text keeps it.
@Suite struct CreditFinderTests {
    func annotate(_ text: String) throws -> Annotation {
        try sharedPipeline.annotate(Document(text: text))
    }

    func people(_ a: Annotation) -> [String] {
        a.clusters.filter { $0.label == .person }.map(\.name)
    }

    @Test func aPictureCreditIsNoPersonOfTheNews() throws {
        for credit in ["(Marlo Quist/Harbour Press)", "(Marlo Quist / The Harbour Press)", "( Marlo Quist / HP )"] {
            let document = Document(text: "Workers repaired the pier on Tuesday. \(credit)\n\n\"It held,\" said Wren Talbot.")
            let a = try sharedPipeline.annotate(document)
            #expect(people(a) == ["Wren Talbot"], "\(credit)")
            // The credited name is still a PERSON entity, without a cluster.
            let credited = try #require(a.entities.first { $0.label == .person && $0.cluster == nil })
            #expect(document.string(credited.start, credited.end) == "Marlo Quist")
            // Cluster indices still point at the right clusters.
            #expect(a.entities.compactMap(\.cluster).allSatisfy { a.clusters.indices.contains($0) })
            #expect(a.quotes.first?.speaker?.cluster.map { a.clusters[$0].name } == "Wren Talbot")
        }
    }

    @Test func aBylineParagraphIsNoPersonOfTheNews() throws {
        let a = try annotate("Marlo Quist, The Harbour Press\n\nPORTSMOUTH -- \"It held,\" said Wren Talbot on Tuesday.")
        #expect(people(a) == ["Wren Talbot"])
        let b = try annotate("Marlo Quist, evening news producer\n\nThe pier held, Wren Talbot said on Tuesday.")
        #expect(!people(b).contains("Marlo Quist"))
    }

    @Test func aNameThatIsAlsoInTheNewsKeepsItsCluster() throws {
        // Named in the text as well as in a credit: a person of the news. (In the
        // credit's paragraph, the sentence would be the picture's caption.)
        let a = try annotate("Marlo Quist opened the pier on Tuesday.\n\nThe pier held. (Marlo Quist/Harbour Press)")
        #expect(people(a) == ["Marlo Quist"])
        // A paragraph that says something about the person is no byline.
        let b = try annotate("Marlo Quist, the harbour master, smiled.\n\nThe pier held.")
        #expect(people(b) == ["Marlo Quist"])
        let c = try annotate("Marlo Quist, 52, of Portsmouth\n\n\"It held,\" Quist said.")
        #expect(people(c) == ["Marlo Quist"])
        // A slash between two names is no credit unless the next word is capitalised.
        let d = try annotate("The pier was built by Marlo Quist/and friends, who said \"It held.\"")
        #expect(people(d) == ["Marlo Quist"])
    }

    @Test func aCreditParagraphCreditsEveryNameInIt() throws {
        let a = try annotate("\"It held,\" said Wren Talbot on Tuesday.\n\n– With files from Marlo Quist and Ivo Brandt in Portsmouth")
        #expect(people(a) == ["Wren Talbot"])
        let b = try annotate("By Marlo Quist\n\nThe pier held, Wren Talbot said on Tuesday.")
        #expect(people(b) == ["Wren Talbot"])
        // A long paragraph that happens to open with "By" is news.
        let c = try annotate("By the time Marlo Quist reached the pier on Tuesday, the storm had passed and the boats were safe again in the harbour.")
        #expect(people(c) == ["Marlo Quist"])
    }

    @Test func aReportCreditIsNoPersonOfTheNews() throws {
        let a = try annotate("The pier held overnight. Marlo Quist has the latest.\n\n\"It held,\" said Wren Talbot.")
        #expect(people(a) == ["Wren Talbot"])
        let b = try annotate("As Marlo Quist reports, the pier held. \"It held,\" said Wren Talbot.")
        #expect(people(b) == ["Wren Talbot"])
        // "reports" with an object is news: the harbour master reports damage.
        let c = try annotate("Marlo Quist reports damage to the pier.")
        #expect(people(c) == ["Marlo Quist"])
    }

    @Test func anAuthorNoteIsNoPersonOfTheNews() throws {
        let a = try annotate("\"It held,\" said Wren Talbot.\n\nMarlo Quist is a Portsmouth-based reporter covering the harbour.")
        #expect(people(a) == ["Wren Talbot"])
        // The verb must follow the name and a journalist noun come soon after it.
        let b = try annotate("Marlo Quist is a harbour master who once met a reporter.")
        #expect(people(b) == ["Marlo Quist"])
    }
}

/// Captions and links to other articles: people a picture shows, or the headline of
/// another article names, are not people of this article's news.
@Suite struct CaptionAndLinkTests {
    func people(_ text: String) throws -> [String] {
        try sharedPipeline.annotate(Document(text: text)).clusters.filter { $0.label == .person }.map(\.name)
    }

    @Test func thePeopleOfACaptionAreNoPeopleOfTheNews() throws {
        let news = "\"It held,\" said Wren Talbot on Tuesday."
        // Text before a bracketed credit, after an open credit, between two credits.
        for caption in ["Harbour master Odile Fenwick greets sailors in Portsmouth on Monday. (Marlo Quist/Harbour Press)",
                        "Marlo Quist / The Harbour Press Odile Fenwick greets sailors in Portsmouth on Monday.",
                        "( Marlo Quist / HP ) Odile Fenwick, left, greets sailors in Portsmouth. ( Harbour Archives )",
                        "Odile Fenwick greets sailors in Portsmouth in 1972. ( Harbour Press file photo )"] {
            #expect(try people("\(news)\n\n\(caption)") == ["Wren Talbot"], "\(caption)")
        }
    }

    @Test func aCaptionedPersonTheTextNamesStays() throws {
        // The text names her too: she is a person of the news.
        #expect(try people("Odile Fenwick opened the pier.\n\nOdile Fenwick waves. (Marlo Quist/Harbour Press)") == ["Odile Fenwick"])
        // The text gives her surname, or one word of a name written surname first.
        #expect(try people("Fenwick opened the pier.\n\nOdile Fenwick waves. (Marlo Quist/Harbour Press)") == ["Odile Fenwick"])
        // A first name shared with someone else in the text proves nothing.
        #expect(try people("Odile Brandt opened the pier.\n\nOdile Fenwick waves. (Marlo Quist/Harbour Press)") == ["Odile Brandt"])
    }

    @Test func aLongParagraphWithACreditIsNews() throws {
        // Past sixty words, the text beside a credit is the article's.
        let long = Array(repeating: "The storm kept the boats in the harbour.", count: 8).joined(separator: " ")
        let a = try people("Odile Fenwick said the pier held. \(long) (Marlo Quist/Harbour Press)")
        #expect(a == ["Odile Fenwick"])
        // A slash between names inside a sentence is no credit.
        #expect(try people("Odile Fenwick said a Talbot/Brandt ticket would win. Wren Talbot and Ivo Brandt agreed.").contains("Odile Fenwick"))
        #expect(try people("Odile Fenwick said a Wren Talbot/Ivo Brandt ticket would win the vote.").contains("Odile Fenwick"))
        // Two people joined by a slash are a pair, not a credit.
        #expect(try people("Wren Talbot / Ivo Brandt ( Portland ) beat Odile Fenwick / Marlo Quist 15-5 15-3").contains("Odile Fenwick"))
        // A bracket with a slash but no photographer's name is no picture credit.
        #expect(try people("Odile Fenwick greets sailors in Portsmouth. (Harbour/Coast Press)") == ["Odile Fenwick"])
    }

    @Test func aLinkToAnotherArticleNamesNoPersonOfTheNews() throws {
        let news = "\"It held,\" said Wren Talbot on Tuesday."
        for link in ["READ MORE: Odile Fenwick says the pier will hold", "Watch below: Harbour master Odile Fenwick on the storm"] {
            #expect(try people("\(news)\n\n\(link)") == ["Wren Talbot"], "\(link)")
        }
        // Without the colon the words open a sentence of the news.
        #expect(try people("Watch Odile Fenwick steer the boat, said Wren Talbot.").contains("Odile Fenwick"))
    }
}

@Suite struct CreditEdgeTests {
    @Test func aNameThatEndsItsParagraphBeforeAComma() throws {
        // "X." alone on a line, then a name: no name runs across the line break, and
        // the byline test, which reads the words after the name's comma, finds none
        // in the name's paragraph (this input used to stop the program).
        let text = "The pier held.\n\nX.\n\nTalbot, Quist said,\u{a0}has built a strange boat. Wren Talbot agreed."
        let document = Document(text: text)
        let a = try sharedPipeline.annotate(document)
        let names = a.entities.filter { $0.label == .person }.map { document.string($0.start, $0.end) }
        #expect(names.allSatisfy { !$0.contains("\n") }, "\(names)")
        #expect(a.clusters.map(\.name).sorted() == ["Quist", "Talbot"])
    }
}

/// The look-ups that replaced the credit stage's arrays of a value per token: each
/// gives, for every token, what the array held.
@Suite struct CreditLookupTests {
    @Test func theRangeHoldingATokenIsFoundByHalving() {
        let ranges = [0..<3, 3..<4, 4..<9, 9..<10]
        var filled = [Int](repeating: 0, count: 10)
        for (k, r) in ranges.enumerated() { for t in r { filled[t] = k } }
        for t in 0..<10 { #expect(Segmentation.index(of: t, in: ranges) == filled[t], "token \(t)") }
        // Past the ranges, or none at all: 0, as the zeroed array gave.
        #expect(Segmentation.index(of: 10, in: ranges) == 0)
        #expect(Segmentation.index(of: 0, in: []) == 0)
    }

    @Test func creditEndsByFirstToken() {
        // Out of order, and two credits with one first token: the later one counts.
        let ends = CreditFinder.CreditEnds([(first: 5, end: 9), (first: 2, end: 4), (first: 5, end: 11)])
        var filled = [Int](repeating: -1, count: 14)
        filled[5] = 11
        filled[2] = 4
        for t in 0..<14 { #expect(ends.end(startingAt: t) == (filled[t] >= 0 ? filled[t] : nil), "token \(t)") }
        for a in 0..<14 {
            for b in a..<14 {
                #expect(ends.any(in: a..<b) == (a..<b).contains { filled[$0] >= 0 }, "\(a)..<\(b)")
            }
        }
        let none = CreditFinder.CreditEnds([])
        #expect(none.end(startingAt: 0) == nil && !none.any(in: 0..<5))
    }

    @Test func creditStartsAtOrAfterAToken() {
        let ends = CreditFinder.CreditEnds([(first: 5, end: 9), (first: 2, end: 4), (first: 12, end: 14)])
        for t in 0..<16 { #expect(ends.first(atOrAfter: t) == [2, 5, 12].first { $0 >= t }, "token \(t)") }
        #expect(CreditFinder.CreditEnds([]).first(atOrAfter: 0) == nil)
    }

    /// The caption scan jumps between the brackets found by their byte: they are the
    /// tokens a look at every token finds, and no bracket inside another token.
    @Test func openingBracketsAreTheBracketTokens() throws {
        for text in ["(Marlo Quist/Harbour Press) opens it", "Sad :( but f(x) holds (mostly).", "No bracket here.",
                     "((twice)) and ( spaced ) and a last (", "Ünïcode (café) ends (", ""] {
            let document = Document(text: text)
            let state = AnalysisState(document: document, segmentation: try shippedSegmenter().segment(document))
            let page = CreditPage(state)
            let everyToken = page.tokens.indices.filter { page.mark($0, "(") }
            #expect(page.openingBrackets() == everyToken, "\(text)")
        }
    }

    @Test func captionsAnswerForEveryToken() {
        var captions = CreditFinder.Captions()
        for r in [2..<5, 7..<7, 8..<9, 11..<14] { captions.append(r) }
        #expect(captions.ranges == [2..<5, 8..<9, 11..<14])
        let marked: Set<Int> = [2, 3, 4, 8, 11, 12, 13]
        for t in 0..<16 { #expect(captions.contains(t) == marked.contains(t), "token \(t)") }
        #expect(!CreditFinder.Captions().contains(0))
    }

    @Test func twoCaptionsInOneDocument() throws {
        // Each caption's person is a person of the pictures only; the news names another.
        let text = "Odile Fenwick greets sailors in Portsmouth. (Marlo Quist/Harbour Press)\n\n"
            + "\"It held,\" said Wren Talbot on Tuesday.\n\n"
            + "Ivo Brandt waves from the pier. (Marlo Quist/Harbour Press)"
        let a = try sharedPipeline.annotate(Document(text: text))
        let people = a.clusters.filter { $0.label == .person }.map(\.name)
        #expect(people == ["Wren Talbot"])
    }
}
