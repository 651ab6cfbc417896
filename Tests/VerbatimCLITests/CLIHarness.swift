import Foundation
import Testing

/// Runs the `verbatim` binary built beside the test bundle.
struct CLI {
    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
        var lines: [[String: Any]] {
            String(decoding: stdout, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                .map { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] ?? ["unparsable": String($0)] }
        }
        var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    static var binary: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("verbatim"),
            Bundle.main.bundleURL.appendingPathComponent("verbatim"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("verbatim"),
            packageRoot.appendingPathComponent(".build/debug/verbatim"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[3]
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// A child that exits before reading all of its input must not kill the test run.
    static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// Runs `executable` (default: the built binary) with `environment` changes
    /// (a nil value removes the variable).
    static func run(_ arguments: [String], stdin: Data? = nil, directory: URL? = nil,
                    executable: URL? = nil, environment: [String: String?] = [:]) throws -> Result {
        _ = ignoreBrokenPipes
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty {
            var env = ProcessInfo.processInfo.environment
            for (name, value) in environment { env[name] = value }
            process.environment = env
        }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        // Drain both pipes concurrently so a large output cannot deadlock the child.
        nonisolated(unsafe) var stderrData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            stderrData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        if let stdin {
            DispatchQueue.global().async {
                try? input.fileHandleForWriting.write(contentsOf: stdin)
                try? input.fileHandleForWriting.close()
            }
        }
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        group.wait()
        return Result(status: process.terminationStatus, stdout: stdoutData, stderr: String(decoding: stderrData, as: UTF8.self))
    }
}

extension CLI {
    /// Runs a bash script with `$V` set to the binary (for umask, ulimit, FIFOs,
    /// process substitution and signals), in `directory` when given.
    static func shell(_ script: String, directory: URL? = nil) throws -> Result {
        try run(["-c", script], directory: directory, executable: URL(fileURLWithPath: "/bin/bash"),
                environment: ["V": binary.path])
    }
}

/// A fresh temporary folder, removed by the caller.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("verbatim-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func write(_ text: String, to url: URL) throws {
    try Data(text.utf8).write(to: url)
}
