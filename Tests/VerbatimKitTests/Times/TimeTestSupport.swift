import Foundation
import VerbatimKit

/// The shipped Models/, loaded once: the time tests use the production vocabulary.
let shippedLexicon: Lexicon = {
    do { return try Lexicon(directory: packageRoot.appendingPathComponent("Models").path) } catch { fatalError("cannot load the models: \(error)") }
}()

/// The reference date of the time corpus: Tuesday 14 August 2018 (ISO week 33).
let timeReference = CalendarDate(year: 2018, month: 8, day: 14)!

/// One expected time expression: its text, TIMEX3 type and value (nil: no value).
struct ExpectedTime: Sendable, CustomStringConvertible {
    var text: String
    var type: String
    var value: String?
    var description: String { "\(text) \(type) \(value ?? "nil")" }
}

/// Text with each expected span marked ⟦like this⟧, and the type and value of each
/// marked span in order.
struct TimeCase: Sendable, CustomStringConvertible {
    var marked: String
    var expected: [(type: String, value: String?)]
    var date: CalendarDate? = timeReference

    init(_ marked: String, _ expected: [(String, String?)], date: CalendarDate? = timeReference) {
        self.marked = marked
        self.expected = expected.map { (type: $0.0, value: $0.1) }
        self.date = date
    }

    init(_ marked: String, _ type: String, _ value: String?, date: CalendarDate? = timeReference) {
        self.init(marked, [(type, value)], date: date)
    }

    var description: String { marked }

    /// The text without markers and the marked substrings.
    var plain: (text: String, spans: [String]) {
        var text = ""
        var spans: [String] = []
        var current: String?
        for ch in marked {
            if ch == "⟦" { current = "" } else if ch == "⟧" { spans.append(current ?? ""); current = nil } else {
                text.append(ch)
                current?.append(ch)
            }
        }
        return (text, spans)
    }

    var expectedTimes: [ExpectedTime] {
        zip(plain.spans, expected).map { ExpectedTime(text: $0, type: $1.type, value: $1.value) }
    }
}

/// The time entities the standard pipeline finds in `text`.
func annotateTimes(_ text: String, date: CalendarDate? = timeReference) throws -> [ExpectedTime] {
    let document = Document(id: "t", text: text, date: date)
    let annotation = try Pipeline().annotate(document)
    return annotation.entities.filter { $0.label == .time }.map {
        ExpectedTime(text: document.string($0.start, $0.end), type: $0.type ?? "", value: $0.value)
    }
}
