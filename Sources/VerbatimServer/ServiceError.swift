import Hummingbird
import VerbatimKit

/// A request the service refuses, with its HTTP status and the error body, which
/// has the shape of an error line of output schema 1 (`{"error":{"code","message"},
/// "verbatim":{...}}`) so that clients handle both alike.
enum ServiceError: Error, Equatable {
    case badRequest(String)
    case notFound(String)
    case methodNotAllowed(String, allowed: String)
    case bodyTooLarge(String)
    case unsupportedMediaType(String)
    case overloaded(String, retryAfter: Int)
    case internalError(String)

    var status: Int {
        switch self {
        case .badRequest: return 400
        case .notFound: return 404
        case .methodNotAllowed: return 405
        case .bodyTooLarge: return 413
        case .unsupportedMediaType: return 415
        case .internalError: return 500
        case .overloaded: return 503
        }
    }

    var code: String {
        switch self {
        case .badRequest: return "bad_request"
        case .notFound: return "not_found"
        case .methodNotAllowed: return "method_not_allowed"
        case .bodyTooLarge: return "body_too_large"
        case .unsupportedMediaType: return "unsupported_media_type"
        case .overloaded: return "overloaded"
        case .internalError: return "internal_error"
        }
    }

    var message: String {
        switch self {
        case .badRequest(let m), .notFound(let m), .methodNotAllowed(let m, _), .bodyTooLarge(let m),
             .unsupportedMediaType(let m), .overloaded(let m, _), .internalError(let m):
            return m
        }
    }

    /// Extra headers: Retry-After for 503, Allow for 405.
    var headers: HTTPFields {
        switch self {
        case .overloaded(_, let seconds): return [.retryAfter: String(seconds)]
        case .methodNotAllowed(_, let allowed): return [.allow: allowed]
        default: return [:]
        }
    }

    /// The JSON body, one line.
    var body: [UInt8] {
        var out = JSONWriter(capacity: 256)
        out.beginObject()
        out.key("error")
        out.beginObject()
        out.field("code", code)
        out.field("message", message)
        out.endObject()
        ServiceJSON.writeVersion(into: &out)
        out.endObject()
        out.newline()
        return out.takeBytes()
    }
}

enum ServiceJSON {
    /// `"verbatim":{"version","schema"}`, as every output line ends.
    static func writeVersion(into out: inout JSONWriter) {
        out.key("verbatim")
        out.beginObject()
        out.field("version", AnnotationEncoder.version)
        out.field("schema", AnnotationEncoder.schema)
        out.endObject()
    }
}
