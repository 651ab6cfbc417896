/// What became of one input record: annotated, or failed with an error. Every
/// output format starts from this; JSONL writes both kinds as lines, the other
/// formats decide per kind (see ``OutputFormat``).
public enum RecordResult: Sendable {
    case annotated(AnnotatedRecord)
    case failed(FailedRecord)

    public var isSuccess: Bool {
        if case .annotated = self { return true }
        return false
    }

    /// The record id as printed (the id field, the file path or `stdin:N`).
    public var id: String {
        switch self {
        case .annotated(let a): return a.state.document.id
        case .failed(let f): return f.id
        }
    }
}

/// A record that went through the pipeline.
public struct AnnotatedRecord: Sendable {
    public var record: InputRecord
    /// The JSONL record's fields in input order (empty for plain-text articles).
    public var fields: [JSONObjectReader.Field]
    /// The id field as read, if the record had one.
    public var idField: JSONObjectReader.Field?
    /// The key the text was read from.
    public var textKey: String
    /// The document, its segmentation and its annotation.
    public var state: AnalysisState

    public var document: Document { state.document }
    public var annotation: Annotation { state.annotation }

    public init(record: InputRecord, fields: [JSONObjectReader.Field] = [], idField: JSONObjectReader.Field? = nil,
                textKey: String = "text", state: AnalysisState) {
        self.record = record
        self.fields = fields
        self.idField = idField
        self.textKey = textKey
        self.state = state
    }
}

/// A record that could not be processed.
public struct FailedRecord: Sendable {
    public var record: InputRecord
    public var idField: JSONObjectReader.Field?
    /// The id as printed.
    public var id: String
    public var error: VerbatimError

    public init(record: InputRecord, idField: JSONObjectReader.Field? = nil, id: String, error: VerbatimError) {
        self.record = record
        self.idField = idField
        self.id = id
        self.error = error
    }
}
