import Testing
@testable import VerbatimKit

@Suite("Time lexicon")
struct TimeLexiconTests {
    @Test func keysFoldCaseAndTypographicApostrophes() {
        #expect(WordKey(Array("Year’s".utf8)[...]) == WordKey("year's"))
        #expect(WordKey(Array("TUESDAY".utf8)[...]) == WordKey("tuesday"))
        #expect(WordKey(Array("seventeen-chars!!".utf8)[...]) == nil)
        #expect(WordKey(Array("café".utf8)[...]) == nil)
    }

    @Test func wordAtATimeKeysMatchTheByteLoop() {
        // Every ASCII byte, alone and inside words of each length up to 17, padded so
        // that the 8-byte loads apply, and at the very end of the text, where they do not.
        var words = (0..<128).map { [UInt8($0)] }
        let letters = Array("AbCdEfGhIjKlMnOpQ@[`{".utf8)
        for n in 1...17 { words.append(Array(letters.prefix(n))) }
        words += ["Year’s", "TUESDAY", "café", "a.m.", "Sept", "twenty-first", "’90s"].map { Array($0.utf8) }
        for w in words {
            for padded in [w + Array(repeating: UInt8(ascii: "Z"), count: 16), w] {
                padded.withUnsafeBufferPointer { b in
                    let key = WordKey(b, 0, w.count)
                    #expect(key == WordKey(byteByByte: b, 0, w.count), "\(w)")
                }
            }
        }
    }

    @Test func lookupFindsWordsRolesAndStarters() throws {
        let lexicon = try TimeLexicon(lexicon: shippedLexicon)
        #expect(lexicon.word(WordKey("september")) == .month(9, abbreviated: false))
        #expect(lexicon.word(WordKey("sept")) == .month(9, abbreviated: true))
        #expect(lexicon.word(WordKey("fridays")) == .weekday(5, plural: true))
        #expect(lexicon.word(WordKey("nineties")) == .decade(199))
        #expect(lexicon.entry(WordKey("the"))?.starter == true)
        #expect(lexicon.entry(WordKey("the"))?.word == nil)
        #expect(lexicon.entry(WordKey("the"))?.roles.contains(.determiner) == true)
        #expect(lexicon.entry(WordKey("will"))?.roles.contains(.futureCue) == true)
        #expect(lexicon.entry(WordKey("police")) == nil)
    }

    @Test func everyRoleAndClassHasWordsInTheModels() throws {
        _ = try TimeLexicon(lexicon: shippedLexicon)
        let roles = try shippedLexicon.table("time/grammar")
        let named = Set((0..<roles.count).compactMap { roles.field($0, 2) })
        #expect(named == Set(TimeRole.allCases.map(\.name)))
    }

    @Test func anUnknownRoleOrClassIsAModelError() throws {
        var lexicon = shippedLexicon
        try lexicon.extend(withModelsIn: try makeModels(["time/grammar.tsv": "x\tthe\tnot-a-role\n"]))
        #expect(throws: VerbatimError.self) { try TimeLexicon(lexicon: lexicon) }
        lexicon = shippedLexicon
        try lexicon.extend(withModelsIn: try makeModels(["time/words.tsv": "x\tfortnight\tunit\tfortnight\n"]))
        #expect(throws: VerbatimError.self) { try TimeLexicon(lexicon: lexicon) }
    }

    /// Users grow a rule's words without rebuilding: "about" is no approximator in the
    /// shipped grammar ("about two hours" leaves it out); an extension adds it.
    @Test func anExtensionAddsAWordToARole() throws {
        let text = "The raid lasted about two hours."
        let shipped = try TimeRecognizer(lexicon: shippedLexicon)
        var extended = shippedLexicon
        try extended.extend(withModelsIn: try makeModels(["time/grammar.tsv": "x\tabout\tapproximator\n"]))
        let document = Document(text: text, date: timeReference)
        let segmentation = try shippedSegmenter().segment(document)
        func spans(_ r: TimeRecognizer) -> [String] {
            r.candidates(document, segmentation).map { c in
                document.string(segmentation.tokens[c.first].start, segmentation.tokens[c.end - 1].end)
            }
        }
        #expect(spans(shipped) == ["two hours"])
        #expect(spans(try TimeRecognizer(lexicon: extended)) == ["about two hours"])
    }
}
