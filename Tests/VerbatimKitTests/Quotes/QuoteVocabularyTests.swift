import Foundation
import Testing
@testable import VerbatimKit

/// The quote stage's words come from Models/ only: the shipped files, and whatever a
/// user adds to them.
@Suite struct QuoteVocabularyTests {
    let vocabulary = shippedQuoteStage.vocabulary

    /// The classes of every token, written in one pass: a word's classes are those of
    /// its folded form, any other token's none.
    @Test func everyTokensClassesInOnePass() throws {
        let document = Document(text: "“We’ll rebuild the PIER,” said harbour spokeswoman Wren Talbot, 52, on Tuesday (Zürich).")
        let tokens = try shippedSegmenter().segment(document).tokens
        let pass = LexicalPass(document: document, tokens: tokens)
        let classes = vocabulary.classes(of: pass, tokens: tokens)
        #expect(classes.count == tokens.count)
        for (i, t) in tokens.enumerated() {
            let expected = t.kind == .word ? vocabulary.classes(of: pass.string(i)) : 0
            #expect(classes[i] == expected, "\(document.string(t.start, t.end))")
        }
        #expect(classes.contains { $0 != 0 })
    }

    /// The sentence or paragraph of every token: written once when the ranges cover
    /// every token, and as before (0 outside the ranges) when they do not.
    @Test func theRangeOfEveryToken() {
        func filled(_ ranges: [Range<Int>], _ count: Int) -> [Int32] {
            var index = [Int32](repeating: 0, count: count)
            for (k, r) in ranges.enumerated() where r.lowerBound >= 0 && r.upperBound <= count { for i in r { index[i] = Int32(k) } }
            return index
        }
        for (ranges, count) in [([0..<3, 3..<4, 4..<9], 9), ([], 0), ([0..<2, 3..<5], 5), ([0..<2, 2..<7], 5), ([1..<4], 4), ([0..<4], 6)] {
            #expect(QuoteText.indexOfRange(ranges, count: count) == filled(ranges, count), "\(ranges) of \(count)")
        }
    }

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
