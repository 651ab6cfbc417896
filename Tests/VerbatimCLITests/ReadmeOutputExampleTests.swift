import Foundation
import Testing

/// Every output example in README.md is what `verbatim annotate` writes for the
/// README's demo record: the examples are marked `<!-- checked: NAME -->` on the line
/// before their code block, and this suite runs the binary and compares. An example
/// may elide with `…`: each `…` stands for any run of characters, so the pieces
/// between must appear in order, the first at the start and the last at the end.
@Suite struct ReadmeOutputExampleTests {
    static let readme: String = {
        (try? String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
    }()

    /// The code block after `<!-- checked: name -->`, without its fences (the README
    /// block reader of ReadmeExampleTests).
    static func example(_ name: String) -> String? {
        ReadmeExampleTests.blocks(after: "<!-- checked: \(name) -->", in: readme).first.map { $0.1 + "\n" }
    }

    /// Whether `actual` is `expected` with each `…` standing for any run of text.
    static func matches(_ expected: String, _ actual: String) -> Bool {
        let pieces = expected.components(separatedBy: "…")
        guard pieces.count > 1 else { return expected == actual }
        guard actual.hasPrefix(pieces[0]), actual.hasSuffix(pieces[pieces.count - 1]) else { return false }
        var rest = actual.dropFirst(pieces[0].count).dropLast(pieces[pieces.count - 1].count)
        for piece in pieces.dropFirst().dropLast() where !piece.isEmpty {
            guard let found = rest.range(of: piece) else { return false }
            rest = rest[found.upperBound...]
        }
        return true
    }

    static func demoRecord() throws -> Data {
        let input = try #require(example("schema-input"), "README: no checked schema-input example")
        return Data(input.utf8)
    }

    @Test func theElisionMatcherIsStrict() {
        #expect(Self.matches("a…c…e\n", "abcde\n"))
        #expect(!Self.matches("a…c…e\n", "abde\n"))
        #expect(!Self.matches("a…e", "ae!"))
        #expect(Self.matches("same", "same") && !Self.matches("same", "same "))
    }

    @Test func schemaExampleIsTheOutput() throws {
        let result = try CLI.run(["annotate"], stdin: try Self.demoRecord())
        #expect(result.status == 0, "\(result.stderr)")
        let expected = try #require(Self.example("schema-output"))
        #expect(result.text == expected)
    }

    @Test(arguments: ["conll", "csv", "spacy"])
    func formatExampleIsTheOutput(format: String) throws {
        let result = try CLI.run(["annotate", "--format", format], stdin: try Self.demoRecord())
        #expect(result.status == 0, "\(result.stderr)")
        let expected = try #require(Self.example(format), "README: no checked \(format) example")
        // CSV lines end in CRLF; the README shows them as lines.
        let actual = format == "csv" ? result.text.replacingOccurrences(of: "\r\n", with: "\n") : result.text
        #expect(Self.matches(expected, actual), "README \(format) example differs from:\n\(actual)")
    }

    @Test func bratExampleIsTheOutput() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("brat")
        let result = try CLI.run(["annotate", "--format", "brat", "-o", out.path], stdin: try Self.demoRecord())
        #expect(result.status == 0, "\(result.stderr)")
        let ann = try String(contentsOf: out.appendingPathComponent("demo-1.ann"), encoding: .utf8)
        let expected = try #require(Self.example("brat"))
        #expect(ann == expected, "README brat example differs from:\n\(ann)")
    }

    /// "A word": the README's overlay line, in a folder given with --extend-models,
    /// makes the place the README shows; without it there is no entity.
    @Test func guideWordExampleIsTheOutput() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("places"), withIntermediateDirectories: true)
        try write(try #require(Self.example("guide-word-file")), to: dir.appendingPathComponent("places/cities.tsv"))
        let sentence = Data("Kettlewick voted to close its library.\n".utf8)
        let options = ["annotate", "--stdin-format", "text", "--no-text", "--explain"]
        let result = try CLI.run(options + ["--extend-models", dir.path], stdin: sentence)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text == (try #require(Self.example("guide-word-output"))))
        let without = try CLI.run(options, stdin: sentence)
        #expect((without.lines.first?["entities"] as? [Any])?.isEmpty == true)
    }

    /// "A rule": the example sentence is found by the rule the README names.
    @Test func guideRuleExampleIsTheOutput() throws {
        let result = try CLI.run(["annotate", "--stdin-format", "text", "--no-text", "--explain", "--date", "2018-12-20"],
                                 stdin: Data("Shoppers queued on Boxing Day.\n".utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text == (try #require(Self.example("guide-rule-output"))))
    }

    @Test func everyMarkedExampleIsChecked() {
        let names = Self.readme.components(separatedBy: "<!-- checked: ").dropFirst().compactMap { $0.components(separatedBy: " -->").first }
        // The guide-recognizer blocks are checked by VerbatimKitTests' ReadmeRecognizerExample.swift.
        #expect(Set(names) == ["schema-input", "schema-output", "conll", "csv", "spacy", "brat", "guide-word-file",
                               "guide-word-output", "guide-rule-output", "guide-recognizer", "guide-recognizer-use",
                               "guide-recognizer-output"])
        for name in names { #expect(Self.example(name) != nil, "README: the checked \(name) example has no code block") }
    }
}
