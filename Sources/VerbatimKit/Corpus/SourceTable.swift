/// The sources of a corpus: one row per source (a PERSON or ORG speaker cluster),
/// merged across articles by label and normalised full name. Memory grows with
/// the number of distinct sources (and group values), never with the number of
/// articles: each article is added and forgotten.
public struct SourceTable: Sendable {
    /// One source across the corpus.
    public struct Row: Sendable, Equatable {
        /// The name as first seen.
        public var name: String
        public var label: EntityLabel
        /// Articles that gave the source each gender; the row's gender is the one
        /// gender seen, none when articles disagree or none says.
        public var femaleArticles = 0
        public var maleArticles = 0
        /// Quotes by kind ("direct", "indirect", "partial", or a later kind).
        public var quotes: [String: Int] = [:]
        public var articles = 0
        public var firstDate: String?
        public var lastDate: String?
        /// Quotes per value of the group-by field.
        public var groups: [String: Int] = [:]

        public var gender: Gender? {
            switch (femaleArticles > 0, maleArticles > 0) {
            case (true, false): return .female
            case (false, true): return .male
            default: return nil
            }
        }

        public var totalQuotes: Int { quotes.values.reduce(0, +) }
    }

    struct Key: Hashable {
        var label: EntityLabel
        var name: String
    }

    private var rows: [Key: Row] = [:]
    /// Articles added.
    public private(set) var articles = 0
    /// Quotes with no PERSON or ORG speaker.
    public private(set) var unattributed = 0
    /// Values of the group-by field seen.
    public private(set) var groupValues: Set<String> = []

    public init() {}

    /// The number of distinct sources.
    public var count: Int { rows.count }

    /// Adds one article.
    public mutating func add(_ article: ArticleSources) {
        articles += 1
        unattributed += article.unattributed
        if let group = article.group { groupValues.insert(group) }
        var seen: Set<Key> = []
        for source in article.sources {
            let key = Key(label: source.label, name: Self.normalised(source.name))
            var row = rows[key] ?? Row(name: source.name, label: source.label)
            if seen.insert(key).inserted {
                row.articles += 1
                if let date = article.date {
                    if row.firstDate.map({ date < $0 }) ?? true { row.firstDate = date }
                    if row.lastDate.map({ date > $0 }) ?? true { row.lastDate = date }
                }
                switch source.gender {
                case .female: row.femaleArticles += 1
                case .male: row.maleArticles += 1
                case nil: break
                }
            }
            for (kind, n) in source.quotes {
                row.quotes[kind, default: 0] += n
                if let group = article.group { row.groups[group, default: 0] += n }
            }
            rows[key] = row
        }
    }

    /// The rows, most quoted first, then by normalised name and label: the same
    /// order for any input order of equal counts and any number of threads.
    public func sortedRows() -> [Row] {
        rows.sorted { a, b in
            let qa = a.value.totalQuotes, qb = b.value.totalQuotes
            if qa != qb { return qa > qb }
            if a.key.name != b.key.name { return a.key.name < b.key.name }
            return a.key.label.rawValue < b.key.label.rawValue
        }.map(\.value)
    }

    /// A name folded (case, accents, apostrophes, dashes) with everything but letters
    /// and digits turned into single spaces: "Jane O’Neil-Smith" and "jane o'neil smith"
    /// are one source.
    public static func normalised(_ name: String) -> String {
        var out = ""
        var space = true
        for ch in Fold.fold(name) {
            if ch.isLetter || ch.isNumber {
                out.append(ch)
                space = false
            } else if ch == "'" {
                continue
            } else if !space {
                out.append(" ")
                space = true
            }
        }
        if out.hasSuffix(" ") { out.removeLast() }
        return out
    }

    // MARK: - Summary

    /// Quotes by the gender of their source: female, male and unknown PERSON
    /// sources, organisations, and unattributed quotes.
    public struct Summary: Sendable, Equatable {
        public var female = 0
        public var male = 0
        public var unknown = 0
        public var organisation = 0
        public var unattributed = 0
        public var total: Int { female + male + unknown + organisation + unattributed }

        /// (category, quotes) in print order.
        public var lines: [(String, Int)] {
            [("female", female), ("male", male), ("unknown", unknown), ("organisation", organisation), ("unattributed", unattributed)]
        }

        /// `part` as a percentage of all quotes, one decimal.
        public func share(_ part: Int) -> String {
            guard total > 0 else { return "0.0" }
            let tenths = (part * 1000 + total / 2) / total
            return "\(tenths / 10).\(tenths % 10)"
        }
    }

    public var summary: Summary {
        var s = Summary()
        s.unattributed = unattributed
        for row in rows.values {
            let n = row.totalQuotes
            if row.label == .organization { s.organisation += n; continue }
            switch row.gender {
            case .female: s.female += n
            case .male: s.male += n
            case nil: s.unknown += n
            }
        }
        return s
    }
}
