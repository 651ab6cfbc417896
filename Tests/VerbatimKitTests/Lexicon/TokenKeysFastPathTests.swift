import Testing
@testable import VerbatimKit

@Suite struct TokenKeysFastPathTests {
    /// The eight-byte copy agrees with the byte loop for every length up to sixteen,
    /// every byte value at every position, whatever follows the token.
    @Test func plainCopyAgreesWithByteLoop() {
        var rng = SplitMix64(seed: 3)
        let letters = Array("abcxyzABCXYZ019'.-@[{".utf8)
        let tails: [UInt8] = [0x60, 0x80, 0xFF, 0x41, 0x00]
        for count in 0...16 {
            for position in 0..<max(count, 1) {
                for value in 0...255 {
                    var source = (0..<count).map { _ in letters.randomElement(using: &rng)! }
                    if count > 0 { source[position] = UInt8(value) }
                    source += (0..<16).map { _ in tails.randomElement(using: &rng)! }
                    let expectedPlain = source[..<count].allSatisfy { $0 < 0x80 && $0 != 0x60 }
                    let expected = source[..<count].map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }
                    var target = [UInt8](repeating: 0xEE, count: 16)
                    let plain = source.withUnsafeBufferPointer { s in
                        target.withUnsafeMutableBufferPointer { TokenKeys.lowerPlain(s.baseAddress!, count: count, to: $0.baseAddress!) }
                    }
                    #expect(plain == expectedPlain, "\(source[..<count])")
                    if plain && expectedPlain { #expect(Array(target[..<count]) == expected, "\(source[..<count])") }
                }
            }
        }
    }

    /// Every scalar the byte-level fold handles folds as full normalisation folds it,
    /// alone, between ASCII letters, doubled, and before a possessive.
    @Test func commonFoldAgreesWithNormalisationForEveryScalar() {
        var handled = 0
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let s = String(Character(scalar))
            var probe: [UInt8] = []
            guard Fold.appendFoldedCommon(Array(s.utf8)[...], to: &probe) else { continue }
            handled += 1
            for text in [s, "A\(s)b", "\(s)\(s)", "X\(s)’s"] {
                var fast: [UInt8] = []
                Fold.appendFolded(Array(text.utf8)[...], to: &fast)
                var slow: [UInt8] = []
                Fold.appendFoldedSlow(text, to: &slow)
                #expect(fast == slow, "U+\(String(value, radix: 16)) in \(text.debugDescription)")
            }
        }
        // Latin-1, U+00A1–U+00BF, U+2000–U+203F, currency signs, Cyrillic U+0400–U+045F,
        // U+1F000–U+1FFFF and the variation selectors.
        #expect(handled > 4_000)
        for s in ["£", "«", "…", "€", "Ж", "й", "🎉", "\u{FE0F}"] {
            var out: [UInt8] = []
            #expect(Fold.appendFoldedCommon(Array(s.utf8)[...], to: &out), "\(s) takes the byte path")
        }
    }

    /// Token keys (plain, through the eight-byte copy, and folded) equal the folding of
    /// each token's text, without its possessive where asked, and carry its hash;
    /// the random texts put tokens of every length near the end of the text too.
    @Test func tokenKeysMatchFoldingOnRandomText() throws {
        let segmenter = try Segmenter()
        var rng = SplitMix64(seed: 5)
        let pieces = ["Britain's", "Acme’s", "officers'", "NATO", "U.S.", "a.m.", "Zürich", "«Le", "Monde»", "£3.5m", "€20",
                      "O`Neil", "internationalisation", "Counter-terrorism", "x", "I", "’90s", "…", "Олег", "東京", "🎉",
                      "CAFÉ", "São", "  ", " ", "\n", ",", "“", "”", "—", "abcdefghijklmnop", "ABCDEFGHIJKLMNOPQ", "Œuvre"]
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...12, using: &rng) {
                text += pieces.randomElement(using: &rng)!
                if Bool.random(using: &rng) { text += " " }
            }
            let document = Document(id: "r", text: text)
            let tokens = try segmenter.segment(document).tokens
            for strip in [false, true] {
                let keys = TokenKeys(document: document, tokens: tokens, stripPossessive: strip)
                for (i, t) in tokens.enumerated() {
                    var expected: [UInt8] = []
                    Fold.appendFolded(document.utf8[Int(t.start)..<Int(t.end)], to: &expected)
                    if strip && t.kind == .word {
                        let length = expected.withUnsafeBufferPointer { TokenKeys.lengthWithoutPossessive($0, from: 0, length: $0.count) }
                        expected.removeLast(expected.count - length)
                    }
                    #expect(Array(keys.foldedKey(i)) == expected, "\(text.debugDescription) token \(i)")
                    #expect(keys.hashes[i] == expected.withUnsafeBufferPointer { LexiconTable.keyHash($0) })
                }
            }
        }
    }
}
