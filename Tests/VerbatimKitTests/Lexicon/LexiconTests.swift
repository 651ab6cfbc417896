import Foundation
import Testing
@testable import VerbatimKit

/// Writes a small Models/ tree into a fresh temporary directory.
func makeModels(_ files: [String: String]) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("verbatim-lex-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    for (name, text) in files {
        let path = dir + "/" + name
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
    return dir
}

private let places = """
# Test places
# FORMAT: key\tform\ttype
cote d'ivoire\tCôte d'Ivoire\tcountry
new york\tNew York\tcity
new york city\tNew York City\tcity
o'fallon\tO'Fallon\tcity
sao paulo\tSão Paulo\tcity
st. louis\tSt. Louis\tcity
us\tUS\tcountry
us\tUs\tother
zurich\tZürich\tcity

"""

private func tokens(_ text: String) throws -> (Document, Segmentation) {
    let document = Document(text: text)
    return (document, try shippedSegmenter().segment(document))
}

@Suite struct LexiconTests {
    @Test func foldMatchesTheFileSpec() {
        #expect(Fold.fold("Côte d’Ivoire") == "cote d'ivoire")
        #expect(Fold.fold("  São\tPaulo ") == "sao paulo")
        #expect(Fold.fold("“Quoted” — dash") == "\"quoted\" - dash")
        #expect(Fold.fold("O`Neil") == "o'neil")
        #expect(Fold.fold("ZÜRICH") == "zurich")
    }

    @Test func multiTokenLongestMatch() throws {
        let table = try LexiconTable(bytes: Array(places.utf8), name: "places", path: "places.tsv")
        let (doc, seg) = try tokens("They flew from New York City to St. Louis.")
        let keys = TokenKeys(document: doc, tokens: seg.tokens)
        let matcher = LexiconMatcher()
        let m = try #require(matcher.longest(in: table, tokens: seg.tokens, keys: keys, from: 3, limit: seg.tokens.count))
        #expect(doc.string(seg.tokens[m.start].start, seg.tokens[m.end - 1].end) == "New York City")
        #expect(table.form(m.entries.lowerBound) == "New York City")
        let stl = try #require(seg.tokens.firstIndex { doc.string($0.start, $0.end) == "St" })
        let m2 = try #require(matcher.longest(in: table, tokens: seg.tokens, keys: keys, from: stl, limit: seg.tokens.count))
        #expect(table.form(m2.entries.lowerBound) == "St. Louis")
        // "New York" alone when the sentence stops it.
        let m3 = try #require(matcher.longest(in: table, tokens: seg.tokens, keys: keys, from: 3, limit: 5))
        #expect(m3.end == 5)
    }

    @Test func caseSensitiveAndFoldedLookups() throws {
        let table = try LexiconTable(bytes: Array(places.utf8), name: "places", path: "places.tsv")
        let (doc, seg) = try tokens("Give us the US view.")
        let keys = TokenKeys(document: doc, tokens: seg.tokens)
        let matcher = LexiconMatcher()
        #expect(matcher.longest(in: table, tokens: seg.tokens, keys: keys, from: 1, limit: 5, caseSensitive: true) == nil)
        #expect(matcher.longest(in: table, tokens: seg.tokens, keys: keys, from: 1, limit: 5)?.entries.count == 2)
        let m = try #require(matcher.longest(in: table, tokens: seg.tokens, keys: keys, from: 3, limit: 5, caseSensitive: true))
        #expect(m.entries.count == 1)
        #expect(table.field(m.entries.lowerBound, 2) == "country")
    }

