/// Classes of words the entity rules test for, read from `Models/entities/words.tsv`
/// (column 3). Swift names the classes by their role in the rules; the words live in
/// the model file, where users extend them (`--extend-models`). Each token's classes
/// are found once per distinct word of a document (``EntityContext/classes``), so
/// that a rule's test is one bit.
struct WordClasses: OptionSet, Sendable, Hashable {
    let rawValue: UInt64
    init(rawValue: UInt64) { self.rawValue = rawValue }

    static let foreignArticle = WordClasses(rawValue: 1 << 0)
    static let companyThing = WordClasses(rawValue: 1 << 1)
    static let marketNoun = WordClasses(rawValue: 1 << 2)
    static let eventPlural = WordClasses(rawValue: 1 << 3)
    static let resultVerb = WordClasses(rawValue: 1 << 4)
    static let teamWord = WordClasses(rawValue: 1 << 5)
    static let abbreviatedLegalForm = WordClasses(rawValue: 1 << 6)
    static let organizationNoun = WordClasses(rawValue: 1 << 7)
    static let newsNoun = WordClasses(rawValue: 1 << 8)
    static let agencyNoun = WordClasses(rawValue: 1 << 9)
    static let businessNoun = WordClasses(rawValue: 1 << 10)
    static let groupAdjective = WordClasses(rawValue: 1 << 11)
    static let membershipNoun = WordClasses(rawValue: 1 << 12)
    static let membershipLink = WordClasses(rawValue: 1 << 13)
    static let compoundHead = WordClasses(rawValue: 1 << 14)
    static let appositionOpener = WordClasses(rawValue: 1 << 15)
    static let adjectivePrefix = WordClasses(rawValue: 1 << 16)
    static let featureOpener = WordClasses(rawValue: 1 << 17)
    static let stationNoun = WordClasses(rawValue: 1 << 18)
    static let pluralOfHead = WordClasses(rawValue: 1 << 19)
    static let nameOf = WordClasses(rawValue: 1 << 20)
    static let definiteArticle = WordClasses(rawValue: 1 << 21)
    static let nameAbbreviation = WordClasses(rawValue: 1 << 22)
    static let versus = WordClasses(rawValue: 1 << 23)
    static let opposingPreposition = WordClasses(rawValue: 1 << 24)
    static let teamPreposition = WordClasses(rawValue: 1 << 25)
    static let leadNoun = WordClasses(rawValue: 1 << 26)
    static let motionPreposition = WordClasses(rawValue: 1 << 27)
    static let listConjunction = WordClasses(rawValue: 1 << 28)
    static let acronymFiller = WordClasses(rawValue: 1 << 29)
    static let affiliationLink = WordClasses(rawValue: 1 << 30)
    /// A place's abbreviation written with a full stop ("Calif.", "Tenn."): the keys of
    /// `Models/places/exonyms.tsv` made of one word and a stop (read there, not in words.tsv).
    static let abbreviatedPlace = WordClasses(rawValue: 1 << 31)
    /// A word that only opens a title of several words ("Foreign", "Health", "Prime"):
    /// the entries of kind `part` in `Models/names/titles.tsv` (read there, not in words.tsv).
    static let titlePart = WordClasses(rawValue: 1 << 32)
    /// What follows a seat of power acting as its institution: who serves it and what
    /// it does or says ("White House officials", "the Kremlin's statement").
    static let seatActorWord = WordClasses(rawValue: 1 << 33)
    /// A generation after a surname ("Jr", "III"): the name goes on, and the word
    /// before it may still close the name as a surname ("Martin Luther King Jr.").
    static let generationSuffix = WordClasses(rawValue: 1 << 34)
    /// How a batsman is out, in a cricket scorecard ("c", "b", "st", "lbw"): a player's name follows.
    static let dismissalWord = WordClasses(rawValue: 1 << 35)
    /// A head that names an organisation after an ordinal in figures ("the 8th Circuit").
    static let ordinalHead = WordClasses(rawValue: 1 << 36)
    /// The conjunction that joins two subjects inside a body's name ("Chamber of
    /// Commerce and Industry", "Financial Futures and Options Exchange").
    static let nameAnd = WordClasses(rawValue: 1 << 37)
    /// A verb that follows a name in 's only where the 's is the name's own ("Moody's
    /// said", "Moody's lowered"): a possessive is followed by what it owns.
    static let nameVerb = WordClasses(rawValue: 1 << 38)
    /// Someone who works somewhere, before `employer-link` and the employer ("an
    /// analyst at Brellworth").
    static let employeeNoun = WordClasses(rawValue: 1 << 39)
    /// The preposition between such a noun and the employer ("at").
    static let employerLink = WordClasses(rawValue: 1 << 40)
    /// The last word of an event's name ("the U.S. Open", "the Davis Cup"): no person,
    /// organisation or place is named inside it (``OtherNames``).
    static let eventHead = WordClasses(rawValue: 1 << 41)
    /// A lower-case word after a market index's name ("the Nasdaq composite index"):
    /// the name is the index's, not the company's (``OtherNames``).
    static let indexWord = WordClasses(rawValue: 1 << 42)
    /// Between an index's name and the word that makes it one ("the Dow Jones
    /// industrial average"): `average` alone belongs to pollsters and players too.
    static let indexModifier = WordClasses(rawValue: 1 << 43)
    static let modifiedIndexWord = WordClasses(rawValue: 1 << 44)
    /// Who plays for or serves a side, after the side's name in a sports report
    /// ("a Kestrelford striker", "Dunmore coach Ann Pell", "Rotor fans").
    static let teamRole = WordClasses(rawValue: 1 << 45)
    /// The article opening an apposition that names what a name is ("Varnoxa, the
    /// first foreign company to list", "Quellmar, a Dutch lender").
    static let appositionArticle = WordClasses(rawValue: 1 << 46)
    /// What labels a picture's caption or credit before a colon ("Image: Nick Pellow"):
    /// never the end of the name before it ("… Ahmed Pellow Image: Twitter").
    static let captionLabel = WordClasses(rawValue: 1 << 47)

