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
    /// Well-known names that the rules walk as phrases (known organisations, country
    /// aliases, known places), gathered at load from their model files (``phraseClasses``):
    /// `key form kind extra`, where extra is the canonical name, ISO code or place type.
    public let phrases: LexiconTable
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
    /// The class of each phrase entry, by entry index.
    let phraseKinds: [PhraseKind]

    /// The tables recognizers walk from token to token for multi-word names; their
    /// look-ups are memoised per token (``EntityContext/longest(_:from:limit:caseSensitive:)``).
    enum Walked: Int, CaseIterable { case cities, countries, regions, companies, legalSuffixes }

    /// The classes of ``phrases``.
    enum PhraseKind: UInt8, Sendable { case countryAlias, orgKnown, orgKnownCommon, orgKnownInstitution, placeKnown, seatOfPower }

    /// Words that give a token a feature (``TokenFeatures``), and where they come from:
    /// the entries of `table` whose class `column` holds one of `values`.
    struct FeatureClass {
        let feature: TokenFeatures
        let table: String
        let column: Int
        let values: [String]
        /// A `y/n` column whose `y` entries are left out (ambiguous words), if any.
        var ambiguous: Int? = nil
    }

    /// Names the rules walk as phrases, and where they come from: the entries of
    /// `table` whose `column` holds one of `values`, with their `extra` column.
    struct PhraseClass {
        let kind: PhraseKind
        let table: String
        let column: Int
        let values: [String]
        let extra: Int
        /// `y/n` columns whose `y` entries are left out (ordinary words, places named
        /// for a power).
        var skip: [Int] = []
        /// A `y/n` column whose `y` entries alone are taken, if any.
        var require: Int? = nil
    }

    static let orgKnownTypes = ["agency", "company", "court", "government", "international", "media", "military", "ngo", "other",
                                "party", "police", "sport", "university"]

    /// The types of ``orgKnownTypes`` that are public institutions or companies.
    static let orgKnownInstitutionTypes = ["agency", "company", "government", "international", "military"]

    static let featureClasses: [FeatureClass] = [
        FeatureClass(feature: .title, table: "names/titles", column: 2,
                     values: ["honorific", "title", "rank", "office", "royal", "religious", "academic", "occupation", "part"], ambiguous: 4),
        FeatureClass(feature: .role, table: "entities/cues", column: 2, values: ["role"]),
        FeatureClass(feature: .orgHead, table: "orgs/heads", column: 2,
                     values: ["company", "court", "education", "government", "health", "legislature", "media", "military", "ngo", "other", "party", "police", "religious", "sport"], ambiguous: 3),
        FeatureClass(feature: .orgOf, table: "entities/cues", column: 2, values: ["orgof"]),
        FeatureClass(feature: .facility, table: "places/heads", column: 2, values: ["facility"]),
        FeatureClass(feature: .street, table: "places/heads", column: 2, values: ["street"]),
        FeatureClass(feature: .geoHead, table: "places/heads", column: 2, values: ["natural", "area"]),
        FeatureClass(feature: .geoPre, table: "entities/cues", column: 2, values: ["geopre"]),
        FeatureClass(feature: .speech, table: "entities/cues", column: 2, values: ["speech"]),
        FeatureClass(feature: .prep, table: "entities/cues", column: 2, values: ["prep"]),
        FeatureClass(feature: .particle, table: "names/particles", column: 3, values: ["separate"]),
        FeatureClass(feature: .notName, table: "entities/cues", column: 2, values: ["notname"]),
        FeatureClass(feature: .sport, table: "entities/cues", column: 2, values: ["sport"]),
        FeatureClass(feature: .month, table: "entities/cues", column: 2, values: ["month"]),
    ]

    static let phraseClasses: [PhraseClass] = [
        PhraseClass(kind: .countryAlias, table: "places/exonyms", column: 2, values: ["country", "nation"], extra: 3),
        PhraseClass(kind: .orgKnown, table: "orgs/known", column: 2,
                    values: orgKnownTypes, extra: 3, skip: [4, 5]),
        // Known organisations whose key is also an ordinary word ("the Commons", "Congress"):
        // a rule takes them only as written and not where any word is capitalised.
        PhraseClass(kind: .orgKnownCommon, table: "orgs/known", column: 2, values: orgKnownTypes, extra: 3, skip: [5], require: 4),
        // Of those, the institutions ("Congress", "the Treasury", "Fed"): capitalised
        // inside a sentence, the word names the institution.
        PhraseClass(kind: .orgKnownInstitution, table: "orgs/known", column: 2, values: orgKnownInstitutionTypes, extra: 3, skip: [5], require: 4),
        // Seats of power (`seat` = y: "White House", "Kremlin"), read as places by the
        // place rules and as the power seated there where they act (`seat-of-power-actor`).
        PhraseClass(kind: .seatOfPower, table: "orgs/known", column: 2, values: orgKnownTypes, extra: 3, require: 5),
        PhraseClass(kind: .placeKnown, table: "places/exonyms", column: 2, values: ["continent", "region", "street", "other"], extra: 2),
        PhraseClass(kind: .placeKnown, table: "entities/cues", column: 2, values: ["placeknown"], extra: 3),
    ]

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
        // First-word indexes for the walked tables (each chunk token walks them), also in parallel.
        let walked = ConcurrentMap.map([
            try lexicon.table("orgs/companies"), try lexicon.table("orgs/legal-suffixes"), try lexicon.table("places/cities"),
            try lexicon.table("places/countries"), try lexicon.table("places/regions"),
        ]) { $0.withWalkIndex() }
        companies = walked[0]
        legalSuffixes = walked[1]
        cities = walked[2]
        let countries = walked[3]
        self.countries = countries
        regions = walked[4]
        var countryNames: [String: String] = [:]
        for i in 0..<countries.count where countries.field(i, 3, equals: "name") {
            if let iso = countries.field(i, 2), countryNames[iso] == nil { countryNames[iso] = countries.form(i) }
        }
        self.countryNames = countryNames
        demonyms = indexed[3]
        user = lexicon.optionalTable(Lexicon.userTableName)
        var index = WordClassIndex()
        for source in EntityLexicon.featureClasses {
            let table = try lexicon.table(source.table)
            try lexicon.understand(source.table, classColumn: source.column, classes: source.values)
            for e in 0..<table.count {
                guard let value = table.field(e, source.column), source.values.contains(value) else { continue }
                if let column = source.ambiguous, table.field(e, column, equals: "y") { continue }
                let part: WordClasses = source.feature == .title && value == "part" ? .titlePart : []
                index.add(ArraySlice(table.key(e).utf8), .init(features: source.feature, classes: part))
            }
        }
        (phrases, phraseKinds) = try EntityLexicon.phraseTable(lexicon)
        // Places abbreviated with a stop ("calif."): one word, one final stop.
        let exonyms = try lexicon.table("places/exonyms")
        for e in 0..<exonyms.count {
            let key = Array(exonyms.key(e).utf8)
            guard key.count >= 3, key.last == 0x2E, !key.dropLast().contains(0x2E), !key.contains(0x20) else { continue }
            index.add(key.dropLast(), .init(classes: .abbreviatedPlace))
        }
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
        for people in EntityLexicon.peoplesOfCountries(endings[.peopleCountry] ?? [], countries: countries, exonyms: exonyms,
                                                       excluding: [firstNames, surnames, commonWords, cities, countries, regions, indexed[3]]) {
            index.add(people[...], .init(features: .demonym))
        }
        wordClasses = index
        compoundEndings = endings[.compound] ?? []
        groupAdjectiveEndings = endings[.groupAdjective] ?? []
    }

    /// Peoples named after their country or region ("Serbs" of Serbia, "Somali" of
    /// Somalia, "Uzbeks" of Uzbekistan): the one-word names of countries (and the
    /// countries and regions of `places/exonyms.tsv`) without an ending of `endings`
    /// ("-ia", "-a", "-istan"), with and without a plural "s", that are four letters or
    /// more and no name, word, town, country or region of the `excluding` tables
    /// ("Russ" of Russia is a first name, "Tunis" of Tunisia a town).
    static func peoplesOfCountries(_ endings: [[UInt8]], countries: LexiconTable, exonyms: LexiconTable,
                                   excluding: [LexiconTable]) -> [[UInt8]] {
        var names: [[UInt8]] = []
        for e in 0..<countries.count { names.append(Array(countries.key(e).utf8)) }
        for e in 0..<exonyms.count where exonyms.field(e, 2).map({ ["country", "nation", "region"].contains($0) }) == true {
            names.append(Array(exonyms.key(e).utf8))
        }
        var peoples = Set<[UInt8]>()
        for name in names where !name.contains(0x20) && !name.contains(0x2E) {
            for ending in endings where name.count >= ending.count + 4 && name.suffix(ending.count).elementsEqual(ending) {
                let stem = Array(name.dropLast(ending.count))
                let keys = [stem, stem + [0x73]].map { String(decoding: $0, as: UTF8.self) }
                // "Roman" of Romania is a name: then "Romans" is no people of it either.
                if keys.contains(where: { key in excluding.contains { $0.contains(key: key) } }) { continue }
                peoples.insert(stem)
                peoples.insert(stem + [0x73])
            }
        }
        return peoples.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// The phrase classes' entries as one table (one walk answers every class), sorted
    /// as model files are: by key, form and the other columns.
    private static func phraseTable(_ lexicon: Lexicon) throws(VerbatimError) -> (LexiconTable, [PhraseKind]) {
        var rows: [(key: [UInt8], line: [UInt8], kind: PhraseKind)] = []
        for source in phraseClasses {
            let table = try lexicon.table(source.table)
            try lexicon.understand(source.table, classColumn: source.column, classes: source.values)
            for e in 0..<table.count {
                guard let value = table.field(e, source.column), source.values.contains(value) else { continue }
                if source.skip.contains(where: { table.field(e, $0, equals: "y") }) { continue }
                if let require = source.require, !table.field(e, require, equals: "y") { continue }
                let key = table.key(e), extra = table.field(e, source.extra) ?? "-"
                rows.append((Array(key.utf8), Array("\(key)\t\(table.form(e))\t\(source.kind.rawValue)\t\(extra)".utf8), source.kind))
            }
        }
        rows.sort { a, b in a.line.lexicographicallyPrecedes(b.line) }
        var bytes: [UInt8] = []
        for row in rows { bytes.append(contentsOf: row.line); bytes.append(0x0A) }
        return (try LexiconTable(bytes: bytes, name: "entities/phrases", path: "(phrases of " + Set(phraseClasses.map(\.table)).sorted().joined(separator: ", ") + ")").withWalkIndex(),
                rows.map(\.kind))
    }
}