    @Test func apostropheVariantsAndDiacritics() throws {
        let table = try LexiconTable(bytes: Array(places.utf8), name: "places", path: "places.tsv")
        for text in ["O’Fallon", "O'Fallon", "Cote d’Ivoire", "Côte d'Ivoire", "Sao Paulo", "São Paulo", "ZURICH"] {
            let (doc, seg) = try tokens(text)
            let keys = TokenKeys(document: doc, tokens: seg.tokens)
            let matcher = LexiconMatcher()
            let m = matcher.longest(in: table, tokens: seg.tokens, keys: keys, from: 0, limit: seg.tokens.count)
            #expect(m?.end == seg.tokens.count, "\(text)")
        }
        // Case-sensitive still accepts the other apostrophe and NFD input.
        let (doc, seg) = try tokens("O’Fallon and Sa\u{0303}o Paulo")
        let keys = TokenKeys(document: doc, tokens: seg.tokens)
        let matcher = LexiconMatcher()
        #expect(matcher.longest(in: table, tokens: seg.tokens, keys: keys, from: 0, limit: 1, caseSensitive: true) != nil)
        #expect(matcher.longest(in: table, tokens: seg.tokens, keys: keys, from: 2, limit: seg.tokens.count, caseSensitive: true)?.end == 4)
    }

    @Test func cleanedKeysKeepCaseAndLosePossessives() throws {
        let (doc, seg) = try tokens("Britain’s CAFÉ’s O`Neil's US' Zürich")
        let cleaned = { (keys: TokenKeys) in
            seg.tokens.indices.map { i in keys.withCleanedKey(i) { String(decoding: $0, as: UTF8.self) } }
        }
        let words = seg.tokens.map { doc.string($0.start, $0.end) }
        let expected = words.map { w -> String in
            var out: [UInt8] = []
            Fold.appendCleaned(ArraySlice(w.utf8), to: &out)
            return String(decoding: out, as: UTF8.self)
        }
        #expect(cleaned(TokenKeys(document: doc, tokens: seg.tokens)) == expected, "\(words)")
        let stripped = cleaned(TokenKeys(document: doc, tokens: seg.tokens, stripPossessive: true))
        // ICU splits at the backtick and before a bare final apostrophe; punctuation keeps its bytes.
        #expect(stripped == ["Britain", "CAFÉ", "O", "'", "Neil", "US", "'", "Zürich"], "\(stripped)")
    }

    @Test func userListExtendsAndOverrides() throws {
        let dir = try makeModels(["places/test-places.tsv": places])
        var lexicon = try Lexicon(directory: dir)
        #expect(lexicon.tableNames == ["places/test-places"])
        let userFile = dir + "/mine.txt"
        try "# my entities\nORG\tVerbatim Labs\nPLACE\tNew York\tstate\nperson\tZoë Quinn\n".write(toFile: userFile, atomically: true, encoding: .utf8)
        try lexicon.addUserList(contentsOf: userFile)
        let user = try lexicon.table(Lexicon.userTableName)
        #expect(user.count == 3)
        #expect(user.field(user.entries(forKey: "verbatim labs").lowerBound, 2) == "ORG")
        #expect(user.field(user.entries(forKey: "zoe quinn").lowerBound, 2) == "PERSON")
        // Same format as a shipped table: merged, user rows first.
        let extra = dir + "/extra.tsv"
        try "x\tNew York\tstate\nx\tGotham\tcity\n".write(toFile: extra, atomically: true, encoding: .utf8)
        try lexicon.addUserList(contentsOf: extra, extending: "places/test-places")
        let merged = try lexicon.table("places/test-places")
        #expect(merged.count == 11)
        let ny = merged.entries(forKey: "new york")
        #expect(ny.count == 2)
        #expect(merged.field(ny.lowerBound, 2) == "state")
        #expect(merged.contains(key: "gotham"))
        // A bad user line names the file and line.
        try "ORG\tFine\nBANANA\tNope\n".write(toFile: userFile, atomically: true, encoding: .utf8)
        #expect(throws: VerbatimError.self) { try lexicon.addUserList(contentsOf: userFile) }
        do { try lexicon.addUserList(contentsOf: userFile) } catch {
            #expect(error.description.contains("mine.txt") && error.description.contains("line 2"))
        }
    }

