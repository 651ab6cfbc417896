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

    public init(label: EntityLabel, name: String, mentions: [Int]) {
        self.label = label
        self.name = name
        self.mentions = mentions
    }
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

    public init(start: Int32, end: Int32, kind: Kind, speaker: Speaker? = nil, cue: Span? = nil, rule: String) {
        self.start = start
        self.end = end
        self.kind = kind
        self.speaker = speaker
        self.cue = cue
        self.rule = rule
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
