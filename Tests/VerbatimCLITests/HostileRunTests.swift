import Foundation
import Testing

/// Hostile environments and option values: no hang, no crash, a clear message.
@Suite(.serialized) struct HostileRunTests {
    @Test func hugeJobsAndRecordLimitsAreUsageErrors() throws {
        let input = Data(#"{"text": "Hi."}"#.utf8)
        for arguments in [["--jobs", "4611686018427387904"], ["--jobs", "0"], ["--jobs=-3"],
                          ["--max-record-mb", "8796093022208"], ["--max-record-mb", "0"]] {
            let result = try CLI.run(["annotate"] + arguments, stdin: input)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains("must be between"), "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        let render = try CLI.run(["render", "--jobs", "100000"], stdin: input)
        #expect(render.status == 2)
    }

    @Test func threadsThatCannotStartAreReportedNotAwaited() throws {
        // A sanitizer build reserves terabytes of shadow memory and cannot start under
        // any ulimit -v at all: then there is nothing to test here.
        guard try CLI.shell("ulimit -v 1000000; $V --version").status == 0 else { return }
        // Too little address space for 200 stacks of 8 MB: some threads fail to start.
        let result = try CLI.shell(#"ulimit -v 1000000; printf '{"id": "one", "text": "Mara Quill spoke."}' | timeout 60 $V annotate --jobs 200"#)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.map { $0["id"] as? String } == ["one"])
        #expect(result.stderr.contains("worker threads could be started"))
    }

    /// Starts `script` in the background, sends `signal` after a moment, and
    /// returns the exit status it ended with (124: it ignored the signal).
    private func statusAfterSignal(_ script: String, signal: String, directory: URL) throws -> Int {
        let result = try CLI.shell("""
            \(script) > out 2> err & pid=$!
            sleep 1.5; kill -\(signal) $pid
            for i in $(seq 50); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
            if kill -0 $pid 2>/dev/null; then kill -9 $pid; echo 124; else wait $pid; echo $?; fi
            """, directory: directory)
        return Int(result.text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    @Test func signalsEndBlockedReadsPromptly() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Idle standard input (a FIFO nobody writes to but someone holds open).
        #expect(try statusAfterSignal("mkfifo idle; sleep 20 > idle 2>/dev/null < /dev/null & $V annotate < idle", signal: "TERM", directory: dir) == 130)
        // An endless input without line breaks.
        #expect(try statusAfterSignal("$V annotate --stdin-format lines /dev/zero", signal: "INT", directory: dir) == 130)
        // A FIFO named like an article inside a folder: the open itself blocks.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("folder"), withIntermediateDirectories: true)
        #expect(try statusAfterSignal("mkfifo folder/b.txt; $V annotate folder", signal: "TERM", directory: dir) == 130)
        let err = try String(contentsOf: dir.appendingPathComponent("err"), encoding: .utf8)
        #expect(err.contains("interrupted"))
    }
}
