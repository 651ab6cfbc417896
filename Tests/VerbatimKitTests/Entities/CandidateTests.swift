import Testing
@testable import VerbatimKit

/// Candidate's plain-value parts: rule names as literals, strings kept in the context.
@Suite struct CandidateTests {
    /// A context over `text` with the package's entity lexicon.
    private func context(_ text: String) throws -> EntityContext {
        let document = Document(text: text)
        let recognizer = try #require(sharedPipeline.annotators.lazy.compactMap { $0 as? EntityRecognizer }.first)
        let segmentation = try shippedSegmenter().segment(document)
        return EntityContext(document: document, segmentation: segmentation, lexicon: recognizer.lexicon)
    }

    @Test func rulesAreEqualByTheirNames() {
        let a = OrganizationRules.rules.first { $0.name.description == "head-of-name" }!.name
        let b = PlaceRules.rules.first { $0.name.description == "head-of-name" }!.name
        #expect(a == b)
        #expect(a != PersonRules.rules[0].name)
        #expect(a.description == "head-of-name")
        // Past the small-string length too.
        #expect(PlaceRules.rules[1].name.description == "gazetteer-country-alias")
    }

    @Test func keptVocabularyComparesAsTheStrings() throws {
        let ctx = try context("Paris is in France.")
        #expect(ctx.keep("city") == .city)
        #expect(ctx.keep("other") == .other)
        for (i, name) in KeptText.vocabulary.enumerated() {
            #expect(ctx.string(KeptText(index: Int32(i))) == name)
        }
        let continent = ctx.keep("continent")
        let canonical = ctx.keep("United Kingdom")
        #expect(continent != canonical)
        #expect(!KeptText.vocabulary.indices.contains(Int(continent.index)))
        #expect(ctx.string(continent) == "continent")
        #expect(ctx.string(canonical) == "United Kingdom")
        #expect(ctx.keep(nil as String?) == nil)
        #expect(ctx.string(nil as KeptText?) == nil)
    }

    @Test func canonicalNameHashIsTheHashOfItsFold() {
        let names = ["United Kingdom", "  the  Met\tPolice ", "O`Neill\n", "ABC", "", " ", "Zürich", "Côte d’Ivoire", "x\u{0B}y\u{0C}z\r"]
        for name in names {
            let expected = Array(Fold.fold(name).utf8).withUnsafeBufferPointer { LexiconTable.keyHash($0) }
            #expect(Clustering.foldedHash(name) == expected, "\(name)")
        }
    }

    @Test func mentionsComeOutInTextOrderWhateverTheProposalOrder() throws {
        let ctx = try context("Alice Smith met Bob Jones in Paris and London on Monday.")
        // Non-overlapping single-token candidates proposed back to front, with mixed support.
        let words = ctx.tokens.indices.filter { ctx.tokens[$0].kind == .word && ctx.tokens[$0].shape == .title }
        let candidates = words.reversed().enumerated().map { k, i in
            Candidate(start: i, end: i + 1, label: k % 2 == 0 ? .person : .place, type: nil, score: 55 + 10 * (k % 3), rule: PersonRules.rules[0].name)
        }
        let (entities, clusters) = Resolver().resolve(ctx, candidates)
        #expect(entities.count >= words.count)
        #expect(zip(entities, entities.dropFirst()).allSatisfy { $0.end <= $1.start })
        for (c, cluster) in clusters.enumerated() {
            #expect(cluster.mentions == cluster.mentions.sorted())
            for m in cluster.mentions { #expect(entities[m].cluster == c) }
        }
    }
}
