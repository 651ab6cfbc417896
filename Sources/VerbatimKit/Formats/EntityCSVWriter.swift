/// Writes entities as CSV for spreadsheets, one row per entity (RFC 4180 and the
/// formula guard of ``QuoteCSVWriter``).
///
/// Columns: `record_id, entity_id, label, text, type, value, start, end, cluster_id,
/// cluster_name, gender`. `entity_id` and `cluster_id` match the JSONL ids (`e1`,
/// `c1`); `start`/`end` are code-point offsets; `gender` is the cluster's (PERSON
/// clusters with evidence only: see Gender/GENDER.md); empty fields are unknown.
public struct EntityCSVWriter: Sendable {
    public static let columns = ["record_id", "entity_id", "label", "text", "type", "value", "start", "end",
                                 "cluster_id", "cluster_name", "gender"]
    public static var header: [UInt8] {
        var out: [UInt8] = []
        QuoteCSVWriter.appendRow(columns, to: &out)
        return out
    }

    public let guardFormulas: Bool

    public init(guardFormulas: Bool = true) {
        self.guardFormulas = guardFormulas
    }

    public func write(_ state: AnalysisState) -> [UInt8] {
        let document = state.document
        let annotation = state.annotation
        let index = CodePointIndex(document.utf8)
        var out: [UInt8] = []
        for (i, e) in annotation.entities.enumerated() {
            let cluster = e.cluster.flatMap { annotation.clusters.indices.contains($0) ? annotation.clusters[$0] : nil }
            let text = [document.id, document.string(e.start, e.end), e.type ?? "", e.value ?? "", cluster?.name ?? ""]
                .map { guardFormulas ? QuoteCSVWriter.neutralised($0) : $0 }
            QuoteCSVWriter.appendRow([text[0], "e\(i + 1)", e.label.rawValue, text[1], text[2], text[3],
                                      String(index.codePoints(atByte: e.start)), String(index.codePoints(atByte: e.end)),
                                      e.cluster.map { "c\($0 + 1)" } ?? "", text[4], cluster?.gender?.rawValue ?? ""], to: &out)
        }
        return out
    }
}
