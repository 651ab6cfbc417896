/// The words with which the segmenter overrules a sentence break that ICU makes
/// after an abbreviation (Models/segmentation/words.tsv): ICU's suppression list
/// has "Mr." but not "Dr." or "Sen.", so "Dr. Ana Pell" would open a sentence at
/// "Ana", and it breaks after dotted capitals before any capitalised word, so "the
/// U.S. Agriculture Department" would lose "U.S.". Loaded once with the models and
/// shared by every thread's ``Segmenter``.
public struct SentenceBreakWords: Sendable {
    /// The model file, read by class (column 3).
    static let table = "segmentation/words"

    /// Abbreviations that stand before a name or a number ("Dr", "Sen", "No"), as
    /// written: "DR." in a headline of capitals is not asked about.
    let titleAbbreviations: Set<[UInt8]>
    /// Function words that do open a sentence after dotted capitals ("in the U.S.
    /// The talks"), folded.
    let sentenceOpeners: WordSet

    /// Whether breaks are overruled at all (not for ``none``).
    let overrules: Bool

    /// ICU's breaks as they are, with its own suppressions only (a pipeline built
    /// from annotators alone, without models).
    public static let none = SentenceBreakWords(titleAbbreviations: [], sentenceOpeners: [], overrules: false)

    init(titleAbbreviations: Set<[UInt8]>, sentenceOpeners: WordSet, overrules: Bool = true) {
        self.titleAbbreviations = titleAbbreviations
        self.sentenceOpeners = sentenceOpeners
        self.overrules = overrules
    }

    /// The words of `segmentation/words.tsv`.
    /// - Throws: ``VerbatimError/model(path:reason:)`` when the file is missing or
    ///   lacks a class the segmenter reads.
    public init(lexicon: Lexicon) throws(VerbatimError) {
        let words = try lexicon.table(Self.table)
        try lexicon.understand(Self.table, classColumn: 2, classes: ["title-abbreviation", "sentence-opener"])
        var abbreviations: Set<[UInt8]> = []
        var openers = WordSet()
        for e in 0..<words.count {
            switch words.field(e, 2) {
            case "title-abbreviation": if let form = words.field(e, 1) { abbreviations.insert(Array(form.utf8)) }
            case "sentence-opener": openers.insert(words.key(e))
            default: break
            }
        }
        self.init(titleAbbreviations: abbreviations, sentenceOpeners: openers)
    }

    /// Whether the sentence break ICU puts before token `i` is spurious: the token
    /// follows a title abbreviation or an initial (``followsTitleAbbreviation``), or
    /// dotted capitals without being a sentence opener (``followsDottedCapitals``).
    func overrulesBreak(before i: Int, _ tokens: [Token], _ bytes: [UInt8]) -> Bool {
        overrules && (followsTitleAbbreviation(i, tokens, bytes) || followsDottedCapitals(i, tokens, bytes))
    }

    /// A word or number after "Dr." (a title abbreviation and its full stop) or after
    /// a single capital's full stop ("J. K. Rowling").
    private func followsTitleAbbreviation(_ i: Int, _ tokens: [Token], _ bytes: [UInt8]) -> Bool {
        guard i >= 2, tokens[i].kind == .word || tokens[i].kind == .number else { return false }
        let stop = tokens[i - 1], word = tokens[i - 2]
        guard stop.length == 1, bytes[Int(stop.start)] == UInt8(ascii: "."), stop.start == word.end,
              word.kind == .word, word.shape == .title || word.shape == .upper else { return false }
        if word.length == 1 { return tokens[i].shape == .title || tokens[i].shape == .upper }
        return titleAbbreviations.contains(Array(bytes[Int(word.start)..<Int(word.end)]))
    }

    /// A capitalised word after dotted capitals ("U.S.", "U.N.", "D.C.": one token,
    /// its final stop joined) that is no sentence opener: "the U.S. Agriculture
    /// Department", "the U.N. Security Council". In news nearly every such break is
    /// inside a name; "in the U.S. The talks" keeps its break.
    private func followsDottedCapitals(_ i: Int, _ tokens: [Token], _ bytes: [UInt8]) -> Bool {
        guard i >= 1, tokens[i].kind == .word, tokens[i].shape == .title || tokens[i].shape == .upper,
              tokens[i - 1].end <= tokens[i].start, Self.isDottedCapitals(tokens[i - 1], bytes) else { return false }
        let word = String(decoding: bytes[Int(tokens[i].start)..<Int(tokens[i].end)], as: UTF8.self).lowercased()
        return !sentenceOpeners.contains(word)
    }

    /// Whether a token is two or more capitals each followed by a full stop ("U.S.").
    static func isDottedCapitals(_ t: Token, _ bytes: [UInt8]) -> Bool {
        let s = Int(t.start), e = Int(t.end)
        guard t.kind == .word, e - s >= 4, (e - s) % 2 == 0 else { return false }
        for k in stride(from: s, to: e, by: 2) {
            guard bytes[k] >= 0x41, bytes[k] <= 0x5A, bytes[k + 1] == UInt8(ascii: ".") else { return false }
        }
        return true
    }
}
