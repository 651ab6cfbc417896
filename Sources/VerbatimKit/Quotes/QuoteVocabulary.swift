import Foundation

/// Every word the quote stage's rules read, by class, loaded from Models/: the rules
/// name classes (``WordClass``), the words live in the model files, where users extend
/// them (`--extend-models`, `--lexicon`).
///
/// - speech verbs: the forms of `cues/speech-verbs.tsv` whose `use` is `cue`;
/// - role nouns: the one-word forms of `names/role-nouns.tsv` and of
///   `quotes/role-nouns.tsv` (role nouns the quote stage reads that the names file
///   does not have yet), plural ones by their `number` column;
/// - everything else: `quotes/words.tsv`, one line per word and class.
///
/// A document's tokens are looked up once (``classes(of:tokens:)``): each rule's test
/// is then a bit test, not a hash probe.
struct QuoteVocabulary: Sendable {
    /// A class of words that a rule reads. The raw value is the class's bit.
    enum WordClass: Int, CaseIterable, Sendable {
        /// A reporting verb in a tense form that reports speech wherever it stands
        /// ("said", "tells", "adding").
        case speechVerb
        /// A speech verb of `sense` belief ("thought", "hoped"): no reported speech.
        case beliefVerb
        /// A speech verb of `sense` manner ("shouted", "described"): introduces a quote,
        /// never a reported clause.
        case mannerVerb
        /// A base or -s form of a speech verb (`use` = `before-that`): a cue only
        /// before "that" ("Smith states that …").
        case thatVerb
        /// A role noun that heads a speaker description ("spokesman", "minister").
        case roleNoun
        /// A role noun in the plural ("critics", "officials"): `number` = `pl`.
        case pluralRoleNoun
        // quotes/words.tsv, named by the class column there (``modelName``).
        case clauseWord, titleSmallWord, subjectPronoun, determiner, preposition, beforeVerb,
             clauseStop, sentenceOpener, nonSpeaker, title, particle, adverbialOpener,
             headPreposition, organisationWord, calendarWord, maleTitle, femaleTitle,
             definiteArticle, article, appositionStart, coordinator, relativePronoun,
             nonPersonFirstWord, malePronoun, femalePronoun, beForm, singularDeterminer, quantityWord,
             complementizer, finiteVerb, objectPronoun, addresseeVerb, nonClauseStart, irregularVerb, documentNoun,
             nounPhrasePreposition, subjectContraction, passiveAuxiliary, modalOrNegation, infinitiveMarker, subordinator,
             firstPerson, malePossessive, femalePossessive, agentPreposition, listConjunction,
             relativeOpener
        /// The first word of a phrase of each ``PhraseClass`` ("according" of "according to").
        case sourcePrepositionStart, sourcePhraseStart, cuePhraseStart, attributionPhraseStart
        /// A noun naming a speech act or its vehicle (`cues/speech-nouns.tsv`: "statement").
        case speechNoun

        var bit: UInt64 { 1 << UInt64(rawValue) }

        /// The class's name in `quotes/words.tsv`, for classes read from there.
        var modelName: String? {
            switch self {
            case .speechVerb, .beliefVerb, .mannerVerb, .thatVerb, .roleNoun, .pluralRoleNoun, .speechNoun,
                 .sourcePrepositionStart, .sourcePhraseStart, .cuePhraseStart, .attributionPhraseStart: return nil
            case .clauseWord: return "clause-word"
            case .titleSmallWord: return "title-small-word"
            case .subjectPronoun: return "subject-pronoun"
            case .determiner: return "determiner"
            case .preposition: return "preposition"
            case .beforeVerb: return "before-verb"
            case .clauseStop: return "clause-stop"
            case .sentenceOpener: return "sentence-opener"
            case .nonSpeaker: return "non-speaker"
            case .title: return "title"
            case .particle: return "particle"
            case .adverbialOpener: return "adverbial-opener"
            case .headPreposition: return "head-preposition"
            case .organisationWord: return "organisation-word"
            case .calendarWord: return "calendar-word"
            case .maleTitle: return "male-title"
            case .femaleTitle: return "female-title"
            case .definiteArticle: return "definite-article"
            case .article: return "article"
            case .appositionStart: return "apposition-start"
            case .coordinator: return "coordinator"
            case .relativePronoun: return "relative-pronoun"
            case .nonPersonFirstWord: return "non-person-first-word"
            case .malePronoun: return "male-pronoun"
            case .femalePronoun: return "female-pronoun"
            case .beForm: return "be-form"
            case .singularDeterminer: return "singular-determiner"
            case .quantityWord: return "quantity-word"
            case .complementizer: return "complementizer"
            case .finiteVerb: return "finite-verb"
            case .objectPronoun: return "object-pronoun"
            case .addresseeVerb: return "addressee-verb"
            case .nonClauseStart: return "non-clause-start"
            case .irregularVerb: return "irregular-verb"
            case .documentNoun: return "document-noun"
            case .nounPhrasePreposition: return "noun-phrase-preposition"
            case .subjectContraction: return "subject-contraction"
            case .passiveAuxiliary: return "passive-auxiliary"
            case .modalOrNegation: return "modal-or-negation"
            case .infinitiveMarker: return "infinitive-marker"
            case .subordinator: return "subordinator"
            case .firstPerson: return "first-person"
            case .malePossessive: return "male-possessive"
            case .femalePossessive: return "female-possessive"
            case .agentPreposition: return "agent-preposition"
            case .listConjunction: return "list-conjunction"
            case .relativeOpener: return "relative-opener"
            }
        }
    }

