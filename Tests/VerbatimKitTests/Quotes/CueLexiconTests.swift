import Foundation
import Testing
@testable import VerbatimKit

@Suite struct CueLexiconTests {
    @Test func builtinHasAllTenseForms() {
        let lexicon = BuiltinCueLexicon.shared
        for form in ["say", "says", "said", "saying", "told", "added", "adding", "notes", "tweeted", "replied", "surmised"] {
            #expect(lexicon.isSpeechVerb(form), "\(form)")
        }
    }

    @Test func nounsThatDoubleAsVerbsOnlyHaveVerbForms() {
        let lexicon = BuiltinCueLexicon.shared
        for noun in ["state", "report", "tweet", "post", "call", "comment"] {
            #expect(!lexicon.isSpeechVerb(noun), "\(noun)")
        }
        #expect(lexicon.isSpeechVerb("reported"))
    }

    @Test func modelFileExtendsTheTable() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("verbatim-cues-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("cues"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let tsv = "# FORMAT: key\tform\tlemma\ttense\nharrumph\tharrumph\tharrumph\tbase\nharrumphed\tharrumphed\tharrumph\tpast,participle\n"
        try tsv.write(to: dir.appendingPathComponent("cues/speech-verbs.tsv"), atomically: true, encoding: .utf8)
        let lexicon = try #require(ModelCueLexicon(models: dir))
        #expect(lexicon.isSpeechVerb("harrumphed"))
        #expect(!lexicon.isSpeechVerb("harrumph"))
        #expect(lexicon.isSpeechVerb("said"))
        #expect(ModelCueLexicon(models: dir.appendingPathComponent("missing")) == nil)
    }
}
