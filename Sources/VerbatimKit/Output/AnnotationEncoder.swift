/// Writes an annotation as the `entities`, `clusters`, `quotes` and `verbatim`
/// members of a schema-1 line, converting byte offsets to code-point offsets.
public struct AnnotationEncoder {
    /// The version of this program.
    public static let version = "0.1.0"
    /// The output schema version.
    public static let schema = 1

    let document: Document
    let explain: Bool
    private let index: CodePointIndex?

    public init(document: Document, explain: Bool, hasSpans: Bool = true) {
        self.document = document
        self.explain = explain
        // Building the index costs a pass over the text: skip it when nothing needs it.
        self.index = hasSpans ? CodePointIndex(document.utf8) : nil
    }

    static func entityID(_ i: Int) -> String { "e\(i + 1)" }
    static func clusterID(_ i: Int) -> String { "c\(i + 1)" }

    public func encode(_ annotation: Annotation, into out: inout JSONWriter) {
        out.key("entities")
        out.beginArray()
        for (i, e) in annotation.entities.enumerated() {
            out.beginObject()
            out.field("id", Self.entityID(i))
            out.field("label", e.label.rawValue)
            span(e.start, e.end, into: &out)
            if let type = e.type { out.field("type", type) }
            if let value = e.value { out.field("value", value) }
            if let c = e.cluster { out.field("cluster", Self.clusterID(c)) }
            if explain { out.field("rule", e.rule) }
            out.endObject()
        }
        out.endArray()

        out.key("clusters")
        out.beginArray()
        for (i, c) in annotation.clusters.enumerated() {
            out.beginObject()
            out.field("id", Self.clusterID(i))
            out.field("label", c.label.rawValue)
            out.field("name", c.name)
            out.key("mentions")
            out.beginArray()
            for m in c.mentions { out.string(Self.entityID(m)) }
            out.endArray()
            out.endObject()
        }
        out.endArray()

        out.key("quotes")
        out.beginArray()
        for (i, q) in annotation.quotes.enumerated() {
            out.beginObject()
            out.field("id", "q\(i + 1)")
            span(q.start, q.end, into: &out)
            out.field("kind", q.kind.rawValue)
            out.key("speaker")
            if let s = q.speaker {
                out.beginObject()
                span(s.start, s.end, into: &out)
                out.field("cluster", s.cluster.map(Self.clusterID))
                out.field("name", s.name)
                out.endObject()
            } else {
                out.null()
            }
            out.key("cue")
            if let cue = q.cue {
                out.beginObject()
                span(cue.start, cue.end, into: &out)
                out.endObject()
            } else {
                out.null()
            }
            if explain { out.field("rule", q.rule) }
            out.endObject()
        }
        out.endArray()

        out.key("verbatim")
        Self.writeVersion(into: &out)
    }

    static func writeVersion(into out: inout JSONWriter) {
        out.beginObject()
        out.field("version", version)
        out.field("schema", schema)
        out.endObject()
    }

    /// `"start"`, `"end"` (code points) and `"text"` of a byte span.
    private func span(_ start: Int32, _ end: Int32, into out: inout JSONWriter) {
        out.field("start", index?.codePoints(atByte: start) ?? Int(start))
        out.field("end", index?.codePoints(atByte: end) ?? Int(end))
        out.field("text", document.string(start, end))
    }
}
