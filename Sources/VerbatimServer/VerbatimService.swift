import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import ServiceLifecycle
import VerbatimKit

/// The HTTP service behind `verbatim serve`: the pipeline, loaded once, behind
/// four endpoints.
///
/// - `POST /v1/annotate`: one record (`application/json`) or one article
///   (`text/plain`) → its schema-1 line, byte for byte what `verbatim annotate`
///   writes with that body on standard input.
/// - `POST /v1/annotate/batch`: JSON Lines (or text, an article per line), streamed
///   → JSON Lines in order, one per record, error lines included: what `verbatim
///   annotate` writes for the same standard input.
/// - `GET /v1/health`, `GET /v1/version`.
public final class VerbatimService: Sendable {
    public let configuration: ServiceConfiguration
    let lexicon: Lexicon
    let pool: WorkerPool
    let admission: Admission
    /// Records of one batch in the pipeline or waiting to be written.
    let batchWindow: Int

    static let endpoints: [String: String] = [
        "/v1/annotate": "POST", "/v1/annotate/batch": "POST", "/v1/health": "GET", "/v1/version": "GET",
    ]

    /// Starts the worker threads over `pipeline`.
    public init(pipeline: Pipeline, lexicon: Lexicon, configuration: ServiceConfiguration) throws(VerbatimError) {
        self.configuration = configuration
        self.lexicon = lexicon
        pool = try WorkerPool(pipeline: pipeline, count: configuration.jobs)
        admission = Admission(capacity: configuration.jobs + configuration.queue)
        batchWindow = 4 * configuration.jobs
    }

