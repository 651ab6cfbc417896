import ArgumentParser
import Foundation
import VerbatimKit
import VerbatimServer

extension Verbatim {
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Annotate over HTTP: load the models once and serve JSON requests.",
            discussion: """
                Endpoints: POST /v1/annotate (one record as application/json, or one article as \
                text/plain) answers with its schema-1 line; POST /v1/annotate/batch (JSON Lines, or \
                text/plain with an article per line) streams back one line per record, in order; \
                GET /v1/health; GET /v1/version. The query parameters text-field, id-field, \
                date-field, no-text and explain act as annotate's options. The answers are byte for \
                byte what annotate writes for the same body on standard input.

                Errors are JSON ({"error": {"code", "message"}}): 400 malformed record or query, \
                413 body too large, 415 unsupported Content-Type, 503 (with Retry-After) when \
                --jobs requests are running and --queue more are waiting. One access-log line per \
                request goes to standard error. SIGTERM or SIGINT stops taking connections, \
                finishes the requests in flight and exits 0.
                """
        )

        @Option(help: "The address to listen on (loopback by default; 0.0.0.0 for every interface).")
        var host = "127.0.0.1"

        @Option(help: "The port to listen on (0: any free port, named on standard error).")
        var port = 8080

        @Option(name: .shortAndLong, help: "Annotation threads (default: all cores).")
        var jobs: Int?

        @Option(name: .customLong("max-body-mb"), help: "Largest /v1/annotate body, and largest batch record, in MiB.")
        var maxBodyMB = 16

        @Option(help: "Annotation requests that may wait for a thread; more get 503 with Retry-After.")
        var queue = 64

        @OptionGroup var modelOptions: ModelOptions

        @OptionGroup var quotations: QuotationOptions

        private var workerCount: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

        func validate() throws {
            guard workerCount >= 1 else { throw ValidationError("--jobs must be at least 1") }
            guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
            guard maxBodyMB >= 1 else { throw ValidationError("--max-body-mb must be at least 1") }
            guard queue >= 0 else { throw ValidationError("--queue must be at least 0") }
        }

        func run() throws {
            let start = DispatchTime.now().uptimeNanoseconds
            let lexicon = try modelOptions.makeLexicon()
            let pipeline: Pipeline
            do {
                pipeline = try Pipeline(lexicon: lexicon, listsEveryQuotation: quotations.allQuotations)
            } catch {
                throw ValidationError("cannot build the pipeline: \(error)")
            }
            var configuration = ServiceConfiguration(jobs: workerCount)
            configuration.host = host
            configuration.port = port
            configuration.queue = queue
            configuration.maxBodyBytes = maxBodyMB << 20
            let service: VerbatimService
            do {
                service = try VerbatimService(pipeline: pipeline, lexicon: lexicon, configuration: configuration)
            } catch {
                throw ValidationError("cannot start the workers: \(error)")
            }
            // A client that hangs up must not end the process; NIO sees EPIPE instead.
            signal(SIGPIPE, SIG_IGN)
            let loadMs = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            let workers = workerCount, queue = self.queue, maxBodyMB = self.maxBodyMB
            let outcome = Blocking.run {
                try await service.run { host, port in
                    let shown = host.contains(":") ? "[\(host)]" : host
                    writeStandardError(String(format: "verbatim: listening on http://%@:%d (models loaded in %.0f ms; %d workers, queue %d, max body %d MiB)\n",
                                              shown, port, loadMs, workers, queue, maxBodyMB))
                }
            }
            if case .failure(let error) = outcome {
                writeStandardError("verbatim: cannot serve on \(host):\(port): \(error)\n")
                throw ExitCode(1)
            }
            writeStandardError("verbatim: stopped after \(service.requestsAdmitted) annotation request(s)\n")
        }
    }
}

/// Runs async work from the synchronous command and waits for it. The main thread
/// only waits: the server runs on NIO's event loops and Swift's cooperative pool.
enum Blocking {
    static func run(_ body: @escaping @Sendable () async throws -> Void) -> Result<Void, any Error> {
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox()
        Task {
            do {
                try await body()
                box.result = .success(())
            } catch {
                box.result = .failure(error)
            }
            done.signal()
        }
        done.wait()
        return box.result
    }

    private final class ResultBox: @unchecked Sendable {
        var result: Result<Void, any Error> = .success(())
    }
}
