/// Turns one input record into exactly one output line: annotated, or an error
/// line that keeps the record's id and location. Never throws; one per thread.
public final class RecordProcessor {
    public let worker: Pipeline.Worker
    public let options: RecordOptions
    /// Keys Verbatim writes itself; input fields of the same name are replaced.
    static let reservedKeys: Set<String> = ["entities", "clusters", "quotes", "verbatim", "error"]

    public init(worker: Pipeline.Worker, options: RecordOptions) {
        self.worker = worker
        self.options = options
    }

    /// The output line (with its final newline) and whether the record succeeded.
    public func process(_ record: InputRecord) -> (line: [UInt8], ok: Bool) {
        let result = analyze(record)
        return (jsonLine(result), result.isSuccess)
    }

    /// Reads, validates and annotates one record, without writing anything: the
    /// common first half of every output format.
    public func analyze(_ record: InputRecord) -> RecordResult {
        switch record.payload {
        case .failed(let error):
            return failure(record, id: nil, error)
        case .text(let bytes):
            if let bad = UTF8Validation.firstInvalidByte(bytes) {
                return failure(record, id: nil, .invalidUTF8(offset: bad))
            }
            let text = Self.stripByteOrderMark(String(decoding: bytes, as: UTF8.self))
            return annotate(record, fields: [], id: nil, text: text, textKey: "text", date: nil)
        case .json(let bytes):
            if let bad = UTF8Validation.firstInvalidByte(bytes) {
                return failure(record, id: nil, .invalidUTF8(offset: bad))
            }
            let fields: [JSONObjectReader.Field]
            do {
                fields = try JSONObjectReader.fields(of: Self.dropByteOrderMark(bytes))
            } catch {
                return failure(record, id: nil, error)
            }
            let id = fields.first { $0.key == options.idField }
            guard let textField = fields.first(where: { $0.key == options.textField }) else {
                return failure(record, id: id, .missingTextField(options.textField))
            }
            guard textField.kind == .string else {
                return failure(record, id: id, .textNotString(field: options.textField, found: textField.kind.rawValue))
            }
            let text = JSONObjectReader.decodeString(textField.raw)
            var date: CalendarDate?
            if let dateField = fields.first(where: { $0.key == options.dateField }), dateField.kind == .string {
                date = CalendarDate(iso: JSONObjectReader.decodeString(dateField.raw))
            }
            var region: String?
            if let localeField = fields.first(where: { $0.key == options.localeField }), localeField.kind == .string {
                region = DateOrder.region(ofLocale: JSONObjectReader.decodeString(localeField.raw))
            }
            return annotate(record, fields: fields, id: id, text: text, textKey: options.textField, date: date, region: region)
        }
    }

    private func annotate(_ record: InputRecord, fields: [JSONObjectReader.Field], id: JSONObjectReader.Field?,
                          text: String, textKey: String, date: CalendarDate?, region: String? = nil) -> RecordResult {
        var document = Document(id: Self.printableID(id) ?? record.fallbackID, text: text, date: date)
        document.region = region
        document.dateOrder = region.map(DateOrder.init(region:)) ?? options.dateOrder
        let state: AnalysisState
        do {
            state = try worker.analyze(document)
        } catch {
            return failure(record, id: id, error)
        }
        return .annotated(AnnotatedRecord(record: record, fields: fields, idField: id, textKey: textKey, state: state))
    }

    private func failure(_ record: InputRecord, id: JSONObjectReader.Field?, _ error: VerbatimError) -> RecordResult {
        .failed(FailedRecord(record: record, idField: id, id: Self.printableID(id) ?? record.fallbackID, error: error))
    }

    /// The id as text: a string id decoded, any other JSON value as written.
    static func printableID(_ id: JSONObjectReader.Field?) -> String? {
        id.map { $0.kind == .string ? JSONObjectReader.decodeString($0.raw) : String(decoding: $0.raw, as: UTF8.self) }
    }

    /// The schema-1 JSON line of a result, with its final newline.
    public func jsonLine(_ result: RecordResult) -> [UInt8] {
        switch result {
        case .failed(let failed):
            return errorLine(failed.record, id: failed.idField, failed.error)
        case .annotated(let annotated):
            return annotatedLine(annotated)
        }
    }

    private func annotatedLine(_ a: AnnotatedRecord) -> [UInt8] {
        let document = a.state.document
        let text = document.text
        var out = JSONWriter(capacity: Self.lineCapacity(a))
        out.beginObject()
        out.key("id")
        if let id = a.idField { out.raw(id.raw) } else { out.string(a.record.fallbackID) }
        if a.fields.isEmpty {
            if !options.omitText { out.field("text", text) }
        } else {
            for field in a.fields where field.key != options.idField && !Self.reservedKeys.contains(field.key) {
                if field.key == a.textKey {
                    // Re-encoded rather than passed raw: the offsets count the decoded text.
                    if !options.omitText { out.field(field.key, text) }
                } else {
                    out.key(field.key)
                    out.raw(field.raw)
                }
            }
        }
        let annotation = a.state.annotation
        let hasSpans = !annotation.entities.isEmpty || !annotation.quotes.isEmpty
        AnnotationEncoder(document: document, explain: options.explain, hasSpans: hasSpans).encode(annotation, into: &out)
        out.endObject()
        out.newline()
        return out.takeBytes()
    }

    /// Room for an annotated line, so that the writer seldom has to grow (each growth
    /// zero-fills and copies the buffer): the input fields as written (the text alone
    /// for plain text), and per entity, quote and cluster a little more than they take
    /// on average (about 100, 240 and 70 bytes on the regression corpus, where this
    /// comes to 1.26 times the line).
    static func lineCapacity(_ a: AnnotatedRecord) -> Int {
        var input = 0
        for field in a.fields { input += field.key.utf8.count + field.raw.count + 4 }
        if a.fields.isEmpty { input = a.state.document.utf8.count }
        let annotation = a.state.annotation
        return input + 128 * annotation.entities.count + 256 * annotation.quotes.count
            + 64 * annotation.clusters.count + 512
    }

    private func errorLine(_ record: InputRecord, id: JSONObjectReader.Field?, _ error: VerbatimError) -> [UInt8] {
        var out = JSONWriter()
        out.beginObject()
        out.key("id")
        if let id { out.raw(id.raw) } else { out.string(record.fallbackID) }
        out.key("error")
        out.beginObject()
        out.field("code", error.code)
        out.field("message", error.description)
        out.endObject()
        if let path = record.path { out.field("path", path) }
        if let line = record.line { out.field("line", line) }
        if let offset = record.offset { out.field("offset", offset) }
        out.key("verbatim")
        AnnotationEncoder.writeVersion(into: &out)
        out.endObject()
        out.newline()
        return out.takeBytes()
    }

    /// A UTF-8 byte-order mark is an encoding signature, not text.
    static func stripByteOrderMark(_ text: String) -> String {
        text.hasPrefix("\u{FEFF}") ? String(text.unicodeScalars.dropFirst()) : text
    }

    static func dropByteOrderMark(_ bytes: [UInt8]) -> [UInt8] {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    }
}
