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
        let tokens = try Segmenter().segment(document).tokens
        let keys = TokenKeys(document: document, tokens: tokens, stripPossessive: true)
        let set: WordSet = ["britain", "led", "le", "said"]
        let found = tokens.indices.filter { set.contains(keys, $0) }.map { document.string(tokens[$0].start, tokens[$0].end) }
        #expect(found == ["Britain’s", "LED", "Le", "said"], "\(found)")
    }
}
