import Foundation
import Testing
@testable import VerbatimKit

/// Every rule name `--explain` can print for a quote, and every word class the
/// rules read, is documented in Quotes/SIEVES.md.
@Suite struct SieveDocumentationTests {
    static let sieves: String = {
        let url = packageRoot.appendingPathComponent("Sources/VerbatimKit/Quotes/SIEVES.md")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    @Test func everyRuleNameIsDocumentedInBold() {
        #expect(!Self.sieves.isEmpty)
        for rule in QuoteRule.allCases {
            #expect(Self.sieves.contains("**\(rule.rawValue)**"), "\(rule.rawValue) is not documented in SIEVES.md")
        }
    }

    /// No name is dead: each is printed by a sieve of the table or by the kind step.
    @Test func everyRuleNameComesFromTheSieveTable() {
        let kindRules: Set<QuoteRule> = [.titleOrScareQuote, .pageFurniture, .wordList, .unattributed]
        let fromSieves = Set(Sieve.allCases.flatMap(\.rules))
        #expect(fromSieves.union(kindRules) == Set(QuoteRule.allCases))
        #expect(Set(Sieve.direct + Sieve.anyQuote + Sieve.reported + Sieve.discourse) == Set(Sieve.allCases))
    }

    @Test func everyWordClassIsDocumented() {
        let names = QuoteVocabulary.WordClass.allCases.compactMap(\.modelName) + QuoteVocabulary.PhraseClass.allCases.map(\.source.name)
        for name in names {
            #expect(Self.sieves.contains("`\(name)`"), "class \(name) is not documented in SIEVES.md")
        }
    }
}
