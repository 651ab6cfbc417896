import Foundation
import Testing
import VerbatimKit  // not @testable: a user's recognizer sees only the public API

// The README's "A recognizer" example, character for character between the markers
// (ReadmeGuideTests compares the two).
// --- README recognizer ---
/// Marks the ticker symbol in "Acme Corp (NYSE: ACME)" as an organisation.
struct TickerRecognizer: Annotator {
    let exchanges: Set<String>
    var name: String { "tickers" }
    var requires: Set<Layer> { [.tokens] }
    var produces: Set<Layer> { [.entities] }

    func annotate(_ state: inout AnalysisState) {
        let tokens = state.segmentation.tokens
        let words = tokens.map { state.document.string($0.start, $0.end) }
        var tickers: [Entity] = []
        for i in tokens.indices.dropFirst(3).dropLast()
        where words[i - 3] == "(" && exchanges.contains(words[i - 2]) && words[i - 1] == ":"
            && words[i + 1] == ")" && tokens[i].shape == .upper {
            tickers.append(Entity(start: tokens[i].start, end: tokens[i].end, label: .organization, rule: "ticker"))
        }
        // What earlier stages found wins where a ticker overlaps it.
        state.annotation.mergeEntities(tickers)
    }
}
// --- end of README recognizer ---

@Suite struct ReadmeRecognizerExampleTests {
    @Test func theRecognizerRunsInThePipeline() throws {
        var printed: [String] = []
        func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }

        // --- README recognizer use ---
        let standard = try Pipeline()
        let pipeline = try Pipeline(annotators: standard.annotators + [TickerRecognizer(exchanges: ["NYSE", "Nasdaq"])], breakWords: standard.breakWords)
        let document = Document(id: "t1", text: "Shares of Acme Corp (NYSE: ACME) rose on Friday.")
        for entity in try pipeline.annotate(document).entities {
            print(entity.label, document.string(entity.start, entity.end), entity.rule)
        }
        // --- end of README recognizer use ---

        #expect(printed.contains("ORG ACME ticker"), "\(printed)")
        // Without the stage the symbol is not an entity.
        let plain = try standard.annotate(document).entities.map { document.string($0.start, $0.end) }
        #expect(!plain.contains("ACME"))
        // The README shows this code and this output, each in the block after its marker.
        let readme = try String(contentsOf: Self.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let code = try #require(Self.sourceBetween("// --- README recognizer ---\n", "// --- end of README recognizer ---"))
        let use = try #require(Self.sourceBetween("// --- README recognizer use ---\n", "        // --- end of README recognizer use ---", dedent: 8))
        #expect(readme.contains("<!-- checked: guide-recognizer -->\n```swift\n" + code + "```\n"))
        #expect(readme.contains("<!-- checked: guide-recognizer-use -->\n```swift\n" + use + "```\n"))
        #expect(readme.contains("<!-- checked: guide-recognizer-output -->\n```\n" + printed.joined(separator: "\n") + "\n```\n"))
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// This file's text between two marker lines, with `dedent` leading spaces removed.
    static func sourceBetween(_ start: String, _ end: String, dedent: Int = 0) -> String? {
        guard let source = try? String(contentsOfFile: #filePath, encoding: .utf8),
              let from = source.range(of: start), let to = source.range(of: end, range: from.upperBound..<source.endIndex)
        else { return nil }
        return source[from.upperBound..<to.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(String(repeating: " ", count: dedent)) ? String($0.dropFirst(dedent)) : String($0) }
            .joined(separator: "\n")
    }

    /// A stage that needs a layer no earlier stage makes is refused when the
    /// pipeline is built, not when it runs.
    @Test func aStageBeforeWhatItNeedsIsRefused() throws {
        struct NeedsQuotes: Annotator {
            var name: String { "needs-quotes" }
            var requires: Set<Layer> { [.quotes] }
            var produces: Set<Layer> { [] }
            func annotate(_ state: inout AnalysisState) {}
        }
        #expect(throws: PipelineError.self) { try Pipeline(annotators: [NeedsQuotes()]) }
    }
}