    @Test func corruptAndMissingFilesNameTheFile() throws {
        let unsorted = try makeModels(["a/list.tsv": "b\tB\na\tA\n"])
        #expect(throws: VerbatimError.model(path: unsorted + "/a/list.tsv", reason: "line 2: keys are not sorted (\"a\" after \"b\")")) {
            try Lexicon(directory: unsorted)
        }
        let noTab = try makeModels(["list.tsv": "# header\nab\n"])
        #expect(throws: VerbatimError.model(path: noTab + "/list.tsv", reason: "line 2: no tab between key and form")) {
            try Lexicon(directory: noTab)
        }
        let lexicon = try Lexicon(directory: try makeModels([:]))
        #expect(throws: VerbatimError.model(path: lexicon.directory + "/names/first-names.tsv", reason: "missing")) {
            try lexicon.table("names/first-names")
        }
        #expect(throws: VerbatimError.self) { try Lexicon(directory: "/nonexistent/models") }
        #expect(throws: VerbatimError.self) { try Lexicon.locateModels(explicit: "/nonexistent/models") }
    }

    @Test func locatesThePackageModels() throws {
        let dir = try Lexicon.locateModels()
        #expect(dir.hasSuffix("Models"))
        let lexicon = try Lexicon(directory: dir)
        let countries = try lexicon.table("places/countries")
        #expect(countries.contains(key: "france"))
    }
}

@Suite struct FoldFastPathTests {
    /// The byte fast path agrees with full normalisation.
    @Test func fastPathAgreesWithNormalisation() {
        let samples = ["Zürich", "ÀÉÎÕÜ", "Ñandú", "O’Brien", "“Quoted”", "a–b—c", "Ærø", "Straße", "Ÿ", "Łódź", "Ⅻ", "façade"]
        for s in samples {
            var fast: [UInt8] = []
            Fold.appendFolded(Array(s.utf8)[...], to: &fast)
            var slow: [UInt8] = []
            Fold.appendFoldedSlow(s, to: &slow)
            #expect(fast == slow, "\(s): \(String(decoding: fast, as: UTF8.self)) vs \(String(decoding: slow, as: UTF8.self))")
        }
    }

    /// The cleaned (case-kept) fast path agrees with full normalisation, including
    /// text that must fall back to it (a decomposed accent, a singleton like U+212B).
    @Test func cleanedFastPathAgreesWithNormalisation() {
        let samples = ["Zürich", "O’Brien", "O‘Neil", "d´Arc", "“Quoted”", "a–b—c", "«Le Monde»", "café", "cafe\u{301}",
                       "é\u{301}", "Ångström \u{212B}", "Straße", "Łódź", "2′", "x`y", "plain"]
        for s in samples {
            var fast: [UInt8] = []
            Fold.appendCleaned(Array(s.utf8)[...], to: &fast)
            var slow: [UInt8] = []
            Fold.appendCleanedSlow(s, to: &slow)
            #expect(fast == slow, "\(s): \(String(decoding: fast, as: UTF8.self)) vs \(String(decoding: slow, as: UTF8.self))")
        }
    }

    /// Token keys built on the ASCII fast path equal the general folding, and each
    /// token's hash is the table's key hash of its folded bytes.
    @Test func tokenKeysMatchFoldingAndHashes() throws {
        let text = "Mr O’Brien’s CAFÉ, Zürich-based `NATO` and Acme's 3.5m deal"
        let document = Document(id: "k", text: text)
        let segmentation = try shippedSegmenter().segment(document)
        let keys = TokenKeys(document: document, tokens: segmentation.tokens)
        for (i, t) in segmentation.tokens.enumerated() {
            var expected: [UInt8] = []
            Fold.appendFolded(document.utf8[Int(t.start)..<Int(t.end)], to: &expected)
            #expect(Array(keys.foldedKey(i)) == expected)
            let hash = expected.withUnsafeBufferPointer { LexiconTable.keyHash($0) }
            #expect(keys.hashes[i] == hash)
        }
    }
}

