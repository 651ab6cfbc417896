import ArgumentParser
import Foundation
import VerbatimKit

extension Verbatim {
    struct Annotate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Annotate articles and write one JSON line per record (schema 1), or another --format.",
            discussion: """
                PATH is a .txt file (one article), a folder (every *.txt file below it, in sorted \
                order), a .jsonl file (one JSON object per line), or - for standard input. With no \
                PATH, standard input is read as JSON Lines (see --stdin-format).

                Every input record yields exactly one output line, in input order: annotated, or \
                {"id", "error": {"code", "message"}, "path", "line", "offset"} when the record \
                cannot be processed. Only the output goes to standard output; progress and warnings \
                go to standard error.

                --format conll|brat|csv|spacy writes the same annotations for other tools (see the \
                README, "Output formats"); they leave failed records out (conll: an empty document) \
                and report them on standard error.
                """
        )

        @Argument(help: "Input files, folders or - (standard input).")
        var paths: [String] = []

        @OptionGroup var input: InputOptions

        @OptionGroup var modelOptions: ModelOptions

        @Option(name: .shortAndLong, help: ArgumentHelp("Write the output here (atomically, on completion) instead of standard output; for --format brat, the folder to write into.", valueName: "file"))
        var output: String?

        @Option(help: "Output format: jsonl (schema 1), conll (BIO tags), brat (standoff files, needs -o DIR), csv (one row per quote) or spacy (Doc JSON).")
        var format: OutputFormat = .jsonl

        @Option(name: .shortAndLong, help: "Worker threads (default: all cores). The output is identical for every value.")
        var jobs: Int?

        private var workerCount: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

        @Flag(help: "Show progress on standard error even when it is not a terminal.")
        var progress = false

        @Flag(name: .customLong("no-text"), help: "Leave the article text out of the output lines.")
        var noText = false

        @Flag(help: "Add the rule that produced each entity and quote (\"rule\").")
        var explain = false

        func validate() throws {
            guard workerCount >= 1 else { throw ValidationError("--jobs must be at least 1") }
            guard input.maxRecordMB >= 1 else { throw ValidationError("--max-record-mb must be at least 1") }
            if format.writesDirectory, output == nil {
                throw ValidationError("--format brat writes a folder of files: name it with -o DIR")
            }
        }

        func run() throws {
            let sources: [InputSource]
            do {
                sources = try InputSource.resolve(paths, stdinFormat: input.stdinFormat)
            } catch {
                throw ValidationError(error.description)
            }
            var options = input.recordOptions
            options.omitText = noText
            options.explain = explain

            let pipeline = try modelOptions.makePipeline()
            let sink: OutputSink
            var brat: BratDirectory?
            do {
                if format.writesDirectory, let output {
                    brat = try BratDirectory(path: output)
                    sink = try OutputSink(path: nil)
                } else {
                    sink = try OutputSink(path: output)
                }
                try sink.write(format.header)
            } catch {
                throw ValidationError("\(error)")
            }
            let format = self.format
            if paths.isEmpty, isatty(0) != 0 {
                writeStandardError("verbatim: reading \(input.stdinFormat.rawValue) from standard input (Ctrl-D ends it)\n")
            }
            Signals.install()

            let totalBytes = sources.reduce(0 as Int?) { sum, source in
                guard let sum, let size = source.knownSize else { return nil }
                return sum + size
            }
            var meter = ProgressMeter(enabled: progress || isatty(2) != 0, totalBytes: totalBytes)
            let reader = RecordReader(sources: sources, options: options)
            var failures = 0
            var writeError: String?

            OrderedParallelMap.run(
                jobs: workerCount,
                makeState: { () -> RecordProcessor? in
                    guard let worker = try? pipeline.makeWorker() else { return nil }
                    return RecordProcessor(worker: worker, options: options)
                },
                produce: { Signals.interrupted ? nil : reader.next() },
                transform: { (record: InputRecord, processor: RecordProcessor?) -> (output: FormattedRecord, bytes: Int) in
                    guard let processor else {
                        let line = Array("{\"id\":\"\(record.fallbackID)\",\"error\":{\"code\":\"icu_failure\",\"message\":\"cannot open ICU break iterators\"}}\n".utf8)
                        return (FormattedRecord(bytes: format == .jsonl ? line : [], ok: false,
                                                notice: "record \(record.fallbackID): icu_failure: cannot open ICU break iterators"), record.byteCount)
                    }
                    return (processor.format(record, as: format), record.byteCount)
                },
                consume: { result in
                    if !result.output.ok { failures += 1 }
                    if let notice = result.output.notice { writeStandardError("verbatim: \(notice)\n") }
                    do {
                        try sink.write(result.output.bytes)
                        if let document = result.output.brat { try brat?.write(document) }
                    } catch {
                        writeError = "\(error)"
                        return false
                    }
                    meter.advance(bytes: result.bytes)
                    return true
                }
            )
            meter.finish()
            for path in reader.emptySources {
                writeStandardError("verbatim: warning: \(path) holds no records\n")
            }
            if let writeError {
                sink.abandon()
                if writeError == OutputSink.brokenPipe { throw ExitCode(141) }
                writeStandardError("verbatim: \(writeError)\n")
                throw ExitCode(1)
            }
            if Signals.interrupted {
                sink.abandon()
                writeStandardError("verbatim: interrupted; \(meter.records) record(s) written\(output == nil ? "" : ", \(output!) left unchanged")\n")
                throw ExitCode(130)
            }
            do {
                try sink.commit()
            } catch {
                writeStandardError("verbatim: \(error)\n")
                throw ExitCode(1)
            }
            if failures > 0 {
                writeStandardError("verbatim: \(failures) of \(meter.records) record(s) \(format == .jsonl ? "produced error lines" : "failed and were left out")\n")
                throw ExitCode(1)
            }
        }
    }
}

/// Options that say how records are read, shared by the commands that read articles.
struct InputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("JSONL field holding the article text.", valueName: "name"))
    var textField = "text"

    @Option(help: ArgumentHelp("JSONL field holding the record id (default id: PATH:LINE, or stdin:N).", valueName: "name"))
    var idField = "id"

    @Option(help: ArgumentHelp("JSONL field holding the publication date (ISO 8601), used to resolve relative times.", valueName: "name"))
    var dateField = "date"

    @Option(help: ArgumentHelp("Order of day and month in numeric dates (3/2/2018) for records whose locale field does not say: mdy or dmy.", valueName: "order"))
    var dateOrder: DateOrder = .monthFirst

    @Option(help: "How standard input is read: jsonl, text (all of it is one article) or lines (one article per line).")
    var stdinFormat: StandardInputFormat = .jsonl

    @Option(name: .customLong("max-record-mb"), help: "Records larger than this many MiB become record_too_large error lines.")
    var maxRecordMB = 256

    var recordOptions: RecordOptions {
        var options = RecordOptions()
        options.textField = textField
        options.idField = idField
        options.dateField = dateField
        options.dateOrder = dateOrder
        options.maxRecordBytes = maxRecordMB << 20
        return options
    }
}

extension StandardInputFormat: ExpressibleByArgument {}
extension DateOrder: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
