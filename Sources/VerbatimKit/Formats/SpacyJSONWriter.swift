/// Writes each record as one line of spaCy's `Doc.to_json()` format, which
/// `Doc(nlp.vocab).from_json(obj)` loads back (spaCy 3.4 and later) and
/// displaCy renders with `manual=True`.
///
/// ```json
/// {"id":"a1","title":"a1","text":"Neil Basu said it.","ents":[{"start":0,"end":9,"label":"PERSON"}],
///  "sents":[{"start":0,"end":18}],"tokens":[{"id":0,"start":0,"end":4},…],
///  "spans":{"quotes":[…]},"quotes":[…]}
/// ```
///
/// - Offsets are code points (Python `str` indices), as spaCy's character offsets.
/// - `tokens` are Verbatim's tokens plus the whitespace tokens spaCy itself makes
///   (a single space after a token is that token's trailing whitespace; any other
///   run of whitespace is a token), so the Doc's text is the record's text exactly
///   and every entity lines up with token boundaries.
/// - `ents` use spaCy's OntoNotes labels, so displaCy colours them and they compare
///   with `en_core_web_*` models: PERSON → `PERSON`, ORG → `ORG`, PLACE → `GPE`
///   (country, region, city, state, county, province), `FAC` (facility, street,
///   building, airport, station) or `LOC` (anything else), TIME → `TIME` (TIMEX3 type
///   TIME) or `DATE` (DATE, DURATION, SET, or no type).
/// - `spans.quotes` (for `doc.spans["quotes"]`) holds the quotes with their kind as
///   label; the top-level `quotes` adds the speaker and cue (ignored by `from_json`).
public struct SpacyJSONWriter: Sendable {
    public init() {}

    static let gpeTypes: Set<String> = ["country", "region", "city", "state", "county", "province", "town", "village", "district"]
    static let facilityTypes: Set<String> = ["facility", "street", "building", "airport", "station", "road"]

    /// The OntoNotes label spaCy uses for an entity.
    public static func label(for entity: Entity) -> String {
        switch entity.label {
        case .person: return "PERSON"
        case .organization: return "ORG"
        case .place:
            guard let type = entity.type?.lowercased() else { return "LOC" }
            if gpeTypes.contains(type) { return "GPE" }
            if facilityTypes.contains(type) { return "FAC" }
            return "LOC"
        case .time:
            return entity.type == "TIME" ? "TIME" : "DATE"
        }
    }

    public func write(_ state: AnalysisState) -> [UInt8] {
        let document = state.document
        let bytes = document.utf8
        let tokens = state.segmentation.tokens
        let index = CodePointIndex(bytes)
        func cp(_ byte: Int32) -> Int { index.codePoints(atByte: byte) }

        // spaCy tokens as byte spans: Verbatim's tokens and the whitespace between them.
        var spacyTokens: [(start: Int32, end: Int32)] = []
        spacyTokens.reserveCapacity(tokens.count + 16)
        var position: Int32 = 0
        for token in tokens {
            if token.start > position { spacyTokens.append((position, token.start)) }
            spacyTokens.append((token.start, token.end))
            position = token.end
            if Int(position) < bytes.count, bytes[Int(position)] == 0x20 { position += 1 }
        }
        if Int(position) < bytes.count { spacyTokens.append((position, Int32(bytes.count))) }

        /// A byte span widened to the Verbatim tokens it touches (spaCy spans must
        /// start and end on token boundaries).
        func aligned(_ start: Int32, _ end: Int32) -> (Int32, Int32) {
            var lo = start, hi = end
            let first = tokens.partitioningIndex { $0.end > start }
            if first < tokens.count, tokens[first].start < end { lo = min(lo, tokens[first].start) }
            let last = tokens.partitioningIndex { $0.start >= end } - 1
            if last >= first, last >= 0 { hi = max(hi, tokens[last].end) }
            return (lo, hi)
        }

        var out = JSONWriter(capacity: bytes.count * 3 + 256)
        out.beginObject()
        out.field("id", document.id)
        out.field("title", document.id)
        out.field("text", document.text)
        out.key("ents")
        out.beginArray()
        var lastEnd: Int32 = -1
        for entity in state.annotation.entities {
            let (s, e) = aligned(entity.start, entity.end)
            guard s >= lastEnd else { continue }  // widening made two entities share a token
            lastEnd = e
            out.beginObject()
            out.field("start", cp(s))
            out.field("end", cp(e))
            out.field("label", Self.label(for: entity))
            out.endObject()
        }
        out.endArray()
        out.key("sents")
        out.beginArray()
        for sentence in state.segmentation.sentences where !sentence.isEmpty {
            out.beginObject()
            out.field("start", cp(tokens[sentence.lowerBound].start))
            out.field("end", cp(tokens[sentence.upperBound - 1].end))
            out.endObject()
        }
        out.endArray()
        out.key("tokens")
        out.beginArray()
        for (i, t) in spacyTokens.enumerated() {
            out.beginObject()
            out.field("id", i)
            out.field("start", cp(t.start))
            out.field("end", cp(t.end))
            out.endObject()
        }
        out.endArray()
        out.key("spans")
        out.beginObject()
        out.key("quotes")
        out.beginArray()
        for q in state.annotation.quotes {
            let (s, e) = aligned(q.start, q.end)
            out.beginObject()
            out.field("start", cp(s))
            out.field("end", cp(e))
            out.field("label", q.kind.rawValue)
            out.field("kb_id", "")
            out.endObject()
        }
        out.endArray()
        out.endObject()
        out.key("quotes")
        out.beginArray()
        for q in state.annotation.quotes {
            out.beginObject()
            out.field("start", cp(q.start))
            out.field("end", cp(q.end))
            out.field("kind", q.kind.rawValue)
            out.key("speaker")
            if let speaker = q.speaker {
                out.beginObject()
                out.field("start", cp(speaker.start))
                out.field("end", cp(speaker.end))
                out.field("name", speaker.name ?? document.string(speaker.start, speaker.end))
                out.endObject()
            } else {
                out.null()
            }
            out.key("cue")
            if let cue = q.cue {
                out.beginObject()
                out.field("start", cp(cue.start))
                out.field("end", cp(cue.end))
                out.endObject()
            } else {
                out.null()
            }
            out.endObject()
        }
        out.endArray()
        out.endObject()
        out.newline()
        return out.bytes
    }
}
