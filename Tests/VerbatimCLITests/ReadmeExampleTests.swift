import Foundation
import Testing

/// The README's examples of `verbatim sources` and `--format csv-entities` are what the
/// commands print: each `<!-- readme-example file NAME -->` block is written to a
/// folder, and each `<!-- readme-example run -->` block (`$ verbatim ARGS`, then the
/// output) is run there and compared line by line (the CSV's CRLF read as LF).
@Suite struct ReadmeExampleTests {
    /// The fenced block that follows each marker line starting with `prefix`: (marker, block body).
    static func blocks(after prefix: String, in readme: String) -> [(String, String)] {
        let lines = readme.components(separatedBy: "\n")
        var found: [(String, String)] = []
        var k = 0
        while k < lines.count {
            if lines[k].hasPrefix(prefix), k + 1 < lines.count, lines[k + 1].hasPrefix("```"),
               let end = lines[(k + 2)...].firstIndex(where: { $0 == "```" }) {
                found.append((lines[k], lines[(k + 2)..<end].joined(separator: "\n")))
                k = end
            }
            k += 1
        }
        return found
    }

    @Test func theSourcesAndEntityCSVExamplesAreWhatTheCommandsPrint() throws {
        let readme = try String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = Self.blocks(after: "<!-- readme-example file ", in: readme)
        #expect(files.count == 1)
        for (marker, body) in files {
            let name = marker.dropFirst("<!-- readme-example file ".count).prefix { $0 != " " }
            try write(body + "\n", to: dir.appendingPathComponent(String(name)))
        }
        let runs = Self.blocks(after: "<!-- readme-example run -->", in: readme)
        #expect(runs.count == 4)
        for (_, body) in runs {
            var lines = body.components(separatedBy: "\n")
            let command = lines.removeFirst()
            #expect(command.hasPrefix("$ verbatim "))
            let arguments = command.dropFirst("$ verbatim ".count).split(separator: " ").map(String.init)
            let result = try CLI.run(arguments, directory: dir)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            let printed = result.text.replacingOccurrences(of: "\r\n", with: "\n")
            #expect(printed == lines.joined(separator: "\n") + "\n", "\(command)")
        }
    }
}
