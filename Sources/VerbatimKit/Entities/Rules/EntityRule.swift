/// The name of an entity rule, as `--explain` prints it (``Entity/rule``). A
/// literal, so that candidates copy it without reference counting. Only an
/// ``EntityRule`` makes one, and rules are declared in the rule tables
/// (``EntityRules/all``), so every name a candidate can carry is listed there and
/// in ENTITIES.md.
struct RuleName: Sendable, Equatable, CustomStringConvertible {
    let text: StaticString

    fileprivate init(_ text: StaticString) { self.text = text }

    /// The name of a candidate until the rule that proposed it names it (``Proposals/run(_:_:)``).
    fileprivate static let unnamed = RuleName("")

    /// Equal names are equal rules, wherever their literals are stored.
    static func == (a: RuleName, b: RuleName) -> Bool {
        a.text.withUTF8Buffer { x in b.text.withUTF8Buffer { y in x.count == y.count && x.elementsEqual(y) } }
    }

    var description: String { text.description }
}

/// One rule of the entity stage: the name `--explain` prints, the label of what it
/// proposes, what it matches, and an example sentence with the mention it finds
/// there (a test annotates every example; ENTITIES.md lists them).
struct EntityRule: Sendable {
    let name: RuleName
    /// The label the rule gives; nil where it comes from elsewhere (the user's list
    /// entry, the document's sense of the name).
    let label: EntityLabel?
    /// What the rule matches, in a phrase.
    let matches: StaticString
    /// A sentence the rule fires on…
    let example: StaticString
    /// …and the mention it gives there.
    let finds: StaticString

    init(_ name: StaticString, _ label: EntityLabel?, matches: StaticString, example: StaticString, finds: StaticString) {
        self.name = RuleName(name)
        self.label = label
        self.matches = matches
        self.example = example
        self.finds = finds
    }
}

/// What a chunk rule sees: one chunk (a run of name-like tokens, ``EntityContext/chunks``)
/// in its document, and the facts about it that several rules of a label share.
struct ChunkSite {
    let ctx: EntityContext
    /// The chunk's index in ``EntityContext/chunks``.
    let index: Int
    /// The chunk's first token and its end.
    let a: Int, b: Int
    /// PERSON rules: the chunk read as a whole name after leading titles and roles,
    /// when it is one and names no place (``PersonRules/bareName(_:)``), computed on
    /// first use and kept for the chunk's other rules.
    var bareName: Range<Int>? {
        if ctx.chunkFacts.chunk != index {
            ctx.chunkFacts = (index, PersonRules.bareName(self))
        }
        return ctx.chunkFacts.bareName
    }
    /// PLACE rules: the place preposition before the chunk (``PlaceRules/precedingContext(_:_:)``).
    var before: PrepositionContext = .none

    init(_ ctx: EntityContext, chunk index: Int) {
        self.ctx = ctx
        self.index = index
        a = ctx.chunks[index].lowerBound
        b = ctx.chunks[index].upperBound
    }

    /// The last token of the chunk.
    var last: Int { b - 1 }

    /// The chunk after this one, if any.
    var next: Range<Int>? { index + 1 < ctx.chunks.count ? ctx.chunks[index + 1] : nil }
}

/// Whether a place preposition ("in", "near", "from") comes before a chunk, with or without "the".
struct PrepositionContext: Equatable {
    var prep: Bool
    var article: Bool
    static let none = PrepositionContext(prep: false, article: false)
}

/// A rule that proposes candidates from one chunk and its surroundings: a type with
/// the rule's description and its production. A label's rules run chunk by chunk in
/// the order of their table (``PersonRules/table(_:)``…): proposal order is the
/// overlap policy's last tie-breaker.
protocol ChunkRule: Sendable {
    static var rule: EntityRule { get }
    static func propose(_ site: ChunkSite, _ out: inout Proposals)
}

/// Something done with every rule of a table, in order: proposing from a chunk
/// (``Proposals``), listing the rules (``RuleList``). A table is a generic function
/// that visits its rules (``PersonRules/table(_:)``…), so that proposing calls each
/// rule directly: a list of closures, or of types walked at run time, cost the stage
/// a tenth more instructions.
protocol RuleVisitor {
    mutating func visit<R: ChunkRule>(_ rule: R.Type)
}

/// Runs the rules of a table on one chunk (``Proposals/propose(_:_:)``).
struct ChunkProposer: RuleVisitor {
    let site: ChunkSite
    var out: Proposals

    @inline(__always)
    mutating func visit<R: ChunkRule>(_ rule: R.Type) { out.run(R.self, site) }
}

/// The rules of a table, in order.
struct RuleList: RuleVisitor {
    private(set) var rules: [EntityRule] = []

    mutating func visit<R: ChunkRule>(_ rule: R.Type) { rules.append(R.rule) }

    /// The rules `table` visits.
    static func of(_ table: (inout RuleList) -> Void) -> [EntityRule] {
        var list = RuleList()
        table(&list)
        return list.rules
    }
}

/// The candidates proposed so far. A rule adds its own through ``add(_:_:score:type:canonical:form:label:)``;
/// they are named after the rule that runs (``run(_:_:)``).
struct Proposals {
    var candidates: [Candidate]
    /// The rule proposing now, when it is no ``ChunkRule`` (those are named after they ran).
    private var rule: RuleName = RuleName.unnamed
    private var label: EntityLabel? = nil

    init(_ candidates: [Candidate] = []) { self.candidates = candidates }

    /// Lets the rule `R` propose from `site`. Its candidates are named after it ran,
    /// so that a rule that proposes nothing (most, for most chunks) costs one call.
    @inline(__always)
    mutating func run<R: ChunkRule>(_: R.Type, _ site: ChunkSite) {
        let first = candidates.count
        R.propose(site, &self)
        if candidates.count > first { name(from: first, R.rule) }
    }

    /// Lets every rule of `table` propose from `site`, in order.
    @inline(__always)
    mutating func propose(_ site: ChunkSite, _ table: (inout ChunkProposer) -> Void) {
        var proposer = ChunkProposer(site: site, out: Proposals())
        swap(&proposer.out, &self)
        table(&proposer)
        swap(&proposer.out, &self)
    }

    private mutating func name(from first: Int, _ rule: EntityRule) {
        for k in first..<candidates.count {
            candidates[k].rule = rule.name
            if let label = rule.label { candidates[k].label = label }
        }
    }

    /// Lets `rule` propose through `body` (rules that are no ``ChunkRule``).
    mutating func run(_ rule: EntityRule, _ body: (inout Proposals) -> Void) {
        self.rule = rule.name
        label = rule.label
        body(&self)
        self.rule = RuleName.unnamed
        label = nil
    }

    /// Proposes tokens `start..<end` under the running rule's name and label (or `label`,
    /// for a rule whose label comes from elsewhere).
    mutating func add(_ start: Int, _ end: Int, score: Int, type: KeptText? = nil, canonical: KeptText? = nil, form: NameForm = .plain,
                      label: EntityLabel? = nil) {
        candidates.append(Candidate(start: start, end: end, label: label ?? self.label ?? .person, type: type, score: score, rule: rule,
                                    canonical: canonical, form: form))
    }

    var count: Int { candidates.count }
}
