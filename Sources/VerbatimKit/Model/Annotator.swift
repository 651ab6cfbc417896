/// The layers of analysis a stage can require and produce; the pipeline checks
/// the order of its stages against them when it is built.
public enum Layer: String, Sendable, Hashable, CaseIterable {
    case tokens, sentences, paragraphs, entities, times, clusters, quotes, speakers, gender
}

/// Everything known about a document while it moves through the stages.
public struct AnalysisState: Sendable {
    public let document: Document
    public var segmentation: Segmentation
    public var annotation: Annotation

    public init(document: Document, segmentation: Segmentation, annotation: Annotation = Annotation()) {
        self.document = document
        self.segmentation = segmentation
        self.annotation = annotation
    }
}

/// One stage after segmentation. Stages are immutable values shared by all
/// threads: whatever scratch state they need lives in `annotate`.
public protocol Annotator: Sendable {
    /// A short name for error messages and `--explain` output.
    var name: String { get }
    var requires: Set<Layer> { get }
    var produces: Set<Layer> { get }
    func annotate(_ state: inout AnalysisState)
}
