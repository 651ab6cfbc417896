import Testing
@testable import VerbatimKit

/// Runs segmentation and the quote stage (without Models data) on a text.
func quotes(_ text: String) throws -> [Quote] {
    let pipeline = try Pipeline(annotators: [QuoteAnnotator(lexicon: BuiltinCueLexicon.shared, firstNames: nil)])
    return try pipeline.annotate(Document(text: text)).quotes
}

/// The text of a byte span.
func slice(_ text: String, _ start: Int32, _ end: Int32) -> String {
    Document(text: text).string(start, end)
}

/// Quote texts, in order.
func quoteTexts(_ text: String) throws -> [String] {
    try quotes(text).map { slice(text, $0.start, $0.end) }
}

/// Speaker mention texts, in order ("-" for none).
func speakerTexts(_ text: String) throws -> [String] {
    try quotes(text).map { q in q.speaker.map { slice(text, $0.start, $0.end) } ?? "-" }
}
