import Foundation

/// The full analysis: ICU segmentation followed by the annotators, checked for
/// order when built. Immutable and shared between threads; each thread asks for
/// its own ``Worker`` (which owns the non-thread-safe ICU iterators).
public final class Pipeline: Sendable {
    public let annotators: [any Annotator]
    /// The words with which segmentation overrules ICU's sentence breaks after
    /// abbreviations (Models/segmentation/words.tsv).
    public let breakWords: SentenceBreakWords

    /// Builds a pipeline from stages, checking that each stage's requirements are
    /// produced by segmentation or an earlier stage. Pass the standard pipeline's
    /// `breakWords` to segment as it does (``SentenceBreakWords/none`` keeps ICU's
    /// sentence breaks as they are).
    public init(annotators: [any Annotator], breakWords: SentenceBreakWords = .none) throws(PipelineError) {
        var available: Set<Layer> = [.tokens, .sentences, .paragraphs]
        for annotator in annotators {
            let missing = annotator.requires.subtracting(available)
            if let layer = missing.sorted(by: { $0.rawValue < $1.rawValue }).first {
                throw PipelineError.unmetRequirement(annotator: annotator.name, layer: layer)
            }
            available.formUnion(annotator.produces)
        }
        self.annotators = annotators
        self.breakWords = breakWords
    }

    /// The standard pipeline with models found by ``Lexicon/locateModels(explicit:)``
    /// (`$VERBATIM_MODELS`, next to the executable, or the current directory and its parents).
    /// - Throws: ``VerbatimError/model(path:reason:)`` when the models are missing or corrupt.
    public convenience init() throws {
        try self.init(lexicon: Lexicon(locating: nil))
    }

    /// The standard pipeline with the models in `models` (a Models/ directory).
    /// - Throws: ``VerbatimError/model(path:reason:)`` when the models are missing or corrupt.
    public convenience init(models: String) throws {
        try self.init(lexicon: Lexicon(directory: models))
    }

    /// The standard pipeline with the models in the directory `models`.
    public convenience init(models: URL) throws {
        try self.init(models: models.path)
    }

    /// The standard pipeline over already loaded models (to add user lists first).
    /// - Parameter listsEveryQuotation: list every pair of quotation marks, not only
    ///   speech (``QuoteAnnotator/listsEveryQuotation``).
    public convenience init(lexicon: Lexicon, listsEveryQuotation: Bool = false) throws {
        let entities = try EntityRecognizer(lexicon: lexicon)
        var quotes = try QuoteAnnotator(lexicon: lexicon, firstNames: entities.lexicon.firstNames)
        quotes.listsEveryQuotation = listsEveryQuotation
        var times = try TimeRecognizer(lexicon: lexicon)
        // One probe per token for both stages' single words (issue 25).
        if let shared = TokenClassTable(time: times.lexicon, quotes: quotes.vocabulary) {
            times.tokenClasses = shared
            quotes.tokenClasses = shared
        }
        try self.init(annotators: [
            entities,
            times,
            CreditFinder(lexicon: lexicon),
            quotes,
            GenderAnnotator(lexicon: GenderLexicon(lexicon: lexicon, firstNames: entities.lexicon.firstNames)),
        ], breakWords: SentenceBreakWords(lexicon: lexicon))
    }

    /// A per-thread worker.
    public func makeWorker() throws(VerbatimError) -> Worker {
        Worker(pipeline: self, segmenter: try Segmenter(breakWords: breakWords))
    }

    /// Annotates one document on the calling thread (convenient for embedding; for
    /// batches keep a ``Worker`` per thread instead).
    public func annotate(_ document: Document) throws(VerbatimError) -> Annotation {
        try makeWorker().annotate(document)
    }

    /// Runs the pipeline on one thread at a time.
    public final class Worker {
        public let pipeline: Pipeline
        public let segmenter: Segmenter
        /// Each stage's memory, kept from document to document (word caches): lent to
        /// the stage while it runs, so that its arrays stay uniquely owned (no copy).
        private(set) var memories: [WorkerMemory]

        init(pipeline: Pipeline, segmenter: Segmenter) {
            self.pipeline = pipeline
            self.segmenter = segmenter
            memories = Array(repeating: WorkerMemory(), count: pipeline.annotators.count)
        }

        /// Every stage's output for a document; one longer than
        /// ``DocumentWindows/windowBytes`` is annotated window by window.
        ///
        /// - Parameter keepingSegmentation: for a windowed document, whether to keep
        ///   the whole token list (the CoNLL, spaCy and HTML writers need it; JSON
        ///   lines and CSV do not, and it takes about 3 bytes per byte of text).
        public func analyze(_ document: Document, keepingSegmentation: Bool = true) throws(VerbatimError) -> AnalysisState {
            let windows = DocumentWindows.ranges(document.utf8)
            guard windows.count > 1 else { return try analyzeWhole(document) }
            var annotation = Annotation()
            var segmentation = Segmentation()
            for window in windows {
                // Every window keeps what the record says about itself (date, locale).
                var part = Document(id: document.id, text: String(decoding: document.utf8[window], as: UTF8.self), date: document.date)
                part.region = document.region
                part.dateOrder = document.dateOrder
                let state = try analyzeWhole(part)
                annotation.append(window: state.annotation, shiftedBy: Int32(window.lowerBound))
                if keepingSegmentation { segmentation.append(window: state.segmentation, shiftedBy: Int32(window.lowerBound)) }
            }
            return AnalysisState(document: document, segmentation: segmentation, annotation: annotation)
        }

        private func analyzeWhole(_ document: Document) throws(VerbatimError) -> AnalysisState {
            let segmentation = try segmenter.segment(document)
            var state = AnalysisState(document: document, segmentation: segmentation)
            for (k, annotator) in pipeline.annotators.enumerated() {
                swap(&state.memory, &memories[k])
                annotator.annotate(&state)
                swap(&state.memory, &memories[k])
            }
            return state
        }

        public func annotate(_ document: Document) throws(VerbatimError) -> Annotation {
            try analyze(document).annotation
        }
    }
}

public enum PipelineError: Error, Sendable, Equatable, CustomStringConvertible {
    case unmetRequirement(annotator: String, layer: Layer)

    public var description: String {
        switch self {
        case .unmetRequirement(let annotator, let layer):
            return "stage \(annotator) requires \(layer.rawValue), which no earlier stage produces"
        }
    }
}
