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

/// The `String` of each rule name met so far, found by the address of its literal.
/// An entity's rule is one of a few dozen names: making its `String` from the literal
/// for every entity (``RuleName/description``, a copy and a UTF-8 check) cost about
/// 260 instructions an entity, and an allocation for a name of more than 15 bytes.
/// Kept in the worker's memory (``WorkerMemory/ruleNames``), so that each name is
/// made once per worker, not once per document.
struct RuleNameStrings: Sendable {
    private var strings = HashKeyMap<String>()

    /// The `String` of `name`, made on its first use.
    mutating func string(_ name: RuleName) -> String {
        // A literal of one scalar has no address; rule names never are one, but stay right.
        guard name.text.hasPointerRepresentation else { return name.description }
        let address = UInt64(UInt(bitPattern: name.text.utf8Start))
        if let known = strings[address] { return known }
        let made = name.description
        strings[address] = made
        return made
    }
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
/// One site moves from chunk to chunk through a table's pass (``ChunkProposer/move(to:_:)``),
/// so that the context is not retained and released per chunk.
struct ChunkSite {
    let ctx: EntityContext
    /// The chunk's index in ``EntityContext/chunks``.
    private(set) var index: Int
    /// The chunk's first token and its end.
    private(set) var a: Int, b: Int
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

    /// The site of chunk `index` of the same document, with no preposition read yet.
    mutating func move(to index: Int) {
        self.index = index
        a = ctx.chunks[index].lowerBound
        b = ctx.chunks[index].upperBound
        before = .none
    }

    /// The last token of the chunk.
    var last: Int { b - 1 }

    /// The chunk after this one, if any.
    var next: Range<Int>? { index + 1 < ctx.chunks.count ? ctx.chunks[index + 1] : nil }
}

/// What the rules of one chunk may ask before their own work, gathered once per
/// chunk from the context's token arrays (``ChunkSummary/all(_:)``): the union of the
/// features, word classes and walk-start bits of its tokens, what its first and last
/// tokens are, and what the tokens right before and after it are (whatever their
/// sentence: a rule that needs one of them in the same sentence needs it at all).
/// A rule's ``ChunkRule/needs`` are read against it (``meets(_:)``).
struct ChunkSummary {
    /// Union of the features of the chunk's tokens.
    var features: TokenFeatures = []
    /// Intersection of the features of the chunk's tokens.
    var every: TokenFeatures = []
    /// Union of the word classes of the chunk's tokens.
    var classes: WordClasses = []
    /// Union of the chunk tokens' ``EntityContext/walkStarts`` bits: a walked table no
    /// token may start matches nowhere in the chunk.
    var walkStarts: UInt8 = 0
    /// The features of the first and the last token, and the last one's classes.
    var first: TokenFeatures = [], last: TokenFeatures = []
    var lastClasses: WordClasses = []
    /// The features and classes of the token before the chunk and of the token after it (none at the document's ends).
    var before: TokenFeatures = [], after: TokenFeatures = []
    var beforeClasses: WordClasses = [], afterClasses: WordClasses = []
    /// The first byte of the token before the chunk and of the token after it where
    /// that token is punctuation or a symbol (``EntityContext/isPunct(_:_:)``), else 0.
    var beforePunct: UInt8 = 0, afterPunct: UInt8 = 0
    /// Whether the document is a sports report.
    var sports = false

    init(_ ctx: EntityContext, chunk: Range<Int>) {
        let a = chunk.lowerBound, b = chunk.upperBound
        every = ctx.features[a]
        for i in a..<b {
            features.formUnion(ctx.features[i])
            every.formIntersection(ctx.features[i])
            classes.formUnion(ctx.classes[i])
            walkStarts |= ctx.walkStarts[Int(ctx.walkMemoRow[i])]
        }
        first = ctx.features[a]
        last = ctx.features[b - 1]
        lastClasses = ctx.classes[b - 1]
        if a > 0 { before = ctx.features[a - 1]; beforeClasses = ctx.classes[a - 1]; beforePunct = Self.punctuation(ctx, a - 1) }
        if b < ctx.tokens.count { after = ctx.features[b]; afterClasses = ctx.classes[b]; afterPunct = Self.punctuation(ctx, b) }
        sports = ctx.sportsDocument
    }

