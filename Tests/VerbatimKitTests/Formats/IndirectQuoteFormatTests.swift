import Foundation
import Testing
@testable import VerbatimKit

/// Reported speech reaches every quote format with its kind (invented text).
@Suite struct IndirectQuoteFormatTests {
    static let text = "Ada Quist said the harbour bridge would reopen in May."
    static let content = "the harbour bridge would reopen in May"

    func state() throws -> AnalysisState {
        let pipeline = try Pipeline(annotators: [shippedQuoteStage])
        let state = try pipeline.makeWorker().analyze(Document(id: "r1", text: Self.text))
        #expect(state.annotation.quotes.map(\.kind) == [.indirect])
        return state
    }

    @Test func csvHasARowOfKindIndirect() throws {
        let csv = String(decoding: QuoteCSVWriter().write(try state()), as: UTF8.self)
        #expect(csv.contains(",\(Self.content),indirect,said,"))
    }

    @Test func bratMarksTheQuoteIndirect() throws {
        let ann = String(decoding: BratWriter().write(try state()).annotations, as: UTF8.self)
        #expect(ann.contains("\tQuote ") && ann.contains("\tKind T") && ann.contains(" indirect\n"))
        #expect(BratWriter.configuration.contains("Value:direct|partial|indirect"))
    }

    @Test func spacySpansCarryTheKind() throws {
        let json = String(decoding: SpacyJSONWriter().write(try state()), as: UTF8.self)
        #expect(json.contains("\"label\":\"indirect\"") && json.contains("\"kind\":\"indirect\""))
    }

    @Test func htmlShowsReportedSpeechApartFromQuotations() throws {
        let html = HTMLRenderer().article(try state(), number: 1)
        #expect(html.contains("data-kind=\"indirect\">\(Self.content)</q>"))
        #expect(HTMLRenderer.pageStart(title: "t").contains("q.quote[data-kind=\"indirect\"]"))
    }
}
