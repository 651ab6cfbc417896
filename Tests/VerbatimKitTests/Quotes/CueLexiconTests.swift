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

@Suite struct FirstNameGenderTests {
    @Test func firstNamesGiveThePronounItsReferent() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("verbatim-names-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("names"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let tsv = "# FORMAT: key\tform\tfemale_ratio\tcount\nanna\tAnna\t0.997\t1000\ntom\tTom\t0.004\t1000\n"
        try tsv.write(to: dir.appendingPathComponent("names/first-names.tsv"), atomically: true, encoding: .utf8)
        let genders = try #require(FirstNameGenders(models: dir))
        #expect(genders.gender("anna") == .female)
        #expect(genders.gender("tom") == .male)
        #expect(genders.gender("alex") == nil)

        let text = "Anna Berg met Tom Hall on Monday. “We agreed on nothing,” he said."
        let pipeline = try Pipeline(annotators: [QuoteAnnotator(lexicon: BuiltinCueLexicon.shared, firstNames: genders)])
        let q = try #require(try pipeline.annotate(Document(text: text)).quotes.first)
        #expect(q.speaker?.name == "Tom Hall")
    }
}
