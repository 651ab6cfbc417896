import Foundation
import Testing

/// Every bad record yields one error line in its place; nothing crashes, nothing is dropped.
@Suite(.serialized) struct BadInputTests {
    private func errorCode(_ line: [String: Any]) -> String? {
        (line["error"] as? [String: Any])?["code"] as? String
    }

    @Test func badJSONLRecordsBecomeErrorLinesInPlace() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("mixed.jsonl")
        var bytes = Data()
        bytes += Data(#"{"id": "ok1", "text": "Fine."}"#.utf8) + [0x0A]
        bytes += Data(#"{"id": "broken", "text": "unterminated}"#.utf8) + [0x0A]
        bytes += Data("[1, 2, 3]".utf8) + [0x0A]
        bytes += Data(#"{"id": "notext", "body": "x"}"#.utf8) + [0x0A]
        bytes += Data(#"{"id": "numtext", "text": 42}"#.utf8) + [0x0A]
        bytes += Data(#"{"id": "badutf8", "text": "caf"#.utf8) + [0xE9] + Data(#""}"#.utf8) + [0x0A]
        bytes += Data(#"{"id": "empty", "text": ""}"#.utf8) + [0x0A]
        bytes += Data(#"{"id": "ok2", "text": "Also fine."}"#.utf8)  // no final newline
        try bytes.write(to: file)

        let result = try CLI.run(["annotate", file.path])
        #expect(result.status == 1)
        let lines = result.lines
        #expect(lines.count == 8)
        #expect(lines.map { errorCode($0) } == [nil, "invalid_json", "not_an_object", "missing_text", "text_not_string", "invalid_utf8", nil, nil])
        #expect(lines.map { $0["id"] as? String } == ["ok1", file.path + ":2", file.path + ":3", "notext", "numtext", file.path + ":6", "empty", "ok2"])
        #expect(lines[1]["line"] as? Int == 2)
        #expect(lines[1]["path"] as? String == file.path)
        #expect(lines[1]["offset"] as? Int == 31)
        #expect(((lines[3]["error"] as? [String: Any])?["message"] as? String)?.contains("--text-field") == true)
        #expect(lines[6]["entities"] as? [Any] != nil)
        #expect(result.stderr.contains("5 of 8"))
    }

    @Test func textFileProblems() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data([0x48, 0x69, 0xFF, 0xFE, 0x00]).write(to: dir.appendingPathComponent("a-invalid.txt"))
        try Data().write(to: dir.appendingPathComponent("b-empty.txt"))
        var junk = [UInt8]()
        var state: UInt32 = 12345
        for _ in 0..<65536 {
            state = state &* 1_103_515_245 &+ 12345
            junk.append(UInt8(truncatingIfNeeded: state >> 16))
        }
        try Data(junk).write(to: dir.appendingPathComponent("c-binary.txt"))
        try write("\u{FEFF}BOM first.\r\nCRLF second.", to: dir.appendingPathComponent("d-bom.txt"))
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try write("Nested.", to: dir.appendingPathComponent("sub/e.txt"))
        try write("not an article", to: dir.appendingPathComponent("notes.md"))

        let result = try CLI.run(["annotate", dir.path])
        #expect(result.status == 1)
        let lines = result.lines
        #expect(lines.map { $0["id"] as? String } == ["a-invalid.txt", "b-empty.txt", "c-binary.txt", "d-bom.txt", "sub/e.txt"])
        #expect(lines.map { errorCode($0) } == ["invalid_utf8", nil, "invalid_utf8", nil, nil])
        #expect(((lines[0]["error"] as? [String: Any])?["message"] as? String)?.contains("byte 2") == true)
        #expect(lines[1]["text"] as? String == "")
        #expect(lines[3]["text"] as? String == "BOM first.\r\nCRLF second.")
    }

    @Test func emptyJSONLFileWarns() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("empty.jsonl")
        try Data().write(to: file)
        let result = try CLI.run(["annotate", file.path])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("holds no records"))
    }

    @Test func usageErrorsExitTwoWithOneMessage() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write("x", to: dir.appendingPathComponent("notes.md"))

        let noTxt = try CLI.run(["annotate", dir.path])
        #expect(noTxt.status == 2)
        #expect(noTxt.stderr.contains("no .txt files found under"))
        #expect(noTxt.stdout.isEmpty)

        let missing = try CLI.run(["annotate", dir.appendingPathComponent("nope.txt").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.txt"))
        #expect(missing.stderr.contains("No such file"))

        let unknown = try CLI.run(["annotate", "--frobnicate"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("--frobnicate"))

        let badJobs = try CLI.run(["annotate", "--jobs", "0"], stdin: Data())
        #expect(badJobs.status == 2)
    }

    @Test func hugeRecordsAreProcessedOrRefusedByTheLimit() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A 10 MB JSONL line, then a normal one.
        let sentence = "Police said the car “crashed” near Westminster Bridge at 7.40am on Tuesday. "
        let big = String(repeating: sentence, count: 10_000_000 / sentence.utf8.count + 1)
        let file = dir.appendingPathComponent("big.jsonl")
        try write("{\"id\": \"big\", \"text\": \"\(big)\"}\n{\"id\": \"small\", \"text\": \"Hi.\"}\n", to: file)
        let result = try CLI.run(["annotate", "--no-text", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.map { $0["id"] as? String } == ["big", "small"])

        // Over the limit: an error line for that record, and the next record still processed.
        let limited = try CLI.run(["annotate", "--no-text", "--max-record-mb", "1", file.path])
        #expect(limited.status == 1)
        #expect(limited.lines.count == 2)
        #expect(errorCode(limited.lines[0]) == "record_too_large")
        #expect(limited.lines[1]["id"] as? String == "small")

        // A 50 MB article as a text file.
        let article = dir.appendingPathComponent("huge.txt")
        try write(String(repeating: sentence + "\n", count: 50_000_000 / (sentence.utf8.count + 1) + 1), to: article)
        let huge = try CLI.run(["annotate", "--no-text", article.path])
        #expect(huge.status == 0, "\(huge.stderr)")
        #expect(huge.lines.count == 1)
        #expect(huge.lines.first?["id"] as? String == article.path)
    }
}
