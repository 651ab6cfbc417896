import Testing
@testable import VerbatimKit

/// The time stage keys its tokens from the document's lexical pass: a plain token's
/// folded bytes are read as they are, an unusual one is folded from its text. Either
/// way the key must be the one the text's own fold gives (``TimeTokens/textKey(_:_:)``).
@Suite("Time keys from the lexical pass")
struct TimeTokensPassTests {
    /// The stage asks the analysis state for its pass: it makes one when no earlier
    /// stage has, instead of folding the tokens itself.
    @Test func theTimeStageReadsTheDocumentsLexicalPass() throws {
        let recognizer = try TimeRecognizer(lexicon: shippedLexicon)
        let document = Document(text: "The ferry sailed on 14 April 2017.", date: timeReference)
        var state = AnalysisState(document: document, segmentation: try shippedSegmenter().segment(document))
        #expect(!state.hasLexicalPass)
        recognizer.annotate(&state)
        #expect(state.hasLexicalPass)
        #expect(state.annotation.entities.map(\.value) == ["2017-04-14"])
    }

    /// Keys from the pass equal the text's fold on every token of random texts made of
    /// tricky pieces: possessives in every case and apostrophe, backticks, accents,
    /// letters whose Unicode lower case is ASCII (the Kelvin sign), fullwidth letters,
    /// words too long for a key, and pieces at the very end of the text.
    @Test func passKeysAgreeWithTheTextFold() throws {
        let segmenter = try shippedSegmenter()
        let lexicon = try TimeLexicon(lexicon: shippedLexicon)
        var rng = SplitMix64(seed: 25)
        let pieces = ["Sunday's", "SUNDAY'S", "Sunday’s", "sunday`s", "Sundays'", "MONTH`S", "o`clock", "`", "’", "'s",
                      "Décembre", "Zürich's", "WEEK", "wee\u{212A}", "\u{212A}", "\u{FF2D}onday", "İstanbul", "SEPT", "Sept.",
                      "a.m.", "P.M.", "’90s", "90's", "1990s", "14th", "3Sept", "abcdefghijklmnopqrst", "twenty-first",
                      "Easter’", "Mother’s", "Mothers", "—", "…", "🎉", "año", "Ñ", "x", "Noon", "tonight", "Year's"]
        var compared = 0, timeWords = 0
        for _ in 0..<2_000 {
            let text = randomText(from: pieces, using: &rng)
            let (document, tokens, pass, found) = try timePass(text, segmenter, lexicon)
            let unusual = Set(pass.unusual.map(Int.init))
            for (i, t) in tokens.enumerated() {
                let key = TimeTokens.textKey(document.utf8, t)
                if !unusual.contains(i) {
                    let cut = found.flags[i].contains(.possessive) ? 2 : 0
                    let fromPass = pass.bytes.withUnsafeBufferPointer {
                        WordKey(lowerCaseASCII: $0, Int(pass.starts[i]), Int(pass.starts[i + 1]) - cut)
                    }
                    #expect(fromPass == key, "\(text.debugDescription) token \(i)")
                    compared += 1
                }
                let entry = t.end - t.start <= 20 ? key.flatMap { lexicon.entry($0) } : nil
                #expect(found.words[i] == entry?.word, "\(text.debugDescription) token \(i)")
                #expect(found.roles[i] == entry?.roles ?? .empty, "\(text.debugDescription) token \(i)")
                #expect(found.holidayWords[i] == entry?.holidayWord ?? 0, "\(text.debugDescription) token \(i)")
                if entry?.word != nil { timeWords += 1 }
            }
        }
        // The texts do hold plain tokens and time words.
        #expect(compared > 5_000)
        #expect(timeWords > 1_000)
    }

    /// The hash filter turns a plain token away without probing the table: every key of
    /// the lexicon (time words, function words, holiday name words), written as a token
    /// in lower, title and upper case, must still find its entry, as it does from its
    /// text key.
    @Test func theHashFilterLetsEveryKeyThrough() throws {
        let lexicon = try TimeLexicon(lexicon: shippedLexicon)
        let keys = lexicon.table.allKeys
        #expect(keys.count > 400)
        let words = keys.map { String(decoding: $0.bytes, as: UTF8.self) }
        let text = words.map { "\($0) \($0.prefix(1).uppercased() + $0.dropFirst()) \($0.uppercased())" }.joined(separator: " , ")
        let document = Document(id: "f", text: text)
        let tokens = try shippedSegmenter().segment(document).tokens
        let pass = LexicalPass(document: document, tokens: tokens)
        let found = TimeTokens.lookUp(document.utf8, tokens, pass: pass, in: lexicon, everyWordStarts: false)
        var entries = 0
        for (i, t) in tokens.enumerated() {
            let entry = t.end - t.start <= 20 ? TimeTokens.textKey(document.utf8, t).flatMap { lexicon.entry($0) } : nil
            #expect(found.words[i] == entry?.word, "token \(i): \(document.string(t.start, t.end))")
            #expect(found.roles[i] == entry?.roles ?? .empty, "token \(i): \(document.string(t.start, t.end))")
            #expect(found.holidayWords[i] == entry?.holidayWord ?? 0, "token \(i): \(document.string(t.start, t.end))")
            if entry != nil { entries += 1 }
        }
        // Most keys are one token: they were looked up, not only skipped.
        #expect(entries > keys.count * 2)
        // The filter does turn most other words away.
        let plain = ["ferry", "harbour", "sailed", "council", "bridge", "quietly", "tomatoes", "violin"]
        let rejected = plain.filter { word in
            !lexicon.filter.mayContain(Array(word.utf8).withUnsafeBufferPointer { FNV1a.hash($0) })
        }
        #expect(rejected.count >= 6)
        // Short tokens too: FNV-1a's top bits hardly differ between one-character
        // tokens or two-letter words, and every one of these shared a bit with a key
        // until the filter mixed the hash; those that are no key must be turned away.
        let keySet = Set(words)
        let short = [".", ",", "\"", "(", ")", "!", "?", ";", "$", "%", "&", "*", "+", "=", "|", "~", "#", "@",
                     "he", "it", "be", "we", "us", "so", "if", "or", "my", "go", "do", "up", "me"].filter { !keySet.contains($0) }
        let passed = short.filter { word in
            lexicon.filter.mayContain(Array(word.utf8).withUnsafeBufferPointer { FNV1a.hash($0) })
        }
        #expect(short.count > 20)
        #expect(passed.count <= 3, "\(passed)")
    }

