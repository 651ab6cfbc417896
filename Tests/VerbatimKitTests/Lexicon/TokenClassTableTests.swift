import Testing
@testable import VerbatimKit

/// The time and quote stages read their tokens' facts from one probe per token of a
/// shared table (``TokenClassTable``): those facts must be, token for token, what each
/// stage's own look-up gives (``TimeTokens/lookUp(_:_:pass:in:everyWordStarts:)``,
/// ``QuoteVocabulary/classes(of:tokens:)``), which stay for the stages built alone.
@Suite("One token-class probe for the time and quote stages")
struct TokenClassTableTests {
    let time: TimeLexicon
    let quotes = shippedQuoteStage.vocabulary
    let table: TokenClassTable

    init() throws {
        time = try TimeLexicon(lexicon: shippedLexicon)
        table = try #require(TokenClassTable(time: time, quotes: quotes))
    }

    /// Every word of both vocabularies, and only those, has its two stages' values.
    @Test func everyWordHasBothStagesValues() {
        var quoteWords: [String] = []
        quotes.table.forEach { word, _, _ in quoteWords.append(String(decoding: word, as: UTF8.self)) }
        let timeWords = time.table.allKeys.map { String(decoding: $0.bytes, as: UTF8.self) }
        #expect(quoteWords.count > 1_000)
        #expect(timeWords.count > 400)
        var both = 0
        for word in quoteWords + timeWords {
            let value = table.value(of: word)
            #expect(value.classes == quotes.classes(of: word), "\(word)")
            #expect(value.timeID == (WordKey(Array(word.utf8)[...]).map { time.table.id($0) } ?? 0), "\(word)")
            if value.classes != 0 && value.timeID != 0 { both += 1 }
        }
        // Many words are in both ("last", "on", "the"): one slot holds both stages' values.
        #expect(both > 20)
        #expect(table.count == Set(quoteWords + timeWords).count)
        for word in ["ferry", "harbour", "violin", "", "x", "zürich"] {
            #expect(table.value(of: word) == (0, 0), "\(word)")
        }
    }

    /// Every word of both vocabularies written as a token, in lower, title and upper
    /// case, in a text: the filter lets each through, and both stages' per-token values
    /// equal their own look-ups'.
    @Test func everyWordAsATokenGetsBothStagesValues() throws {
        var words = time.table.allKeys.map { String(decoding: $0.bytes, as: UTF8.self) }
        quotes.table.forEach { word, _, _ in words.append(String(decoding: word, as: UTF8.self)) }
        let text = words.map { "\($0) \($0.prefix(1).uppercased() + $0.dropFirst()) \($0.uppercased())" }.joined(separator: " , ")
        let compared = try compare(text)
        #expect(compared.timeEntries > words.count)
        #expect(compared.quoteClasses > words.count)
    }

    /// Random invented texts of tricky pieces: words in both vocabularies, in one, in
    /// neither; possessives in every case and apostrophe; backticks, accents, letters
    /// whose Unicode lower case is ASCII (the Kelvin sign), fullwidth letters, kana;
    /// numbers of every length; words too long for a time key; pieces at the very end.
    @Test func randomTextsGetBothStagesValues() throws {
        var rng = SplitMix64(seed: 2026)
        let pieces = ["Sunday's", "SUNDAY'S", "Sunday’s", "sunday`s", "Sundays'", "MONTH`S", "o`clock", "`", "’", "'s",
                      "said", "Said", "SAID", "told", "spokesman’s", "Spokeswoman's", "officials'", "according", "to",
                      "the", "The", "last", "Last", "on", "On", "in", "this", "next", "year", "Year's", "Mother’s",
                      "Décembre", "Zürich's", "fiancé", "Fiancé", "WEEK", "wee\u{212A}", "\u{212A}", "\u{FF2D}onday",
                      "İstanbul", "SEPT", "Sept.", "a.m.", "P.M.", "’90s", "90's", "1990s", "14th", "3Sept", "0", "7",
                      "007", "1990", "123456789", "1234567890", "12345678901234567890123", "7.40am", "10:30", "2,000",
                      "abcdefghijklmnopqrst", "twenty-first", "Easter’", "—", "…", "🎉", "año", "x", "Noon", "tonight",
                      "ferry", "harbour", "東京", "カタカナ", "“", "”", "\"", ",", ".", "he", "She", "minister"]
        var timeEntries = 0, quoteClasses = 0, neither = 0
        for _ in 0..<2_000 {
            let compared = try compare(randomText(from: pieces, using: &rng))
            timeEntries += compared.timeEntries
            quoteClasses += compared.quoteClasses
            neither += compared.neither
        }
        // The texts do hold words of each vocabulary, and others.
        #expect(timeEntries > 2_000)
        #expect(quoteClasses > 1_000)
        #expect(neither > 2_000)
    }

