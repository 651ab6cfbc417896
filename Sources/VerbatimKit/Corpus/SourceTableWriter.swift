/// Writes a ``SourceTable`` as CSV (RFC 4180, with the quote CSV's guard against
/// spreadsheet formulas) or JSON Lines.
///
/// CSV columns: `name, label, gender, quotes, direct, indirect, partial, articles,
/// first_date, last_date`, then one `FIELD=VALUE` column per value of the
/// group-by field (quotes per value), sorted by value.
public struct SourceTableWriter: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case csv, jsonl
    }

    public let format: Format
    public let guardFormulas: Bool
    /// The group-by field's name, if any.
    public let groupBy: String?

    public init(format: Format, guardFormulas: Bool = true, groupBy: String? = nil) {
        self.format = format
        self.guardFormulas = guardFormulas
        self.groupBy = groupBy
    }

    public static let columns = ["name", "label", "gender", "quotes"] + ArticleSources.kinds + ["articles", "first_date", "last_date"]

    /// The rows of the table.
    public func rows(_ table: SourceTable) -> [UInt8] {
        let groups = table.groupValues.sorted()
        var out: [UInt8] = []
        switch format {
        case .csv:
            let header = Self.columns + groups.map { "\(groupBy ?? "group")=\($0)" }
            QuoteCSVWriter.appendRow(header.map(field), to: &out)
            for row in table.sortedRows() {
                var fields = [field(row.name), row.label.rawValue, row.gender?.rawValue ?? "", String(row.totalQuotes)]
                fields += ArticleSources.kinds.map { String(row.quotes[$0] ?? 0) }
                fields += [String(row.articles), row.firstDate ?? "", row.lastDate ?? ""]
                fields += groups.map { String(row.groups[$0] ?? 0) }
                QuoteCSVWriter.appendRow(fields, to: &out)
            }
        case .jsonl:
            for row in table.sortedRows() {
                var w = JSONWriter()
                w.beginObject()
                w.field(ascii: "name", row.name)
                w.field(ascii: "label", row.label.rawValue)
                w.key(ascii: "gender")
                if let g = row.gender { w.string(g.rawValue) } else { w.null() }
                w.field(ascii: "quotes", row.totalQuotes)
                for kind in ArticleSources.kinds { w.key(kind); w.int(row.quotes[kind] ?? 0) }
                w.field(ascii: "articles", row.articles)
                w.field(ascii: "first_date", row.firstDate)
                w.field(ascii: "last_date", row.lastDate)
                if groupBy != nil {
                    w.key(ascii: "groups")
                    w.beginObject()
                    for g in groups where row.groups[g] != nil { w.key(g); w.int(row.groups[g]!) }
                    w.endObject()
                }
                w.endObject()
                out += w.takeBytes()
                out.append(0x0A)
            }
        }
        return out
    }

    /// The share of quotes by gender of their source, and the unattributed quotes.
    public func summary(_ table: SourceTable) -> [UInt8] {
        let s = table.summary
        var out: [UInt8] = []
        switch format {
        case .csv:
            QuoteCSVWriter.appendRow(["sources", "quotes", "share"], to: &out)
            for (name, n) in s.lines { QuoteCSVWriter.appendRow([name, String(n), s.share(n)], to: &out) }
            QuoteCSVWriter.appendRow(["total", String(s.total), s.total > 0 ? "100.0" : "0.0"], to: &out)
        case .jsonl:
            var w = JSONWriter()
            w.beginObject()
            w.field(ascii: "articles", table.articles)
            w.field(ascii: "sources", table.count)
            w.field(ascii: "quotes", s.total)
            w.key(ascii: "by_source")
            w.beginObject()
            for (name, n) in s.lines {
                w.key(name)
                w.beginObject()
                w.field(ascii: "quotes", n)
                w.key(ascii: "share")
                w.raw(Array(s.share(n).utf8))
                w.endObject()
            }
            w.endObject()
            w.endObject()
            out += w.takeBytes()
            out.append(0x0A)
        }
        return out
    }

    private func field(_ text: String) -> String { guardFormulas ? QuoteCSVWriter.neutralised(text) : text }
}
