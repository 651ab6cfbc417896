/// One input record as read, before it is parsed: the unit that yields exactly
/// one output line.
public struct InputRecord: Sendable {
    public enum Payload: Sendable {
        /// A JSONL line (raw bytes, not yet validated).
        case json([UInt8])
        /// A whole plain-text article (raw bytes, not yet validated).
        case text([UInt8])
        /// The record could not even be read; it still yields an error line.
        case failed(VerbatimError)
    }

    public var payload: Payload
    /// The id used when the record has none of its own: the file path relative to
    /// the argument, `PATH:LINE` for JSONL, `stdin:N` for standard input.
    public var fallbackID: String
    /// Where the record came from, for error lines.
    public var path: String?
    public var line: Int?
    /// Byte offset of the record's first byte in its file or stream.
    public var offset: Int?
    /// The record's size in bytes, for progress figures.
    public var byteCount: Int

    public init(payload: Payload, fallbackID: String, path: String? = nil, line: Int? = nil, offset: Int? = nil, byteCount: Int = 0) {
        self.payload = payload
        self.fallbackID = fallbackID
        self.path = path
        self.line = line
        self.offset = offset
        self.byteCount = byteCount
    }
}

/// How records are read and written.
public struct RecordOptions: Sendable {
    /// JSONL field holding the article text.
    public var textField = "text"
    /// JSONL field holding the record id.
    public var idField = "id"
    /// JSONL field holding the publication date (ISO 8601).
    public var dateField = "date"
    /// The publication date of records that give none (plain text, folders, JSON
    /// records without a usable date field); nil leaves relative times to a dateline.
    public var defaultDate: CalendarDate?
    /// JSON field holding a headline, annotated with the body: the document text
    /// (and the output's text field) is the headline, a blank line, then the body.
    public var titleField: String?
    /// JSONL field holding the record's locale ("EN_GB", "en-US"): its region picks the
    /// holiday dates and the order of numeric dates.
    public var localeField = "locale"
    /// The order of numeric dates in records whose locale does not say.
    public var dateOrder: DateOrder = .monthFirst
    /// Leave the text field out of the output.
    public var omitText = false
    /// Print the rule behind every entity and quote.
    public var explain = false
    /// Records larger than this become `record_too_large` errors.
    public var maxRecordBytes = 256 << 20
    /// Keep the whole token list of a document annotated in windows (see
    /// ``DocumentWindows``): the CoNLL, spaCy and HTML writers need it.
    public var keepsSegmentation = true
    /// CSV output: prefix fields that a spreadsheet would run as a formula with `'`
    /// (see ``QuoteCSVWriter``). Off only for machine readers.
    public var guardCSVFormulas = true

    public init() {}
}
