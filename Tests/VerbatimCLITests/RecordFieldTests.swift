import Foundation
import Testing

/// What happens to the input fields around the chosen id and text, and to fields
/// that other programs would misread (CSV formulas, CoNLL tokens with spaces).
@Suite struct RecordFieldTests {
    @Test func theChosenIdIsTheOnlyId() throws {
        let input = Data(#"{"id": "old", "uid": "U7", "text": "Mara Quill spoke.", "n": 1}"#.utf8)
        let result = try CLI.run(["annotate", "--id-field", "uid"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.text.contains(#""id":"old""#))  // one "id" key: the chosen one
        #expect(result.text.hasPrefix(#"{"id":"U7","text":"Mara Quill spoke.","n":1,"#))
        // The id may be the text itself: the text is still written.
        let textID = try CLI.run(["annotate", "--id-field", "text"], stdin: Data(#"{"text": "Short."}"#.utf8))
        #expect(textID.lines.first?["id"] as? String == "Short.")
        #expect(textID.lines.first?["text"] as? String == "Short.")
        // Default options: unchanged.
        let plain = try CLI.run(["annotate"], stdin: Data(#"{"id": "a", "text": "Hi."}"#.utf8))
        #expect(plain.text.hasPrefix(#"{"id":"a","text":"Hi.","#))
    }

    @Test func csvFieldsThatSpreadsheetsWouldRunAreNeutralised() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in.jsonl")
        try write(#"{"id": "=HYPERLINK(\"http://x\")", "text": "“We will not move,” Mara Quill said."}"# + "\n", to: input)
        let guarded = try CLI.run(["annotate", "--format", "csv", input.path])
        #expect(guarded.status == 0, "\(guarded.stderr)")
        let row = guarded.text.components(separatedBy: "\r\n")[1]
        #expect(row.hasPrefix(#""'=HYPERLINK(""http://x"")",q1,"#))
        let raw = try CLI.run(["annotate", "--format", "csv", "--csv-raw", input.path])
        #expect(raw.text.components(separatedBy: "\r\n")[1].hasPrefix(#""=HYPERLINK(""http://x"")",q1,"#))
    }

    @Test func conllTokensNeverHoldWhiteSpace() throws {
        // A space before a combining mark or U+180E can end up inside an ICU word.
        let text = "Mara \u{0301}Quill and x \u{180E}y met in Oslo\u{00A0}\u{0300}today."
        let input = try JSONSerialization.data(withJSONObject: ["id": "w", "text": text])
        let result = try CLI.run(["annotate", "--format", "conll"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        for line in result.text.split(separator: "\n") where !line.hasPrefix("-DOCSTART-") {
            let columns = line.split(whereSeparator: { $0.isWhitespace })
            #expect(columns.count == 2, "\(line.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
