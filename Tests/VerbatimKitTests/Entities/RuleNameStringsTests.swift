import Testing
@testable import VerbatimKit

/// The worker's strings of rule names (``RuleNameStrings``) stand for the names:
/// a cache that returned another rule's string, or a stale one, would put the wrong
/// rule into `--explain`.
@Suite struct RuleNameStringsTests {
    @Test func eachNameGivesItsOwnStringOnEveryUse() {
        var strings = RuleNameStrings()
        let rules = EntityRules.all + DocumentRules.rules
        for _ in 0..<3 {
            for rule in rules { #expect(strings.string(rule.name) == rule.name.description) }
        }
    }

    @Test func aWorkerKeepsTheNamesAcrossDocuments() throws {
        // One worker over several documents names each document's rules as a fresh
        // worker does, whichever names earlier documents made.
        let worker = try sharedPipeline.makeWorker()
        let texts = [
            "Officers named Naomi Threlkeld. Threlkeld later spoke to the Press Association.",
            "The Federation of Trade Unions met in Quellgate. Later FTU leaders spoke.",
            "We spoke to Frank Pellow about the find. The camera that Frank and his team built is new.",
            "Officers named Naomi Threlkeld. Threlkeld later spoke to the Press Association.",
        ]
        var rules: Set<String> = []
        for text in texts {
            let document = Document(text: text)
            let annotation = try worker.annotate(document)
            #expect(annotation == (try sharedPipeline.makeWorker().annotate(document)))
            rules.formUnion(annotation.entities.map(\.rule))
        }
        #expect(rules.isSuperset(of: ["acronym-of-name", "given-name-alias", "document-alias"]))
    }
}
