import Foundation
import Testing

/// Inputs are opened once and read once: pipes, FIFOs and /dev/stdin lose nothing,
/// and the kind of an input without a telling extension is decided from the stream.
@Suite(.serialized) struct InputStreamTests {
    private func records(_ count: Int) -> String {
        (1...count).map { #"{"id": "r\#($0)", "text": "Mara Quill spoke on Tuesday."}"# }.joined(separator: "\n") + "\n"
    }

    @Test func pipesAndFIFOsLoseNoRecords() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write(records(100), to: dir.appendingPathComponent("small.jsonl"))
        let substitution = try CLI.shell(#"$V annotate --jobs 1 --no-text <(cat small.jsonl) | wc -l"#, directory: dir)
        #expect(substitution.text.trimmingCharacters(in: .whitespacesAndNewlines) == "100", "\(substitution.stderr)")
        let devStdin = try CLI.shell(#"cat small.jsonl | $V annotate --no-text /dev/stdin | wc -l"#, directory: dir)
        #expect(devStdin.text.trimmingCharacters(in: .whitespacesAndNewlines) == "100", "\(devStdin.stderr)")
        // A named FIFO without an extension: sniffed from the stream, not reopened.
        // (The writer is timed out and off our pipes, so a failing run cannot hang the test.)
        let fifo = try CLI.shell(#"mkfifo feed && (timeout 60 sh -c 'cat small.jsonl > feed' 2>/dev/null &) && timeout 60 $V annotate --no-text feed | wc -l"#, directory: dir)
        #expect(fifo.text.trimmingCharacters(in: .whitespacesAndNewlines) == "100", "\(fifo.stderr)")
    }

    @Test func plainTextOnStandardInputIsOneArticle() throws {
        let article = "Mara Quill arrived on Tuesday.\n\n“We are ready,” she said.\n"
        let result = try CLI.run(["annotate"], stdin: Data(article.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.count == 1)
        #expect(result.lines.first?["id"] as? String == "stdin:1")
        #expect(result.lines.first?["text"] as? String == article)
        // JSON Lines are still JSON Lines, blank lines before them included.
        let jsonl = try CLI.run(["annotate", "--no-text"], stdin: Data(("\n\n" + records(3)).utf8))
        #expect(jsonl.lines.map { $0["id"] as? String } == ["r1", "r2", "r3"])
        // A prose line that merely starts with a brace is prose.
        let brace = try CLI.run(["annotate"], stdin: Data("{Draft} Mara Quill spoke.\nMore text.\n".utf8))
        #expect(brace.status == 0)
        #expect(brace.lines.count == 1)
        // The override still forces JSON Lines.
        let forced = try CLI.run(["annotate", "--stdin-format", "jsonl"], stdin: Data("Plain words.\nMore words.\n".utf8))
        #expect(forced.status == 1)
        #expect(forced.lines.count == 2)
        // Nothing at all is no record (an empty Spark partition writes nothing).
        let empty = try CLI.run(["annotate"], stdin: Data(" \n\n".utf8))
        #expect(empty.status == 0)
        #expect(empty.stdout.isEmpty)
    }

    @Test func jsonFilesHoldAnArrayAnObjectOrJSONLines() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let array = dir.appendingPathComponent("batch.json")
        try write("[\n  {\"id\": \"a\", \"text\": \"One [bracket] \\\"quoted\\\" }.\"},\n  {\"text\": \"Two.\"},\n  7\n]\n", to: array)
        let result = try CLI.run(["annotate", "--no-text", array.path])
        #expect(result.status == 1)
        #expect(result.lines.count == 3)
        #expect(result.lines.map { $0["id"] as? String } == ["a", array.path + ":2", array.path + ":3"])
        #expect((result.lines[2]["error"] as? [String: Any])?["code"] as? String == "not_an_object")
        #expect(result.lines[2]["line"] as? Int == 4)
        #expect(result.lines[0]["entities"] is [Any])

        let object = dir.appendingPathComponent("one.json")
        try write("{\n  \"id\": \"pretty\",\n  \"text\": \"Mara Quill spoke.\"\n}\n", to: object)
        let single = try CLI.run(["annotate", "--no-text", object.path])
        #expect(single.status == 0, "\(single.stderr)")
        #expect(single.lines.map { $0["id"] as? String } == ["pretty"])

        let lines = dir.appendingPathComponent("lines.json")
        try write(records(2), to: lines)
        #expect(try CLI.run(["annotate", "--no-text", lines.path]).lines.map { $0["id"] as? String } == ["r1", "r2"])

        // A truncated array: the complete elements, then one error line.
        let truncated = dir.appendingPathComponent("cut.json")
        try write(#"[{"id": "ok", "text": "Fine."}, {"id": "cut", "text": "Unfinis"#, to: truncated)
        let cut = try CLI.run(["annotate", "--no-text", truncated.path])
        #expect(cut.status == 1)
        #expect(cut.lines.count == 2)
        #expect((cut.lines[1]["error"] as? [String: Any])?["code"] as? String == "invalid_json")

        // An array on standard input too.
        let piped = try CLI.run(["annotate", "--no-text"], stdin: Data(#"[{"id": "s1", "text": "A."}, {"id": "s2", "text": "B."}]"#.utf8))
        #expect(piped.lines.map { $0["id"] as? String } == ["s1", "s2"])
    }

    @Test func arrayElementsOverTheLimitAreSkippedNotKept() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let big = String(repeating: "Words and more words. ", count: 70_000)
        let file = dir.appendingPathComponent("big.json")
        try write("[{\"id\": \"big\", \"text\": \"\(big)\"}, {\"id\": \"small\", \"text\": \"Hi.\"}]", to: file)
        let result = try CLI.run(["annotate", "--no-text", "--max-record-mb", "1", file.path])
        #expect(result.status == 1)
        #expect(result.lines.count == 2)
        #expect((result.lines[0]["error"] as? [String: Any])?["code"] as? String == "record_too_large")
        #expect(result.lines[1]["id"] as? String == "small")
    }

    @Test func fileNamesThatAreNotUTF8AreReadWithEscapedIds() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write("Plain name.", to: dir.appendingPathComponent("a.txt"))
        let result = try CLI.shell(#"printf 'Latin-1 name.' > "$(printf 'caf\xe9.txt')" && $V annotate --no-text ."#, directory: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.map { $0["id"] as? String } == ["a.txt", #"caf\xE9.txt"#])
    }
}
