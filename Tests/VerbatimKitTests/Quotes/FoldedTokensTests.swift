import Foundation
import Testing
@testable import VerbatimKit

@Suite struct FoldedTokensTests {
    /// The byte loop folds exactly as `String.lowercased()` with ’ → ' does, on the
    /// fast path (ASCII, Latin-1, general punctuation) and off it.
    @Test func foldsAsLowercasedWithApostrophes() throws {
        let text = "Mr O’Brien’s CAFÉ “Zürich” — ÀÉÎÕÜÝÞ×ß ÿ µ İstanbul ΣΟΦΙΑ Łódź DON’T 3.5m ½ …"
        let document = Document(id: "f", text: text)
        let tokens = try Segmenter().segment(document).tokens
        let keys = FoldedTokens(document: document, tokens: tokens)
        #expect(keys.count == tokens.count)
        for (i, t) in tokens.enumerated() {
            let expected = Array(document.string(t.start, t.end).lowercased().replacingOccurrences(of: "’", with: "'").utf8)
            let word = keys.word(i)
            #expect(Array(word.bytes) == expected, "\(document.string(t.start, t.end))")
            #expect(word.hash == expected.withUnsafeBufferPointer { LexiconTable.keyHash($0) })
            #expect(keys.string(i) == String(decoding: expected, as: UTF8.self))
        }
    }

    @Test func comparesWholeFormsAndSuffixes() throws {
        let document = Document(id: "s", text: "The man’s SAYING ends")
        let tokens = try Segmenter().segment(document).tokens
        let keys = FoldedTokens(document: document, tokens: tokens)
        let forms = tokens.indices.map { keys.string($0) }
        let the = try #require(forms.firstIndex(of: "the"))
        #expect(keys.folded(the, is: "the") && !keys.folded(the, is: "th") && !keys.folded(the, is: "them"))
        let saying = try #require(forms.firstIndex(of: "saying"))
        #expect(keys.folded(saying, hasSuffix: "ing") && !keys.folded(saying, hasSuffix: "ed"))
        #expect(!keys.folded(the, hasSuffix: "lathe"))
        if let mans = forms.firstIndex(of: "man's") { #expect(keys.folded(mans, hasSuffix: "'s")) }
    }

    @Test func wordSetsTestTokensByTheirHash() throws {
        let document = Document(id: "w", text: "He said Don’t")
        let tokens = try Segmenter().segment(document).tokens
        let keys = FoldedTokens(document: document, tokens: tokens)
        let set: WordSet = ["he", "don't"]
        let hits = tokens.indices.filter { set.contains(keys.word($0)) }.map { keys.string($0) }
        #expect(hits.contains("he") && hits.contains("don't") && !hits.contains("said"))
        #expect(BuiltinCueLexicon.shared.isSpeechVerb(keys.word(try #require(tokens.indices.first { keys.string($0) == "said" }))))
    }
}
