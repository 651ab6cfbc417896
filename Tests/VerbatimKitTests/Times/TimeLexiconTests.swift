import Testing
@testable import VerbatimKit

@Suite("Time lexicon")
struct TimeLexiconTests {
    @Test func packedConstantsMatchTheirWords() {
        #expect(K.the == WordKey("the"))
        #expect(K.christmas == WordKey("christmas"))
        #expect(K.approximately == WordKey("approximately"))
        #expect(K.thanksgiving == WordKey("thanksgiving"))
        #expect(K.quarterKey == WordKey("quarter"))
    }

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

    /// TimeScanner.core skips its function-word rules for tokens outside the lexicon:
    /// every key those rules test must be a lexicon word.
    @Test func functionWordsOfTheCoreRulesAreInTheLexicon() {
        let lexicon = TimeLexicon()
        let tested: [WordKey] = [
            K.a, K.an, K.per, K.last, K.past, K.previous, K.this, K.current, K.next, K.coming, K.following,
            K.latest, K.first, K.recent, K.most, K.every, K.each, K.half, K.apostrophe, K.fiscal, K.tonight,
            K.overnight, K.weekend, K.quarterKey, K.year, K.now, K.currently, K.nowadays, K.recently, K.lately,
            K.soon, K.these, K.future, K.near, K.present, K.christmas, K.new, K.halloween, K.thanksgiving,
            K.nineties, K.eighties, K.seventies, K.sixties, K.fifties,
        ]
        for k in tested { #expect(lexicon.entry(k) != nil, "\(k)") }
    }

    @Test func lastAndNextWordTestsAgreeWithTheirLists() {
        for k in K.lastWords + K.nextWords + [K.this, K.the, K.latest, WordKey("pasta")] {
            #expect(K.isLastWord(k) == K.lastWords.contains(k))
            #expect(K.isNextWord(k) == K.nextWords.contains(k))
        }
    }

    @Test func lookupFindsWordsAndStarters() {
        let lexicon = TimeLexicon()
        #expect(lexicon.word(WordKey("september")) == .month(9, abbreviated: false))
        #expect(lexicon.word(WordKey("sept")) == .month(9, abbreviated: true))
        #expect(lexicon.word(WordKey("fridays")) == .weekday(5, plural: true))
        #expect(lexicon.entry(WordKey("the"))?.starter == true)
        #expect(lexicon.entry(WordKey("the"))?.word == nil)
        #expect(lexicon.entry(WordKey("police")) == nil)
    }
}
