import Foundation
import Testing
@testable import VerbatimKit

/// Hostile text must come out as one valid line with every span inside the text.
@Suite struct AdversarialInputTests {
    /// One per test: Swift Testing runs tests in parallel and a processor is per thread.
    let processor: RecordProcessor

    init() throws {
        var options = RecordOptions()
        options.explain = true
        processor = RecordProcessor(worker: try Pipeline().makeWorker(), options: options)
    }

    private func annotate(_ text: String) -> [String: Any] {
        annotate(bytes: Array(text.utf8))
    }

    private func annotate(bytes: [UInt8], json: Bool = false) -> [String: Any] {
        let (line, _) = processor.process(InputRecord(payload: json ? .json(bytes) : .text(bytes), fallbackID: "adversarial"))
        #expect(OutputInvariants.violations(line: line) == [])
        return (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any] ?? [:]
    }

    static let cases: [(String, String)] = [
        ("100k unbalanced quote marks", String(repeating: "“a ", count: 50_000) + String(repeating: "\" b ", count: 50_000)),
        ("alternating marks", String(repeating: "“x” ‘y’ «z» \"w\" 'v' ", count: 20_000)),
        ("1 MB paragraph without spaces", String(repeating: "abcdefghi", count: 120_000)),
        ("repeated titles", String(repeating: "Mr ", count: 50_000) + "Smith said."),
        ("10k capitalised tokens", (0..<10_000).map { "Name\($0 % 97)" }.joined(separator: " ") + " said “hi”."),
        ("mixed scripts and right-to-left", String(repeating: "قال محمد “مرحبا” said John Smith in Zürich, 東京で, שלום עולם. ", count: 500)),
        ("zero-width and combining", String(repeating: "Zo\u{0308}e\u{200B}Smith\u{200D} said \u{202E}“yes\u{301}”\u{FEFF}. ", count: 2_000)),
        ("NUL bytes", String(repeating: "Police\u{0}said \u{0}“no”\u{0}. ", count: 2_000)),
        ("only quote marks", String(repeating: "“”‘’\"'«»„", count: 20_000)),
        ("very long word runs", String(repeating: "Westminster-", count: 30_000)),
        ("lone line breaks", String(repeating: "\r\n\n\r\u{2029}\u{85}", count: 30_000)),
    ]

    @Test(arguments: cases.map(\.0))
    func hostileTextStaysValid(_ name: String) {
        let text = Self.cases.first { $0.0 == name }!.1
        let result = annotate(text)
        #expect(result["text"] as? String == text)
        #expect(result["error"] == nil)
    }

    @Test func jsonEdgeCases() {
        let longString = String(repeating: "x\\\"y\\u00e9 ", count: 300_000)
        let cases: [String] = [
            #"{"id": "s", "text": "lone \udc00 and \ud800 surrogates \ud83d\ude00"}"#,
            #"{"id": 1, "id": 2, "text": "duplicate", "text": "keys"}"#,
            #"{"text": ""# + longString + #""}"#,
            #"{"text": "nested", "meta": "# + String(repeating: "[", count: 400) + String(repeating: "]", count: 400) + "}",
        ]
        let lone = annotate(bytes: Array(cases[0].utf8), json: true)
        #expect((lone["text"] as? String)?.unicodeScalars.count == "lone X and X surrogates 😀".unicodeScalars.count)
        let duplicate = annotate(bytes: Array(cases[1].utf8), json: true)
        #expect(duplicate["id"] as? Int == 2)
        #expect(duplicate["text"] as? String == "keys")
        let long = annotate(bytes: Array(cases[2].utf8), json: true)
        #expect((long["text"] as? String)?.count ?? 0 > 1_000_000)
        let nested = annotate(bytes: Array(cases[3].utf8), json: true)
        #expect(nested["meta"] is [Any])
    }
}
