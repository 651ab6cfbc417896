/// One article: its text and what is known about it before any analysis.
///
/// Offsets inside VerbatimKit are UTF-8 byte offsets into `utf8` (fast to scan and
/// what ICU reports); output converts them once, at the edge, to the Unicode
/// code-point offsets that Python's `text[start:end]` uses.
public struct Document: Sendable {
    /// The record's identifier as it will be printed (input id field, file path or `stdin:N`).
    public var id: String
    /// The article text's UTF-8 bytes: what stages index, and the only copy of the
    /// text a document holds (a record of 100 MB would otherwise hold it twice).
    public let utf8: [UInt8]
    /// The article text, made from ``utf8`` on each call (a few writers read it once).
    public var text: String { String(decoding: utf8, as: UTF8.self) }
    /// The publication date, used to resolve relative time expressions.
    public var date: CalendarDate?
    /// The country the text was written for (ISO 3166 code from the record's locale,
    /// "EN_GB" → "GB"): whose holiday dates apply. Nil: the United States' where they differ.
    public var region: String?
    /// How numeric dates order day and month ("3/2": 3 February or 2 March); nil:
    /// month first, unless the first number cannot be a month.
    public var dateOrder: DateOrder?

    public init(id: String = "", text: String, date: CalendarDate? = nil) {
        self.id = id
        self.utf8 = Array(text.utf8)
        self.date = date
    }

    /// A document over bytes that are valid UTF-8 (decoded and checked by the
    /// caller): the text is never a String on its way in.
    init(id: String = "", validUTF8 utf8: [UInt8], date: CalendarDate? = nil) {
        self.id = id
        self.utf8 = utf8
        self.date = date
    }

    /// The text between two UTF-8 byte offsets.
    @inlinable
    public func string(_ start: Int32, _ end: Int32) -> String {
        String(decoding: utf8[Int(start)..<Int(end)], as: UTF8.self)
    }
}

/// The order of day and month in a numeric date.
public enum DateOrder: String, Sendable, CaseIterable {
    /// 2/15, 10/31/1974 (the United States, Canada, the Philippines).
    case monthFirst = "mdy"
    /// 15/2, 31/10/1974 (most other English-speaking countries).
    case dayFirst = "dmy"

    /// The regions that write the month first.
    static let monthFirstRegions: Set<String> = ["US", "CA", "PH", "AS", "GU", "MP", "PR", "UM", "VI", "FM", "MH", "PW"]

    /// The order a region writes.
    public init(region: String) {
        self = Self.monthFirstRegions.contains(region) ? .monthFirst : .dayFirst
    }

    /// The region of a locale name ("EN_GB", "en-US", "en_IN.UTF-8" → "GB", "US", "IN"), or nil.
    public static func region(ofLocale locale: String) -> String? {
        let parts = locale.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == "." })
        guard parts.count >= 2, parts[1].count == 2, parts[1].allSatisfy({ $0.isLetter && $0.isASCII }) else { return nil }
        return parts[1].uppercased()
    }
}
