import Foundation
import Testing

/// --date for inputs that carry no date, and --title-field for headlines.
@Suite struct DateAndTitleTests {
    private func timeValues(_ line: [String: Any]) -> [String] {
        ((line["entities"] as? [[String: Any]]) ?? []).filter { $0["label"] as? String == "TIME" }.compactMap { $0["value"] as? String }
    }

    @Test func dateResolvesRelativeTimesInPlainText() throws {
        let text = Data("Mara Quill arrived on Tuesday and left the next day.".utf8)
        let dated = try CLI.run(["annotate", "--date", "2021-03-04"], stdin: text)
        #expect(dated.status == 0, "\(dated.stderr)")
        #expect(timeValues(dated.lines[0]).contains("2021-03-02"))
        // Folders and .txt files take it too.
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try text.write(to: dir.appendingPathComponent("a.txt"))
        let folder = try CLI.run(["annotate", "--date", "2021-03-04", dir.path])
        #expect(timeValues(folder.lines[0]).contains("2021-03-02"))
        // A record's own date wins over --date.
        let own = try CLI.run(["annotate", "--date", "2021-03-04"], stdin: Data(#"{"text": "She spoke on Tuesday.", "date": "2019-06-13"}"#.utf8))
        #expect(timeValues(own.lines[0]).contains("2019-06-11"))
        // Without --date a dateline still counts.
        let dateline = try CLI.run(["annotate"], stdin: Data("LONDON, 4 March 2021 - Mara Quill arrived on Tuesday.".utf8))
        #expect(timeValues(dateline.lines[0]).contains("2021-03-02"))
        let bad = try CLI.run(["annotate", "--date", "next week"], stdin: text)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--date must be a date"))
    }

    @Test func titleIsAnnotatedWithTheBodyAndOffsetsCountInTheOutputText() throws {
        let input = try JSONSerialization.data(withJSONObject: ["id": "h1", "headline": "Mara Quill quits Oslo council", "body": "“It is time,” she said on Tuesday."])
        let result = try CLI.run(["annotate", "--text-field", "body", "--title-field", "headline"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        let line = try #require(result.lines.first)
        let text = try #require(line["body"] as? String)
        #expect(text == "Mara Quill quits Oslo council\n\n“It is time,” she said on Tuesday.")
        #expect(line["headline"] as? String == "Mara Quill quits Oslo council")
        let scalars = Array(text.unicodeScalars)
        for entity in (line["entities"] as? [[String: Any]]) ?? [] {
            let start = try #require(entity["start"] as? Int), end = try #require(entity["end"] as? Int)
            #expect(String(String.UnicodeScalarView(scalars[start..<end])) == entity["text"] as? String)
        }
        #expect(((line["entities"] as? [[String: Any]]) ?? []).contains { $0["text"] as? String == "Mara Quill" })
        let quote = try #require((line["quotes"] as? [[String: Any]])?.first)
        #expect(quote["start"] as? Int == 31)
        // A record without the title field is annotated as before.
        let plain = try CLI.run(["annotate", "--title-field", "headline"], stdin: Data(#"{"text": "Just a body."}"#.utf8))
        #expect(plain.lines.first?["text"] as? String == "Just a body.")
    }

    @Test func renderStreamsEveryArticleIntoOnePage() throws {
        let input = Data((1...3).map { #"{"id": "p\#($0)", "text": "Mara Quill spoke in Oslo."}"# }.joined(separator: "\n").utf8)
        let result = try CLI.run(["render", "--jobs", "2"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text.hasPrefix("<!DOCTYPE html>"))
        #expect(result.text.contains("<title>Verbatim: 3 articles</title>"))
        #expect(result.text.contains(##"<li><a href="#d3">p3</a></li>"##))
        #expect(result.text.components(separatedBy: "<article").count == 4)
        #expect(result.text.hasSuffix("</html>\n"))
    }
}
