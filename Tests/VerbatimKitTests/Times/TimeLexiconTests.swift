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
