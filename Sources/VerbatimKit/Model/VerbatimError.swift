/// Everything that can go wrong with one record or with setting up, each with a
/// stable machine-readable code (written into error lines) and a specific message.
public enum VerbatimError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The line is not valid JSON.
    case invalidJSON(String)
    /// The line is valid JSON but not an object.
    case notAnObject(found: String)
    /// The object has no text field.
    case missingTextField(String)
    /// The text field holds something other than a string.
    case textNotString(field: String, found: String)
    /// The bytes are not UTF-8; `offset` is the first bad byte within the record.
    case invalidUTF8(offset: Int)
    /// The record exceeds the configured size limit.
    case recordTooLarge(bytes: Int, limit: Int)
    /// Reading the input failed.
    case readFailed(path: String, reason: String)
    /// ICU failed (its error name).
    case icu(String)
    /// A model file is missing or malformed.
    case model(path: String, reason: String)

    /// The stable code written as `error.code`.
    public var code: String {
        switch self {
        case .invalidJSON: return "invalid_json"
        case .notAnObject: return "not_an_object"
        case .missingTextField: return "missing_text"
        case .textNotString: return "text_not_string"
        case .invalidUTF8: return "invalid_utf8"
        case .recordTooLarge: return "record_too_large"
        case .readFailed: return "read_failed"
        case .icu: return "icu_failure"
        case .model: return "model_error"
        }
    }

    public var description: String {
        switch self {
        case .invalidJSON(let detail): return "malformed JSON: \(detail)"
        case .notAnObject(let found): return "expected a JSON object, found \(found)"
        case .missingTextField(let field): return "no \"\(field)\" field (choose another with --text-field)"
        case .textNotString(let field, let found): return "field \"\(field)\" must be a string, found \(found)"
        case .invalidUTF8(let offset): return "invalid UTF-8 at byte \(offset) of the record"
        case .recordTooLarge(let bytes, let limit): return "record of \(bytes) bytes exceeds the limit of \(limit) bytes (--max-record-mb)"
        case .readFailed(let path, let reason): return "cannot read \(path): \(reason)"
        case .icu(let name): return "ICU failed: \(name)"
        case .model(let path, let reason): return "model file \(path): \(reason)"
        }
    }
}
