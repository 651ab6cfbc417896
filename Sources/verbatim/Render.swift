import ArgumentParser
import Foundation
import VerbatimKit

extension Verbatim {
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Annotate articles and write one self-contained HTML page that shows the results.",
            discussion: """
                Takes the same inputs as annotate. Every record becomes an <article> on the page, in \
                input order: entities highlighted by type (with a visible label), quotes linked to \
                their speakers, and a table of quotes. The page needs no network and no JavaScript.
                """
        )

        @Argument(help: "Input files, folders or - (standard input).")
        var paths: [String] = []

        @OptionGroup var input: InputOptions

        @OptionGroup var modelOptions: ModelOptions

        @Option(name: .shortAndLong, help: ArgumentHelp("Write the page here (atomically, on completion) instead of standard output.", valueName: "file"))
        var output: String?

        @Option(help: ArgumentHelp("The page title (default: the single record's id, or \"Verbatim: N articles\").", valueName: "text"))
        var title: String?

        @Option(name: .shortAndLong, help: "Worker threads (default: all cores). The output is identical for every value.")
        var jobs: Int?

        func validate() throws {
            try BatchIO.validate(jobs: jobs, input: input)
        }

        func run() throws {
            let sources = try BatchIO.sources(paths, input)
            let options = input.recordOptions
            let pipeline = try modelOptions.makePipeline()
            let sink = try BatchIO.sink(output, inputs: sources)
            Signals.install()

            // Articles are annotated in parallel and rendered in order into a spool file,
            // so memory stays flat in the batch size; the title and the table of
            // contents depend on how many there are, so the page head comes at the end.
            let reader = RecordReader(sources: sources, options: options, shouldStop: { Signals.interrupted })
            let spool: SpoolFile
            do {
                spool = try SpoolFile()
            } catch {
                throw CommandFailure(message: error.description, status: 1)
            }
            var ids: [String] = []
            var failures = 0
            var spoolError: OutputError?
            let renderer = HTMLRenderer()
            let report = BatchRunner(pipeline: pipeline, options: options, jobs: BatchIO.jobs(jobs)).run(
                next: { spoolError != nil || Signals.interrupted ? nil : reader.next() },
                transform: { $0 },
                consume: { result, _ in
                    let html: String
                    switch result {
                    case .annotated(let a):
                        html = renderer.article(a.state, number: ids.count + 1)
                        ids.append(a.document.id)
                    case .failed(let f):
                        failures += 1
                        writeStandardError("verbatim: record \(f.id): \(f.error.code): \(f.error.description)\n")
                        html = renderer.failure(f, number: ids.count + 1)
                        ids.append(f.id)
                    }
                    do throws(OutputError) {
                        try spool.write(Array(html.utf8))
                    } catch {
                        spoolError = error
                        return false
                    }
                    return true
                }
            )
            BatchIO.reportThreads(report)
            if Signals.interrupted {
                sink.abandon()
                writeStandardError("verbatim: interrupted\(output == nil ? "" : "; \(output!) left unchanged")\n")
                throw ExitCode(130)
            }
            let pageTitle = title ?? (ids.count == 1 ? "Verbatim: \(ids[0])" : "Verbatim: \(ids.count) articles")
            do throws(OutputError) {
                if let spoolError { throw spoolError }
                try sink.write(Array(HTMLRenderer.pageStart(title: pageTitle, contents: ids).utf8))
                try spool.copy(to: sink)
                try sink.write(Array(HTMLRenderer.pageEnd.utf8))
                try sink.commit()
            } catch {
                sink.abandon()
                if error.isBrokenPipe { throw ExitCode(141) }
                throw CommandFailure(message: error.description, status: 1)
            }
            if failures > 0 {
                writeStandardError("verbatim: \(failures) of \(ids.count) record(s) could not be annotated (shown as errors on the page)\n")
                throw ExitCode(1)
            }
        }
    }
}
