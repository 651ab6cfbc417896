/// The words the gender stage reads, from the model files (see GENDER.md):
/// `names/titles.tsv` and `names/role-nouns.tsv` (their gender column),
/// `names/first-names.tsv` (share female), and `gender/words.tsv` (pronouns,
/// and the determiners and linking words of an apposition).
public struct GenderLexicon: Sendable {
    /// A title as listed: its form (case matters: `MS` is an office, `Ms` an
    /// honorific) and the gender it gives, if any.
    struct Title: Sendable {
        var form: String
        var gender: Gender?
    }

    /// Folded title key → its entries (several when forms differ by case).
    let titles: [String: [Title]]
    /// Folded singular role noun → the gender it gives (gendered nouns only).
    let roleNouns: [String: Gender]
    /// Folded pronoun → gender (he, his, she, her…), asked with a token's bytes and
    /// hash from the document's lexical pass (``LexicalPass``), or by ``pronoun(_:)``.
    let pronounTable: FoldedWordTable<Gender?>
    /// The pronouns' hashes (``HashBitFilter``): a plain word whose bit is clear is no
    /// pronoun, told without probing ``pronounTable``.
    let pronounFilter: HashBitFilter
    /// A cheap test before folding a token: the first two bytes pronouns start with
    /// (see ``mayBePronoun(_:)``), and their longest spelling in bytes (a typographic
    /// apostrophe folds from three bytes to one, so two are allowed for each of up to two).
    let pronounStarts: [Bool]
    let pronounMaxBytes: Int

    static func lowerASCII(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }

    /// The gender of the folded pronoun `folded` ("he", "her"), nil for other words.
    func pronoun(_ folded: String) -> Gender? {
        let word = FoldedWord(folded)
        return word.bytes.withUnsafeBufferPointer { pronounTable.value($0, hash: word.hash) }
    }

    /// Whether the UTF-8 word `bytes` may fold to a pronoun (false for most words).
    func mayBePronoun(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first, bytes.count <= pronounMaxBytes else { return false }
        let second = bytes.count > 1 ? Self.lowerASCII(bytes[bytes.startIndex + 1]) : 0
        return pronounStarts[Int(Self.lowerASCII(first)) << 8 | Int(second)]
    }
    /// Words that may open an apposition before its role noun ("a", "the", "her").
    let determiners: Set<String>
    /// Words that may follow the role noun of an apposition ("of", "for", "at").
    let links: Set<String>
    /// First names with their share female (column 2).
    let firstNames: LexiconTable?

    /// A first name gives a gender when at least this share of its recorded use is one gender.
    public static let firstNameThreshold = 0.95

    static let titleTable = "names/titles"
    static let titleGenderColumn = 3
    static let roleNounTable = "names/role-nouns"
    static let roleGenderColumn = 2
    static let roleNumberColumn = 3
    static let singular = "sg"
    static let wordTable = "gender/words"
    static let wordClassColumn = 2
    static let wordGenderColumn = 3
    static let firstNameTable = "names/first-names"
    static let femaleRatioColumn = 2

    /// Reads the tables from loaded models.
    /// - Parameter firstNames: the first-name table when a stage already loaded (and
    ///   indexed) it; nil reads it from `lexicon`.
    /// - Throws: ``VerbatimError/model(path:reason:)`` when a file is missing or a
    ///   class the stage reads has no entry.
    public init(lexicon: Lexicon, firstNames: LexiconTable? = nil) throws(VerbatimError) {
        var titles: [String: [Title]] = [:]
        let titleTable = try lexicon.table(Self.titleTable)
        for e in 0..<titleTable.count {
            titles[titleTable.key(e), default: []].append(
                Title(form: titleTable.form(e), gender: Self.gender(titleTable.field(e, Self.titleGenderColumn))))
        }
        var roleNouns: [String: Gender] = [:]
        let roles = try lexicon.table(Self.roleNounTable)
        for e in 0..<roles.count where roles.field(e, Self.roleNumberColumn) == Self.singular {
            if let g = Self.gender(roles.field(e, Self.roleGenderColumn)) { roleNouns[roles.key(e)] = g }
        }
        let words = try lexicon.table(Self.wordTable)
        try lexicon.understand(Self.wordTable, classColumn: Self.wordClassColumn, classes: ["pronoun", "determiner", "link"])
        var pronouns: [String: Gender] = [:]
        var determiners: Set<String> = [], links: Set<String> = []
        for e in 0..<words.count {
            switch words.field(e, Self.wordClassColumn) {
            case "pronoun": if let g = Self.gender(words.field(e, Self.wordGenderColumn)) { pronouns[words.key(e)] = g }
            case "determiner": determiners.insert(words.key(e))
            case "link": links.insert(words.key(e))
            default: break
            }
        }
        self.titles = titles
        self.roleNouns = roleNouns
        var pronounTable = FoldedWordTable<Gender?>(absent: nil)
        var pronounFilter = HashBitFilter(bits: 1 << 12)
        for (key, gender) in pronouns {
            let word = FoldedWord(key)
            pronounTable.insert(word, gender) { _, _ in }
            pronounFilter.insert(hash: word.hash)
        }
        self.pronounTable = pronounTable
        self.pronounFilter = pronounFilter
        // Indexed by the first two bytes, ASCII letters lower-cased (one-byte keys by the first).
        var starts = [Bool](repeating: false, count: 1 << 16)
        for key in pronouns.keys {
            let bytes = Array(key.utf8.prefix(2)).map(Self.lowerASCII)
            guard let first = bytes.first else { continue }
            starts[Int(first) << 8 | Int(bytes.count > 1 ? bytes[1] : 0)] = true
        }
        self.pronounStarts = starts
        self.pronounMaxBytes = (pronouns.keys.map(\.utf8.count).max() ?? 0) + 4
        self.determiners = determiners
        self.links = links
        if let firstNames { self.firstNames = firstNames } else { self.firstNames = try lexicon.table(Self.firstNameTable) }
    }

    /// The gender column's `f` / `m`; anything else (`-`) gives none.
    static func gender(_ field: String?) -> Gender? {
        switch field {
        case "f": return .female
        case "m": return .male
        default: return nil
        }
    }

    /// Whether `folded` is a title, and the gender it gives written as `surface`:
    /// an entry whose form matches the surface exactly decides; otherwise the
    /// entries must agree.
    func title(_ folded: String, surface: String) -> (isTitle: Bool, gender: Gender?) {
        guard let entries = titles[folded] else { return (false, nil) }
        if let exact = entries.first(where: { $0.form == surface }) { return (true, exact.gender) }
        // Written in lower case where every listed form has a capital, it is a common
        // noun, not a title: "the harbour master Jane Doe" is no "Master".
        if surface.first?.isLowercase == true, entries.allSatisfy({ $0.form.first?.isUppercase == true }) { return (false, nil) }
        let genders = Set(entries.map(\.gender))
        return (true, genders.count == 1 ? genders.first! : nil)
    }

    /// The gender a first name gives at the threshold, with its share female.
    func firstNameGender(_ folded: String) -> Gender? {
        guard let table = firstNames else { return nil }
        let entries = table.entries(forKey: folded)
        guard let e = entries.first else { return nil }
        let female = table.number(e, Self.femaleRatioColumn)
        if female >= Self.firstNameThreshold { return .female }
        if female <= 1 - Self.firstNameThreshold { return .male }
        return nil
    }
}
