import Foundation
import Testing
@testable import VerbatimKit

// `shippedLexicon` (Times/TimeTestSupport.swift): the package's Models/, loaded once;
// the quote stage's tests read the vocabulary production reads.

/// The quote stage over the shipped models.
let shippedQuoteStage: QuoteAnnotator = {
    do { return try QuoteAnnotator(lexicon: shippedLexicon) } catch { fatalError("cannot build the quote stage: \(error)") }
}()

/// The quote stage listing every pair of quotation marks, speech or not (titles, scare
/// quotes, fragments inside reported speech), as the pairing, kind and sieve tests
/// look at them.
let everyQuotationStage: QuoteAnnotator = {
    var stage = shippedQuoteStage
    stage.listsEveryQuotation = true
    return stage
}()

/// Runs segmentation and the quote stage on a text: the quotes it lists (speech:
/// direct, attributed partial and indirect quotes).
func allQuotes(_ text: String) throws -> [Quote] {
    try allQuotesAnnotation(text).quotes
}

/// The annotation of the quote stage alone on a text.
func allQuotesAnnotation(_ text: String) throws -> Annotation {
    try Pipeline(annotators: [shippedQuoteStage]).annotate(Document(text: text))
}

/// Every pair of quotation marks (direct and partial, speech or not), as the pairing
/// and sieve tests look at them.
func quotes(_ text: String) throws -> [Quote] {
    let pipeline = try Pipeline(annotators: [everyQuotationStage])
    return try pipeline.annotate(Document(text: text)).quotes.filter { $0.kind != .indirect }
}

/// The text of a byte span.
func slice(_ text: String, _ start: Int32, _ end: Int32) -> String {
    Document(text: text).string(start, end)
}

/// Quote texts, in order.
func quoteTexts(_ text: String) throws -> [String] {
    try quotes(text).map { slice(text, $0.start, $0.end) }
}

/// Quote texts of direct quotes only.
func directTexts(_ text: String) throws -> [String] {
    try quotes(text).filter { $0.kind == .direct }.map { slice(text, $0.start, $0.end) }
}

/// One line per quote: `text | kind | speaker mention | name | cue` ("-" when absent).
func summary(_ text: String) throws -> [String] {
    try quotes(text).map { q in
        let speaker = q.speaker.map { slice(text, $0.start, $0.end) } ?? "-"
        let cue = q.cue.map { slice(text, $0.start, $0.end) } ?? "-"
        return "\(slice(text, q.start, q.end)) | \(q.kind.rawValue) | \(speaker) | \(q.speaker?.name ?? "-") | \(cue)"
    }
}

/// Speaker mention texts, in order ("-" for none).
func speakerTexts(_ text: String) throws -> [String] {
    try quotes(text).map { q in q.speaker.map { slice(text, $0.start, $0.end) } ?? "-" }
}

/// Speaker names, in order ("-" for none).
func speakerNames(_ text: String) throws -> [String] {
    try quotes(text).map { $0.speaker?.name ?? "-" }
}

/// The repository root (for Corpora/), found from this file's path.
func repositoryRoot() -> URL {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url
}
