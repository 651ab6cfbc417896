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
    /// Called after each entity, cluster and quote once the writer holds more than
    /// ``drainThreshold`` bytes, to pass them on (see ``RecordWriter/streamLine(_:emit:)``).
    var drain: ((inout JSONWriter) -> Void)?
    static let drainThreshold = 1 << 20

    public init(document: Document, explain: Bool, hasSpans: Bool = true) {
        self.document = document
        self.explain = explain
        // Building the index costs a pass over the text: skip it when nothing needs it.
        self.index = hasSpans ? CodePointIndex(document.utf8) : nil
    }

    static func entityID(_ i: Int) -> String { "e\(i + 1)" }
    static func clusterID(_ i: Int) -> String { "c\(i + 1)" }

    public func encode(_ annotation: Annotation, into out: inout JSONWriter) {
        out.key(ascii: "entities")
        out.beginArray()
        // By index: enumerated() went through its iterator and an (offset, element)
        // tuple per element, copied and destroyed out of line.
        for i in annotation.entities.indices {
            let e = annotation.entities[i]
            out.beginObject()
            out.field(ascii: "id", prefix: UInt8(ascii: "e"), i + 1)
            out.field(ascii: "label", ascii: Self.name(of: e.label))
            span(e.start, e.end, into: &out)
            if let type = e.type { out.field(ascii: "type", type) }
            if let value = e.value { out.field(ascii: "value", value) }
            if let c = e.cluster { out.field(ascii: "cluster", prefix: UInt8(ascii: "c"), c + 1) }
            if explain { out.field(ascii: "rule", e.rule) }
            out.endObject()
            if let drain, out.count > Self.drainThreshold { drain(&out) }
        }
        out.endArray()

        out.key(ascii: "clusters")
        out.beginArray()
        for i in annotation.clusters.indices {
            let c = annotation.clusters[i]
            out.beginObject()
            out.field(ascii: "id", prefix: UInt8(ascii: "c"), i + 1)
            out.field(ascii: "label", ascii: Self.name(of: c.label))
            out.field(ascii: "name", c.name)
            out.key(ascii: "mentions")
            out.beginArray()
            for m in c.mentions { out.string(ascii: UInt8(ascii: "e"), m + 1) }
            out.endArray()
            if let gender = c.gender {
                out.field(ascii: "gender", ascii: Self.name(of: gender))
                if let evidence = c.genderEvidence { out.field(ascii: "gender_evidence", ascii: Self.name(of: evidence)) }
                if explain, let rule = c.genderRule { out.field(ascii: "gender_rule", rule) }
            }
            out.endObject()
            if let drain, out.count > Self.drainThreshold { drain(&out) }
        }
        out.endArray()

        out.key(ascii: "quotes")
        out.beginArray()
        for i in annotation.quotes.indices {
            let q = annotation.quotes[i]
            out.beginObject()
            out.field(ascii: "id", prefix: UInt8(ascii: "q"), i + 1)
            span(q.start, q.end, into: &out)
            out.field(ascii: "kind", ascii: Self.name(of: q.kind))
            out.key(ascii: "speaker")
            if let s = q.speaker {
                out.beginObject()
                span(s.start, s.end, into: &out)
                if let c = s.cluster {
                    out.field(ascii: "cluster", prefix: UInt8(ascii: "c"), c + 1)
                } else {
                    out.key(ascii: "cluster")
                    out.null()
                }
                out.field(ascii: "name", s.name)
                out.endObject()
            } else {
                out.null()
            }
            out.key(ascii: "cue")
            if let cue = q.cue {
                out.beginObject()
                span(cue.start, cue.end, into: &out)
                out.endObject()
            } else {
                out.null()
            }
            // Additive (schema 1): only an indirect quote that holds quoted fragments.
            if !q.fragments.isEmpty {
                out.key(ascii: "fragments")
                out.beginArray()
                for f in q.fragments {
                    out.beginObject()
                    span(f.start, f.end, into: &out)
                    out.endObject()
                }
                out.endArray()
            }
            if explain { out.field(ascii: "rule", q.rule) }
            out.endObject()
            if let drain, out.count > Self.drainThreshold { drain(&out) }
        }
        out.endArray()

        out.key(ascii: "verbatim")
        Self.writeVersion(into: &out)
    }

    /// The label as written (its raw value) as a literal: a raw value is a String, which
    /// costs a copy and a scan for escapes on every entity.
    static func name(of label: EntityLabel) -> StaticString {
        switch label {
        case .person: return "PERSON"
        case .organization: return "ORG"
        case .place: return "PLACE"
        case .time: return "TIME"
        }
    }

    /// The quote kind as written (its raw value) as a literal, as for labels.
    static func name(of kind: Quote.Kind) -> StaticString {
        switch kind {
        case .direct: return "direct"
        case .partial: return "partial"
        case .indirect: return "indirect"
        }
    }

    static func name(of gender: Gender) -> StaticString {
        switch gender {
        case .female: return "female"
        case .male: return "male"
        }
    }

    static func name(of evidence: GenderEvidence) -> StaticString {
        switch evidence {
        case .title: return "title"
        case .noun: return "noun"
        case .pronoun: return "pronoun"
        case .firstName: return "first-name"
        }
    }

    static func writeVersion(into out: inout JSONWriter) {
        out.beginObject()
        out.field(ascii: "version", version)
        out.field(ascii: "schema", schema)
        out.endObject()
    }

    /// `"start"`, `"end"` (code points) and `"text"` of a byte span.
    private func span(_ start: Int32, _ end: Int32, into out: inout JSONWriter) {
        out.field(ascii: "start", index?.codePoints(atByte: start) ?? Int(start))
        out.field(ascii: "end", index?.codePoints(atByte: end) ?? Int(end))
        let utf8 = document.utf8
        let s = Int(start), e = Int(end)
        // Spans lie on scalar boundaries of valid UTF-8, where the bytes are the text:
        // copy them rather than decode a String; anything else goes the String way.
        if s >= 0, s <= e, e <= utf8.count, s == utf8.count || utf8[s] & 0xC0 != 0x80,
           e == utf8.count || utf8[e] & 0xC0 != 0x80 {
            utf8.withUnsafeBufferPointer { out.field(ascii: "text", utf8: UnsafeBufferPointer(rebasing: $0[s..<e])) }
        } else {
            out.field(ascii: "text", document.string(start, end))
        }
    }
}