@Suite struct LexiconIndexTests {
    /// Keys sharing their first eight bytes, keys shorter than eight bytes, duplicate
    /// keys and misses: the hash index and the binary search agree with a plain scan,
    /// and the value column kept in the slots is the first entry's.
    @Test func hashSlotsAndPackedPrefixesAgreeWithAScan() throws {
        let keys = ["a", "ab", "abc", "abcdefgh", "abcdefghi", "abcdefghij", "abcdefghik", "abcdefgi", "b", "zz zz", "zzzzzzzzzzzz"]
        var text = "# FORMAT: key\tform\tcount\n"
        for (i, k) in keys.enumerated() {
            text += "\(k)\t\(k.uppercased())\t\(i * 10)\n"
            if k == "abc" { text += "abc\tAbc\t999\n" }   // a duplicate key: the first entry wins
        }
        let table = try LexiconTable(bytes: Array(text.utf8), name: "t", path: "t.tsv").withHashIndex(valueColumn: 2)
        let probes = keys + ["", "abcdefg", "abcdefghijk", "abcdefgj", "c", "zz", "zzzzzzzzzzzzz"]
        for probe in probes {
            let bytes = Array(probe.utf8)
            let expected = (0..<table.count).filter { table.field($0, 0) == probe }
            let viaHash = bytes.withUnsafeBufferPointer { table.exact($0) }
            let viaSearch = bytes.withUnsafeBufferPointer { table.search($0).entries }
            #expect(Array(viaHash) == expected, "hash \(probe)")
            #expect(Array(viaSearch) == expected, "search \(probe)")
            #expect(Array(table.entries(forKey: probe)) == expected, "by string \(probe)")
            let first = bytes.withUnsafeBufferPointer { table.exactFirst($0, hash: LexiconTable.keyHash($0)) }
            #expect(first?.entry == expected.first, "first \(probe)")
            if let e = expected.first { #expect(Double(first?.value ?? -1) == table.number(e, 2)) }
            let longer = bytes.withUnsafeBufferPointer { table.search($0).longer }
            let expectLonger = !probe.isEmpty && keys.contains { $0.count > probe.count && $0.hasPrefix(probe) }
            #expect(longer == expectLonger, "longer \(probe)")
        }
    }

    /// Many keys sharing their first eight bytes sit in the same probe chains: an
    /// eight-byte key must not be taken for a longer one, nor a key with NUL for a
    /// shorter one; and a NUL inside a file's key is refused.
    @Test func sharedPrefixesAndNulNeverMatchAnotherKey() throws {
        var keys = ["ab", "abcdefgh"] + (0..<200).map { "abcdefgh\($0)" }
        keys.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let text = keys.map { "\($0)\t\($0)\t1\n" }.joined()
        let table = try LexiconTable(bytes: Array(text.utf8), name: "t", path: "t.tsv").withHashIndex(valueColumn: 2)
        for probe in keys + ["abcdefg", "abcdefgi", "abcdefgh1000", "ab\u{0}", "a\u{0}", "abcdefgh\u{0}"] {
            let bytes = Array(probe.utf8)
            let expected = keys.firstIndex(of: probe)
            let viaHash = bytes.withUnsafeBufferPointer { table.exactFirst($0, hash: LexiconTable.keyHash($0))?.entry }
            let viaSearch = bytes.withUnsafeBufferPointer { table.search($0).entries.first }
            #expect(viaHash == expected, "hash \(probe.debugDescription)")
            #expect(viaSearch == expected, "search \(probe.debugDescription)")
        }
        // Tiny tables (four slots), so a probe for the eight-byte stem meets its longer
        // neighbours in its chain: it must still find nothing.
        for letter in "abcdefghijklmnopqrst" {
            let stem = "abcdefg\(letter)"
            let small = try LexiconTable(bytes: Array("\(stem)1\tA\t1\n\(stem)2\tB\t2\n".utf8), name: "s", path: "s.tsv").withHashIndex(valueColumn: 2)
            let bytes = Array(stem.utf8)
            #expect(bytes.withUnsafeBufferPointer { small.exactFirst($0, hash: LexiconTable.keyHash($0)) } == nil, "\(stem)")
            #expect(bytes.withUnsafeBufferPointer { small.exact($0) }.isEmpty, "\(stem)")
        }
        #expect(throws: VerbatimError.model(path: "n.tsv", reason: "line 1: NUL byte in key")) {
            try LexiconTable(bytes: Array("a\u{0}b\tA\n".utf8), name: "n", path: "n.tsv")
        }
    }

