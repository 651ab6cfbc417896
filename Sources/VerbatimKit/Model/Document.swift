/// One article: its text and what is known about it before any analysis.
///
/// Offsets inside VerbatimKit are UTF-8 byte offsets into `utf8` (fast to scan and
/// what ICU reports); output converts them once, at the edge, to the Unicode
/// code-point offsets that Python's `text[start:end]` uses.
public struct Document: Sendable {
    /// The record's identifier as it will be printed (input id field, file path or `stdin:N`).
    public var id: String
    /// The article text.
    public let text: String
    /// The text's UTF-8 bytes, kept beside `text` so stages can index them directly.
    public let utf8: [UInt8]
    /// The publication date, used to resolve relative time expressions.
    public var date: CalendarDate?

    public init(id: String = "", text: String, date: CalendarDate? = nil) {
        self.id = id
        self.text = text
        self.utf8 = Array(text.utf8)
        self.date = date
    }

    /// The text between two UTF-8 byte offsets.
    @inlinable
    public func string(_ start: Int32, _ end: Int32) -> String {
        String(decoding: utf8[Int(start)..<Int(end)], as: UTF8.self)
    }
}
