import Foundation
import Testing
@testable import VerbatimKit

/// The quote stage's words come from Models/ only: the shipped files, and whatever a
/// user adds to them.
@Suite struct QuoteVocabularyTests {
    let vocabulary = shippedQuoteStage.vocabulary

    @Test func speechVerbsHaveTheirTenseForms() {
        for form in ["say", "says", "said", "saying", "told", "added", "adding", "notes", "tweeted", "replied", "surmised"] {
            #expect(vocabulary.contains(form, .speechVerb), "\(form)")
        }
    }

    /// Base and -s forms that double as nouns are cues only before "that".
    @Test func nounsThatDoubleAsVerbsOnlyHaveVerbForms() {
        for noun in ["state", "report", "tweet", "post", "call", "comment"] {
            #expect(!vocabulary.contains(noun, .speechVerb), "\(noun)")
        }
        #expect(vocabulary.contains("reported", .speechVerb))
    }

    @Test func roleNounsComeFromBothRoleFiles() {
        // names/role-nouns.tsv, its accented forms as written, and quotes/role-nouns.tsv.
        for role in ["spokesman", "minister", "fiancée", "sheriff", "ceo"] {
            #expect(vocabulary.contains(role, .roleNoun), "\(role)")
        }
        #expect(!vocabulary.contains("london", .roleNoun))
    }

    @Test func aWordCanBeInSeveralClasses() {
        #expect(vocabulary.contains("the", .definiteArticle) && vocabulary.contains("the", .determiner)
                && vocabulary.contains("the", .sentenceOpener))
        #expect(!vocabulary.contains("the", .speechVerb))
    }

    @Test func anExtensionAddsASpeechVerb() throws {
        let extra = try makeModels(["cues/speech-verbs.tsv":
            "harrumph\tharrumph\tharrumph\tbase\tbefore-that\nharrumphed\tharrumphed\tharrumph\tpast,participle\tcue\n"])
        var lexicon = try Lexicon(directory: packageRoot.appendingPathComponent("Models").path)
        try lexicon.extend(withModelsIn: extra)
        let stage = try QuoteAnnotator(lexicon: lexicon)
        #expect(stage.vocabulary.contains("harrumphed", .speechVerb))
        #expect(!stage.vocabulary.contains("harrumph", .speechVerb))
        let text = "“We are not done,” the mayor harrumphed."
        let q = try #require(try Pipeline(annotators: [stage]).annotate(Document(text: text)).quotes.first)
        #expect(q.rule == "trailing-cue" && q.speaker.map { slice(text, $0.start, $0.end) } == "the mayor")
    }

    @Test func modelsWithoutTheQuoteWordsAreAClearError() throws {
        let dir = try makeModels(["cues/speech-verbs.tsv": "# FORMAT: key\tform\tlemma\ttense\tuse\nsaid\tsaid\tsay\tpast\tcue\n",
                                  "names/role-nouns.tsv": "mayor\tmayor\t-\tsg\n",
                                  "names/first-names.tsv": "anna\tAnna\t0.99\t10\n"])
        let lexicon = try Lexicon(directory: dir)
        #expect(throws: VerbatimError.self) { try QuoteAnnotator(lexicon: lexicon) }
    }
}

@Suite struct FirstNameGenderTests {
    @Test func firstNamesGiveThePronounItsReferent() throws {
        let dir = try makeModels(["names/first-names.tsv": "# FORMAT: key\tform\tfemale_ratio\tcount\nanna\tAnna\t0.997\t1000\ntom\tTom\t0.004\t1000\n"])
        let table = try LexiconTable(contentsOf: dir + "/names/first-names.tsv", name: "names/first-names")
        let genders = FirstNameGenders(table: table)
        #expect(genders.gender("anna") == .female)
        #expect(genders.gender("tom") == .male)
        #expect(genders.gender("alex") == nil)

        let text = "Anna Berg met Tom Hall on Monday. “We agreed on nothing,” he said."
        let stage = try QuoteAnnotator(lexicon: shippedLexicon, firstNames: table)
        let q = try #require(try Pipeline(annotators: [stage]).annotate(Document(text: text)).quotes.first)
        #expect(q.speaker?.name == "Tom Hall")
    }
}