    /// The standard pipeline gives its time and quote stages one table, made of their
    /// own vocabularies; the first of them to ask makes a document's classes, the
    /// other reads them.
    @Test func theStandardPipelineSharesOneTable() throws {
        let pipeline = try Pipeline(lexicon: shippedLexicon)
        let times = try #require(pipeline.annotators.compactMap { $0 as? TimeRecognizer }.first)
        let quoteStage = try #require(pipeline.annotators.compactMap { $0 as? QuoteAnnotator }.first)
        let shared = try #require(times.tokenClasses)
        #expect(quoteStage.tokenClasses === shared)
        let document = Document(text: "“We sail on Sunday,” harbour spokeswoman Wren Talbot said last week.", date: timeReference)
        var state = AnalysisState(document: document, segmentation: try shippedSegmenter().segment(document))
        #expect(!state.hasTokenClasses)
        times.annotate(&state)
        #expect(state.hasTokenClasses)
        quoteStage.annotate(&state)
        #expect(state.annotation.entities.contains { $0.label == .time })
        #expect(state.annotation.quotes.count == 1)
        // The output is the stages' own, alone.
        let alone = try Pipeline(annotators: [try TimeRecognizer(lexicon: shippedLexicon), shippedQuoteStage]).annotate(document)
        #expect(state.annotation == alone)
    }

    /// A document's classes are those of the table asked for, and of its tokens: made
    /// again for another table, and after the segmentation changes.
    @Test func classesAreNeverStale() throws {
        let other = try #require(TokenClassTable(time: time, quotes: quotes))
        let document = Document(text: "They met on Monday, the minister said.")
        let segmentation = try shippedSegmenter().segment(document)
        var state = AnalysisState(document: document, segmentation: segmentation)
        let first = state.tokenClasses(table)
        #expect(first.table === table)
        #expect(state.tokenClasses(table).table === table)
        #expect(state.tokenClasses(other).table === other)
        state.segmentation = Segmentation()
        #expect(!state.hasTokenClasses)
        #expect(state.tokenClasses(other).quote.isEmpty)
    }

    /// The two stages' own per-token values and the shared table's, compared on `text`.
    private func compare(_ text: String) throws -> (timeEntries: Int, quoteClasses: Int, neither: Int) {
        let document = Document(id: "t", text: text)
        let tokens = try shippedSegmenter().segment(document).tokens
        let pass = LexicalPass(document: document, tokens: tokens)
        let merged = table.classes(of: document, tokens, pass: pass)
        let ownQuote = quotes.classes(of: pass, tokens: tokens)
        let ownTime = TimeTokens.lookUp(document.utf8, tokens, pass: pass, in: time, everyWordStarts: false)
        #expect(merged.quote == ownQuote, "\(text.debugDescription)")
        #expect(merged.time.ids == ownTime.ids, "\(text.debugDescription)")
        #expect(merged.time.flags.map(\.rawValue) == ownTime.flags.map(\.rawValue), "\(text.debugDescription)")
        #expect(merged.time.numbers == ownTime.numbers, "\(text.debugDescription)")
        return (ownTime.ids.filter { $0 != 0 }.count, ownQuote.filter { $0 != 0 }.count,
                tokens.indices.filter { ownTime.ids[$0] == 0 && ownQuote[$0] == 0 }.count)
    }
}
