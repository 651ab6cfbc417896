import Testing
@testable import VerbatimKit

@Suite struct TokenKeysFastPathTests {
    /// The lexical pass lists as unusual exactly the tokens whose text is not ASCII
    /// without a backtick (the only ones whose model key, ``Fold``, may differ from the
    /// pass's lower case), and as possessives every word whose key loses an ending;
    /// on plain tokens the key is the pass's bytes, read in place.
    @Test func lexicalPassListsEveryTokenTheKeysFoldAgain() throws {
        let segmenter = try shippedSegmenter()
        var rng = SplitMix64(seed: 3)
        let pieces = ["Britain's", "BRITAIN'S", "Acme’s", "officers'", "'", "'s", "s'", "O`Neil", "`", "Zürich", "É's",
                      "a", "Q", "abcdefghijklmnopq", "ABCDEFGHIJKLMNOP's", "don't", "rock'n'roll", "3'", "—", "’"]
        for _ in 0..<1_500 {
            let text = randomText(from: pieces, using: &rng)
            let document = Document(id: "p", text: text)
            let tokens = try segmenter.segment(document).tokens
            let pass = LexicalPass(document: document, tokens: tokens)
            let stripped = TokenKeys(pass: pass, document: document, tokens: tokens, stripPossessive: true)
            let unusual = Set(pass.unusual.map(Int.init)), possessives = Set(pass.possessives.map(Int.init))
            for (i, t) in tokens.enumerated() {
                let bytes = document.utf8[Int(t.start)..<Int(t.end)]
                let plain = bytes.allSatisfy { $0 < 0x80 && $0 != 0x60 }
                #expect(unusual.contains(i) == !plain, "\(text.debugDescription) token \(i)")
                let passBytes = Array(pass.bytes[Int(pass.starts[i])..<Int(pass.starts[i + 1])])
                if plain { #expect(Array(TokenKeys(pass: pass, document: document, tokens: tokens).foldedKey(i)) == passBytes) }
                if t.kind == .word, stripped.foldedKey(i).count < passBytes.count, plain {
                    #expect(possessives.contains(i), "\(text.debugDescription) token \(i)")
                }
            }
        }
    }

    /// A whole ASCII string folds from its own storage exactly as the byte loop folds
    /// it (whitespace runs collapsed, ends trimmed, backtick to apostrophe).
    @Test func asciiStringFoldAgreesWithByteLoop() {
        var rng = SplitMix64(seed: 11)
        let pieces = ["Jane", "DOE", "O`Neil", "  ", " ", "\t", "\n\r", "\u{0B}\u{0C}", "x", "-", "'s", "3.5", "", "A.B."]
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...6, using: &rng) { text += pieces.randomElement(using: &rng)! }
            var expected: [UInt8] = []
            Fold.appendFolded(Array(text.utf8)[...], to: &expected)
            while expected.last == 0x20 { expected.removeLast() }
            #expect(Array(Fold.fold(text).utf8) == expected, "\(text.debugDescription)")
        }
        #expect(Fold.fold("Zürich Café") == "zurich cafe", "not ASCII: the general path")
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
        let segmenter = try shippedSegmenter()
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
