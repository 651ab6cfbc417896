import Foundation
import Testing
@testable import VerbatimKit

/// Every rule name the time stage can print with `--explain` is documented in
/// Times/RULES.md: the names come from the code's rule table (`TimeRule`,
/// `TimeRulePrefix`), not from a copy kept by hand.
@Suite("Time rule documentation")
struct TimeRuleDocumentationTests {
    static func documentedNames() throws -> Set<String> {
        let path = packageRoot.appendingPathComponent("Sources/VerbatimKit/Times/RULES.md").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var names: Set<String> = []
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let rest = line.dropFirst(3)
            if let end = rest.firstIndex(of: "`") { names.insert(String(rest[..<end])) }
        }
        return names
    }

    @Test func everyRuleAndPrefixIsListedWithAnExample() throws {
        let documented = try Self.documentedNames()
        for rule in TimeRule.allCases { #expect(documented.contains(rule.rawValue), "\(rule.rawValue) is not in RULES.md") }
        for prefix in TimeRulePrefix.allCases { #expect(documented.contains(prefix.rawValue), "\(prefix.rawValue) is not in RULES.md") }
        // Nothing listed that the code no longer has.
        let known = Set(TimeRule.allCases.map(\.rawValue) + TimeRulePrefix.allCases.map(\.rawValue))
        #expect(documented.subtracting(known).isEmpty, "\(documented.subtracting(known))")
    }

    /// What the stage prints is a prefix chain and one rule, never a free string.
    @Test func emittedNamesAreComposedOfDocumentedParts() throws {
        let rules = Set(TimeRule.allCases.map(\.rawValue))
        var seen = 0
        for c in positiveTimeCorpus {
            let document = Document(text: c.plain.text, date: c.date)
            let annotation = try Pipeline().annotate(document)
            for e in annotation.entities where e.label == .time {
                var name = Substring(e.rule.dropFirst("time:".count))
                while !rules.contains(String(name)), let p = TimeRulePrefix.allCases.first(where: { name.hasPrefix($0.rawValue) }) {
                    name = name.dropFirst(p.rawValue.count)
                }
                #expect(rules.contains(String(name)), "\(e.rule)")
                seen += 1
            }
        }
        #expect(seen > 80)
    }
}
