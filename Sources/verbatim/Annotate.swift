import ArgumentParser
import Foundation
import VerbatimKit

extension Verbatim {
    struct Annotate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Annotate articles and write one JSON line per record (schema 1), or another --format.",
            discussion: """
                PATH is a .txt file (one article), a folder (every *.txt file below it, in sorted \
                order), a .jsonl file (one JSON object per line), a .json file (an array of records), \
                or - for standard input. Any other file, and standard input, is JSON Lines when its \
                first non-blank line is a JSON object, an array of records when it starts with [{, \
                else one article (see --stdin-format). Every input is read once, so pipes and FIFOs \
                work like files.

                Every input record yields exactly one output line, in input order: annotated, or \
                {"id", "error": {"code", "message"}, "path", "line", "offset"} when the record \
                cannot be processed. Only the output goes to standard output; progress and warnings \
                go to standard error.

                --format conll|brat|csv|csv-entities|spacy writes the same annotations for other tools (see the \
                README, "Output formats"); they leave failed records out (conll: an empty document) \
                and report them on standard error.
                """
        )

        @Argument(help: "Input files, folders or - (standard input).")
        var paths: [String] = []

        @OptionGroup var input: InputOptions

        @OptionGroup var modelOptions: ModelOptions

        @OptionGroup var quotations: QuotationOptions

        @Option(name: .shortAndLong, help: ArgumentHelp("Write the output here (atomically, on completion) instead of standard output; for --format brat, the folder to write into.", valueName: "file"))
        var output: String?

        @Option(help: "Output format: jsonl (schema 1), conll (BIO tags), brat (standoff files, needs -o DIR), csv (one row per quote), csv-entities (one row per entity, with cluster name and gender) or spacy (Doc JSON).")
        var format: OutputFormat = .jsonl

        @Option(name: .shortAndLong, help: "Worker threads (default: all cores). The output is identical for every value.")
        var jobs: Int?

        private var workerCount: Int { BatchIO.jobs(jobs) }

        @Flag(help: "Show progress on standard error even when it is not a terminal.")
        var progress = false

        @Flag(name: .customLong("no-text"), help: "Leave the article text out of the output lines.")
        var noText = false

        @Flag(help: "Add the rule that produced each entity and quote (\"rule\").")
        var explain = false

        @Flag(name: .customLong("csv-raw"), help: "--format csv and csv-entities: write fields exactly, without the ' that stops spreadsheets from running a field that starts with =, +, -, @ as a formula (for machine readers).")
        var csvRaw = false

        func validate() throws {
            try BatchIO.validate(jobs: jobs, input: input)
            if format.writesDirectory, output == nil {
                throw ValidationError("--format brat writes a folder of files: name it with -o DIR")
            }
        }

        func run() throws {
            let sources = try BatchIO.sources(paths, input)
            var options = input.recordOptions
            options.omitText = noText
            options.explain = explain
            options.guardCSVFormulas = !csvRaw
            options.keepsSegmentation = format == .conll || format == .spacy

            let pipeline = try modelOptions.makePipeline(listsEveryQuotation: quotations.allQuotations)
            let sink: OutputSink
            var brat: BratDirectory?
            if format.writesDirectory, let output {
                sink = OutputSink()
                brat = try Self.bratDirectory(output, paths: paths, sources: sources)
            } else {
                sink = try BatchIO.sink(output, inputs: sources)
            }
            let format = self.format
            if paths.isEmpty, isatty(0) != 0 {
                writeStandardError("verbatim: reading \(input.stdinFormat == .auto ? "JSON Lines or an article" : input.stdinFormat.rawValue) from standard input (Ctrl-D ends it)\n")
            }
            Signals.install()

            var meter = BatchIO.meter(sources, progress: progress)
            let reader = RecordReader(sources: sources, options: options, shouldStop: { Signals.interrupted })
            var failures = 0
            var writeError: OutputError?
            do {
                try sink.write(format.header)
            } catch {
                writeError = error
            }
            let writer = RecordWriter(options: options)
            let report = BatchRunner(pipeline: pipeline, options: options, jobs: workerCount).run(
                next: { writeError != nil || Signals.interrupted ? nil : reader.next() },
                transform: { writer.format($0, as: format) },
                consume: { output, bytes in
                    if !output.ok { failures += 1 }
                    if let notice = output.notice { writeStandardError("verbatim: \(notice)\n") }
                    do throws(OutputError) {
                        try sink.write(output.bytes)
                        if let document = output.brat { try brat?.write(document) }
                        if let record = output.streamed {
                            var failure: OutputError?
                            writer.streamLine(record) { piece in
                                do throws(OutputError) { try sink.write(piece) } catch { failure = error }
                                return failure == nil
                            }
                            if let failure { throw failure }
                        }
                    } catch {
                        writeError = error
                        return false
                    }
                    meter.advance(bytes: bytes)
                    return true
                }
            )
            meter.finish()
            BatchIO.reportEnd(report, reader: reader)
            if let writeError {
                sink.abandon()
                if writeError.isBrokenPipe { throw ExitCode(141) }
                throw CommandFailure(message: writeError.description, status: 1)
            }
            if Signals.interrupted {
                try BatchIO.endInterrupted(sink, output: output, written: "; \(meter.records) record(s) written")
            }
            try BatchIO.commit(sink)
            if failures > 0 {
                writeStandardError("verbatim: \(failures) of \(meter.records) record(s) \(format == .jsonl ? "produced error lines" : "failed and were left out")\n")
                throw ExitCode(1)
            }
        }

        /// The brat folder, which must not be a folder the inputs come from: writing
        /// `NAME.txt` there would replace the articles being read.
        static func bratDirectory(_ output: String, paths: [String], sources: [InputSource]) throws -> BratDirectory {
            if let target = OutputSink.identity(of: output) {
                for path in paths where OutputSink.identity(of: path) == target {
                    throw ValidationError("-o \(output) is an input folder: brat files written there would replace its articles; choose another folder")
                }
            }
            do {
                return try BratDirectory(path: output, protecting: Set(sources.compactMap(\.identity)))
            } catch {
                throw CommandFailure(message: error.description, status: 1)
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

    @Option(help: ArgumentHelp("The publication date (YYYY-MM-DD) of records that carry none: .txt files, folders, plain text, JSON records without a date field. Without it, a dateline in the text is used.", valueName: "date"))
    var date: String?

    @Option(help: ArgumentHelp("JSON field holding a headline, annotated with the body: the output text is the headline, a blank line, then the body, and all offsets count in it.", valueName: "name"))
    var titleField: String?

    @Option(help: "How standard input is read: auto (JSON Lines when the first non-blank line is a JSON object, a JSON array of records, else one article), jsonl, text (all of it is one article) or lines (one article per line).")
    var stdinFormat: StandardInputFormat = .auto

    @Option(name: .customLong("max-record-mb"), help: "Records larger than this many MiB become record_too_large error lines.")
    var maxRecordMB = 256

    /// The largest --max-record-mb: offsets inside a record are 32-bit.
    static let maximumRecordMB = 2047

    func validate() throws {
        if let date, Self.parseDate(date) == nil {
            throw ValidationError("--date must be a date as YYYY-MM-DD, got \(date)")
        }
        guard (1...Self.maximumRecordMB).contains(maxRecordMB) else {
            throw ValidationError("--max-record-mb must be between 1 and \(Self.maximumRecordMB), got \(maxRecordMB)")
        }
    }

    var recordOptions: RecordOptions {
        var options = RecordOptions()
        options.textField = textField
        options.idField = idField
        options.dateField = dateField
        options.dateOrder = dateOrder
        options.maxRecordBytes = maxRecordMB << 20
        options.defaultDate = date.flatMap(Self.parseDate)
        options.titleField = titleField
        return options
    }

    /// A whole date, nothing after it (the record field parser is more lenient).
    static func parseDate(_ text: String) -> CalendarDate? {
        text.utf8.count == 10 ? CalendarDate(iso: text) : nil
    }
}

extension StandardInputFormat: ExpressibleByArgument {}
extension DateOrder: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
