import Testing
@testable import VerbatimKit

/// The resolver's senses of names: the best-supported wins, and the first-word filter never misses.
@Suite struct SenseTableTests {
    private func sense(_ label: EntityLabel, _ score: Int) -> DocumentSenses.Sense {
        DocumentSenses.Sense(label: label, type: nil, score: score, canonical: nil)
    }

    @Test func keepsTheBestSupportedSenseAndTheFirstOfEqualOnes() {
        var table = DocumentSenses.SenseTable(capacity: 2)
        #expect(table.isEmpty)
        table.register(42, first: 7, words: 1, sense(.place, 60))
        table.register(42, first: 7, words: 1, sense(.person, 60))
        #expect(table[42]?.label == .place)
        table.register(42, first: 7, words: 1, sense(.organization, 61))
        #expect(table[42]?.label == .organization)
        table.register(42, first: 7, words: 1, sense(.person, 10))
        #expect(table[42]?.label == .organization)
        #expect(table[43] == nil)
        // The key of no words is never registered.
        table.register(Resolver.emptyKey, first: 9, words: 1, sense(.person, 99))
        #expect(table[Resolver.emptyKey] == nil)
    }

    @Test func firstWordFilterHasNoFalseNegatives() {
        var generator = SystemRandomNumberGenerator()
        var table = DocumentSenses.SenseTable(capacity: 8)
        var firsts: [UInt64] = []
        for k in 0..<200 {
            let first = UInt64.random(in: .min ... .max, using: &generator)
            firsts.append(first)
            table.register(UInt64(k + 1), first: first, words: 1, sense(.person, 60))
            for f in firsts { #expect(table.mayStart(with: f)) }
        }
        // With few names, most other words are filtered out.
        var small = DocumentSenses.SenseTable(capacity: 2)
        small.register(1, first: 0, words: 1, sense(.person, 60))
        #expect(small.mayStart(with: 0))
        #expect(!small.mayStart(with: UInt64.max))
    }

    /// The bound the search for other occurrences stops at: never below the words of a
    /// name registered with that first word, and 0 for a first word of no name.
    @Test func mostWordsBoundEveryNameStartingWithTheWord() {
        var generator = SplitMix64(seed: 3)
        var table = DocumentSenses.SenseTable(capacity: 8)
        var names: [(first: UInt64, words: Int)] = []
        for k in 0..<300 {
            let first = k % 3 == 0 && !names.isEmpty ? names[Int(generator.next() % UInt64(names.count))].first : generator.next()
            let words = 1 + Int(generator.next() % 6)
            names.append((first, words))
            table.register(UInt64(k + 1), first: first, words: words, sense(.person, 60))
            for n in names { #expect(table.mostWords(startingWith: n.first) >= n.words) }
        }
        var small = DocumentSenses.SenseTable(capacity: 2)
        small.register(1, first: 0, words: 2, sense(.person, 60))
        #expect(small.mostWords(startingWith: 0) == 2)
        #expect(small.mostWords(startingWith: UInt64.max) == 0)
    }
}
