import Testing
@testable import VerbatimKit

/// Invented entries: multi-word keys, a key whose tokens join without a space, and
/// keys sharing a first word.
private let table = """
# FORMAT: key\tform\ttype
bay of harlow\tBay of Harlow\tregion
harlow\tHarlow\tcity
harlow point\tHarlow Point\tcity
q.r.\tQ.R.\tcountry
quillmark\tQuillmark\tcity
zentova sands\tZentova Sands\tcity

"""

@Suite struct LexiconStartFilterTests {
    private func load() throws -> LexiconTable {
        try LexiconTable(bytes: Array(table.utf8), name: "places", path: "places.tsv")
    }

    /// Every prefix of every first word passes: the filter never refuses a walk
    /// that a key could continue ("q" of "q.r.", "zen" of "zentova").
    @Test func everyPrefixOfAFirstWordPasses() throws {
        let places = try load()
        for word in ["bay", "harlow", "q.r.", "quillmark", "zentova"] {
            let bytes = Array(word.utf8)
            for n in 1...bytes.count {
                let prefix = bytes[0..<n]
                let hash = prefix.withUnsafeBufferPointer { LexiconTable.keyHash($0) }
                #expect(places.mayStart(withKeyHash: hash), "\(String(decoding: prefix, as: UTF8.self))")
                #expect(places.search(prefixOf: prefix))
            }
        }
    }

    /// Words that start no key are mostly refused by the bitset alone, and a refused
    /// word is never one that the table's own search would continue.
    @Test func wordsThatStartNoKeyAreRefused() throws {
        let places = try load()
        let others = ["river", "sands", "point", "of", "mountain", "lake", "east", "north", "village", "county",
                      "station", "bridge", "valley", "island", "forest", "market", "castle", "tower", "gate", "field"]
        var refused = 0
        for word in others {
            let bytes = Array(word.utf8)
            let hash = bytes.withUnsafeBufferPointer { LexiconTable.keyHash($0) }
            #expect(!places.search(prefixOf: bytes[...]))
            if !places.mayStart(withKeyHash: hash) { refused += 1 }
        }
        #expect(refused >= 15, "only \(refused) of \(others.count) refused")
    }

    /// Walks through the filter find what they found before: a multi-word key, a key
    /// whose tokens join without a space, the longest of keys sharing a first word,
    /// and nothing from a token that starts no key.
    @Test func walksStillMatch() throws {
        let places = try load()
        let text = "From Harlow Point to Q.R. and the Bay of Harlow, past Mount Zentova."
        let document = Document(text: text)
        let segmentation = try shippedSegmenter().segment(document)
        let tokens = segmentation.tokens
        let keys = TokenKeys(document: document, tokens: tokens)
        let matcher = LexiconMatcher()
        func match(from word: String) -> String? {
            guard let i = tokens.firstIndex(where: { document.string($0.start, $0.end).hasPrefix(word) }),
                  let m = matcher.longest(in: places, tokens: tokens, keys: keys, from: i, limit: tokens.count) else { return nil }
            return document.string(tokens[m.start].start, tokens[m.end - 1].end)
        }
        #expect(match(from: "Harlow") == "Harlow Point")
        #expect(match(from: "Q") == "Q.R.")
        #expect(match(from: "Bay") == "Bay of Harlow")
        #expect(match(from: "Mount") == nil)
        #expect(match(from: "From") == nil)
    }
}