    /// The cases the pass alone would get wrong: "weeK" with a Kelvin sign folds to
    /// "week" in the pass, but a time key holds no non-ASCII letter; "SUNDAY'S" keeps
    /// its ending (only a lower-case "'s" is cut), "Sunday’s" loses it.
    @Test func unusualTokensAreKeyedFromTheirText() throws {
        let lexicon = try TimeLexicon(lexicon: shippedLexicon)
        let document = Document(id: "u", text: "wee\u{212A} SUNDAY'S Sunday’s sunday`s")
        let tokens = try shippedSegmenter().segment(document).tokens
        let pass = LexicalPass(document: document, tokens: tokens)
        let found = TimeTokens.lookUp(document.utf8, tokens, pass: pass, in: lexicon, everyWordStarts: false)
        func index(_ text: String) -> Int? { tokens.firstIndex { document.string($0.start, $0.end) == text } }
        let kelvin = try #require(index("wee\u{212A}"))
        #expect(pass.string(kelvin) == "week")
        #expect(found.words[kelvin] == nil)
        let capitals = try #require(index("SUNDAY'S"))
        #expect(found.words[capitals] == nil)
        #expect(!found.flags[capitals].contains(.possessive))
        let typographic = try #require(index("Sunday’s"))
        #expect(found.words[typographic] == .weekday(7, plural: false))
        #expect(found.flags[typographic].contains(.possessive))
        // A backtick is no apostrophe here: "sunday" is the weekday, the "s" after it nothing.
        #expect(!tokens.indices.contains { found.flags[$0].contains(.possessive) && $0 != typographic })
    }

    /// Each token's number, parsed once in the pass, is the value of a token made only of
    /// ASCII digits (nine at most) and -1 for every other token, whatever its neighbours:
    /// the rules read it instead of parsing the token again.
    @Test func numbersAreTheValuesOfDigitTokens() throws {
        let segmenter = try shippedSegmenter()
        let lexicon = try TimeLexicon(lexicon: shippedLexicon)
        var rng = SplitMix64(seed: 2025)
        let pieces = ["0", "7", "007", "14", "1990", "123456789", "1234567890", "999999999", "14th", "1990s", "7.40am",
                      "1.5", "3/4", "10:30", "12-05", "2,000", "$5", "5%", "\u{FF11}\u{FF12}", "\u{0663}", "x9", "9x",
                      "April", "a", "—", " ", "\n"]
        var digitTokens = 0, others = 0
        for _ in 0..<1_000 {
            let text = randomText(from: pieces, using: &rng)
            let (document, tokens, _, found) = try timePass(text, segmenter, lexicon)
            #expect(found.numbers.count == tokens.count)
            for (i, t) in tokens.enumerated() {
                let bytes = document.utf8[Int(t.start)..<Int(t.end)]
                let isDigits = bytes.count <= 9 && bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
                let expected = isDigits ? Int32(String(decoding: bytes, as: UTF8.self))! : -1
                #expect(found.numbers[i] == expected, "\(text.debugDescription) token \(i)")
                if isDigits { digitTokens += 1 } else { others += 1 }
            }
        }
        // Both kinds of token occur.
        #expect(digitTokens > 500)
        #expect(others > 500)
    }
}

/// An invented text's tokens, its lexical pass and the time stage's token look-up over it.
private func timePass(_ text: String, _ segmenter: Segmenter, _ lexicon: TimeLexicon) throws
    -> (Document, [Token], LexicalPass, TimeTokens.Found) {
    let document = Document(id: "t", text: text)
    let tokens = try segmenter.segment(document).tokens
    let pass = LexicalPass(document: document, tokens: tokens)
    return (document, tokens, pass, TimeTokens.lookUp(document.utf8, tokens, pass: pass, in: lexicon, everyWordStarts: false))
}