    /// The summaries of the chunks of `ctx`, in order: the three tables' passes share them.
    static func all(_ ctx: EntityContext) -> [ChunkSummary] {
        ctx.chunks.map { ChunkSummary(ctx, chunk: $0) }
    }

    /// The first byte of token `i` where it is punctuation or a symbol, else 0.
    private static func punctuation(_ ctx: EntityContext, _ i: Int) -> UInt8 {
        let t = ctx.tokens[i]
        return t.kind == .punctuation || t.kind == .symbol ? ctx.document.utf8[Int(t.start)] : 0
    }

    /// Whether the chunk has everything `needs` asks (each empty part asks nothing).
    @inline(__always)
    func meets(_ needs: ChunkNeeds) -> Bool {
        (needs.some.isEmpty || !features.isDisjoint(with: needs.some))
            && (needs.someClass.isEmpty || !classes.isDisjoint(with: needs.someClass))
            && (needs.someLacks.isEmpty || !every.isSuperset(of: needs.someLacks))
            && (needs.walks == 0 || walkStarts & needs.walks != 0)
            && (needs.first.isEmpty || !first.isDisjoint(with: needs.first))
            && (needs.last.isEmpty && needs.lastClass.isEmpty || !last.isDisjoint(with: needs.last)
                || !lastClasses.isDisjoint(with: needs.lastClass))
            && last.isDisjoint(with: needs.lastLacks)
            && (needs.before.isEmpty || !before.isDisjoint(with: needs.before))
            && (needs.beforeClass.isEmpty || !beforeClasses.isDisjoint(with: needs.beforeClass))
            && (needs.afterClass.isEmpty || !afterClasses.isDisjoint(with: needs.afterClass))
            && (needs.beside.isEmpty || !before.union(after).isDisjoint(with: needs.beside))
            && (needs.besideClass.isEmpty || !beforeClasses.union(afterClasses).isDisjoint(with: needs.besideClass))
            && (needs.afterPunct == 0 || afterPunct == needs.afterPunct)
            && (needs.besidePunct == 0 || beforePunct == needs.besidePunct || afterPunct == needs.besidePunct)
            && (!needs.sports || sports)
    }
}

/// What a chunk rule cannot propose without (``ChunkRule/needs``): each part is a
/// condition every one of the rule's proposing paths requires, read from the rule's
/// own code, so that a chunk lacking it is skipped without calling the rule. Parts
/// left empty ask nothing; where a rule's paths share no such condition it has none
/// (``anything``).
struct ChunkNeeds {
    /// Some token of the chunk has one of these features.
    var some: TokenFeatures = []
    /// Some token of the chunk is a word of one of these classes.
    var someClass: WordClasses = []
    /// Some token of the chunk lacks one of these features.
    var someLacks: TokenFeatures = []
    /// Some token of the chunk may start a key of one of these walked tables (bits of ``EntityLexicon/Walked``).
    var walks: UInt8 = 0
    /// The first token has one of these features.
    var first: TokenFeatures = []
    /// The last token has one of these features or is a word of one of these classes…
    var last: TokenFeatures = []
    var lastClass: WordClasses = []
    /// …and none of these.
    var lastLacks: TokenFeatures = []
    /// The token before the chunk has one of these features, is a word of one of these classes.
    var before: TokenFeatures = []
    var beforeClass: WordClasses = []
    /// The token after the chunk is a word of one of these classes.
    var afterClass: WordClasses = []
    /// The token before the chunk or the one after it has one of these features, is a word of one of these classes.
    var beside: TokenFeatures = []
    var besideClass: WordClasses = []
    /// The token after the chunk is punctuation opening with this byte (0: no need).
    var afterPunct: UInt8 = 0
    /// The token before the chunk or the one after it is punctuation opening with this byte (0: no need).
    var besidePunct: UInt8 = 0
    /// The document is a sports report.
    var sports = false