    /// Serves until SIGTERM or SIGINT, then stops taking connections, lets the
    /// requests in flight finish (for at most `shutdownGraceSeconds`) and returns.
    /// `onListening` gets the bound address once the port is open.
    public func run(onListening: @escaping @Sendable (String, Int) -> Void) async throws {
        var logger = Logger(label: "verbatim")
        logger.logLevel = .error
        let router = Router(context: ServiceRequestContext.self)
        router.add(middleware: AccessLogMiddleware(knownPaths: Self.endpoints))
        router.post("/v1/annotate") { request, _ in try await self.annotate(request) }
        router.post("/v1/annotate/batch") { request, _ in try self.annotateBatch(request) }
        router.get("/v1/health") { _, _ in self.health() }
        router.get("/v1/version") { _, _ in self.version() }
        let host = configuration.host
        let app = Application(
            router: router,
            server: Self.http1(maxBodyBytes: configuration.maxBodyBytes),
            configuration: ApplicationConfiguration(address: .hostname(host, port: configuration.port), serverName: "verbatim"),
            onServerRunning: { channel in onListening(host, channel.localAddress?.port ?? 0) },
            logger: logger
        )
        var group = ServiceGroupConfiguration(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        group.maximumGracefulShutdownDuration = .seconds(configuration.shutdownGraceSeconds)
        defer { pool.shutdown() }
        try await ServiceGroup(configuration: group).run()
    }

    /// HTTP/1.1, answering `Expect: 100-continue` (curl sends it before bodies over
    /// 1 MB and otherwise waits a second) unless a `/v1/annotate` body is declared
    /// too large: that request gets its 413 before the client sends the body. A
    /// connection that sends nothing for 60 s while a request is being read, or
    /// between requests, is closed; a closing connection first sends what it has
    /// queued (``FlushBeforeCloseHandler``).
    static func http1(maxBodyBytes: Int) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in
            HTTP1Channel(
                responder: { request, writer, channel in
                    if request.headers[.expect]?.lowercased() == "100-continue" {
                        let declared = request.headers[.contentLength].flatMap { Int($0) } ?? 0
                        if declared <= maxBodyBytes || request.uri.path != "/v1/annotate" {
                            try await writer.writeInformationalHead(HTTPResponse(status: .continue))
                        }
                    }
                    try await responder(request, writer, channel)
                },
                configuration: HTTP1Channel.Configuration(
                    additionalChannelHandlers: [FlushBeforeCloseHandler()],
                    idleTimeout: .seconds(60)
                )
            )
        }
    }

    /// Annotation requests admitted since the start.
    public var requestsAdmitted: Int { admission.counts.admitted }

    // MARK: Endpoints

    func annotate(_ request: Request) async throws -> Response {
        let options = try RequestOptions.parse(Array(request.uri.queryParameters), limit: configuration.maxBodyBytes)
        let kind = try BodyKind.single(contentType: request.headers[.contentType])
        let body = try await collect(request)
        guard let ticket = AdmissionTicket(admission) else { throw overloaded() }
        let record = InputRecord(payload: kind == .text ? .text(body) : .json(body), fallbackID: "stdin:1",
                                 line: 1, offset: 0, byteCount: body.count)
        let (line, errorCode) = await pool.run { worker -> ([UInt8], String?) in
            let processor = RecordProcessor(worker: worker, options: options)
            let result = processor.analyze(record)
            if case .failed(let failed) = result { return (processor.jsonLine(result), failed.error.code) }
            return (processor.jsonLine(result), nil)
        }
        withExtendedLifetime(ticket) {}
        return ServiceResponse.json(line, status: HTTPResponse.Status(code: Self.status(forRecordError: errorCode)))
    }

    func annotateBatch(_ request: Request) throws -> Response {
        let options = try RequestOptions.parse(Array(request.uri.queryParameters), limit: configuration.maxBodyBytes)
        let format: BatchSplitter.Format = try BodyKind.batch(contentType: request.headers[.contentType]) == .textLines ? .textLines : .jsonLines
        guard let ticket = AdmissionTicket(admission) else { throw overloaded() }
        let pool = self.pool
        let limit = configuration.maxBodyBytes
        let window = batchWindow
        let body = request.body
        var headers = HTTPFields()
        headers[.contentType] = "application/x-ndjson"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            // The ticket lives as long as the body: the batch holds its place until
            // its last line is written, or the response is dropped.
            defer { withExtendedLifetime(ticket) {} }
            try await Self.stream(body, format: format, options: options, limit: limit, window: window, pool: pool, to: &writer)
        })
    }

    func health() -> Response {
        let counts = admission.counts
        var out = JSONWriter(capacity: 512)
        out.beginObject()
        out.field("status", "ok")
        out.key("models")
        out.beginObject()
        out.key("loaded")
        out.bool(true)
        out.field("directory", lexicon.directory)
        out.field("tables", lexicon.tableNames.count)
        out.endObject()
        out.field("jobs", configuration.jobs)
        out.field("queue", configuration.queue)
        out.field("in_flight", counts.inFlight)
        out.field("requests", counts.admitted)
        out.field("max_body_bytes", configuration.maxBodyBytes)
        ServiceJSON.writeVersion(into: &out)
        out.endObject()
        out.newline()
        return ServiceResponse.json(out.takeBytes())
    }

    func version() -> Response {
        var out = JSONWriter(capacity: 64)
        out.beginObject()
        out.field("version", AnnotationEncoder.version)
        out.field("schema", AnnotationEncoder.schema)
        out.endObject()
        out.newline()
        return ServiceResponse.json(out.takeBytes())
    }

    // MARK: Helpers

    /// The status of a `/v1/annotate` answer: the request's own record failed, so
    /// a malformed record is the client's error and anything else the server's.
    static func status(forRecordError code: String?) -> Int {
        switch code {
        case nil: return 200
        case "invalid_json", "not_an_object", "missing_text", "text_not_string", "invalid_utf8": return 400
        case "record_too_large": return 413
        default: return 500
        }
    }

    private func overloaded() -> ServiceError {
        .overloaded("all \(configuration.jobs) workers are busy and \(configuration.queue) requests are waiting; retry later",
                    retryAfter: configuration.retryAfterSeconds)
    }

    /// The whole body, refused with 413 as soon as it is known to exceed the limit.
    private func collect(_ request: Request) async throws -> [UInt8] {
        let limit = configuration.maxBodyBytes
        func tooLarge(_ size: String) -> ServiceError {
            .bodyTooLarge("the body (\(size)) exceeds the limit of \(limit) bytes (--max-body-mb); send large batches to /v1/annotate/batch")
        }
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            throw tooLarge("\(declared) bytes")
        }
        var bytes: [UInt8] = []
        for try await chunk in request.body {
            guard bytes.count + chunk.readableBytes <= limit else { throw tooLarge("more than \(limit) bytes") }
            bytes.append(contentsOf: chunk.readableBytesView)
        }
        return bytes
    }

    /// Reads records from `body` while earlier ones are annotated and written:
    /// at most `window` records are in the pipeline or waiting to be written, and
    /// lines leave in input order as soon as they are ready.
    static func stream(_ body: RequestBody, format: BatchSplitter.Format, options: RecordOptions, limit: Int, window: Int,
                       pool: WorkerPool, to writer: inout any ResponseBodyWriter) async throws {
        let slots = BatchWindow(size: window)
        let (pending, sink) = AsyncStream<Task<[UInt8], Never>>.makeStream()
        @Sendable func submit(_ record: InputRecord) async -> Bool {
            guard await slots.acquire() else { return false }
            sink.yield(Task {
                await pool.run { worker in RecordProcessor(worker: worker, options: options).process(record).line }
            })
            return true
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { sink.finish() }
                var splitter = BatchSplitter(format: format, limit: limit)
                for try await chunk in body {
                    for record in splitter.feed(chunk.readableBytesView) {
                        guard await submit(record) else { return }
                    }
                }
                if let record = splitter.finish() { _ = await submit(record) }
            }
            do {
                for await task in pending {
                    let line = await task.value
                    try await writer.write(ByteBuffer(bytes: line))
                    await slots.release()
                }
                // Ended without a write error: either every record is out, or the
                // task was cancelled, and then the reader must not wait for a place.
                await slots.close()
            } catch {
                await slots.close()
                throw error
            }
            try await group.waitForAll()
        }
        try await writer.finish(nil)
    }
}

/// A place among the annotation requests in progress, given back when released.
final class AdmissionTicket: Sendable {
    private let admission: Admission

    init?(_ admission: Admission) {
        guard admission.enter() else { return nil }
        self.admission = admission
    }

    deinit { admission.leave() }
}

/// Bounds how many records of a batch are annotated or waiting to be written.
actor BatchWindow {
    private var free: Int
    private var waiting: [CheckedContinuation<Bool, Never>] = []
    private var closed = false

    init(size: Int) { free = size }

    /// Waits for a free place; false once the window is closed (the client left).
    func acquire() async -> Bool {
        if closed { return false }
        if free > 0 {
            free -= 1
            return true
        }
        return await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume(returning: true)
        }
    }

    func close() {
        closed = true
        for continuation in waiting { continuation.resume(returning: false) }
        waiting = []
    }
}
