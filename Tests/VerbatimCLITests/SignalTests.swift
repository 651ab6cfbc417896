import Foundation
import Testing

/// Interrupts and closed pipes never leave half a line behind.
@Suite(.serialized) struct SignalTests {
    /// Many small records, enough that the run is still going when interrupted.
    private func bigInput(in dir: URL) throws -> URL {
        let file = dir.appendingPathComponent("big.jsonl")
        let record = #"{"id": 0, "text": "“It was intentional,” Ewalina Ochab told the Press Association on Tuesday. She said more."}"#
        try write(String(repeating: record + "\n", count: 400_000), to: file)
        return file
    }

    @Test func interruptFinishesOnACompleteLine() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try bigInput(in: dir)
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["annotate", "--jobs", "2", input.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var data = out.fileHandleForReading.availableData  // wait until output flows
        process.interrupt()
        data.append(out.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(data.last == 0x0A)
        let lines = data.split(separator: 0x0A)
        #expect(!lines.isEmpty)
        #expect(lines.count < 400_000)
        for line in lines {
            #expect((try? JSONSerialization.jsonObject(with: Data(line))) != nil)
        }
    }

    @Test func interruptLeavesTheOutputFileUntouched() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try bigInput(in: dir)
        let output = dir.appendingPathComponent("out.jsonl")
        try write("previous contents\n", to: output)
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["annotate", "--progress", "-o", output.path, input.path]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        _ = err.fileHandleForReading.availableData  // progress appears once records flow
        process.interrupt()
        _ = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(try String(contentsOf: output, encoding: .utf8) == "previous contents\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains("partial") }
        #expect(leftovers.isEmpty)
    }

    @Test func closedPipeEndsQuietlyWithCompleteLines() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try bigInput(in: dir)
        let script = "\"$0\" annotate --jobs 2 \"$1\" | head -n 3; echo \"status ${PIPESTATUS[0]}\""
        let result = try runShell(script, arguments: [CLI.binary.path, input.path])
        let lines = result.split(separator: "\n")
        #expect(lines.count == 4)
        for line in lines.prefix(3) {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil)
        }
        #expect(lines.last == "status 141")
    }

    private func runShell(_ script: String, arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
