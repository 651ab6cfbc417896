/// The words with which the segmenter overrules a sentence break that ICU makes
/// after an abbreviation (Models/segmentation/words.tsv): ICU's suppression list
/// has "Mr." but not "Dr." or "Sen.", so "Dr. Ana Pell" would open a sentence at
/// "Ana". Loaded once with the models and shared by every thread's ``Segmenter``.
public struct SentenceBreakWords: Sendable {
    /// The model file, read by class (column 3).
    static let table = "segmentation/words"

    /// Abbreviations that stand before a name or a number ("Dr", "Sen", "No"), as
    /// written: "DR." in a headline of capitals is not asked about.
    let titleAbbreviations: Set<[UInt8]>

    /// No words: only ICU's own suppressions hold (a pipeline built from annotators
    /// alone, without models).
    public static let none = SentenceBreakWords(titleAbbreviations: [])

    init(titleAbbreviations: Set<[UInt8]>) {
        self.titleAbbreviations = titleAbbreviations
    }

    /// The words of `segmentation/words.tsv`.
    /// - Throws: ``VerbatimError/model(path:reason:)`` when the file is missing or
    ///   lacks a class the segmenter reads.
    public init(lexicon: Lexicon) throws(VerbatimError) {
        let words = try lexicon.table(Self.table)
        try lexicon.understand(Self.table, classColumn: 2, classes: ["title-abbreviation"])
        var abbreviations: Set<[UInt8]> = []
        for e in 0..<words.count where words.field(e, 2) == "title-abbreviation" {
            if let form = words.field(e, 1) { abbreviations.insert(Array(form.utf8)) }
        }
        self.init(titleAbbreviations: abbreviations)
    }

    /// Whether the sentence break ICU puts before token `i` is spurious: the token is
    /// a word or number after "Dr." (a title abbreviation and its full stop, glued)
    /// or after a single capital's full stop ("J. K. Rowling").
    func overrulesBreak(before i: Int, _ tokens: [Token], _ bytes: [UInt8]) -> Bool {
        guard i >= 2, tokens[i].kind == .word || tokens[i].kind == .number else { return false }
        let stop = tokens[i - 1], word = tokens[i - 2]
        guard stop.length == 1, bytes[Int(stop.start)] == UInt8(ascii: "."), stop.start == word.end,
              word.kind == .word, word.shape == .title || word.shape == .upper else { return false }
        if word.length == 1 { return tokens[i].shape == .title || tokens[i].shape == .upper }
        return titleAbbreviations.contains(Array(bytes[Int(word.start)..<Int(word.end)]))
    }
}
