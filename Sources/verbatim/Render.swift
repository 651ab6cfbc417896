import ArgumentParser
import Foundation
import VerbatimKit

extension Verbatim {
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Annotate articles and write one self-contained HTML page that shows the results.",
            discussion: """
                Takes the same inputs as annotate. With more than one record the page opens with \
                who is quoted (share of quotes by gender of the source, unattributed quotes, the most \
                quoted sources). Every record becomes an <article> on the page, in input order, \
                under its title, outlet and URL fields when present: entities highlighted by type \
                (with a visible label), quotes linked to their speakers, and a table of quotes. The \
                page needs no network and no JavaScript.
                """
        )

        @Argument(help: "Input files, folders or - (standard input).")
        var paths: [String] = []

        @OptionGroup var input: InputOptions

        @OptionGroup var modelOptions: ModelOptions

        @OptionGroup var quotations: QuotationOptions

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
            let pipeline = try modelOptions.makePipeline(listsEveryQuotation: quotations.allQuotations)
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
            // The table of contents: each article's title, or its id.
            var contents: [String] = []
            var failures = 0
            var spoolError: OutputError?
            let renderer = HTMLRenderer()
            // Who is quoted, added up article by article: one row per source, nothing per article.
            var corpus = SourceTable()
            let titleField = input.titleField
            let report = BatchRunner(pipeline: pipeline, options: options, jobs: BatchIO.jobs(jobs)).run(
                next: { spoolError != nil || Signals.interrupted ? nil : reader.next() },
                transform: { $0 },
                consume: { result, _ in
                    let html: String
                    switch result {
                    case .annotated(let a):
                        let details = HTMLRenderer.ArticleDetails(a, titleField: titleField)
                        html = renderer.article(a.state, number: ids.count + 1, details: details)
                        corpus.add(ArticleSources(a))
                        ids.append(a.document.id)
                        contents.append(details.title ?? a.document.id)
                    case .failed(let f):
                        failures += 1
                        writeStandardError("verbatim: record \(f.id): \(f.error.code): \(f.error.description)\n")
                        html = renderer.failure(f, number: ids.count + 1)
                        ids.append(f.id)
                        contents.append(f.id)
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
            BatchIO.reportEnd(report, reader: reader)
            if Signals.interrupted { try BatchIO.endInterrupted(sink, output: output) }
            let pageTitle = title ?? (ids.count == 1 ? "Verbatim: \(ids[0])" : "Verbatim: \(ids.count) articles")
            let many = ids.count > 1
            try BatchIO.commit(sink) { () throws(OutputError) in
                if let spoolError { throw spoolError }
                try sink.write(Array(HTMLRenderer.pageStart(title: pageTitle, contents: contents).utf8))
                if many { try sink.write(Array(HTMLRenderer.corpusView(corpus).utf8)) }
                try spool.copy(to: sink)
                try sink.write(Array(HTMLRenderer.pageEnd.utf8))
            }
            if failures > 0 {
                writeStandardError("verbatim: \(failures) of \(ids.count) record(s) could not be annotated (shown as errors on the page)\n")
                throw ExitCode(1)
            }
        }
    }
}
