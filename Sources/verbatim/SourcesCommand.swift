import ArgumentParser
import Foundation
import VerbatimKit

extension Verbatim {
    struct Sources: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Who is quoted across a corpus: one row per source, with gender, quote counts, articles and dates.",
            discussion: """
                Reads what annotate writes (JSON Lines with "clusters" and "quotes"), or raw \
                inputs, which it annotates on the way: each JSON record is looked at, so the two \
                may be mixed. Takes the same inputs and input options as annotate.

                One row per source (a PERSON or ORG speaker cluster), merged across articles by \
                label and normalised full name: name, label, gender, quotes, direct, indirect, \
                partial, articles, first_date, last_date, and with --group-by FIELD one column \
                of quotes per value of FIELD. Rows come most quoted first, then by name. \
                --summary writes the share of quotes by the gender of their source and the \
                unattributed quotes instead.

                Memory grows with the number of distinct sources, not of articles.
                """
        )

        @Argument(help: "Input files, folders or - (standard input): annotate's output or articles.")
        var paths: [String] = []

        @OptionGroup var input: InputOptions

        @OptionGroup var modelOptions: ModelOptions

        @Option(name: .shortAndLong, help: ArgumentHelp("Write the table here (atomically, on completion) instead of standard output.", valueName: "file"))
        var output: String?

        @Option(help: "Output format: csv (RFC 4180) or jsonl.")
        var format: SourceTableWriter.Format = .csv

        @Option(name: .customLong("group-by"), help: ArgumentHelp("Add a count of quotes per value of this record field (e.g. outlet).", valueName: "field"))
        var groupBy: String?

        @Flag(help: "Write the share of quotes by gender of their source, and the unattributed quotes, instead of the rows.")
        var summary = false

        @Option(name: .shortAndLong, help: "Worker threads (default: all cores). The output is identical for every value.")
        var jobs: Int?

        @Flag(help: "Show progress on standard error even when it is not a terminal.")
        var progress = false

        @Flag(name: .customLong("csv-raw"), help: "Write CSV fields exactly, without the ' that stops spreadsheets from running a field that starts with =, +, -, @ as a formula.")
        var csvRaw = false

        func validate() throws {
            try BatchIO.validate(jobs: jobs, input: input)
            if let groupBy, groupBy.isEmpty { throw ValidationError("--group-by needs a field name") }
        }

        /// What one record gives: its sources, or why it gives none.
        enum Outcome: Sendable {
            case article(ArticleSources)
            case failed(String)
        }

        func run() throws {
            let sources = try BatchIO.sources(paths, input)
            var options = input.recordOptions
            options.keepsSegmentation = false
            options.omitText = true
            let pipeline = try modelOptions.makePipeline()
            let sink = try BatchIO.sink(output, inputs: sources)
            Signals.install()

            var meter = BatchIO.meter(sources, progress: progress)
            let reader = RecordReader(sources: sources, options: options, shouldStop: { Signals.interrupted })
            var table = SourceTable()
            var failures = 0
            let groupBy = self.groupBy
            let dateField = options.dateField
            let report = BatchRunner(pipeline: pipeline, options: options, jobs: BatchIO.jobs(jobs)).run(
                next: { Signals.interrupted ? nil : reader.next() },
                bypass: { record in Self.readAnnotatorOutput(record, dateField: dateField, groupBy: groupBy) },
                transform: { result in
                    switch result {
                    case .annotated(let a): return Outcome.article(ArticleSources(a, groupBy: groupBy))
                    case .failed(let f): return Outcome.failed("record \(f.id): \(f.error.code): \(f.error.description)")
                    }
                },
                consume: { outcome, bytes in
                    switch outcome {
                    case .article(let article): table.add(article)
                    case .failed(let notice):
                        failures += 1
                        writeStandardError("verbatim: \(notice)\n")
                    }
                    meter.advance(bytes: bytes)
                    return true
                }
            )
            meter.finish()
            BatchIO.reportEnd(report, reader: reader)
            if Signals.interrupted { try BatchIO.endInterrupted(sink, output: output) }
            let writer = SourceTableWriter(format: format, guardFormulas: !csvRaw, groupBy: groupBy)
            try BatchIO.commit(sink) { () throws(OutputError) in
                try sink.write(summary ? writer.summary(table) : writer.rows(table))
            }
            if failures > 0 {
                writeStandardError("verbatim: \(failures) of \(meter.records) record(s) could not be read or annotated and were left out\n")
                throw ExitCode(1)
            }
        }

        /// A line annotate wrote, read as it is (nil: a record to annotate).
        static func readAnnotatorOutput(_ record: InputRecord, dateField: String, groupBy: String?) -> Outcome? {
            guard case .json(let bytes) = record.payload,
                  let fields = try? JSONObjectReader.fields(of: bytes), ArticleSources.isAnnotatorOutput(fields) else { return nil }
            let id = ArticleSources.stringField("id", in: fields) ?? record.fallbackID
            if fields.contains(where: { $0.key == "error" }) {
                return .failed("record \(id): an error line of the annotate output (no quotes to count)")
            }
            do {
                return .article(try ArticleSources(annotatorOutput: fields, dateField: dateField, groupBy: groupBy))
            } catch {
                return .failed("record \(id): \(error.code): \(error.description)")
            }
        }
    }
}

extension SourceTableWriter.Format: ExpressibleByArgument {}
