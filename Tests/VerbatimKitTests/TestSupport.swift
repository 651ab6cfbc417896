import Foundation

/// A file under Corpora/, found from this source file's location.
func corpusPath(_ relative: String) -> String {
    URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpora").appendingPathComponent(relative).path
}
