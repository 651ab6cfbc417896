import Testing
@testable import VerbatimKit

/// The worker's word cache (``WordFactsCache``) holds only what depends on a word's
/// folded key: a worker that read other documents first, or whose cache filled and
/// dropped words, must see every token exactly as a fresh worker does.
@Suite struct WordFactsCacheTests {
    /// The same words in different roles from one document to the next (invented text):
    /// a lower-case document, a name that is also a verb ("Rose" / "rose"), a headline
    /// in capitals, possessives ("Pellow's", "NATO's") and an acronym.
    static let documents = [
        "the council of kestrelford met on tuesday. jane pellow, the mayor, said the bridge over the river would open in june. "
            + "residents rose early to see it. the builders said the work was done on time and that the road would stay shut "
            + "for a week while the last checks were made. pellow thanked them.",
        "Jane Pellow said the Kestrelford bridge would open in June, and Rose Amberly rose to speak after her. "
            + "Pellow's office and NATO's envoy in Kestrelford agreed, the mayor said.",
        "KESTRELFORD BRIDGE WILL OPEN, SAYS PELLOW\nThe mayor of Kestrelford, Jane Pellow, said on Tuesday that the bridge would open. "
            + "ROSE AMBERLY AND THE COUNCIL AGREED.",
        "Prices rose in June. The rose garden in Kestrelford opened; Mr. Pellow said NATO had no view on roses.",
    ]

