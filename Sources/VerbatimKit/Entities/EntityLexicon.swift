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
    /// The feature each cue entry gives a token, by entry index.
    let cueFeatures: [TokenFeatures]
    /// The multi-word class of each cue entry, by entry index.
    let cueKinds: [CueKind]

    /// The tables recognizers walk from token to token for multi-word names; their
    /// look-ups are memoised per token (``EntityContext/longest(_:from:limit:caseSensitive:)``).
    enum Walked: Int, CaseIterable { case cities, countries, regions, companies, legalSuffixes }

    /// Cue classes that name whole phrases rather than give a token a feature.
    enum CueKind: UInt8, Sendable { case other, countryAlias, orgKnown, placeKnown }

    /// Takes the tables from a loaded lexicon.
    /// - Throws: ``VerbatimError/model(path:reason:)`` naming the first missing file.
    public init(_ lexicon: Lexicon) throws(VerbatimError) {
        // Hash indexes for the tables asked about every token, built in parallel (start-up
        // time); value columns: first-name count, surname count, common-word size class.
        let indexed = ConcurrentMap.map([
            (try lexicon.table("names/surnames"), 2), (try lexicon.table("names/first-names"), 3),
            (try lexicon.table("common-words"), 2), (try lexicon.table("places/demonyms"), nil),
            (try lexicon.table("entities/cues"), nil),
        ] as [(LexiconTable, Int?)]) { table, column in table.withHashIndex(valueColumn: column) }
        surnames = indexed[0]
        firstNames = indexed[1]
        commonWords = indexed[2]
        companies = try lexicon.table("orgs/companies")
        legalSuffixes = try lexicon.table("orgs/legal-suffixes")
        cities = try lexicon.table("places/cities")
        countries = try lexicon.table("places/countries")
        regions = try lexicon.table("places/regions")
        demonyms = indexed[3]
        cues = indexed[4]
        user = lexicon.optionalTable(Lexicon.userTableName)
        var features: [TokenFeatures] = [], kinds: [CueKind] = []
        features.reserveCapacity(cues.count)
        kinds.reserveCapacity(cues.count)
        for e in 0..<cues.count {
            features.append(EntityLexicon.cueClass(cues, e))
            if cues.field(e, 2, equals: "countryalias") { kinds.append(.countryAlias) }
            else if cues.field(e, 2, equals: "orgknown") { kinds.append(.orgKnown) }
            else if cues.field(e, 2, equals: "placeknown") { kinds.append(.placeKnown) }
            else { kinds.append(.other) }
        }
        cueFeatures = features
        cueKinds = kinds
    }

    /// The cue classes of the cue table's `class` column.
    static func cueClass(_ t: LexiconTable, _ entry: Int) -> TokenFeatures {
        if t.field(entry, 2, equals: "title") { return .title }
        if t.field(entry, 2, equals: "role") { return .role }
        if t.field(entry, 2, equals: "orghead") { return .orgHead }
        if t.field(entry, 2, equals: "orgof") { return .orgOf }
        if t.field(entry, 2, equals: "facility") { return .facility }
        if t.field(entry, 2, equals: "street") { return .street }
        if t.field(entry, 2, equals: "geohead") { return .geoHead }
        if t.field(entry, 2, equals: "geopre") { return .geoPre }
        if t.field(entry, 2, equals: "speech") { return .speech }
        if t.field(entry, 2, equals: "prep") { return .prep }
        if t.field(entry, 2, equals: "particle") { return .particle }
        if t.field(entry, 2, equals: "notname") { return .notName }
        if t.field(entry, 2, equals: "sport") { return .sport }
        if t.field(entry, 2, equals: "month") { return .month }
        return []
    }
}

/// The counts of people (US Census and SSA figures in the model files) from which a
/// word counts as a first name or surname. The surname file is cut at exactly
/// `surname` (`SURNAME_MIN` in Models/build/build_models.py), so that start-up does
/// not load names no rule reads: a lower figure here needs a rebuild with a lower
/// cut. The first-name file goes lower (`FIRST_MIN`, 200): the quote stage reads
/// every first name for gender.
enum NameCounts {
    static let firstName: Float32 = 300
    static let commonFirstName: Float32 = 20_000
    static let surname: Float32 = 1_000
    static let commonSurname: Float32 = 10_000
}

/// What the lexicons and the text say about one token.
public struct TokenFeatures: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// May be part of a name here: capitalised (or, in an ALL-CAPS sentence or a
    /// lower-case document, not a common word).
    public static let nameLike = TokenFeatures(rawValue: 1 << 0)
    public static let firstName = TokenFeatures(rawValue: 1 << 1)
    /// A first name given to many (count >= 20000).
    public static let commonFirstName = TokenFeatures(rawValue: 1 << 2)
    public static let surname = TokenFeatures(rawValue: 1 << 3)
    /// A frequent lower-case English word (SCOWL sizes 10 and 20).
    public static let common = TokenFeatures(rawValue: 1 << 4)
    /// Any SCOWL word (sizes up to 35).
    public static let word = TokenFeatures(rawValue: 1 << 5)
    public static let title = TokenFeatures(rawValue: 1 << 6)
    public static let role = TokenFeatures(rawValue: 1 << 7)
    public static let orgHead = TokenFeatures(rawValue: 1 << 8)
    public static let orgOf = TokenFeatures(rawValue: 1 << 9)
    public static let facility = TokenFeatures(rawValue: 1 << 10)
    public static let street = TokenFeatures(rawValue: 1 << 11)
    public static let geoHead = TokenFeatures(rawValue: 1 << 12)
    public static let geoPre = TokenFeatures(rawValue: 1 << 13)
    public static let speech = TokenFeatures(rawValue: 1 << 14)
    public static let prep = TokenFeatures(rawValue: 1 << 15)
    public static let particle = TokenFeatures(rawValue: 1 << 16)
    public static let notName = TokenFeatures(rawValue: 1 << 17)
    public static let demonym = TokenFeatures(rawValue: 1 << 18)
    /// Ends in a possessive ’s / 's (the name stops before it).
    public static let possessive = TokenFeatures(rawValue: 1 << 19)
    /// A single capital letter (an initial when a full stop follows).
    public static let initial = TokenFeatures(rawValue: 1 << 20)
    /// Two to six capitals (an acronym: "PA", "NATO", "U.S.").
    public static let acronym = TokenFeatures(rawValue: 1 << 21)
    /// Written with an upper-case first letter in running text.
    public static let capitalized = TokenFeatures(rawValue: 1 << 22)
    /// A frequent surname (count >= 10000).
    public static let commonSurname = TokenFeatures(rawValue: 1 << 23)
    /// A word of sports reporting ("innings", "striker", "beat").
    public static let sport = TokenFeatures(rawValue: 1 << 24)
    /// A month name (never a place; "May" may still be a name).
    public static let month = TokenFeatures(rawValue: 1 << 25)
    /// Starts some cue entry (a single word or a phrase: "United Nations").
    public static let phraseCueStart = TokenFeatures(rawValue: 1 << 26)
}
