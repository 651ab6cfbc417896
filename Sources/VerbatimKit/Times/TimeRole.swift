/// The roles function words play in the time rules. The words live in
/// `Models/time/grammar.tsv` (key, form, role: one line per word and role); the rules
/// ask whether a token plays a role, never which word it is, so users extend a rule by
/// adding a word to its role. A role's name in the file is its case name in kebab case
/// (`monthContext` → `month-context`).
enum TimeRole: Int, CaseIterable, Sendable {
    case determiner
    case indefiniteArticle
    case halfArticle
    case linkingOf
    case pastOffset
    case earlierOffset
    case laterOffset
    case modifier
    case determinerModifier
    case periodPart
    case periodEnd
    case lastWord
    case nextWord
    case previousOccurrence
    case nextOccurrence
    case thisOccurrence
    case currentWord
    case pastStretch
    case comingStretch
    case anaphoric
    case latestWord
    case mostWord
    case recentWord
    case firstWord
    case everyWord
    case perWord
    case otherWord
    case presentRef
    case pastRef
    case futureRef
    case theseWord
    case theseDaysNoun
    case futureNoun
    case nearWord
    case presentNoun
    case tonightWord
    case overnightWord
    case weekendWord
    case fiscalWord
    case halfWord
    case andWord
    case orWord
    case comparative
    case thanWord
    case negator
    case atWord
    case boundWord
    case upWord
    case toWord
    case approximator
    case aroundWord
    case yearQualifier
    case yearNoun
    case centuryNoun
    case quarterNoun
    case periodNoun
    case monthContext
    case yearContext
    case futureCue
    case yearEndContext
    case notTheYear
    case yearEndedWord
    case fallContext
    case ambiguousSeason
    case inWord
    case ageWord
    case lengthWord
    case bareUnitContext
    case rateContext
    case secondFollower
    case nounBreak
    case asWord
    case futureAs
    case datePreposition
    case countModifier
    case oclock
    case minutesPast
    case minutesTo
    case quarterNounPlural
    case idiomPrefix
    case elision

    /// The role's name in `time/grammar.tsv`.
    var name: String {
        var out = ""
        for ch in String(describing: self) {
            if ch.isUppercase { out.append("-"); out.append(contentsOf: ch.lowercased()) } else { out.append(ch) }
        }
        return out
    }
}

/// A set of ``TimeRole``s in two words: a token's roles, tested with one mask per rule
/// (the role is a constant at every call site, so the test folds to an AND).
struct RoleSet: Sendable, Equatable {
    var low: UInt64 = 0
    var high: UInt64 = 0

    static let empty = RoleSet()

    init() {}

    init(_ roles: [TimeRole]) {
        for r in roles { insert(r) }
    }

    mutating func insert(_ role: TimeRole) {
        if role.rawValue < 64 { low |= 1 << UInt64(role.rawValue) } else { high |= 1 << UInt64(role.rawValue - 64) }
    }

    @inline(__always)
    func contains(_ role: TimeRole) -> Bool {
        role.rawValue < 64 ? low & (1 << UInt64(role.rawValue)) != 0 : high & (1 << UInt64(role.rawValue - 64)) != 0
    }

    @inline(__always)
    func intersects(_ other: RoleSet) -> Bool { (low & other.low) | (high & other.high) != 0 }

    var isEmpty: Bool { low | high == 0 }
}
