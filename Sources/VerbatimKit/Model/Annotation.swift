/// What the recognizers found in one document. Offsets are UTF-8 byte offsets
/// into the document; the writer converts them to code-point offsets.
public struct Annotation: Sendable, Equatable {
    public var entities: [Entity]
    public var clusters: [Cluster]
    public var quotes: [Quote]

    public init(entities: [Entity] = [], clusters: [Cluster] = [], quotes: [Quote] = []) {
        self.entities = entities
        self.clusters = clusters
        self.quotes = quotes
    }
}

/// The four entity labels of schema 1. They print as the JSON output spells them
/// (`print(entity.label)` shows `PERSON`, not the case name).
public enum EntityLabel: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case person = "PERSON"
    case organization = "ORG"
    case place = "PLACE"
    case time = "TIME"

    public var description: String { rawValue }
}

/// One mention of a person, organisation, place or time expression.
public struct Entity: Sendable, Equatable {
    public var start: Int32
    public var end: Int32
    public var label: EntityLabel
    /// A finer type: PLACE country/city/region/facility/street…; TIME DATE/TIME/DURATION/SET.
    public var type: String?
    /// A normalised value (TIMEX3 value for TIME).
    public var value: String?
    /// Index into ``Annotation/clusters``.
    public var cluster: Int?
    /// The rule that produced the mention (printed with `--explain`).
    public var rule: String

    public init(start: Int32, end: Int32, label: EntityLabel, type: String? = nil, value: String? = nil, cluster: Int? = nil, rule: String) {
        self.start = start
        self.end = end
        self.label = label
        self.type = type
        self.value = value
        self.cluster = cluster
        self.rule = rule
    }
}

/// Mentions of one entity.
public struct Cluster: Sendable, Equatable {
    public var label: EntityLabel
    /// The fullest form of the name in the document.
    public var name: String
    /// Indices into ``Annotation/entities``, in text order.
    public var mentions: [Int]
    /// A PERSON's gender as the text reports it (nil: unknown; see Gender/GENDER.md).
    public var gender: Gender?
    /// The kind of evidence `gender` rests on.
    public var genderEvidence: GenderEvidence?
    /// The gender rule that decided (printed with `--explain`).
    public var genderRule: String?

    public init(label: EntityLabel, name: String, mentions: [Int],
                gender: Gender? = nil, genderEvidence: GenderEvidence? = nil, genderRule: String? = nil) {
        self.label = label
        self.name = name
        self.mentions = mentions
        self.gender = gender
        self.genderEvidence = genderEvidence
        self.genderRule = genderRule
    }
}

/// The gender the text gives a person (grammatical and social cues in the text,
/// not a statement about the person's identity).
public enum Gender: String, Sendable, Hashable, CaseIterable {
    case female
    case male
}

/// What a cluster's gender rests on, strongest first.
public enum GenderEvidence: String, Sendable, Hashable, CaseIterable {
    /// An honorific or title before a mention ("Mrs", "Sir", "Congresswoman").
    case title
    /// A role noun before a mention or in apposition ("spokeswoman", "his mother").
    case noun
    /// A he/she (his/her…) that the document resolves to the person (a quote's speaker).
    case pronoun
    /// A first name whose recorded use is at least 95 % one gender.
    case firstName = "first-name"
}

/// A direct, partial or indirect quotation with its speaker.
public struct Quote: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// Quoted speech standing as the reported content.
        case direct
        /// A quoted fragment inside the narrator's sentence.
        case partial
        /// Reported speech without quotation marks: the reported content clause
        /// ("Police said [the car had been driven from Birmingham]").
        case indirect
    }
    /// Span including the quotation marks (an indirect quote: the reported content).
    public var start: Int32
    public var end: Int32
    public var kind: Kind
    public var speaker: Speaker?
    public var cue: Span?
    /// The sieve that attributed the speaker, or the rule that found the quote.
    public var rule: String
    /// An indirect quote's quoted fragments, with their quotation marks (`said the plan
    /// was “a disaster”`): the speaker's own words inside the reported clause, which
    /// the stage does not list as quotes of their own unless asked to list every
    /// quotation (``QuoteAnnotator/listsEveryQuotation``). Empty for other kinds.
    public var fragments: [Span]

    public init(start: Int32, end: Int32, kind: Kind, speaker: Speaker? = nil, cue: Span? = nil, rule: String,
                fragments: [Span] = []) {
        self.start = start
        self.end = end
        self.kind = kind
        self.speaker = speaker
        self.cue = cue
        self.rule = rule
        self.fragments = fragments
    }
}

/// The mention that says a quote, as written, and whom it resolves to.
public struct Speaker: Sendable, Equatable {
    public var start: Int32
    public var end: Int32
    /// Index into ``Annotation/clusters``.
    public var cluster: Int?
    /// The resolved name (the cluster's name, or a description kept as written).
    public var name: String?

    public init(start: Int32, end: Int32, cluster: Int? = nil, name: String? = nil) {
        self.start = start
        self.end = end
        self.cluster = cluster
        self.name = name
    }
}

/// A plain span of text (UTF-8 byte offsets).
public struct Span: Sendable, Equatable, Hashable {
    public var start: Int32
    public var end: Int32
    public init(start: Int32, end: Int32) {
        self.start = start
        self.end = end
    }
}
