import Foundation
import Testing

@Suite(.serialized) struct AnnotateCommandTests {
    @Test func annotatesTheSampleCorpusFolder() throws {
        let samples = CLI.packageRoot.appendingPathComponent("Corpora/samples").path
        let result = try CLI.run(["annotate", samples, "--jobs", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.lines
        let txtCount = try FileManager.default.contentsOfDirectory(atPath: samples).filter { $0.hasSuffix(".txt") }.count
        #expect(lines.count == txtCount)
        let ids = lines.compactMap { $0["id"] as? String }
        #expect(ids == ids.sorted())
        #expect(ids.contains("westminster-2018.txt"))
        for line in lines {
            #expect(line["text"] is String)
            #expect(line["entities"] is [Any])
            #expect(line["clusters"] is [Any])
            #expect(line["quotes"] is [Any])
            let verbatim = line["verbatim"] as? [String: Any]
            #expect(verbatim?["schema"] as? Int == 1)
        }
    }

    @Test func jsonlPassesFieldsThroughInOrder() throws {
        let input = #"{"id": "a1", "meta": {"x": [1.0, 2e3]}, "text": "Hello there.", "n": 1.50, "entities": "replaced"}"# + "\n"
        let result = try CLI.run(["annotate"], stdin: Data(input.utf8))
        #expect(result.status == 0)
        #expect(result.text.hasPrefix(#"{"id":"a1","meta":{"x": [1.0, 2e3]},"text":"Hello there.","n":1.50,"entities":["#))
        #expect(result.lines.count == 1)
    }

    @Test func idFallbacksAndCustomFields() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("in.jsonl")
        try write(#"{"body": "One.", "key": 5, "when": "2018-08-14"}"# + "\n\n" + #"{"body": "Two."}"# + "\n", to: file)
        let result = try CLI.run(["annotate", "--text-field", "body", "--id-field", "key", "--date-field", "when", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.count == 2)
        #expect(result.lines[0]["id"] as? Int == 5)
        #expect(result.lines[0]["body"] as? String == "One.")
        #expect(result.lines[1]["id"] as? String == file.path + ":3")
    }

    @Test func stdinTextFormats() throws {
        let whole = try CLI.run(["annotate", "--stdin-format", "text"], stdin: Data("An article.\nSecond line.".utf8))
        #expect(whole.lines.map { $0["id"] as? String } == ["stdin:1"])
        #expect(whole.lines.first?["text"] as? String == "An article.\nSecond line.")
        let lines = try CLI.run(["annotate", "--stdin-format", "lines", "-"], stdin: Data("First.\n\nThird.\n".utf8))
        #expect(lines.lines.map { $0["id"] as? String } == ["stdin:1", "stdin:3"])
        let jsonl = try CLI.run(["annotate"], stdin: Data(#"{"text": "x"}"#.utf8))
        #expect(jsonl.lines.first?["id"] as? String == "stdin:1")
    }

    @Test func noTextOmitsTheText() throws {
        let result = try CLI.run(["annotate", "--no-text"], stdin: Data(#"{"id": 1, "text": "Hello."}"#.utf8))
        #expect(result.lines.first?["text"] == nil)
        #expect(result.lines.first?["entities"] is [Any])
    }

    @Test func outputFileIsWrittenWhole() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out.jsonl")
        let result = try CLI.run(["annotate", "-o", out.path], stdin: Data(#"{"id": 1, "text": "Hello."}"#.utf8))
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let written = try String(contentsOf: out, encoding: .utf8)
        #expect(written.hasPrefix(#"{"id":1,"#))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.jsonl"])
    }

    @Test func jobsDoNotChangeTheOutput() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let seed = try String(contentsOf: CLI.packageRoot.appendingPathComponent("Corpora/samples/westminster-2018.txt"), encoding: .utf8)
        let paragraphs = seed.split(separator: "\n").map(String.init)
        var input = ""
        for i in 0..<2000 {
            // Records of very different sizes, so workers finish out of order.
            let text = paragraphs[i % paragraphs.count] + String(repeating: " " + paragraphs[(i * 7) % paragraphs.count], count: i % 13)
            let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            input += i % 500 == 17 ? "{broken\n" : "{\"id\": \(i), \"text\": \"\(escaped)\"}\n"
        }
        let file = dir.appendingPathComponent("many.jsonl")
        try write(input, to: file)
        let one = try CLI.run(["annotate", "--jobs", "1", file.path])
        let two = try CLI.run(["annotate", "--jobs", "2", file.path])
        let four = try CLI.run(["annotate", "--jobs", "4", file.path])
        #expect(one.lines.count == 2000)
        #expect(one.status == 1)
        #expect(one.stdout == two.stdout)
        #expect(one.stdout == four.stdout)
    }

    @Test func progressGoesToStandardErrorOnly() throws {
        let result = try CLI.run(["annotate", "--progress"], stdin: Data(#"{"text": "x"}"#.utf8 + [0x0A]))
        #expect(result.stderr.contains("records"))
        #expect(result.lines.count == 1)
    }
}

@Suite struct InputKindTests {
    @Test func otherExtensionsAreSniffed() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let records = dir.appendingPathComponent("gold.in")
        try write("\n  " + #"{"id": "r1", "text": "One."}"# + "\n" + #"{"id": "r2", "text": "Two."}"# + "\n", to: records)
        let prose = dir.appendingPathComponent("story.md")
        try write("{Braces} inside prose are rare, but a story.md with text is an article.", to: prose)
        try write("Plain story.", to: dir.appendingPathComponent("note"))
        let brace = dir.appendingPathComponent("brace.txt")
        try write(#"{"id": "x", "text": "a .txt file is always one article"}"#, to: brace)

        let result = try CLI.run(["annotate", records.path, dir.appendingPathComponent("note").path, brace.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.map { $0["id"] as? String } == ["r1", "r2", dir.appendingPathComponent("note").path, brace.path])
        // Its first line is not a JSON object, so it is prose, braces or not.
        let md = try CLI.run(["annotate", prose.path])
        #expect(md.status == 0)
        #expect(md.lines.map { $0["id"] as? String } == [prose.path])
    }
}

@Suite struct EvalCommandTests {
    @Test func scoresAnnotateOutputAgainstGold() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let gold = dir.appendingPathComponent("gold.jsonl")
        try write(#"{"id": "a", "text": "Neil Basu spoke in London.", "entities": [{"start": 0, "end": 9, "label": "PERSON"}, {"start": 19, "end": 25, "label": "PLACE"}]}"# + "\n", to: gold)
        let annotated = try CLI.run(["annotate", gold.path])
        let predicted = dir.appendingPathComponent("pred.jsonl")
        try annotated.stdout.write(to: predicted)
        let result = try CLI.run(["eval", gold.path, predicted.path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let figures = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let micro = try #require(figures["entities_micro"] as? [String: Any])
        #expect(micro["gold"] as? Int == 2)
        #expect(figures["documents"] as? Int == 1)
        let missing = try CLI.run(["eval", gold.path, dir.appendingPathComponent("nope.jsonl").path])
        #expect(missing.status == 2)
    }
}

@Suite struct ModelOptionTests {
    @Test func userLexiconExtendsTheShippedOnes() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let list = dir.appendingPathComponent("mine.tsv")
        try write("# my names\nPERSON\tZaphod Beeblebrox\nPLACE\tMagrathea\tplanet\n", to: list)
        let result = try CLI.run(["annotate", "--lexicon", list.path], stdin: Data(#"{"text": "Zaphod Beeblebrox flew to Magrathea."}"#.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let entities = result.lines.first?["entities"] as? [[String: Any]] ?? []
        #expect(entities.contains { $0["text"] as? String == "Zaphod Beeblebrox" && $0["label"] as? String == "PERSON" })
        #expect(entities.contains { $0["text"] as? String == "Magrathea" && $0["type"] as? String == "planet" })
    }

    @Test func missingOrBrokenModelsAreUsageErrorsNamingTheFile() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = try CLI.run(["annotate", "--models", dir.appendingPathComponent("none").path], stdin: Data(#"{"text": "x"}"#.utf8))
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("none"))
        #expect(missing.stdout.isEmpty)
        let bad = dir.appendingPathComponent("bad.tsv")
        try write("NOTALABEL\tsomething\n", to: bad)
        let broken = try CLI.run(["annotate", "--lexicon", bad.path], stdin: Data(#"{"text": "x"}"#.utf8))
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("bad.tsv"))
        #expect(broken.stderr.contains("line 1"))
    }

    @Test func installedBinaryFindsModelsInShare() throws {
        let prefix = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: prefix) }
        let bin = prefix.appendingPathComponent("bin"), share = prefix.appendingPathComponent("share/verbatim")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLI.binary, to: bin.appendingPathComponent("verbatim"))
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("Models"), to: share.appendingPathComponent("Models"))
        let process = Process()
        process.executableURL = bin.appendingPathComponent("verbatim")
        process.arguments = ["annotate", "--no-text"]
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        // Inherit the environment (sanitizer options, say) but not a models override.
        process.environment = ProcessInfo.processInfo.environment.filter { $0.key != "VERBATIM_MODELS" }
        let input = Pipe(), out = Pipe()
        process.standardInput = input
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: Data(#"{"text": "Neil Basu spoke in London."}"#.utf8))
        try input.fileHandleForWriting.close()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(output.contains(#""text":"Neil Basu""#))
    }

    @Test func environmentVariableLocatesModels() throws {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["annotate"]
        process.environment = ProcessInfo.processInfo.environment.merging(["VERBATIM_MODELS": "/nonexistent-models-dir"]) { _, new in new }
        let input = Pipe(), err = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        try input.fileHandleForWriting.close()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(message.contains("/nonexistent-models-dir"))
    }
}