    /// No condition: the rule runs on every chunk.
    static var anything: ChunkNeeds { ChunkNeeds() }

    /// Some token of the chunk may start a key of the walked table `table`.
    static func walk(_ table: EntityLexicon.Walked) -> ChunkNeeds { ChunkNeeds(walks: 1 << UInt8(table.rawValue)) }
}

/// Whether a place preposition ("in", "near", "from") comes before a chunk, with or without "the".
struct PrepositionContext: Equatable {
    var prep: Bool
    var article: Bool
    static let none = PrepositionContext(prep: false, article: false)
}

/// A rule that proposes candidates from one chunk and its surroundings: a type with
/// the rule's description, what it cannot propose without, and its production. A
/// label's rules run chunk by chunk in the order of their table (``PersonRules/table(_:)``…):
/// proposal order is the overlap policy's last tie-breaker.
protocol ChunkRule: Sendable {
    static var rule: EntityRule { get }
    /// A condition on the chunk that every path of ``propose(_:_:)`` to a candidate
    /// requires (``ChunkNeeds``): where the chunk does not meet it the rule is not
    /// called (most rules propose nothing on most chunks). A computed property, so
    /// that the table's pass folds it into a test of a few bits.
    static var needs: ChunkNeeds { get }
    static func propose(_ site: ChunkSite, _ out: inout Proposals)
}

extension ChunkRule {
    static var needs: ChunkNeeds { .anything }
}

/// Something done with every rule of a table, in order: proposing from a chunk
/// (``ChunkProposer``), listing the rules (``RuleList``). A table is a generic function
/// that visits its rules (``PersonRules/table(_:)``…), so that proposing calls each
/// rule directly: a list of closures, or of types walked at run time, cost the stage
/// a tenth more instructions.
protocol RuleVisitor {
    mutating func visit<R: ChunkRule>(_ rule: R.Type)
}

/// Decides whether a rule is called on a chunk. The stage's gate calls a rule where
/// the chunk meets its needs (``NeedsGate``); a test's gate calls every rule and
/// checks that the needs held wherever it proposed.
protocol ChunkGate {
    mutating func lets<R: ChunkRule>(_ rule: R.Type, _ site: ChunkSite, _ summary: ChunkSummary) -> Bool
}

/// Calls a rule where the chunk meets the rule's ``ChunkRule/needs``.
struct NeedsGate: ChunkGate {
    @inline(__always)
    func lets<R: ChunkRule>(_ rule: R.Type, _ site: ChunkSite, _ summary: ChunkSummary) -> Bool { summary.meets(R.needs) }
}

/// Runs the rules of a table on one chunk after another of a document: the site moves
/// (``move(to:_:)``) and the candidates stay in ``out``, so that a pass sets up nothing
/// per chunk.
struct ChunkProposer<Gate: ChunkGate>: RuleVisitor {
    private(set) var site: ChunkSite
    private(set) var summary: ChunkSummary
    var out: Proposals
    var gate: Gate

    /// A proposer at the first chunk of `ctx`, which must have one and whose summary
    /// is `first`, with no candidates yet.
    init(_ ctx: EntityContext, first: ChunkSummary, gate: Gate) {
        site = ChunkSite(ctx, chunk: 0)
        summary = first
        out = Proposals()
        self.gate = gate
    }

    /// Moves to chunk `index`, whose summary is `summary`.
    mutating func move(to index: Int, _ summary: ChunkSummary) {
        site.move(to: index)
        self.summary = summary
    }

    /// Sets what the PLACE rules read of the place preposition before the chunk.
    mutating func setBefore(_ before: PrepositionContext) { site.before = before }

    @inline(__always)
    mutating func visit<R: ChunkRule>(_ rule: R.Type) {
        if gate.lets(R.self, site, summary) { out.run(R.self, site) }
    }
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