    /// The class names of the model file, for each class.
    static let names: [(WordClasses, String)] = [
        (.foreignArticle, "foreign-article"), (.companyThing, "company-thing"), (.marketNoun, "market-noun"),
        (.eventPlural, "event-plural"), (.resultVerb, "result-verb"), (.teamWord, "team-word"),
        (.abbreviatedLegalForm, "abbreviated-legal-form"), (.organizationNoun, "organization-noun"), (.newsNoun, "news-noun"),
        (.agencyNoun, "agency-noun"), (.businessNoun, "business-noun"), (.groupAdjective, "group-adjective"),
        (.membershipNoun, "membership-noun"), (.membershipLink, "membership-link"), (.compoundHead, "compound-head"),
        (.appositionOpener, "apposition-opener"), (.adjectivePrefix, "adjective-prefix"), (.featureOpener, "feature-opener"),
        (.stationNoun, "station-noun"), (.pluralOfHead, "plural-of-head"), (.nameOf, "name-of"),
        (.definiteArticle, "definite-article"), (.nameAbbreviation, "name-abbreviation"), (.versus, "versus"),
        (.opposingPreposition, "opposing-preposition"), (.teamPreposition, "team-preposition"), (.leadNoun, "lead-noun"),
        (.motionPreposition, "motion-preposition"), (.listConjunction, "list-conjunction"), (.acronymFiller, "acronym-filler"),
        (.affiliationLink, "affiliation-link"), (.seatActorWord, "seat-actor-word"),
        (.generationSuffix, "generation-suffix"), (.dismissalWord, "dismissal-word"),
        (.ordinalHead, "ordinal-head"), (.nameAnd, "name-and"), (.nameVerb, "name-verb"),
        (.employeeNoun, "employee-noun"), (.employerLink, "employer-link"),
        (.eventHead, "event-head"), (.indexWord, "index-word"),
        (.indexModifier, "index-modifier"), (.modifiedIndexWord, "modified-index-word"),
        (.teamRole, "team-role"), (.appositionArticle, "apposition-article"),
        (.captionLabel, "caption-label"),
    ]
}

/// Word endings the rules test for, from classes of `Models/entities/words.tsv`
/// written with a leading hyphen ("-ese").
enum WordEnding: String, CaseIterable {
    /// Endings of a lower-case word glued to a name by a hyphen that make a compound
    /// adjective ("Moscow-leaning", "Paris-based").
    case compound = "compound-ending"
    /// Endings of adjectives of religion, people or region ("Kurdish", "Maoist").
    case groupAdjective = "group-adjective-ending"
    /// Endings of a country's or region's name after the name of its people ("Serb-ia",
    /// "Somali-a", "Uzbek-istan"): the stem, and its plural, is a people ("Serbs").
    case peopleCountry = "people-country-ending"
}

/// The classes of every word that has some: cue classes (Models/entities/cues.tsv,
/// as ``TokenFeatures``) and word classes (Models/entities/words.tsv), built once at
/// load into one open-addressing table keyed by the folded word, so that a token's
/// classes cost one probe with its precomputed hash (``TokenKeys/hashes``).
struct WordClassIndex: Sendable {
    struct Classes: Sendable {
        var features: TokenFeatures = []
        var classes: WordClasses = []
    }

    private var table = FoldedWordTable(absent: Classes())

    /// Adds `value`'s classes to the folded word `key`.
    mutating func add(_ key: ArraySlice<UInt8>, _ value: Classes) {
        key.withUnsafeBufferPointer { key in
            table.insert(key, hash: LexiconTable.keyHash(key), value) { old, new in
                old.features.formUnion(new.features)
                old.classes.formUnion(new.classes)
            }
        }
    }

    /// The classes of the folded word `key` (hash `hash`).
    @inline(__always)
    func classes(of key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Classes { table.value(key, hash: hash) }
}
