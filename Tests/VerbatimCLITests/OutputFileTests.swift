import Foundation
import Testing

/// `-o` replaces regular files atomically with the right mode, writes special
/// files in place, never writes over an input, and fails early and plainly.
@Suite(.serialized) struct OutputFileTests {
    private let record = Data(#"{"id": "r1", "text": "Mara Quill spoke on Tuesday."}"#.utf8)

    @Test func specialFilesAndSymlinksAreWrittenInPlace() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // /dev/null stays a character device (as root, a rename would have replaced it).
        let devNull = try CLI.run(["annotate", "-o", "/dev/null"], stdin: record)
        #expect(devNull.status == 0, "\(devNull.stderr)")
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)
        // A FIFO is written into, not replaced.
        let fifo = try CLI.shell(#"mkfifo out && (timeout 60 cat out > got 2>/dev/null &) && printf '{"text": "Hi."}' | $V annotate -o out && sleep 0.3 && test -p out && wc -l < got"#, directory: dir)
        #expect(fifo.status == 0, "\(fifo.stderr)")
        #expect(fifo.text.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
        // A symbolic link keeps pointing at its target, which gets the output.
        try write("old\n", to: dir.appendingPathComponent("target.jsonl"))
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link.jsonl").path, withDestinationPath: "target.jsonl")
        let link = try CLI.run(["annotate", "-o", dir.appendingPathComponent("link.jsonl").path], stdin: record)
        #expect(link.status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir.appendingPathComponent("link.jsonl").path) == "target.jsonl")
        #expect(try String(contentsOf: dir.appendingPathComponent("target.jsonl"), encoding: .utf8).hasPrefix(#"{"id":"r1""#))
    }

    @Test func modesFollowTheUmaskAndTheExistingFile() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CLI.shell(#"""
            printf '{"text": "Hi."}' > in.jsonl
            (umask 077; $V annotate -o new.jsonl in.jsonl) && stat -c %a new.jsonl
            (umask 022; $V annotate -o open.jsonl in.jsonl) && stat -c %a open.jsonl
            touch kept.jsonl && chmod 640 kept.jsonl && $V annotate -o kept.jsonl in.jsonl && stat -c %a kept.jsonl
            (umask 077; $V annotate --format brat -o brat in.jsonl) && stat -c %a brat/in.jsonl_1.ann
            """#, directory: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text.split(separator: "\n") == ["600", "644", "640", "600"])
    }

    @Test func outputNeverReplacesAnInput() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in.jsonl")
        try record.write(to: input)
        let same = try CLI.run(["annotate", input.path, "-o", input.path])
        #expect(same.status == 2)
        #expect(same.stderr.contains("is one of the inputs"))
        #expect(try Data(contentsOf: input) == record)

        // brat into the folder being read: refused, nothing rewritten.
        let corpus = dir.appendingPathComponent("corp")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try write("A", to: corpus.appendingPathComponent("x y.txt"))
        try write("ORIG", to: corpus.appendingPathComponent("x_y.txt"))
        try write("\u{FEFF}With a mark.", to: corpus.appendingPathComponent("bom.txt"))
        let brat = try CLI.run(["annotate", "--format", "brat", "-o", corpus.path, corpus.path])
        #expect(brat.status == 2)
        #expect(brat.stderr.contains("input folder"))
        #expect(try String(contentsOf: corpus.appendingPathComponent("x_y.txt"), encoding: .utf8) == "ORIG")
        #expect(try Data(contentsOf: corpus.appendingPathComponent("bom.txt")).starts(with: [0xEF, 0xBB, 0xBF]))

        // An output folder that holds an input named like a record: written beside it.
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try write("KEEP", to: out.appendingPathComponent("note.txt"))
        let beside = try CLI.run(["annotate", "--format", "brat", "-o", ".", "note.txt"], directory: out)
        #expect(beside.status == 0, "\(beside.stderr)")
        #expect(try String(contentsOf: out.appendingPathComponent("note.txt"), encoding: .utf8) == "KEEP")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("note-2.ann").path))
    }

    @Test func badDestinationsFailEarlyWithPlainMessages() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = try CLI.run(["annotate", "-o", dir.path], stdin: record)
        #expect(folder.status == 1)
        #expect(folder.stderr == "verbatim: cannot write \(dir.path): it is a folder\n")
        let missing = try CLI.run(["annotate", "-o", dir.appendingPathComponent("no/such/out.jsonl").path], stdin: record)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("No such file or directory"))
        #expect(!missing.stderr.contains("Usage"))
        #expect(!missing.stderr.contains("NSCocoaErrorDomain"))
        let render = try CLI.run(["render", "-o", dir.path], stdin: record)
        #expect(render.status == 1)
        #expect(render.stderr.contains("it is a folder"))
        // A brat "folder" that is a file.
        try write("x", to: dir.appendingPathComponent("file"))
        let brat = try CLI.run(["annotate", "--format", "brat", "-o", dir.appendingPathComponent("file").path], stdin: record)
        #expect(brat.status == 1)
        #expect(brat.stderr.contains("not a folder"))
        // A full disk is an I/O error too: exit 1, plain message.
        if FileManager.default.fileExists(atPath: "/dev/full") {
            let disk = try CLI.shell(#"printf '{"text": "Hi."}' | $V annotate -o /dev/full"#)
            #expect(disk.status == 1)
            #expect(disk.stderr.contains("No space left on device"))
        }
    }

    @Test func aKilledRunLeavesNoPartialFile() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let line = #"{"id": 0, "text": "“It was intentional,” Mara Quill told the Daily Post on Tuesday."}"#
        try write(String(repeating: line + "\n", count: 200_000), to: dir.appendingPathComponent("big.jsonl"))
        let result = try CLI.shell(#"$V annotate --jobs 1 -o out.jsonl big.jsonl & pid=$!; sleep 1.5; kill -9 $pid; wait $pid; ls -A"#, directory: dir)
        #expect(result.text.split(separator: "\n") == ["big.jsonl"], "\(result.text)")
    }

    @Test func usageErrorsShowTheSubcommandsUsage() throws {
        let missing = try CLI.run(["annotate", "/nonexistent/input.txt"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("Usage: verbatim annotate"))
        let render = try CLI.run(["render", "/nonexistent/input.txt"])
        #expect(render.status == 2)
        #expect(render.stderr.contains("Usage: verbatim render"))
    }
}
