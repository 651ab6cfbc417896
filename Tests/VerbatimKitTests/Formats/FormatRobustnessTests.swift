import Foundation
import Testing
@testable import VerbatimKit

/// Every format and the HTML page cope with hostile text (the cases of
/// ``AdversarialInputTests``) and with whatever the recognizers find in it.
@Suite struct FormatRobustnessTests {
    let processor: RecordProcessor

    init() throws {
        processor = RecordProcessor(worker: try Pipeline().makeWorker(), options: RecordOptions())
    }

    @Test(arguments: AdversarialInputTests.cases.map(\.0))
    func everyFormatWritesHostileText(name: String) throws {
        // The first 40,000 characters: the writers are linear, and the full-size cases
        // already go through the pipeline in AdversarialInputTests (slow in debug builds).
        let text = String(AdversarialInputTests.cases.first { $0.0 == name }!.1.prefix(40_000))
        let result = processor.analyze(InputRecord(payload: .text(Array(text.utf8)), fallbackID: "adversarial"))
        guard case .annotated(let a) = result else {
            Issue.record("not annotated: \(name)")
            return
        }
        let conll = processor.format(result, as: .conll)
        let tokenLines = conll.bytes.split(separator: 0x0A).count - 1  // minus -DOCSTART-
        #expect(tokenLines == a.state.segmentation.tokens.count)

        let spacy = processor.format(result, as: .spacy)
        let doc = try JSONSerialization.jsonObject(with: Data(spacy.bytes)) as? [String: Any]
        let lastToken = (doc?["tokens"] as? [[String: Int]])?.last
        // The tokens reach the end of the text (a final single space is the last token's whitespace).
        let trailingSpace = a.document.text.hasSuffix(" ") ? 1 : 0
        #expect((lastToken?["end"] ?? 0) + trailingSpace == a.document.text.unicodeScalars.count)

        let csv = processor.format(result, as: .csv)
        #expect(csv.bytes.isEmpty == a.annotation.quotes.isEmpty)

        let brat = processor.format(result, as: .brat)
        #expect(brat.brat?.text == a.document.utf8)

        let html = HTMLRenderer().article(a.state, number: 1)
        #expect(html.hasSuffix("</article>\n"))
        #expect(!html.contains("<script"))
    }
}
