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
}
