import Testing
@testable import VerbatimKit

/// The shortcuts of the table walks give the answers of the slow paths they replace.
@Suite struct LexiconWalkStartTests {
    /// A context over `text` with the package's entity lexicon.
    private func context(_ text: String) throws -> EntityContext {
        let document = Document(text: text)
        let recognizer = try #require(sharedPipeline.annotators.lazy.compactMap { $0 as? EntityRecognizer }.first)
        let segmentation = try shippedSegmenter().segment(document)
        return EntityContext(document: document, segmentation: segmentation, lexicon: recognizer.lexicon)
    }

    /// Each chunk token's walk-start bits are the matcher's own start test of each
    /// walked table, so that a walk skipped for a missing bit would have found nothing.
    @Test func walkStartBitsAreTheMatchersStartTest() throws {
        let ctx = try context("""
            Marta Quellenby of Brightwater Holdings Inc. flew from Lisbon to New York and \
            then to Vantorra City, Ohio, where Zebulon Fairgrave of Norrick Partners Ltd. met her.
            """)
        let tables: [(EntityLexicon.Walked, LexiconTable)] = [
            (.cities, ctx.lexicon.cities), (.countries, ctx.lexicon.countries), (.regions, ctx.lexicon.regions),
            (.companies, ctx.lexicon.companies), (.legalSuffixes, ctx.lexicon.legalSuffixes),
        ]
        #expect(!ctx.chunks.isEmpty)
        var passes = 0, fails = 0
        for chunk in ctx.chunks {
            for i in chunk {
                let bits = ctx.walkStarts[Int(ctx.walkMemoRow[i])]
                for (walked, table) in tables {
                    let may = ctx.keys.mayStart(i, in: table)
                    #expect((bits & (1 << UInt8(walked.rawValue)) != 0) == may, "token \(i) table \(walked)")
                    if may { passes += 1 } else { fails += 1 }
                }
            }
        }
        // Both answers occur ("Lisbon" starts cities, "Quellenby" starts no legal suffix).
        #expect(passes > 0 && fails > 0)
    }

    /// The packed prefix and its deciding flag, computed in one loop, are the first
    /// eight bytes big-endian and zero-padded, and "shorter than eight bytes, no NUL".
    @Test func packedPrefixIsTheFirstEightBytes() {
        let keys: [[UInt8]] = [[], [0x61], [0x61, 0x62, 0x63], [0x61, 0x00, 0x62], [0x00],
                               Array("abcdefg".utf8), Array("abcdefgh".utf8), Array("abcdefghij".utf8),
                               [0xC3, 0xA9, 0x20, 0x7A], [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]]
        for key in keys {
            var expected: UInt64 = 0
            for j in 0..<8 { expected = expected << 8 | (j < key.count ? UInt64(key[j]) : 0) }
            let decided = key.count < 8 && !key.contains(0)
            let packed = key.withUnsafeBufferPointer { LexiconTable.pack($0) }
            #expect(packed.prefix == expected, "\(key)")
            #expect(packed.decided == decided, "\(key)")
        }
    }
}