    /// Whether a longer key follows is read from the packed prefixes for keys up to
    /// eight bytes: it must agree with a scan, at the eight-byte edge and with NULs.
    @Test func longerKeysAgreeWithAScan() throws {
        var keys = ["ab", "abc d", "abcdefg", "abcdefgh", "abcdefghij", "b", "ba\u{7F}"] + (0..<30).map { "abcdefgh \($0)" }
        keys.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let table = try LexiconTable(bytes: Array(keys.map { "\($0)\t\($0)\n" }.joined().utf8), name: "t", path: "t.tsv")
        let probes = keys + ["a", "abc", "abc ", "abcdef", "abcdefgh ", "abcdefgh 1", "abcdefgh 3", "abcdefghi", "abcdefghijk",
                             "a\u{0}", "abcdefg\u{0}", "abcdefgh\u{0}", "ba", "c", "\u{0}"]
        for probe in probes {
            let bytes = Array(probe.utf8)
            let longer = bytes.withUnsafeBufferPointer { table.search($0).longer }
            let startsSome = table.search(prefixOf: ArraySlice(bytes))
            let expectLonger = keys.contains { $0.utf8.count > bytes.count && Array($0.utf8).starts(with: bytes) }
            let expectStarts = keys.contains { Array($0.utf8).starts(with: bytes) }
            #expect(longer == expectLonger, "longer \(probe.debugDescription)")
            #expect(startsSome == expectStarts, "prefixOf \(probe.debugDescription)")
        }
    }

    /// Buckets cover only the first bytes the keys use: keys before the first key's
    /// first byte, after the last one's, and between them agree with a scan.
    @Test func lowerBoundAgreesWithAScanOutsideTheBuckets() throws {
        let keys = ["d", "da", "dz", "f", "fa b", "g\u{7F}", "m", "mm", "mz", "z\u{7F}"]
        let table = try LexiconTable(bytes: Array(keys.map { "\($0)\t\($0)\n" }.joined().utf8), name: "t", path: "t.tsv")
        let probes = ["\u{0}", "a", "c", "czz", "d\u{0}", "db", "e", "fa", "fb", "g", "h", "n", "y", "z", "z\u{7F}a", "\u{7F}", "é"]
        for probe in keys + probes {
            let bytes = Array(probe.utf8)
            let expected = keys.firstIndex { !Array($0.utf8).lexicographicallyPrecedes(bytes) } ?? keys.count
            #expect(bytes.withUnsafeBufferPointer { table.lowerBound($0) } == expected, "lowerBound \(probe.debugDescription)")
            let found = keys.contains(probe) ? expected..<(expected + 1) : expected..<expected
            #expect(bytes.withUnsafeBufferPointer { table.search($0).entries } == found, "search \(probe.debugDescription)")
        }
        let empty = try LexiconTable(bytes: Array("# nothing\n".utf8), name: "e", path: "e.tsv")
        #expect(Array("a".utf8).withUnsafeBufferPointer { empty.lowerBound($0) } == 0)
    }

    /// A model file must be well-formed UTF-8: overlong forms, encoded surrogates and
    /// cut sequences are refused with the file named.
    @Test func malformedUTF8IsRefused() throws {
        for bad: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x80], [0xFF]] {
            #expect(throws: VerbatimError.model(path: "u.tsv", reason: "not valid UTF-8")) {
                try LexiconTable(bytes: Array("a\tA\n".utf8) + bad + Array("\tB\n".utf8), name: "u", path: "u.tsv")
            }
        }
        #expect(try LexiconTable(bytes: Array("zürich\tZürich\n".utf8), name: "u", path: "u.tsv").count == 1)
    }

    /// Files load in parallel, but the error still names the first bad file by name.
    @Test func parallelLoadingReportsTheFirstBadFileInNameOrder() throws {
        let dir = try makeModels(["a.tsv": "a\tA\n", "b.tsv": "y\tY\nx\tX\n", "c.tsv": "no tab\n", "d.tsv": "d\tD\n"])
        #expect(throws: VerbatimError.model(path: dir + "/b.tsv", reason: "line 2: keys are not sorted (\"x\" after \"y\")")) {
            try Lexicon(directory: dir)
        }
        let good = try makeModels(["a.tsv": "a\tA\n", "sub/b.tsv": "b\tB\n", "c.tsv": "c\tC\n"])
        #expect(try Lexicon(directory: good).tableNames == ["a", "c", "sub/b"])
    }
}