    /// Multi-word classes: a phrase's first word gets the `start` class, the phrase
    /// is matched token by token (the longest wins).
    enum PhraseClass: Int, CaseIterable, Sendable {
        /// "according to" (`quotes/words.tsv`): the source follows; read by the
        /// direct-quote sieves.
        case sourcePreposition
        /// `cues/speech-phrases.tsv` kind `prep` ("according to", "quoted by"): the
        /// source of reported speech follows.
        case sourcePhrase
        /// `cues/speech-phrases.tsv` kind `verb` ("pointed out", "made it clear"): a
        /// multi-word reporting verb.
        case cuePhrase
        /// `cues/speech-phrases.tsv` kind `attrib` ("in a statement", "told
        /// reporters"): stands between a cue and the reported content.
        case attributionPhrase

        /// The file and class the phrases come from.
        var source: (table: String, column: Int, name: String) {
            switch self {
            case .sourcePreposition: return (QuoteVocabulary.wordTable, QuoteVocabulary.wordClassColumn, "source-preposition")
            case .sourcePhrase: return (QuoteVocabulary.phraseTable, QuoteVocabulary.phraseKindColumn, "prep")
            case .cuePhrase: return (QuoteVocabulary.phraseTable, QuoteVocabulary.phraseKindColumn, "verb")
            case .attributionPhrase: return (QuoteVocabulary.phraseTable, QuoteVocabulary.phraseKindColumn, "attrib")
            }
        }

        var start: WordClass {
            switch self {
            case .sourcePreposition: return .sourcePrepositionStart
            case .sourcePhrase: return .sourcePhraseStart
            case .cuePhrase: return .cuePhraseStart
            case .attributionPhrase: return .attributionPhraseStart
            }
        }
    }

    static let speechVerbTable = "cues/speech-verbs"
    static let speechVerbUseColumn = 4
    static let speechVerbClass = "cue"
    static let thatVerbClass = "before-that"
    static let speechVerbSenseColumn = 5
    static let beliefSense = "belief"
    static let mannerSense = "manner"
    static let roleNounTables = ["names/role-nouns", "quotes/role-nouns"]
    static let roleNumberColumn = 3
    static let plural = "pl"
    static let wordTable = "quotes/words"
    static let phraseTable = "cues/speech-phrases"
    static let phraseKindColumn = 2
    static let speechNounTable = "cues/speech-nouns"
    static let wordClassColumn = 2

    private(set) var table = WordClassTable()
    /// Each phrase class's phrases, as folded words, longest first.
    private(set) var phrases: [[[FoldedWord]]] = Array(repeating: [], count: PhraseClass.allCases.count)
    /// Per phrase class, the phrases (indices into ``phrases``, longest first) by the
    /// hash of their first word: a token looks only at the phrases it can start.
    private(set) var phrasesByFirstWord: [[UInt64: [Int32]]] = PhraseClass.allCases.map { _ in [:] }

