import Foundation
import VerbatimKit

/// A file under Corpora/, found from this source file's location.
func corpusPath(_ relative: String) -> String {
    URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpora").appendingPathComponent(relative).path
}

/// The shipped models' sentence-break words, loaded once.
let shippedBreakWords: SentenceBreakWords = {
    do { return try SentenceBreakWords(lexicon: shippedLexicon) } catch { fatalError("cannot load the break words: \(error)") }
}()

/// A segmenter that segments as the standard pipeline does (the shipped break words).
func shippedSegmenter() throws -> Segmenter { try Segmenter(breakWords: shippedBreakWords) }
