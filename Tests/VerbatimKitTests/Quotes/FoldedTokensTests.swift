import Foundation
import Testing
@testable import VerbatimKit

@Suite struct FoldedTokensTests {
    /// The byte loop folds exactly as `String.lowercased()` with ’ → ' does, on the
    /// fast path (ASCII, Latin-1, general punctuation) and off it.
    @Test func foldsAsLowercasedWithApostrophes() throws {
        let text = "Mr O’Brien’s CAFÉ “Zürich” — ÀÉÎÕÜÝÞ×ß ÿ µ İstanbul ΣΟΦΙΑ Łódź DON’T 3.5m ½ …"
        let document = Document(id: "f", text: text)
        let tokens = try shippedSegmenter().segment(document).tokens
        let keys = LexicalPass(document: document, tokens: tokens)
        #expect(keys.count == tokens.count)
        for (i, t) in tokens.enumerated() {
            let expected = Array(document.string(t.start, t.end).lowercased().replacingOccurrences(of: "’", with: "'").utf8)
            let word = keys.word(i)
            #expect(Array(word.bytes) == expected, "\(document.string(t.start, t.end))")
            #expect(word.hash == expected.withUnsafeBufferPointer { LexiconTable.keyHash($0) })
            #expect(keys.string(i) == String(decoding: expected, as: UTF8.self))
        }
    }

    /// The eight-bytes-at-a-time path against `lowercased()` and the per-byte hash:
    /// every byte value at every position of every length it takes (1…16), with
    /// bytes after the token that must not leak into the fold or the hash.
    @Test func shortASCIIPathFoldsEveryByteAsLowercased() {
        for length in 1...16 {
            for position in 0..<length {
                for value in 0...255 {
                    // A filler that itself needs folding, then noise after the token.
                    var source = [UInt8](repeating: UInt8(ascii: "Q"), count: 16)
                    for k in length..<16 { source[k] = UInt8(truncatingIfNeeded: 0xC1 &+ k &* 7) }
                    source[position] = UInt8(value)
                    var dst = [UInt8](repeating: 0, count: 16)
                    let folded = source.withUnsafeBufferPointer { src in
                        dst.withUnsafeMutableBufferPointer { LexicalPass.foldShortASCII(src.baseAddress!, count: length, into: $0.baseAddress!) }
                    }
                    let hash = folded?.hash
                    guard value < 0x80 else {
                        #expect(hash == nil, "byte \(value) is not ASCII")
                        continue
                    }
                    let token = Array(source[0..<length])
                    let expected = Array(String(decoding: token, as: UTF8.self).lowercased().utf8)
                    #expect(Array(dst[0..<length]) == expected, "length \(length) position \(position) byte \(value)")
                    #expect(hash == expected.withUnsafeBufferPointer { LexiconTable.keyHash($0) },
                            "length \(length) position \(position) byte \(value)")
                    #expect(folded?.backtick == token.contains(0x60), "length \(length) position \(position) byte \(value)")
                }
            }
        }
    }

    /// Whole documents of random tokens (short and long, ASCII and not, some at the
    /// very end of the text where the fast path may not read ahead) fold as
    /// `lowercased()` with ’ → ' does.
    @Test func randomDocumentsFoldAsLowercased() throws {
        var rng = SplitMix64(seed: 0x51_07e5)
        let alphabet = Array("abcxyzABCXYZ019'`’éÉßİΣ-_@~").map(String.init)
        for _ in 0..<300 {
            var words: [String] = []
            for _ in 0..<Int(rng.next() % 12) + 1 {
                let length = Int(rng.next() % 22) + 1
                words.append((0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined())
            }
            let document = Document(id: "r", text: words.joined(separator: " "))
            let tokens = try shippedSegmenter().segment(document).tokens
            let keys = LexicalPass(document: document, tokens: tokens)
            for (i, t) in tokens.enumerated() {
                let expected = Array(document.string(t.start, t.end).lowercased().replacingOccurrences(of: "’", with: "'").utf8)
                let word = keys.word(i)
                #expect(Array(word.bytes) == expected, "\(document.string(t.start, t.end)) in \(document.text)")
                #expect(word.hash == expected.withUnsafeBufferPointer { LexiconTable.keyHash($0) })
            }
        }
    }

    @Test func comparesWholeFormsAndSuffixes() throws {
        let document = Document(id: "s", text: "The man’s SAYING ends")
        let tokens = try shippedSegmenter().segment(document).tokens
        let keys = LexicalPass(document: document, tokens: tokens)
        let forms = tokens.indices.map { keys.string($0) }
        let the = try #require(forms.firstIndex(of: "the"))
        #expect(keys.folded(the, equals: FoldedWord("the")) && !keys.folded(the, equals: FoldedWord("th"))
                && !keys.folded(the, equals: FoldedWord("them")))
        let saying = try #require(forms.firstIndex(of: "saying"))
        #expect(keys.folded(saying, hasSuffix: "ing") && !keys.folded(saying, hasSuffix: "ed"))
        #expect(!keys.folded(the, hasSuffix: "lathe"))
        if let mans = forms.firstIndex(of: "man's") { #expect(keys.folded(mans, hasSuffix: "'s")) }
    }

    @Test func wordSetsTestTokensByTheirHash() throws {
        let document = Document(id: "w", text: "He said Don’t")
        let tokens = try shippedSegmenter().segment(document).tokens
        let keys = LexicalPass(document: document, tokens: tokens)
        let set: WordSet = ["he", "don't"]
        let hits = tokens.indices.filter { set.contains(keys.word($0)) }.map { keys.string($0) }
        #expect(hits.contains("he") && hits.contains("don't") && !hits.contains("said"))
    }
}

@Suite struct FoldedFormIndexTests {
    /// Forms match as their strings would: case folded, first value kept, accents
    /// compared under canonical equivalence (NFC "José" finds NFD "Jose\u{301}").
    @Test func findsTheFirstValueStoredUnderAForm() throws {
        let document = Document(id: "i", text: "Basu met BASU and Bose. José saw Jose\u{301} and Basu")
        let tokens = try shippedSegmenter().segment(document).tokens
        let keys = LexicalPass(document: document, tokens: tokens)
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
