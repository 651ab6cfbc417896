/// A proposed mention over tokens `start..<end`, with the evidence for it.
/// A plain value without references (the resolver copies and drops thousands per
/// MB): the rule's name is a literal and the strings live in the ``EntityContext``.
struct Candidate: Sendable, Equatable {
    var start: Int
    var end: Int
    var label: EntityLabel
    var type: KeptText?
    /// How strongly the evidence supports the mention (0–100); the resolver keeps
    /// the best-supported, then the longest, of overlapping candidates.
    var score: Int
    /// The rule that proposed it (Entity.rule).
    var rule: RuleName
    /// A name to cluster under when it differs from the text ("UK" → "United Kingdom").
    var canonical: KeptText? = nil
    /// How the name is built, where the resolver reads its parts as names too.
    var form: NameForm = .plain

    var length: Int { end - start }
}

/// How a proposed name is built.
enum NameForm: UInt8, Sendable {
    case plain
    /// "Head of Name" ("Church of Scientology", "Houses of Parliament"): the
    /// resolver also knows the name by its head ("the Church") and its last word.
    case headOfName
    /// A listed name that is also an ordinary word, taken as written ("the Treasury",
    /// "passed by Congress"): any better-supported sense the document gives the same
    /// name wins over it ("outside Parliament" after "the Houses of Parliament").
    case listedWord
    /// A name that ends in its own 's ("Moody's", "Standard & Poor's"): the mention's
    /// text keeps the 's that other names lose as a possessive ending.
    case possessiveName
}

/// A string a candidate carries (a type, a canonical name), kept in the
/// ``EntityContext`` by ``EntityContext/keep(_:)``. The types the recognizers
/// name have fixed places, and keeping an equal string returns them, so that
/// comparing with them compares the strings.
struct KeptText: Sendable, Equatable {
    let index: Int32

    static let country = KeptText(index: 0)
    static let region = KeptText(index: 1)
    static let city = KeptText(index: 2)
    static let street = KeptText(index: 3)
    static let facility = KeptText(index: 4)
    static let other = KeptText(index: 5)
    /// The strings of the fixed places, in their order.
    static let vocabulary = ["country", "region", "city", "street", "facility", "other"]
}

extension EntityContext {
    /// Keeps `text` for candidates to refer to.
    func keep(_ text: String) -> KeptText {
        if let i = KeptText.vocabulary.firstIndex(of: text) { return KeptText(index: Int32(i)) }
        keptTexts.append(text)
        return KeptText(index: Int32(keptTexts.count - 1))
    }

    func keep(_ text: String?) -> KeptText? { text.map { keep($0) } }

    func string(_ text: KeptText) -> String { keptTexts[Int(text.index)] }

    func string(_ text: KeptText?) -> String? { text.map { string($0) } }
}
