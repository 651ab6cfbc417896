/// The lexicon tables the PERSON/ORG/PLACE recognizers read, checked once at load.
public struct EntityLexicon: Sendable {
    public let firstNames: LexiconTable
    public let surnames: LexiconTable
    public let commonWords: LexiconTable
    public let companies: LexiconTable
    public let legalSuffixes: LexiconTable
    public let cities: LexiconTable
    public let countries: LexiconTable
    public let regions: LexiconTable
    public let demonyms: LexiconTable
    /// Cue words (Models/entities/cues.tsv): `key form class extra`.
    public let cues: LexiconTable
    /// Labelled user entries (``Lexicon/addUserList(contentsOf:extending:)``), if any.
    public let user: LexiconTable?
    /// The cue and word classes of every word that has some (one probe per word).
    let wordClasses: WordClassIndex
    /// Endings of compound adjectives and of adjectives of peoples (``WordEnding``),
    /// folded, without their hyphen.
    let compoundEndings: [[UInt8]]
    let groupAdjectiveEndings: [[UInt8]]
    /// The English name of each country by ISO code (the canonical name of its aliases).
    let countryNames: [String: String]
    /// The multi-word class of each cue entry, by entry index.
    let cueKinds: [CueKind]

    /// The tables recognizers walk from token to token for multi-word names; their
    /// look-ups are memoised per token (``EntityContext/longest(_:from:limit:caseSensitive:)``).
    enum Walked: Int, CaseIterable { case cities, countries, regions, companies, legalSuffixes }

    /// Cue classes that name whole phrases rather than give a token a feature.
    enum CueKind: UInt8, Sendable { case other, countryAlias, orgKnown, placeKnown }

    /// The classes of the cue table's `class` column that give a token a feature.
    static let cueFeatureClasses: [(String, TokenFeatures)] = [
        ("title", .title), ("role", .role), ("orghead", .orgHead), ("orgof", .orgOf), ("facility", .facility),
        ("street", .street), ("geohead", .geoHead), ("geopre", .geoPre), ("speech", .speech), ("prep", .prep),
        ("particle", .particle), ("notname", .notName), ("sport", .sport), ("month", .month),
    ]

    /// The classes of the cue table's `class` column that name whole phrases.
    static let cuePhraseClasses: [(String, CueKind)] = [("countryalias", .countryAlias), ("orgknown", .orgKnown), ("placeknown", .placeKnown)]

    /// Takes the tables from a loaded lexicon.
    /// - Throws: ``VerbatimError/model(path:reason:)`` naming the first missing file.
    public init(_ lexicon: Lexicon) throws(VerbatimError) {
        // Hash indexes for the tables asked about every token, built in parallel (start-up
        // time); value columns: first-name count, surname count, common-word size class.
        let indexed = ConcurrentMap.map([
            (try lexicon.table("names/surnames"), 2), (try lexicon.table("names/first-names"), 3),
            (try lexicon.table("common-words"), 2), (try lexicon.table("places/demonyms"), nil),
        ] as [(LexiconTable, Int?)]) { table, column in table.withHashIndex(valueColumn: column) }
        surnames = indexed[0]
        firstNames = indexed[1]
        commonWords = indexed[2]
        companies = try lexicon.table("orgs/companies")
        legalSuffixes = try lexicon.table("orgs/legal-suffixes")
        cities = try lexicon.table("places/cities")
        let countries = try lexicon.table("places/countries")
        self.countries = countries
        regions = try lexicon.table("places/regions")
        var countryNames: [String: String] = [:]
        for i in 0..<countries.count where countries.field(i, 3, equals: "name") {
            if let iso = countries.field(i, 2), countryNames[iso] == nil { countryNames[iso] = countries.form(i) }
        }
        self.countryNames = countryNames
        demonyms = indexed[3]
        let cues = try lexicon.table("entities/cues")
        self.cues = cues
        user = lexicon.optionalTable(Lexicon.userTableName)
        try lexicon.understand("entities/cues", classColumn: 2,
                               classes: EntityLexicon.cueFeatureClasses.map(\.0) + EntityLexicon.cuePhraseClasses.map(\.0))
        var index = WordClassIndex()
        var kinds: [CueKind] = []
        kinds.reserveCapacity(cues.count)
        for e in 0..<cues.count {
            let cueClass = cues.field(e, 2)
            var features: TokenFeatures = []
            for (name, feature) in EntityLexicon.cueFeatureClasses where cueClass == name { features.formUnion(feature) }
            index.add(ArraySlice(cues.key(e).utf8), .init(features: features))
            kinds.append(EntityLexicon.cuePhraseClasses.first { cueClass == $0.0 }?.1 ?? .other)
        }
        cueKinds = kinds
        let words = try lexicon.table("entities/words")
        try lexicon.understand("entities/words", classColumn: 2,
                               classes: WordClasses.names.map(\.1) + WordEnding.allCases.map(\.rawValue))
        var endings: [WordEnding: [[UInt8]]] = [:]
        for e in 0..<words.count {
            let key = Array(words.key(e).utf8)
            let wordClass = words.field(e, 2)
            if let ending = WordEnding.allCases.first(where: { wordClass == $0.rawValue }) {
                endings[ending, default: []].append(key.first == 0x2D ? Array(key.dropFirst()) : key)
            } else if let (word, _) = WordClasses.names.first(where: { wordClass == $0.1 }) {
                index.add(key[...], .init(classes: word))
            }
        }
        wordClasses = index
        compoundEndings = endings[.compound] ?? []
        groupAdjectiveEndings = endings[.groupAdjective] ?? []
    }
}
