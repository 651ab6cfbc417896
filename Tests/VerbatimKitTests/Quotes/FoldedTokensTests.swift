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

@Suite struct FoldedFormIndexTests {
    /// Forms match as their strings would: case folded, first value kept, accents
    /// compared under canonical equivalence (NFC "José" finds NFD "Jose\u{301}").
    @Test func findsTheFirstValueStoredUnderAForm() throws {
        let document = Document(id: "i", text: "Basu met BASU and Bose. José saw Jose\u{301} and Basu")
        let tokens = try Segmenter().segment(document).tokens
        let keys = FoldedTokens(document: document, tokens: tokens)
        let forms = tokens.indices.map { keys.string($0) }
        func at(_ form: String, _ n: Int = 0) throws -> Int {
            try #require(forms.indices.filter { forms[$0].precomposedStringWithCanonicalMapping == form }.dropFirst(n).first)
        }
        var index = FoldedFormIndex(capacity: 4)
        index.insertIfAbsent(1, for: try at("basu"), in: keys)
        index.insertIfAbsent(2, for: try at("basu", 1), in: keys)
        index.insertIfAbsent(3, for: try at("josé"), in: keys)
        #expect(index.value(for: try at("basu", 2), in: keys) == 1)
        #expect(index.value(for: try at("bose"), in: keys) == nil)
        #expect(index.value(for: try at("josé", 1), in: keys) == 3)
        #expect(index.value(for: try at("met"), in: keys) == nil)
    }
}
