/// Writes quotes as CSV, one row per quote (RFC 4180: CRLF line ends, fields with
/// a comma, quotation mark or line break enclosed in `"`, inner `"` doubled).
///
/// Columns: `record_id, quote_id, speaker, speaker_mention, quote, kind, cue,
/// start, end`. `speaker` is the resolved name (the cluster's fullest name),
/// `speaker_mention` the words that name the speaker where the quote is
/// attributed; both are empty when no speaker was found. `start`/`end` are
/// code-point offsets of the quote (marks included) in the record's text, and
/// `quote_id` matches the JSONL quote ids (`q1`, `q2`, …).
///
/// Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` (or a tab or CR
/// before one) as a formula, and record ids, file names and quotes come from
/// whoever wrote the input. As OWASP recommends, such a field is written with a
/// leading `'`, which spreadsheets show as text and do not display;
/// `guardFormulas: false` (`--csv-raw`) writes every field exactly.
public struct QuoteCSVWriter: Sendable {
    public static let columns = ["record_id", "quote_id", "speaker", "speaker_mention", "quote", "kind", "cue", "start", "end"]
    public static var header: [UInt8] {
        var out: [UInt8] = []
        appendRow(columns, to: &out)
        return out
    }

    public let guardFormulas: Bool

    public init(guardFormulas: Bool = true) {
        self.guardFormulas = guardFormulas
    }

    public func write(_ state: AnalysisState) -> [UInt8] {
        let document = state.document
        let index = CodePointIndex(document.utf8)
        var out: [UInt8] = []
        for (i, q) in state.annotation.quotes.enumerated() {
            let mention = q.speaker.map { document.string($0.start, $0.end) } ?? ""
            let text = [
                document.id,
                "q\(i + 1)",
                q.speaker?.name ?? mention,
                mention,
                document.string(q.start, q.end),
                q.kind.rawValue,
                q.cue.map { document.string($0.start, $0.end) } ?? "",
            ].map { guardFormulas ? Self.neutralised($0) : $0 }
            Self.appendRow(text + [String(index.codePoints(atByte: q.start)), String(index.codePoints(atByte: q.end))], to: &out)
        }
        return out
    }

    /// A field a spreadsheet would evaluate, made inert with a leading `'`.
    public static func neutralised(_ field: String) -> String {
        guard let first = field.utf8.first else { return field }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D:
            return "'" + field
        default:
            return field
        }
    }

    /// Appends one CSV row ending in CRLF.
    public static func appendRow(_ fields: [String], to out: inout [UInt8]) {
        for (k, field) in fields.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            let bytes = field.utf8
            if bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                out.append(0x22)
                for b in bytes {
                    if b == 0x22 { out.append(0x22) }
                    out.append(b)
                }
                out.append(0x22)
            } else {
                out.append(contentsOf: bytes)
            }
        }
        out.append(0x0D)
        out.append(0x0A)
    }
}