    private static var recognizer: EntityRecognizer {
        get throws { try #require(sharedPipeline.annotators.lazy.compactMap { $0 as? EntityRecognizer }.first) }
    }

    /// The context of `text` built with `words` (the worker's cache, added to).
    private static func context(_ text: String, _ words: inout WordFactsCache) throws -> EntityContext {
        let document = Document(text: text)
        let segmentation = try shippedSegmenter().segment(document)
        return EntityContext(document: document, segmentation: segmentation, lexicon: try recognizer.lexicon,
                             keys: TokenKeys(document: document, tokens: segmentation.tokens, stripPossessive: true), words: &words)
    }

    /// Every token's features and classes, from a cache that saw the other documents
    /// first (in both orders), equal those from a fresh cache: whatever size the cache,
    /// including one of a single set (two words) that drops a word at almost every token.
    @Test(arguments: [1, 16, WordFactsCache.defaultSets])
    func aWarmCacheGivesAFreshCachesFacts(sets: Int) throws {
        for order in [Self.documents, Self.documents.reversed()] {
            var shared = WordFactsCache(sets: sets)
            for text in order {
                let warm = try Self.context(text, &shared)
                var fresh = WordFactsCache(sets: sets)
                let cold = try Self.context(text, &fresh)
                #expect(warm.features == cold.features, "\(text)")
                #expect(warm.classes == cold.classes, "\(text)")
                #expect(warm.walkStarts == cold.walkStarts, "\(text)")
                #expect(shared.added - shared.dropped <= shared.capacity)
            }
            if sets == 1 { #expect(shared.dropped > 0) }
            #expect(shared.added > 0)
        }
    }

    /// A word found in the cache is the word asked for: keys that share their first
    /// eight bytes, differ in length only, or are empty or too long to keep each get
    /// their own facts, whichever came first.
    @Test func keysAreComparedWhole() {
        var cache = WordFactsCache(sets: 1)
        let keys = ["kestrelf", "kestrelford", "kestrelfords", "", "a", "kestrelfordshire-upon-sea"]
        for (n, key) in keys.enumerated() {
            let bytes = Array(key.utf8)
            let e = bytes.withUnsafeBufferPointer { b in
                cache.entry(b, hash: 7) { WordClassIndex.Classes(features: TokenFeatures(rawValue: UInt32(1 << n)), classes: []) }
            }
            #expect(cache.cueFeatures(e) == TokenFeatures(rawValue: UInt32(1 << n)), "\(key)")
            let names = WordFactsCache.NameFacts(features: TokenFeatures(rawValue: UInt32(1 << (n + 8))), walkStarts: UInt8(n + 1))
            #expect(cache.names(e) { names } == names)
        }
        // The last two words asked (the long one never kept) are still there, with their names.
        for (n, key) in keys.enumerated().dropLast().suffix(2) {
            let bytes = Array(key.utf8)
            let e = bytes.withUnsafeBufferPointer { b in cache.entry(b, hash: 7) { WordClassIndex.Classes() } }
            #expect(cache.cueFeatures(e) == TokenFeatures(rawValue: UInt32(1 << n)), "\(key)")
            let names = WordFactsCache.NameFacts(features: TokenFeatures(rawValue: UInt32(1 << (n + 8))), walkStarts: UInt8(n + 1))
            #expect(cache.names(e) { WordFactsCache.NameFacts(features: [], walkStarts: 0) } == names, "\(key)")
        }
    }

    /// The name features and walk-start bits share half a word and come back apart,
    /// whichever bits are set (all the name features' bits, all five tables).
    @Test func nameFactsComeBackAsStored() {
        var cache = WordFactsCache(sets: 1)
        let stored: [WordFactsCache.NameFacts] = [
            .init(features: TokenFeatures(rawValue: 1 << 27 - 1), walkStarts: 0),
            .init(features: [], walkStarts: 0x1F),
            .init(features: [.phraseStart, .surname], walkStarts: 0x15),
        ]
        for (n, facts) in stored.enumerated() {
            let key = Array("kestrel\(n)".utf8)
            let e = key.withUnsafeBufferPointer { cache.entry($0, hash: UInt64(n)) { WordClassIndex.Classes(features: .title, classes: []) } }
            #expect(cache.names(e) { facts } == facts)
            let again = key.withUnsafeBufferPointer { cache.entry($0, hash: UInt64(n)) { WordClassIndex.Classes() } }
            #expect(cache.names(again) { WordFactsCache.NameFacts(features: [], walkStarts: 0) } == facts)
            #expect(cache.cueFeatures(again) == .title)
        }
    }

    /// A key packs to its bytes in place (little-endian) with its length + 1 in the last
    /// byte, for every length a kept key has: what the memcpy the loads replaced gave.
    @Test func packedKeysAreTheKeysBytes() {
        for n in 0...WordFactsCache.longestKey {
            let key = (0..<n).map { UInt8(0x61 + ($0 * 7 + n) % 26) }
            var expected = [UInt8](repeating: 0, count: 16)
            expected.replaceSubrange(0..<n, with: key)
            expected[15] = UInt8(n + 1)
            let packed = key.withUnsafeBufferPointer { WordFactsCache.pack($0) }
            var bytes = [UInt8](repeating: 0, count: 16)
            for k in 0..<8 {
                bytes[k] = UInt8(truncatingIfNeeded: packed.0 >> UInt64(8 * k))
                bytes[8 + k] = UInt8(truncatingIfNeeded: packed.1 >> UInt64(8 * k))
            }
            #expect(bytes == expected, "length \(n)")
        }
    }

    /// Invented text whose chunks start walks in every table: places, firms with legal
    /// forms, possessives, and words joined by a narrow no-break space (one token whose
    /// key holds a space, which every table may start).
    static let walkDocuments = [
        "Marta Quellenby of Brightwater Holdings Inc. flew from Lisbon to New York, then to Vantorra City, Ohio, "
            + "where Zebulon Fairgrave of Norrick Partners Ltd. met her. Norrick's offices in Lisbon's old town closed.",
        "Quellenby and Fairgrave met in New\u{202F}Yorkton and Kestrel\u{202F}Holdings said Brightwater's Portugal unit grew.",
        "LISBON FIRM BRIGHTWATER HOLDINGS INC. BUYS NORRICK PARTNERS LTD.\nThe deal was agreed in Lisbon.",
    ]

    /// The walk-start bits of every chunk token, kept by the cache from a word's first
    /// capitalised appearance, are those the five tables' start filters give its key now,
    /// with caches so small that words are dropped and taken in again; and a fresh cache
    /// gives every token the bits a warm one does.
    @Test(arguments: [1, 4, WordFactsCache.defaultSets])
    func cachedWalkStartsAreTheTablesAnswers(sets: Int) throws {
        var shared = WordFactsCache(sets: sets)
        var cached = 0, spaced = 0, some = 0
        for text in Self.walkDocuments + Self.documents + Self.walkDocuments.reversed() {
            let ctx = try Self.context(text, &shared)
            var fresh = WordFactsCache(sets: sets)
            let cold = try Self.context(text, &fresh)
            #expect(ctx.walkStarts == cold.walkStarts, "\(text)")
            for chunk in ctx.chunks {
                for i in chunk {
                    let bits = ctx.walkStarts[Int(ctx.walkMemoRow[i])]
                    #expect(bits == ctx.lexicon.walkStartBits(ctx.keys, i), "token \(i) of \(text)")
                    if bits != 0 { some += 1 }
                    if ctx.tokens[i].kind == .word, ctx.features[i].contains(.capitalized) { cached += 1 }
                    if ctx.keys.keyHoldsSpace(i) {
                        spaced += 1
                        #expect(bits == (1 << UInt8(EntityLexicon.Walked.allCases.count)) - 1)
                    }
                }
            }
        }
        #expect(cached > 0 && some > 0)
        #expect(spaced > 0, "no key holds a space: the test misses that case")
        if sets == 1 { #expect(shared.dropped > 0) }
    }

    /// The facts really differ between the documents (else the test above proves nothing):
    /// "rose" is a name in one and a verb in another, and the lower-case document's
    /// "pellow" is a name there.
    @Test func theDocumentsDisagreeAboutTheirWords() throws {
        var words = WordFactsCache()
        let lower = try Self.context(Self.documents[0], &words)
        let normal = try Self.context(Self.documents[1], &words)
        func features(_ ctx: EntityContext, _ word: String, _ nth: Int = 0) -> TokenFeatures? {
            let hits = ctx.tokens.indices.filter { ctx.document.string(ctx.tokens[$0].start, ctx.tokens[$0].end) == word }
            return nth < hits.count ? ctx.features[hits[nth]] : nil
        }
        #expect(lower.lowerDocument && !normal.lowerDocument)
        #expect(features(normal, "Rose")?.contains(.nameLike) == true)
        #expect(features(normal, "rose")?.contains(.nameLike) == false)
        #expect(features(lower, "pellow")?.contains(.nameLike) == true)
        #expect(features(normal, "Pellow's")?.contains(.possessive) == true)
        #expect(features(normal, "Pellow")?.contains(.possessive) == false)
    }

    /// A worker that annotated the other documents gives each document the annotation
    /// a fresh worker gives it, and keeps its cache from one document to the next.
    @Test func aWorkerGivesWhatAFreshWorkerGives() throws {
        let worker = try sharedPipeline.makeWorker()
        for text in Self.documents + Self.documents.reversed() {
            let document = Document(text: text)
            #expect(try worker.annotate(document) == sharedPipeline.makeWorker().annotate(document), "\(text)")
        }
        let added = worker.wordCache.added
        #expect(added > 0)
        _ = try worker.annotate(Document(text: Self.documents[1]))
        #expect(worker.wordCache.added == added, "a document read just before adds no word")
    }

    /// Invented names, more than the cache holds: a worker whose cache filled up and
    /// dropped words still annotates as a fresh worker does.
    @Test func aFullCacheDropsWordsAndChangesNothing() throws {
        let syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "be", "do"]
        var names: [String] = []
        for a in syllables { for b in syllables { for c in syllables { names.append((a + b + c).capitalized + "ne") } } }
        let worker = try sharedPipeline.makeWorker()
        var texts: [String] = []
        // Every name as a first name, a surname with an ending, a town and a council:
        // some 22,000 distinct words, more than the cache's 16,384.
        for ending in ["son", "berg", "ton", "ley", "wick", "ham", "ford", "by", "stead", "worth",
                       "field", "more", "dale", "bury", "cott", "well", "hurst", "mouth", "thorpe", "gate"] {
            var sentences: [String] = []
            for (k, n) in names.enumerated() {
                let m = names[(k * 7 + ending.count) % names.count]
                sentences.append("\(n) \(m)\(ending) said the \(m)ville council met in \(n)burg.")
            }
            texts.append(sentences.joined(separator: " "))
        }
        for text in texts {
            let document = Document(text: text)
            #expect(try worker.annotate(document) == sharedPipeline.makeWorker().annotate(document))
        }
        #expect(worker.wordCache.dropped > 0)
        #expect(worker.wordCache.added - worker.wordCache.dropped <= worker.wordCache.capacity)
    }

    /// A worker keeps the large cache; a state annotated stage by stage outside a worker
    /// gets a small one of its own (not 512 KB allocated and cleared per document), and
    /// the entity stage gives it the same mentions as the worker.
    @Test func aStateOutsideAWorkerHasASmallCache() throws {
        let worker = try sharedPipeline.makeWorker()
        #expect(worker.wordCache.capacity == 2 * WordFactsCache.defaultSets)
        let document = Document(text: Self.documents[0])
        var state = AnalysisState(document: document, segmentation: try worker.segmenter.segment(document))
        #expect(state.memory.words.capacity == 2 * WorkerMemory.oneDocumentWordSets)
        #expect(state.memory.words.capacity < worker.wordCache.capacity)
        for annotator in sharedPipeline.annotators { annotator.annotate(&state) }
        #expect(state.memory.words.added > 0)
        #expect(state.annotation.entities == (try worker.annotate(document)).entities)
    }
}

extension Pipeline.Worker {
    /// The entity stage's word cache on this worker.
    var wordCache: WordFactsCache {
        let stage = pipeline.annotators.firstIndex { $0 is EntityRecognizer }!
        return memories[stage].words
    }
}
