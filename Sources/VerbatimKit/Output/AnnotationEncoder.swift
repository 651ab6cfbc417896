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

    // Out of line, so that profiles tell this stage apart (the tools look for it).
    @inline(never)
    public func encode(_ annotation: Annotation, into out: inout JSONWriter) {
        // Spans copy their text from the document's bytes, lent once for the whole line.
        document.utf8.withUnsafeBufferPointer { utf8 in encode(annotation, utf8, into: &out) }
    }

    // An entity, a cluster and a quote are each written in a few batches
    // (``JSONWriter/batch(room:_:)``), one capacity check for the members between
    // two strings of any length: member by member, the checks and calls cost as much
    // as the bytes (about 2,000 instructions per entity, issue 25).
    private func encode(_ annotation: Annotation, _ utf8: UnsafeBufferPointer<UInt8>, into out: inout JSONWriter) {
        out.key(ascii: "entities")
        out.beginArray()
        // By index: enumerated() went through its iterator and an (offset, element)
        // tuple per element, copied and destroyed out of line. Fields are read in
        // place: a copy of an entity, a cluster or a quote retained and released its
        // strings and arrays.
        let entities = annotation.entities
        for i in entities.indices {
            let start = entities[i].start, end = entities[i].end, label = entities[i].label
            let textWritten = out.batch(room: Self.headRoom + Self.spanRoom) { b in
                b.beginObject()
                b.field(ascii: "id", prefix: UInt8(ascii: "e"), i + 1)
                b.field(ascii: "label", ascii: Self.name(of: label))
                return spanFields(start, end, utf8, into: &b)
            }
            if !textWritten { spanText(start, end, utf8, into: &out) }
            if let type = entities[i].type { out.field(ascii: "type", type) }
            if let value = entities[i].value { out.field(ascii: "value", value) }
            let cluster = entities[i].cluster
            out.batch(room: Self.headRoom) { b in
                if let c = cluster { b.field(ascii: "cluster", prefix: UInt8(ascii: "c"), c + 1) }
                if !explain { b.endObject() }
            }
            if explain {
                out.field(ascii: "rule", entities[i].rule)
                out.endObject()
            }
            if let drain, out.count > Self.drainThreshold { drain(&out) }
        }
        out.endArray()

        out.key(ascii: "clusters")
        out.beginArray()
        let clusters = annotation.clusters
        for i in clusters.indices {
            let label = clusters[i].label
            out.batch(room: Self.headRoom) { b in
                b.beginObject()
                b.field(ascii: "id", prefix: UInt8(ascii: "c"), i + 1)
                b.field(ascii: "label", ascii: Self.name(of: label))
            }
            out.field(ascii: "name", clusters[i].name)
            let gender = clusters[i].gender, evidence = clusters[i].genderEvidence
            let genderRule = explain ? clusters[i].genderRule : nil
            let mentions = clusters[i].mentions
            out.batch(room: 2 * Self.headRoom + mentions.count * Self.idRoom) { b in
                b.key(ascii: "mentions")
                b.beginArray()
                for m in mentions { b.string(ascii: UInt8(ascii: "e"), m + 1) }
                b.endArray()
                if let gender {
                    b.field(ascii: "gender", ascii: Self.name(of: gender))
                    if let evidence { b.field(ascii: "gender_evidence", ascii: Self.name(of: evidence)) }
                }
                if gender == nil || genderRule == nil { b.endObject() }
            }
            if gender != nil, let genderRule {
                out.field(ascii: "gender_rule", genderRule)
                out.endObject()
            }
            if let drain, out.count > Self.drainThreshold { drain(&out) }
        }
        out.endArray()

        out.key(ascii: "quotes")
        out.beginArray()
        for i in annotation.quotes.indices {
            let q = annotation.quotes[i]
            let textWritten = out.batch(room: Self.headRoom + Self.spanRoom) { b in
                b.beginObject()
                b.field(ascii: "id", prefix: UInt8(ascii: "q"), i + 1)
                return spanFields(q.start, q.end, utf8, into: &b)
            }
            if !textWritten { spanText(q.start, q.end, utf8, into: &out) }
            if let s = q.speaker {
                let textWritten = out.batch(room: Self.headRoom + Self.spanRoom) { b in
                    b.field(ascii: "kind", ascii: Self.name(of: q.kind))
                    b.key(ascii: "speaker")
                    b.beginObject()
                    return spanFields(s.start, s.end, utf8, into: &b)
                }
                if !textWritten { spanText(s.start, s.end, utf8, into: &out) }
                if let c = s.cluster {
                    out.field(ascii: "cluster", prefix: UInt8(ascii: "c"), c + 1)
                } else {
                    out.key(ascii: "cluster")
                    out.null()
                }
                out.field(ascii: "name", s.name)
                out.endObject()
            } else {
                out.batch(room: Self.headRoom) { b in
                    b.field(ascii: "kind", ascii: Self.name(of: q.kind))
                    b.key(ascii: "speaker")
                    b.null()
                }
            }
            out.key(ascii: "cue")
            if let cue = q.cue {
                object(span: cue, utf8, into: &out)
            } else {
                out.null()
            }
            // Additive (schema 1): only an indirect quote that holds quoted fragments.
            if !q.fragments.isEmpty {
                out.key(ascii: "fragments")
                out.beginArray()
                for f in q.fragments { object(span: f, utf8, into: &out) }
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

    /// Room for a batch's members around a span: brackets, a key or two and short
    /// values (`{"id":"e12","label":"PERSON"`, `,"cluster":"c3"}`), with every number
    /// at its longest; the batch checks each store against it.
    static let headRoom = 96
    /// Room for ``spanFields(_:_:_:into:)``: two numbers and a short text, every byte escaped.
    static let spanRoom = 2 * (5 + 4 + JSONWriter.maxDecimalLength) + 8 + JSONWriter.quotedLength(JSONWriter.shortString)
    /// Room for one `"e12"` of a mention list.
    static let idRoom = 4 + JSONWriter.maxDecimalLength

    /// `{"start":…,"end":…,"text":…}` of a span.
    private func object(span: Span, _ utf8: UnsafeBufferPointer<UInt8>, into out: inout JSONWriter) {
        let textWritten = out.batch(room: Self.headRoom + Self.spanRoom) { b in
            b.beginObject()
            let written = spanFields(span.start, span.end, utf8, into: &b)
            if written { b.endObject() }
            return written
        }
        if !textWritten {
            spanText(span.start, span.end, utf8, into: &out)
            out.endObject()
        }
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

    /// `"start"` and `"end"` (code points) of a byte span, and its `"text"` when that
    /// is short and its bytes can be copied (see ``textBytes(_:_:_:)``); false when
    /// the text is left to ``spanText(_:_:_:into:)``.
    private func spanFields(_ start: Int32, _ end: Int32, _ utf8: UnsafeBufferPointer<UInt8>, into b: inout JSONBatch) -> Bool {
        b.field(ascii: "start", index?.codePoints(atByte: start) ?? Int(start))
        b.field(ascii: "end", index?.codePoints(atByte: end) ?? Int(end))
        guard let text = Self.textBytes(start, end, utf8), text.count <= JSONWriter.shortString else { return false }
        b.field(ascii: "text", shortUTF8: text)
        return true
    }

    /// The `"text"` of a span that ``spanFields(_:_:_:into:)`` left out.
    private func spanText(_ start: Int32, _ end: Int32, _ utf8: UnsafeBufferPointer<UInt8>, into out: inout JSONWriter) {
        if let text = Self.textBytes(start, end, utf8) {
            out.field(ascii: "text", utf8: text)
        } else {
            out.field(ascii: "text", document.string(start, end))
        }
    }

    /// A span's bytes, when it lies on scalar boundaries of valid UTF-8, where the bytes
    /// are the text: copied rather than decoded into a String. Anything else (nil)
    /// goes the String way.
    @inline(__always)
    private static func textBytes(_ start: Int32, _ end: Int32, _ utf8: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        let s = Int(start), e = Int(end)
        guard s >= 0, s <= e, e <= utf8.count, s == utf8.count || utf8[s] & 0xC0 != 0x80,
              e == utf8.count || utf8[e] & 0xC0 != 0x80 else { return nil }
        return UnsafeBufferPointer(rebasing: utf8[s..<e])
    }
}
