import Testing
@testable import VerbatimKit

@Suite struct WordSetTests {
    @Test func containsExactlyItsWords() {
        var words: [String] = []
        for i in 0..<500 { words.append("w\(i)") }
        words += ["don't", "zürich", "naïve", "", "a b"]
        let set = WordSet(words)
        #expect(set.count == words.count)
        for w in words { #expect(set.contains(w), "\(w)") }
        for w in ["w500", "W1", "dont", "zurich", "naive", " ", "a  b", "w1 "] { #expect(!set.contains(w), "\(w)") }
        var grown: WordSet = ["x"]
        grown.insert("x")
        grown.insert("y")
        #expect(grown.count == 2 && grown.contains("y"))
    }

    /// The entity recognizers ask with a token's folded key and hash from TokenKeys.
    @Test func answersForTokenKeys() throws {
        let document = Document(text: "Britain’s LED lights, Le Monde said.")
        let tokens = try shippedSegmenter().segment(document).tokens
        let keys = TokenKeys(document: document, tokens: tokens, stripPossessive: true)
        let set: WordSet = ["britain", "led", "le", "said"]
        let found = tokens.indices.filter { set.contains(keys, $0) }.map { document.string(tokens[$0].start, tokens[$0].end) }
        #expect(found == ["Britain’s", "LED", "Le", "said"], "\(found)")
    }

    /// The one table behind word sets and word classes: a value per word, merged when
    /// a word comes again, kept across growth, and the absent value for any other word
    /// (also one that shares a hash slot or a length with a word in the table).
    @Test func foldedWordTableMergesValuesAndKeepsThemAcrossGrowth() {
        var table = FoldedWordTable<UInt64>(absent: 0)
        for i in 0..<300 { table.insert(FoldedWord("w\(i)"), 1 << UInt64(i % 7)) { $0 |= $1 } }
        table.insert(FoldedWord("w3"), 1 << 40) { $0 |= $1 }
        table.insert(FoldedWord(""), 5) { $0 |= $1 }
        #expect(table.count == 301)
        func value(_ word: String) -> UInt64 {
            let w = FoldedWord(word)
            return w.bytes.withUnsafeBufferPointer { table.value($0, hash: w.hash) }
        }
        for i in 0..<300 where i != 3 { #expect(value("w\(i)") == 1 << UInt64(i % 7), "w\(i)") }
        #expect(value("w3") == 1 << 3 | 1 << 40)
        #expect(value("") == 5)
        for w in ["w300", "W1", "w01", "x1", " "] { #expect(value(w) == 0, "\(w)") }
    }

    /// A probe reads the slots' hashes alone, and a slot's word only when its hash is
    /// the one asked: words that share a hash (given here, as a caller may), a word
    /// whose hash is 0 (the hash of an empty slot), and words that share slots must each
    /// find their own value, and no other word any.
    @Test func foldedWordTableTellsWordsOfOneHashAndTheZeroHashApart() {
        var table = FoldedWordTable<UInt64>(absent: 0)
        func insert(_ word: String, _ hash: UInt64, _ value: UInt64) {
            Array(word.utf8).withUnsafeBufferPointer { table.insert($0, hash: hash, value) { $0 |= $1 } }
        }
        func value(_ word: String, _ hash: UInt64) -> UInt64 {
            Array(word.utf8).withUnsafeBufferPointer { table.value($0, hash: hash) }
        }
        // Before any word has the hash 0, an empty slot answers for it.
        #expect(value("zero", 0) == 0)
        insert("harbour", 7, 1)
        insert("harbours", 7, 2)
        insert("harbourmaster", 7, 4)
        insert("zero", 0, 8)
        insert("nought", 0, 16)
        for i in 0..<200 { insert("w\(i)", UInt64(i % 5) << 32 | UInt64(i % 5), 32) }
        #expect(value("harbour", 7) == 1 && value("harbours", 7) == 2 && value("harbourmaster", 7) == 4)
        #expect(value("zero", 0) == 8 && value("nought", 0) == 16)
        #expect(value("harbou", 7) == 0 && value("harbourmasters", 7) == 0 && value("harbour", 8) == 0)
        #expect(value("none", 0) == 0 && value("zero", 7) == 0 && value("", 0) == 0)
        for i in 0..<200 { #expect(value("w\(i)", UInt64(i % 5) << 32 | UInt64(i % 5)) == 32, "w\(i)") }
        #expect(value("w200", 0) == 0 && value("w1", 0) == 0)
    }

    /// The quote stage's class table answers 0 from its filter (a bit per top-hash
    /// value) without a probe: the filter must never hide a word's classes, with
    /// thousands of words (many sharing filter bits) and after the table grows.
    @Test func theClassFilterNeverHidesAWord() {
        var table = WordClassTable()
        let kinds = QuoteVocabulary.WordClass.allCases
        var words: [String] = []
        for i in 0..<12_000 { words.append(i % 3 == 0 ? "spokesperson\(i)" : "w\(i)") }
        func classes(of word: String) -> UInt64 {
            let w = FoldedWord(word)
            return w.bytes.withUnsafeBufferPointer { table.classes($0, hash: w.hash) }
        }
        for (k, w) in words.enumerated() {
            table.insert(w, kinds[k % kinds.count])
            if k.isMultiple(of: 997) {
                for (j, v) in words[...k].enumerated() { #expect(classes(of: v) == kinds[j % kinds.count].bit, "\(v)") }
            }
        }
        for (j, v) in words.enumerated() { #expect(classes(of: v) == kinds[j % kinds.count].bit, "\(v)") }
        for w in ["spokesperson1", "spokespersoN0", "w12000", "w", ""] { #expect(classes(of: w) == 0, "\(w)") }
    }
}
