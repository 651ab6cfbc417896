import Foundation
import Testing
@testable import VerbatimKit

/// One shared pipeline over the package's Models/ (loading is cheap, but once is enough).
let sharedPipeline: Pipeline = {
    do { return try Pipeline() } catch { fatalError("cannot load the models: \(error)") }
}()

/// The package root, found from this file's path.
let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A found mention as (text, label, cluster name, rule).
struct Found: Equatable, CustomStringConvertible {
    var text: String
    var label: EntityLabel
    var cluster: String?
    var type: String?
    var rule: String
    var description: String { "\(label.rawValue) \"\(text)\" [\(cluster ?? "-")] (\(rule))" }
}

/// Annotates `text` and lists the entities with their cluster names.
func entities(_ text: String) throws -> [Found] {
    let document = Document(text: text)
    let annotation = try sharedPipeline.annotate(document)
    return annotation.entities.map { e in
        Found(text: document.string(e.start, e.end), label: e.label, cluster: e.cluster.map { annotation.clusters[$0].name },
              type: e.type, rule: e.rule)
    }
}

/// The mention with this text (the first one), if any.
func mention(_ found: [Found], _ text: String) -> Found? { found.first { $0.text == text } }

/// Writes text to a fresh temporary file and returns its path.
enum FileManagerTemp {
    static func write(_ text: String) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("verbatim-user-\(UUID().uuidString).tsv").path
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
