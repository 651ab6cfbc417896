import Foundation

/// Who is quoted in one article: its quotes by speaker cluster (PERSON or ORG),
/// the quotes nobody named is credited with, and the article's date and group
/// value. Made on a worker thread from an annotation, or from a line that
/// `verbatim annotate` wrote; ``SourceTable`` adds articles up in input order.
public struct ArticleSources: Sendable, Equatable {
    /// One quoted source in the article.
    public struct Source: Sendable, Equatable {
        public var name: String
        public var label: EntityLabel
        public var gender: Gender?
        /// Quotes by kind as written in the output ("direct", "indirect", "partial").
        public var quotes: [String: Int]

        public init(name: String, label: EntityLabel, gender: Gender? = nil, quotes: [String: Int] = [:]) {
            self.name = name
            self.label = label
            self.gender = gender
            self.quotes = quotes
        }
    }

    public var sources: [Source]
    /// Quotes with no PERSON or ORG speaker (no speaker, or a description such as
    /// "a police officer" that names nobody).
    public var unattributed: Int
    /// The publication date (YYYY-MM-DD), if known.
    public var date: String?
    /// The value of the `--group-by` field, if asked for and present.
    public var group: String?

    public init(sources: [Source] = [], unattributed: Int = 0, date: String? = nil, group: String? = nil) {
        self.sources = sources
        self.unattributed = unattributed
        self.date = date
        self.group = group
    }

    /// The quote kinds a row counts, in column order. A kind not listed here (a
    /// later stage's) still counts in the total.
    public static let kinds = ["direct", "indirect", "partial"]

    /// From an annotated record: its quotes, clusters and fields.
    public init(_ record: AnnotatedRecord, groupBy: String? = nil) {
        let annotation = record.annotation
        var bySource: [Int: Int] = [:]
        var sources: [Source] = []
        var unattributed = 0
        for quote in annotation.quotes {
            guard let c = quote.speaker?.cluster, annotation.clusters.indices.contains(c),
                  annotation.clusters[c].label == .person || annotation.clusters[c].label == .organization else {
                unattributed += 1
                continue
            }
            let cluster = annotation.clusters[c]
            let slot = bySource[c] ?? {
                sources.append(Source(name: cluster.name, label: cluster.label, gender: cluster.gender))
                bySource[c] = sources.count - 1
                return sources.count - 1
            }()
            sources[slot].quotes[quote.kind.rawValue, default: 0] += 1
        }
        self.init(sources: sources, unattributed: unattributed, date: record.document.date?.description,
                  group: groupBy.flatMap { Self.stringField($0, in: record.fields) })
    }

    /// Whether a JSON record is a line `verbatim annotate` wrote (it carries the
    /// `verbatim` version object with `clusters` and `quotes`), or an error line it wrote.
    public static func isAnnotatorOutput(_ fields: [JSONObjectReader.Field]) -> Bool {
        fields.contains { $0.key == "verbatim" && $0.kind == .object }
            && (fields.contains { $0.key == "quotes" } || fields.contains { $0.key == "error" && $0.kind == .object })
    }

    /// From a line `verbatim annotate` wrote (schema 1).
    /// - Throws: ``VerbatimError`` when its clusters or quotes are not what schema 1 says.
    public init(annotatorOutput fields: [JSONObjectReader.Field], dateField: String, groupBy: String?) throws(VerbatimError) {
        func array(_ key: String) throws(VerbatimError) -> [[String: Any]] {
            guard let field = fields.first(where: { $0.key == key }) else { return [] }
            guard field.kind == .array,
                  let value = try? JSONSerialization.jsonObject(with: Data(field.raw)) as? [Any] else {
                throw VerbatimError.invalidJSON("field \"\(key)\" of a verbatim output line is not an array as schema 1 writes it")
            }
            return value.compactMap { $0 as? [String: Any] }
        }
        let clusters = try array("clusters")
        var byID: [String: [String: Any]] = [:]
        for c in clusters { if let id = c["id"] as? String { byID[id] = c } }
        var bySource: [String: Int] = [:]
        var sources: [Source] = []
        var unattributed = 0
        for quote in try array("quotes") {
            let kind = quote["kind"] as? String ?? "direct"
            guard let speaker = quote["speaker"] as? [String: Any], let id = speaker["cluster"] as? String,
                  let cluster = byID[id], let label = (cluster["label"] as? String).flatMap(EntityLabel.init(rawValue:)),
                  label == .person || label == .organization, let name = cluster["name"] as? String else {
                unattributed += 1
                continue
            }
            let slot = bySource[id] ?? {
                sources.append(Source(name: name, label: label, gender: (cluster["gender"] as? String).flatMap(Gender.init(rawValue:))))
                bySource[id] = sources.count - 1
                return sources.count - 1
            }()
            sources[slot].quotes[kind, default: 0] += 1
        }
        let date = Self.stringField(dateField, in: fields).flatMap { $0.count >= 10 ? CalendarDate(iso: String($0.prefix(10))) : nil }
        self.init(sources: sources, unattributed: unattributed, date: date?.description,
                  group: groupBy.flatMap { Self.stringField($0, in: fields) })
    }

    /// A top-level field's value as text: a string decoded, a number or literal as written.
    public static func stringField(_ key: String, in fields: [JSONObjectReader.Field]) -> String? {
        guard let field = fields.first(where: { $0.key == key }) else { return nil }
        switch field.kind {
        case .string: return JSONObjectReader.decodeString(field.raw)
        case .number, .bool: return String(decoding: field.raw, as: UTF8.self)
        default: return nil
        }
    }
}
