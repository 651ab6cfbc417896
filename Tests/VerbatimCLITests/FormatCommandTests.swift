import Foundation
import Testing

@Suite(.serialized) struct FormatCommandTests {
    static let samples = CLI.packageRoot.appendingPathComponent("Corpora/samples").path

    @Test(arguments: ["jsonl", "conll", "csv", "spacy"])
    func streamFormatsAreIdenticalForAnyJobCount(format: String) throws {
        let one = try CLI.run(["annotate", "--format", format, "--jobs", "1", Self.samples])
        let four = try CLI.run(["annotate", "--format", format, "--jobs", "4", Self.samples])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(!one.stdout.isEmpty)
        #expect(one.stdout == four.stdout)
    }

    @Test func conllHasOneDocumentPerRecordEvenWhenOneFails() throws {
        let input = #"{"id": "a", "text": "all was well."}"# + "\n" + #"{"id": "b"}"# + "\n" + #"{"id": "c", "text": "Yes."}"# + "\n"
        let result = try CLI.run(["annotate", "--format", "conll"], stdin: Data(input.utf8))
        #expect(result.status == 1)
        #expect(result.text == "-DOCSTART- -X- -X- O\n\nall\tO\nwas\tO\nwell\tO\n.\tO\n\n-DOCSTART- -X- -X- O\n\n-DOCSTART- -X- -X- O\n\nYes\tO\n.\tO\n\n")
        #expect(result.stderr.contains("record b: missing_text"))
    }

    @Test func csvStartsWithTheHeaderAndSkipsFailedRecords() throws {
        let input = #"{"id": "a", "text": "Hello."}"# + "\n" + "not json\n"
        let result = try CLI.run(["annotate", "--format", "csv"], stdin: Data(input.utf8))
        #expect(result.status == 1)
        #expect(result.text == "record_id,quote_id,speaker,speaker_mention,quote,kind,cue,start,end\r\n")
        #expect(result.stderr.contains("record stdin:2: invalid_json"))
        #expect(result.stderr.contains("1 of 2 record(s) failed and were left out"))
    }

    @Test func spacyWritesOneDocPerAnnotatedRecord() throws {
        let input = #"{"id": "a", "text": "Hello  there.\n\nBye."}"# + "\n" + #"{"id": 7, "text": 5}"# + "\n"
        let result = try CLI.run(["annotate", "--format", "spacy"], stdin: Data(input.utf8))
        #expect(result.status == 1)
        #expect(result.lines.count == 1)
        #expect(result.lines.first?["text"] as? String == "Hello  there.\n\nBye.")
        #expect((result.lines.first?["tokens"] as? [Any])?.count == 7)  // Hello, " ", there, ., "\n\n", Bye, .
    }

    @Test func bratNeedsAnOutputFolderAndWritesPairs() throws {
        let missing = try CLI.run(["annotate", "--format", "brat", Self.samples])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("-o DIR"))

        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let one = dir.appendingPathComponent("one"), four = dir.appendingPathComponent("four")
        let result = try CLI.run(["annotate", "--format", "brat", "-o", one.path, "-j", "1", Self.samples])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        _ = try CLI.run(["annotate", "--format", "brat", "-o", four.path, "-j", "4", Self.samples])
        let files = try FileManager.default.contentsOfDirectory(atPath: one.path).sorted()
        #expect(files.contains("annotation.conf"))
        #expect(files.contains("westminster-2018.txt"))
        #expect(files.contains("westminster-2018.ann"))
        #expect(files == (try FileManager.default.contentsOfDirectory(atPath: four.path).sorted()))
        for file in files {
            #expect(try Data(contentsOf: one.appendingPathComponent(file)) == Data(contentsOf: four.appendingPathComponent(file)))
        }
        let original = try Data(contentsOf: URL(fileURLWithPath: Self.samples + "/westminster-2018.txt"))
        #expect(try Data(contentsOf: one.appendingPathComponent("westminster-2018.txt")) == original)
    }

    @Test func renderWritesOnePageWithAnArticlePerRecord() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("page.html")
        let result = try CLI.run(["render", Self.samples, "-o", page.path])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<h2 id=\"legend-title\">Legend</h2>"))
        #expect(html.components(separatedBy: "<article ").count - 1 == 6)
        #expect(html.contains("<h2 id=\"d6-title\">westminster-2018.txt</h2>"))
        #expect(!html.contains("<script"))
        #expect(html.hasSuffix("</html>\n"))

        let one = try CLI.run(["render", Self.samples, "-j", "1"])
        let four = try CLI.run(["render", Self.samples, "-j", "4"])
        #expect(one.stdout == four.stdout)
        #expect(one.stdout == (try Data(contentsOf: page)))

        let failing = try CLI.run(["render", "--title", "T"], stdin: Data(#"{"id": "x", "text": 1}"#.utf8))
        #expect(failing.status == 1)
        #expect(failing.text.contains("<title>T</title>"))
        #expect(failing.text.contains("text_not_string"))
    }
}