    /// Reads the classes from loaded models.
    /// - Throws: ``VerbatimError/model(path:reason:)`` when a file is missing or a class
    ///   has no entry.
    init(lexicon: Lexicon) throws(VerbatimError) {
        let verbs = try lexicon.table(Self.speechVerbTable)
        try lexicon.understand(Self.speechVerbTable, classColumn: Self.speechVerbUseColumn,
                               classes: [Self.speechVerbClass, Self.thatVerbClass])
        for e in 0..<verbs.count {
            let form = verbs.form(e).lowercased()
            switch verbs.field(e, Self.speechVerbUseColumn) {
            case Self.speechVerbClass: table.insert(form, .speechVerb)
            case Self.thatVerbClass: table.insert(form, .thatVerb)
            default: continue
            }
            switch verbs.field(e, Self.speechVerbSenseColumn) {
            case Self.beliefSense: table.insert(form, .beliefVerb)
            case Self.mannerSense: table.insert(form, .mannerVerb)
            default: break
            }
        }
        // Forms, lower-cased, not the keys: the quote stage's folding keeps accents
        // ("fiancé"), which the keys drop.
        for name in Self.roleNounTables {
            let roles = try lexicon.table(name)
            for e in 0..<roles.count {
                let form = roles.form(e)
                guard !form.contains(" ") else { continue }
                table.insert(form.lowercased(), .roleNoun)
                if roles.field(e, Self.roleNumberColumn) == Self.plural { table.insert(form.lowercased(), .pluralRoleNoun) }
            }
        }
        let nouns = try lexicon.table(Self.speechNounTable)
        for e in 0..<nouns.count where !nouns.form(e).contains(" ") {
            table.insert(nouns.form(e).lowercased(), .speechNoun)
        }
        let words = try lexicon.table(Self.wordTable)
        let singles = WordClass.allCases.compactMap { c in c.modelName.map { (c, $0) } }
        var byName: [String: WordClass] = [:]
        for (c, name) in singles { byName[name] = c }
        var classesByTable: [String: [String]] = [Self.wordTable: singles.map(\.1)]
        for c in PhraseClass.allCases { classesByTable[c.source.table, default: []].append(c.source.name) }
        for (name, classes) in classesByTable.sorted(by: { $0.key < $1.key }) {
            let column = name == Self.wordTable ? Self.wordClassColumn : Self.phraseKindColumn
            try lexicon.understand(name, classColumn: column, classes: classes)
        }
        for e in 0..<words.count {
            if let name = words.field(e, Self.wordClassColumn), let c = byName[name] { table.insert(words.key(e), c) }
        }
        for c in PhraseClass.allCases {
            let t = try lexicon.table(c.source.table)
            for e in 0..<t.count where t.field(e, c.source.column) == c.source.name {
                let parts = t.key(e).split(separator: " ").map(String.init)
                guard let first = parts.first else { continue }
                table.insert(first, c.start)
                phrases[c.rawValue].append(parts.map(FoldedWord.init))
            }
            // Longest first: the first match is the longest.
            phrases[c.rawValue].sort { $0.count > $1.count }
            for (k, words) in phrases[c.rawValue].enumerated() {
                phrasesByFirstWord[c.rawValue][words[0].hash, default: []].append(Int32(k))
            }
        }
    }

    /// The classes of every token of a document (0 for tokens that are not words).
    func classes(of keys: LexicalPass, tokens: [Token]) -> [UInt64] {
        precondition(keys.count == tokens.count, "the lexical pass is made of other tokens")
        // Every element written once: zero-filling the array first was a second pass over it.
        return [UInt64](unsafeUninitializedCapacity: tokens.count) { out, written in
            tokens.withUnsafeBufferPointer { tokens in
                keys.forEach(where: { _ in true }) { i, word, hash in
                    (out.baseAddress! + i).initialize(to: tokens[i].kind == .word ? table.classes(word, hash: hash) : 0)
                }
            }
            written = tokens.count
        }
    }

    /// The classes of one folded word (tests, tools).
    func classes(of word: String) -> UInt64 {
        let w = FoldedWord(word)
        return w.bytes.withUnsafeBufferPointer { table.classes($0, hash: w.hash) }
    }

    /// Whether `word` (folded) is in class `c`.
    func contains(_ word: String, _ c: WordClass) -> Bool { classes(of: word) & c.bit != 0 }
}

/// Folded words with the classes they belong to: one probe of the table (indexed by
/// the word's FNV-1a hash, which ``LexicalPass`` computed) answers every class at once.
struct WordClassTable: Sendable {
    private var table = FoldedWordTable<UInt64>(absent: 0)
    /// Every word's hash, in 8 KB that stay in the L1 cache and answer 0 for most words
    /// in no class (over half of a text's words) without touching the table's slots, a
    /// cache miss each in a table of some 2,500 words (the quote stage's D1 misses in its
    /// class pass fell by a sixth; issue 25).
    private var filter = HashBitFilter(bits: 1 << 16)

    var count: Int { table.count }

    /// Adds `word` (already folded) to class `c`.
    mutating func insert(_ word: String, _ c: QuoteVocabulary.WordClass) {
        let folded = FoldedWord(word)
        table.insert(folded, c.bit) { $0 |= $1 }
        filter.insert(hash: folded.hash)
    }

    /// `body(word, hash, classes)` of every word (``TokenClassTable`` merges them).
    func forEach(_ body: (UnsafeBufferPointer<UInt8>, UInt64, UInt64) -> Void) { table.forEach(body) }

    /// The classes of `word`, whose FNV-1a hash is `hash` (0 when it is in none).
    @inline(__always)
    func classes(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> UInt64 {
        guard filter.mayContain(hash) else { return 0 }
        return table.value(word, hash: hash)
    }
}
