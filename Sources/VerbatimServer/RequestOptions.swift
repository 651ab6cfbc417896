import VerbatimKit

/// The per-request options: the query parameters, named like `verbatim annotate`'s
/// options (`?text-field=body&id-field=guid&date-field=published&date=2018-08-14&title-field=headline&date-order=dmy&no-text&explain`).
enum RequestOptions {
    static let names = ["text-field", "id-field", "date-field", "date", "title-field", "date-order", "no-text", "explain"]

    /// The record options a query asks for; an unknown parameter or a bad value is a
    /// client error, so that a misspelt option never silently does nothing.
    static func parse(_ parameters: [(key: Substring, value: Substring)], limit: Int) throws(ServiceError) -> RecordOptions {
        var options = RecordOptions()
        options.maxRecordBytes = limit
        for (key, value) in parameters {
            switch key {
            case "text-field": options.textField = try fieldName(key, value)
            case "id-field": options.idField = try fieldName(key, value)
            case "date-field": options.dateField = try fieldName(key, value)
            case "title-field": options.titleField = try fieldName(key, value)
            case "date":
                guard value.utf8.count == 10, let date = CalendarDate(iso: String(value)) else {
                    throw .badRequest("query parameter \"date\" needs a date YYYY-MM-DD")
                }
                options.defaultDate = date
            case "date-order":
                guard let order = DateOrder(rawValue: String(value)) else {
                    throw .badRequest("query parameter \"date-order\" is mdy or dmy")
                }
                options.dateOrder = order
            case "no-text": options.omitText = try flag(key, value)
            case "explain": options.explain = try flag(key, value)
            default:
                throw .badRequest("unknown query parameter \"\(key)\" (known: \(names.joined(separator: ", ")))")
            }
        }
        return options
    }

    private static func fieldName(_ key: Substring, _ value: Substring) throws(ServiceError) -> String {
        guard !value.isEmpty else { throw .badRequest("query parameter \"\(key)\" needs a field name") }
        return String(value)
    }

    private static func flag(_ key: Substring, _ value: Substring) throws(ServiceError) -> Bool {
        switch value {
        case "", "1", "true", "yes": return true
        case "0", "false", "no": return false
        default: throw .badRequest("query parameter \"\(key)\" takes no value, or true or false; found \"\(value)\"")
        }
    }
}

/// What a request body holds, from its Content-Type.
enum BodyKind: Equatable {
    /// One JSON record (`application/json`).
    case jsonRecord
    /// One article as plain text (`text/plain`).
    case text
    /// JSON Lines, one record per line.
    case jsonLines
    /// Plain text, one article per line.
    case textLines

    static let singleTypes = "application/json (a record) or text/plain (an article)"
    static let batchTypes = "application/x-ndjson or application/jsonl (JSON Lines) or text/plain (an article per line)"

    /// The kind of a `/v1/annotate` body.
    static func single(contentType: String?) throws(ServiceError) -> BodyKind {
        switch try mediaType(contentType, expected: singleTypes) {
        case "application/json": return .jsonRecord
        case "text/plain": return .text
        case let other: throw .unsupportedMediaType("\(other) is not accepted here: send \(singleTypes)")
        }
    }

    /// The kind of a `/v1/annotate/batch` body.
    static func batch(contentType: String?) throws(ServiceError) -> BodyKind {
        switch try mediaType(contentType, expected: batchTypes) {
        case "application/x-ndjson", "application/jsonl", "application/json-lines", "application/x-jsonlines",
             "application/json":
            return .jsonLines
        case "text/plain": return .textLines
        case let other: throw .unsupportedMediaType("\(other) is not accepted here: send \(batchTypes)")
        }
    }

    /// The media type in lower case, without parameters; a charset other than
    /// UTF-8 is refused (the text must be UTF-8, as for `annotate`).
    static func mediaType(_ header: String?, expected: String) throws(ServiceError) -> String {
        guard let header, !header.allSatisfy(\.isWhitespace) else {
            throw .unsupportedMediaType("no Content-Type: send \(expected)")
        }
        let parts = header.split(separator: ";", omittingEmptySubsequences: false)
        let type = parts[0].trimmingSpaces.lowercased()
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingSpaces.lowercased() == "charset" else { continue }
            let charset = pair[1].trimmingSpaces.lowercased().replacingQuotes
            if charset != "utf-8" && charset != "utf8" && charset != "us-ascii" {
                throw .unsupportedMediaType("charset \(charset) is not accepted: the body must be UTF-8")
            }
        }
        return type
    }
}

private extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return s
    }
}

private extension String {
    var replacingQuotes: String {
        count >= 2 && hasPrefix("\"") && hasSuffix("\"") ? String(dropFirst().dropLast()) : self
    }
}
