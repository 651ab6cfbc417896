import Foundation
import Hummingbird

#if canImport(Glibc)
import Glibc
#endif

/// The request context: Hummingbird's core plus the client's address, for the log.
struct ServiceRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let client: String

    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        client = source.channel.remoteAddress?.ipAddress ?? "-"
    }
}

/// Writes one line per request on standard error once its response has been sent
/// (for a streamed batch, once the last line is out), and turns every error into a
/// JSON error response, so that nothing a request does reaches the client as a bare
/// 500 or takes the server down:
///
///     2026-05-04T10:15:02.113Z 127.0.0.1 "POST /v1/annotate?explain" 200 2231 1.9ms
///
/// The fields: time (UTC), client address, method and target, status, response
/// body bytes, and the time from the request's head to the end of its response.
/// A response cut off by the client ends in ` aborted`.
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    let knownPaths: [String: String]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = Self.errorResponse(for: error, request: request, knownPaths: knownPaths)
        }
        let body = response.body
        let prefix = "\(context.client) \"\(request.method.rawValue) \(request.uri.string)\" \(response.status.code)"
        response.body = ResponseBody(contentLength: body.contentLength) { writer in
            let counter = ByteCounter()
            do {
                try await body.write(writer.map { buffer in
                    counter.add(buffer.readableBytes)
                    return buffer
                })
            } catch {
                AccessLog.write(prefix, bytes: counter.total, since: start, aborted: true)
                throw error
            }
            AccessLog.write(prefix, bytes: counter.total, since: start, aborted: false)
        }
        return response
    }

    static func errorResponse(for error: any Error, request: Request, knownPaths: [String: String]) -> Response {
        let failure: ServiceError
        switch error {
        case let error as ServiceError:
            failure = error
        case let error as HTTPError where error.status == .notFound:
            let target = "\(request.method.rawValue) \(request.uri.path)"
            if let allowed = knownPaths[request.uri.path] {
                failure = .methodNotAllowed("\(target) is not served: \(request.uri.path) takes \(allowed)", allowed: allowed)
            } else {
                failure = .notFound("no endpoint \(target); the endpoints are \(knownPaths.keys.sorted().joined(separator: ", "))")
            }
        case let error as HTTPError:
            failure = error.status.code == 413 ? .bodyTooLarge(error.body ?? "request body too large") :
                error.status.code < 500 ? .badRequest(error.body ?? error.status.reasonPhrase) : .internalError(error.body ?? error.status.reasonPhrase)
        default:
            failure = .internalError("\(error)")
        }
        return ServiceResponse.error(failure)
    }
}

enum ServiceResponse {
    static func json(_ bytes: [UInt8], status: HTTPResponse.Status = .ok, contentType: String = "application/json") -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func error(_ failure: ServiceError) -> Response {
        var response = json(failure.body, status: HTTPResponse.Status(code: failure.status))
        response.headers.append(contentsOf: failure.headers)
        return response
    }
}

/// Counts the bytes a response body writes (its writer may run on any thread).
final class ByteCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add(_ n: Int) { lock.lock(); count += n; lock.unlock() }
    var total: Int { lock.lock(); defer { lock.unlock() }; return count }
}

enum AccessLog {
    /// One line, in one write(2), so that lines from concurrent requests never interleave.
    static func write(_ prefix: String, bytes: Int, since start: ContinuousClock.Instant, aborted: Bool) {
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let line = "\(timestamp()) \(prefix) \(bytes) \(String(format: "%.1f", ms))ms\(aborted ? " aborted" : "")\n"
        writeStandardError(line)
    }

    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
                      Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), Int(now.tv_nsec / 1_000_000))
    }
}

/// Writes all of `text` to standard error.
func writeStandardError(_ text: String) {
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBytes { raw in
        var offset = 0
        while offset < raw.count {
            let n = Glibc.write(2, raw.baseAddress! + offset, raw.count - offset)
            if n <= 0 { if errno == EINTR { continue }; return }
            offset += n
        }
    }
}