extension EntityLexicon {
    /// One bit per walked table (bit `Walked.rawValue`): whether some key of that table
    /// may start with token `i`'s key (``TokenKeys/mayStart(_:in:)``, the matcher's own
    /// first test), for ``EntityContext/walkStarts``. The test for a space in the key
    /// (which passes every table, none of whose filters covers such a key) is made
    /// once, and only when needed. A function of the key alone: the word cache keeps it
    /// (``WordFactsCache/NameFacts``).
    func walkStartBits(_ keys: TokenKeys, _ i: Int) -> UInt8 {
        let hash = keys.hashes[i]
        var bits: UInt8 = 0
        if cities.mayStart(withKeyHash: hash) { bits |= 1 << UInt8(Walked.cities.rawValue) }
        if countries.mayStart(withKeyHash: hash) { bits |= 1 << UInt8(Walked.countries.rawValue) }
        if regions.mayStart(withKeyHash: hash) { bits |= 1 << UInt8(Walked.regions.rawValue) }
        if companies.mayStart(withKeyHash: hash) { bits |= 1 << UInt8(Walked.companies.rawValue) }
        if legalSuffixes.mayStart(withKeyHash: hash) { bits |= 1 << UInt8(Walked.legalSuffixes.rawValue) }
        let all: UInt8 = (1 << UInt8(Walked.allCases.count)) - 1
        if bits != all && keys.keyHoldsSpace(i) { return all }
        return bits
    }
}
