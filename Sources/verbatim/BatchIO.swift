import ArgumentParser
import Foundation
import VerbatimKit

/// A run that cannot go on, with the plain message and the exit status to end on
/// (1: the output could not be written; 2: a usage error found while starting).
struct CommandFailure: Error {
    let message: String
    let status: Int32
}

/// What `annotate`, `render` and `sources` share on either side of ``BatchRunner``:
/// the inputs resolved, the output opened (never over an input), the checks of the
/// options every command that reads articles takes, and how a run ends (warnings,
/// interruption, the output committed or abandoned).
enum BatchIO {
    /// Inputs as sources; a missing file or an empty folder is a usage error.
    static func sources(_ paths: [String], _ input: InputOptions) throws -> [InputSource] {
        do {
            return try InputSource.resolve(paths, stdinFormat: input.stdinFormat)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// `-o FILE` opened now (a folder, a missing folder or a read-only place fails
    /// before any record is read: exit 1), or standard output.
    static func sink(_ output: String?, inputs: [InputSource]) throws -> OutputSink {
        guard let output else { return OutputSink() }
        try refuseOverwriting(output, inputs: inputs)
        do {
            return try OutputSink(path: output)
        } catch {
            throw CommandFailure(message: error.description, status: 1)
        }
    }

    /// Writing over an input would destroy what is being read: refuse it up front.
    static func refuseOverwriting(_ output: String, inputs: [InputSource]) throws {
        guard let target = OutputSink.identity(of: output) else { return }
        if let input = inputs.first(where: { $0.identity == target }) {
            throw ValidationError("-o \(output) is one of the inputs (\(input.path)); write the output elsewhere")
        }
    }

    /// Worker threads, capped by what the library will start.
    static func jobs(_ jobs: Int?) -> Int {
        jobs ?? ProcessInfo.processInfo.activeProcessorCount
    }

    static func validate(jobs: Int?, input: InputOptions) throws {
        if let jobs, !(1...OrderedParallelMap.maximumJobs).contains(jobs) {
            throw ValidationError("--jobs must be between 1 and \(OrderedParallelMap.maximumJobs), got \(jobs)")
        }
        try input.validate()
    }

    /// A warning when fewer worker threads started than asked for.
    static func reportThreads(_ report: OrderedParallelMap.Report) {
        let wanted = min(report.requested, OrderedParallelMap.maximumJobs)
        guard report.started < wanted else { return }
        let reason = report.failure.map { " (\($0))" } ?? ""
        let couldStart = report.started + report.retired
        if couldStart == 0 {
            writeStandardError("verbatim: warning: no worker thread could be started\(reason); ran on the main thread\n")
        } else if report.retired > 0 {
            writeStandardError("verbatim: warning: only \(couldStart) of \(wanted) worker threads could be started\(reason); ran \(report.started) to leave memory for the work\n")
        } else {
            writeStandardError("verbatim: warning: only \(couldStart) of \(wanted) worker threads could be started\(reason)\n")
        }
    }

    /// The progress meter over all inputs (a percentage only when every size is known).
    static func meter(_ sources: [InputSource], progress: Bool) -> ProgressMeter {
        let totalBytes = sources.reduce(0 as Int?) { sum, source in
            guard let sum, let size = source.knownSize else { return nil }
            return sum + size
        }
        return ProgressMeter(enabled: progress || isatty(2) != 0, totalBytes: totalBytes)
    }

    /// The warnings of a finished read: threads that did not start, inputs without records.
    static func reportEnd(_ report: OrderedParallelMap.Report, reader: RecordReader) {
        reportThreads(report)
        for path in reader.emptySources {
            writeStandardError("verbatim: warning: \(path) holds no records\n")
        }
    }

    /// Ends a run that Ctrl-C or SIGTERM stopped: the output is left as it was (exit 130).
    static func endInterrupted(_ sink: OutputSink, output: String?, written: String = "") throws -> Never {
        sink.abandon()
        writeStandardError("verbatim: interrupted\(written)\(output == nil ? "" : "\(written.isEmpty ? ";" : ",") \(output!) left unchanged")\n")
        throw ExitCode(130)
    }

    /// Runs `write` and commits the output, or abandons it: a closed pipe ends the run
    /// with 141 as a killed `cat` would, any other error with a plain message (exit 1).
    static func commit(_ sink: OutputSink, after write: () throws(OutputError) -> Void = {}) throws {
        do throws(OutputError) {
            try write()
            try sink.commit()
        } catch {
            sink.abandon()
            if error.isBrokenPipe { throw ExitCode(141) }
            throw CommandFailure(message: error.description, status: 1)
        }
    }
}
