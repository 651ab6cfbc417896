import Foundation
import Testing
@testable import VerbatimKit

/// Words live in Models/ and rules name their classes: every model file the
/// pipeline loads must be read by some stage, and every class of a file read by
/// class by some rule; a class a rule asks for must exist in the file.
@Suite struct ModelCoverageTests {
    static let shippedModels = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Models").path

    /// Files that the redesign still has to wire to their rules (or retire). The list
    /// must equal what is unread, so that it can only shrink; it must end empty.
    static let notYetRead: [String] = [
        "names/particles", "names/titles",
        "orgs/heads", "orgs/known", "places/exonyms", "places/heads",
    ]

    @Test func everyShippedModelFileIsReadByTheStandardPipeline() throws {
        let lexicon = try Lexicon(directory: Self.shippedModels)
        _ = try Pipeline(lexicon: lexicon)
        #expect(lexicon.unreadModelParts() == Self.notYetRead)
    }

    @Test func aClassNoEntryHasIsAModelError() throws {
        let dir = try makeModels(["w.tsv": "# FORMAT: key\tform\tclass\nthe\tthe\tarticle\n"])
        let lexicon = try Lexicon(directory: dir)
        #expect(throws: VerbatimError.self) { try lexicon.understand("w", classColumn: 2, classes: ["article", "weekday"]) }
        let articles = try lexicon.words("w", class: "article")
        #expect(articles.contains("the") && articles.count == 1)
    }

    @Test func classesNoRuleReadsAreReported() throws {
        let dir = try makeModels(["w.tsv": "# FORMAT: key\tform\tclass\nmonday\tMonday\tweekday\nthe\tthe\tarticle\n",
                                  "unread.tsv": "# FORMAT: key\tform\nx\tx\n"])
        let lexicon = try Lexicon(directory: dir)
        _ = try lexicon.words("w", class: "article")
        #expect(lexicon.unreadModelParts() == ["unread", "w: class weekday"])
    }

    @Test func anExtensionFolderAddsWordsToAClass() throws {
        let dir = try makeModels(["w.tsv": "# FORMAT: key\tform\tclass\nthe\tthe\tarticle\n"])
        let extra = try makeModels(["w.tsv": "# our additions\nx\tLes\tarticle\n"])
        var lexicon = try Lexicon(directory: dir)
        try lexicon.extend(withModelsIn: extra)
        let articles = try lexicon.words("w", class: "article")
        #expect(articles.contains("les") && articles.contains("the"))
    }

    @Test func anExtensionMustNameAModelFile() throws {
        let dir = try makeModels(["w.tsv": "# FORMAT: key\tform\tclass\nthe\tthe\tarticle\n"])
        let extra = try makeModels(["nope/w.tsv": "x\tx\tarticle\n"])
        var lexicon = try Lexicon(directory: dir)
        #expect(throws: VerbatimError.self) { try lexicon.extend(withModelsIn: extra) }
    }
}
