import Foundation
import Testing
@testable import VerbatimKit

/// Quote features of the team-written sample articles (Corpora/samples, CC0).
@Suite struct SampleArticleQuoteTests {
    func sample(_ name: String) throws -> String {
        try String(contentsOf: repositoryRoot().appendingPathComponent("Corpora/samples/\(name)"), encoding: .utf8)
    }

    @Test func denverThreeParagraphQuoteAndScareQuote() throws {
        let text = try sample("2024-09-denver-office-conversions.txt")
        let qs = try quotes(text)
        let multi = try #require(qs.first { slice(text, $0.start, $0.end).hasPrefix("“Nobody on this council") })
        let multiText = slice(text, multi.start, multi.end)
        #expect(multiText.hasSuffix("until the first keys are handed over.”"))
        #expect(multiText.filter { $0 == "\n" }.count == 2)
        #expect(multi.kind == .direct)
        #expect(multi.speaker?.name == "Maria Lopez")
        #expect(multi.rule == "previous-sentence-cue")

        let scare = try #require(qs.first { slice(text, $0.start, $0.end) == "“affordable”" })
        #expect(scare.kind == .partial)
        #expect(scare.speaker == nil)

        let apposition = try #require(qs.first { slice(text, $0.start, $0.end).hasPrefix("“We have 11,000") })
        #expect(apposition.speaker.map { slice(text, $0.start, $0.end) } == "Maria Lopez")

        let senator = try #require(qs.first { slice(text, $0.start, $0.end) == "“never work”" })
        #expect(senator.kind == .partial)
        #expect(senator.speaker?.name == "Ellen McAllister")

        let economist = try #require(qs.first { slice(text, $0.start, $0.end) == "“roughly one floor in three”" })
        #expect(economist.speaker?.name == "Jonah Reyes-Carter")
    }

    @Test func railFraudApostrophesTitlesAndColonIntro() throws {
        let text = try sample("2025-01-rail-fraud-sentencing.txt")
        let qs = try quotes(text)
        // No quote starts or ends at an apostrophe (Met’s, rock ’n’ roll, ’90s, O’Brien-Walsh).
        for q in qs {
            let s = slice(text, q.start, q.end)
            #expect(s.first == "“" || s.first == "‘" || s.first == "\"", "\(s)")
        }
        let title = try #require(qs.first { slice(text, $0.start, $0.end) == "“Tracks to Nowhere”" })
        #expect(title.kind == .partial)
        #expect(title.speaker == nil)
        let intro = try #require(qs.first { $0.rule == "colon-intro" })
        #expect(intro.speaker?.name == "Aoife O’Brien-Walsh")
    }

    @Test func guillemetsAndSplitQuotes() throws {
        let text = try sample("2024-11-zurich-painting-recovered.txt")
        let qs = try quotes(text)
        let guillemets = qs.filter { slice(text, $0.start, $0.end).hasPrefix("«") }
        #expect(guillemets.count == 2)
        #expect(guillemets.allSatisfy { $0.kind == .direct && $0.speaker?.name == "Reto Brunner" })
        #expect(guillemets.last?.rule == "split-quote")
    }
}
