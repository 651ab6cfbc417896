import Foundation
import Testing
@testable import VerbatimKit

/// The rule tables are the one list of entity rules: every name a mention can carry
/// comes from them, ENTITIES.md documents each with its example, and each example
/// finds its mention through its rule.
@Suite struct EntityRuleTableTests {
    static let guide = packageRoot.appendingPathComponent("Sources/VerbatimKit/Entities/ENTITIES.md")

    @Test func everyRuleIsDocumentedWithItsExample() throws {
        let text = try String(contentsOf: Self.guide, encoding: .utf8)
        for rule in EntityRules.all {
            #expect(text.contains("`\(rule.name)`"), "ENTITIES.md does not name the rule \(rule.name)")
            let example = rule.example.description.replacingOccurrences(of: "\n", with: " ")
            #expect(text.contains(example), "ENTITIES.md lacks the example of \(rule.name): \(example)")
        }
    }

    @Test func aRuleNameBelongsToOneRuleOfEachLabel() {
        var seen: Set<String> = []
        for rule in EntityRules.all {
            let key = "\(rule.name) \(rule.label?.rawValue ?? "-")"
            #expect(!seen.contains(key), "two rules named \(key)")
            seen.insert(key)
        }
    }

    @Test(arguments: EntityRules.all.map { $0.name.description }.enumerated().map { $0 })
    func theExampleFindsItsMentionByItsRule(index: Int, name: String) throws {
        let rule = EntityRules.all[index]
        var pipeline = sharedPipeline
        if rule.name == UserListRule.rule.name {
            var lexicon = try Lexicon(locating: nil)
            try lexicon.addUserList(contentsOf: FileManagerTemp.write("ORG\t\(rule.finds)\n"))
            pipeline = try Pipeline(lexicon: lexicon)
        }
        let document = Document(text: rule.example.description)
        let annotation = try pipeline.annotate(document)
        let found = annotation.entities.map { (text: document.string($0.start, $0.end), rule: $0.rule, label: $0.label) }
        let hit = found.first { $0.text == rule.finds.description && $0.rule == name }
        #expect(hit != nil, "\(name): \(found)")
        if let label = rule.label, let hit { #expect(hit.label == label, "\(name)") }
    }

    /// What `--explain` prints: over the sample articles and every example, each
    /// PERSON/ORG/PLACE mention names a rule of the tables.
    @Test func mentionsNameOnlyRulesOfTheTables() throws {
        let names = Set(EntityRules.all.map { $0.name.description })
        let samples = packageRoot.appendingPathComponent("Corpora/samples")
        var texts = EntityRules.all.map { $0.example.description }
        for file in try FileManager.default.contentsOfDirectory(atPath: samples.path) where file.hasSuffix(".txt") {
            texts.append(try String(contentsOf: samples.appendingPathComponent(file), encoding: .utf8))
        }
        var seen = 0
        for text in texts {
            for e in try sharedPipeline.annotate(Document(text: text)).entities where e.label != .time {
                #expect(names.contains(e.rule), "\(e.rule) is in no rule table")
                seen += 1
            }
        }
        #expect(seen > 100)
    }
}
