/// Writes what became of a record (``RecordResult``) in an output format: schema-1
/// JSON lines, or any other ``OutputFormat``. Reads nothing; one value per thread
/// or shared, it holds only the options.
public struct RecordWriter: Sendable {
    public let options: RecordOptions
    /// Keys Verbatim writes itself; input fields of the same name are replaced.
    static let reservedKeys: Set<String> = ["entities", "clusters", "quotes", "verbatim", "error"]

    public init(options: RecordOptions) {
        self.options = options
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

    /// Whether a result's line is better written piece by piece (``streamLine(_:emit:)``)
    /// than built whole: a record annotated in windows, whose line can be several
    /// times its size.
    public static func shouldStream(_ result: RecordResult) -> Bool {
        if case .annotated(let a) = result { return a.document.utf8.count > DocumentWindows.windowBytes }
        return false
    }

    /// The schema-1 line of an annotated record, the same bytes as ``jsonLine(_:)``,
    /// handed to `emit` about a megabyte at a time, so that the whole line is never
    /// in memory. Stops early when `emit` returns false.
    public func streamLine(_ a: AnnotatedRecord, emit: ([UInt8]) -> Bool) {
        var failed = false
        withoutActuallyEscaping(emit) { emit in
            _ = annotatedLine(a, capacity: AnnotationEncoder.drainThreshold + 4096) { out in
                if !failed, !emit(out.drainBytes()) { failed = true }
                if failed { _ = out.drainBytes() }
            }
        }
    }

    private func annotatedLine(_ a: AnnotatedRecord) -> [UInt8] {
        annotatedLine(a, capacity: Self.lineCapacity(a), drain: nil)
    }

    private func annotatedLine(_ a: AnnotatedRecord, capacity: Int, drain: ((inout JSONWriter) -> Void)?) -> [UInt8] {
        let document = a.state.document
        let text = document.utf8
        var out = JSONWriter(capacity: capacity)
        out.beginObject()
        out.key("id")
        if let id = a.idField { out.raw(id.raw) } else { out.string(a.record.fallbackID) }
        if a.fields.isEmpty {
            if !options.omitText { writeText(text, key: "text", into: &out, drain: drain) }
            drain?(&out)
        } else {
            // The record id is written once, first, as "id": the id field is not repeated
            // under its own name (unless it is also the text), and an input field named
            // "id" that is not the id field is replaced, like Verbatim's other keys.
            for field in a.fields where field.key != "id" && (field.key != options.idField || field.key == a.textKey)
                && !Self.reservedKeys.contains(field.key) {
                if field.key == a.textKey {
                    // Re-encoded rather than passed raw: the offsets count the decoded text.
                    if !options.omitText { writeText(text, key: field.key, into: &out, drain: drain) }
                } else {
                    out.key(field.key)
                    out.raw(field.raw)
                }
                drain?(&out)
            }
        }
        let annotation = a.state.annotation
        let hasSpans = !annotation.entities.isEmpty || !annotation.quotes.isEmpty
        var encoder = AnnotationEncoder(document: document, explain: options.explain, hasSpans: hasSpans)
        encoder.drain = drain
        encoder.encode(annotation, into: &out)
        out.endObject()
        out.newline()
        drain?(&out)
        return out.takeBytes()
    }

    /// The text field, from the document's bytes (no String copy of the text).
    private func writeText(_ text: [UInt8], key: String, into out: inout JSONWriter, drain: ((inout JSONWriter) -> Void)?) {
        out.key(key)
        text.withUnsafeBufferPointer { utf8 in
            if let drain {
                out.string(utf8: utf8, inPiecesOf: AnnotationEncoder.drainThreshold, drain: drain)
            } else {
                out.string(utf8: utf8)
            }
        }
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
}
