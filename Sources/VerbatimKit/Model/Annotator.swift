/// The layers of analysis a stage can require and produce; the pipeline checks
/// the order of its stages against them when it is built.
public enum Layer: String, Sendable, Hashable, CaseIterable {
    case tokens, sentences, paragraphs, entities, times, clusters, quotes, speakers, gender
}

/// Everything known about a document while it moves through the stages.
public struct AnalysisState: Sendable {
    public let document: Document
    /// Tokens, sentences and paragraphs; changing them drops the lexical pass and the
    /// token classes made of them.
    public var segmentation: Segmentation {
        didSet { lexical = nil; classes = nil }
    }
    public var annotation: Annotation
    /// The document's one lexical pass (``lexicalPass()``), made on first use.
    private var lexical: LexicalPass?
    /// The document's token classes (``tokenClasses(_:)``), made on first use.
    private var classes: TokenClasses?
    /// The running stage's memory on this worker (``Pipeline/Worker`` lends each stage
    /// its own); for a state made outside a worker, a small one that lives as long as
    /// the state (a worker's 512 KB of word cache, allocated and cleared for every
    /// document a caller annotates stage by stage, would cost more than it saves).
    var memory = WorkerMemory(wordSets: WorkerMemory.oneDocumentWordSets)

    public init(document: Document, segmentation: Segmentation, annotation: Annotation = Annotation()) {
        self.document = document
        self.segmentation = segmentation
        self.annotation = annotation
    }

    /// Every token's case-folded bytes and hash (``LexicalPass``), made once per
    /// document, by the first stage that asks, and read by all: entities, times,
    /// quotes and gender derive their keys from it.
    public mutating func lexicalPass() -> LexicalPass {
        if let lexical { return lexical }
        let made = LexicalPass(document: document, tokens: segmentation.tokens)
        lexical = made
        return made
    }

    /// Whether a stage has made the lexical pass yet (tests check which stages read it).
    var hasLexicalPass: Bool { lexical != nil }

    /// The tokens' facts for the time and quote stages from one probe each of `table`
    /// (``TokenClassTable``, which the two stages share), made once per document by
    /// the first of them that asks.
    mutating func tokenClasses(_ table: TokenClassTable) -> TokenClasses {
        if let classes, classes.table === table { return classes }
        let made = table.classes(of: document, segmentation.tokens, pass: lexicalPass())
        classes = made
        return made
    }

    /// Whether a stage has made the token classes yet (tests).
    var hasTokenClasses: Bool { classes != nil }
}

/// One stage after segmentation. Stages are immutable values shared by all
/// threads: whatever scratch state they need lives in `annotate`, and what they
/// keep from one document to the next (caches of model answers) in the worker's
/// ``WorkerMemory``, lent to them in ``AnalysisState``.
public protocol Annotator: Sendable {
    /// A short name for error messages and `--explain` output.
    var name: String { get }
    var requires: Set<Layer> { get }
    var produces: Set<Layer> { get }
    func annotate(_ state: inout AnalysisState)
}

/// What a stage keeps on one worker from one document to the next (the worker's
/// `memories`, one per stage, lent to the stage through ``AnalysisState``): caches
/// of answers that depend only on the models, never on the documents read before.
struct WorkerMemory: Sendable {
    /// The entity stage's word facts.
    var words: WordFactsCache
    /// The entity stage's rule names as strings (``RuleNameStrings``).
    var ruleNames = RuleNameStrings()

    /// Sets of the word cache of a state made outside a worker (16 KB: a document's words).
    static let oneDocumentWordSets = 256

    init(wordSets: Int = WordFactsCache.defaultSets) {
        words = WordFactsCache(sets: wordSets)
    }
}
