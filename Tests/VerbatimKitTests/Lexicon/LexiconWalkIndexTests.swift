import Foundation
import Testing
@testable import VerbatimKit

/// Invented entries for the walk shortcuts: keys that are prefixes of others ("harlow",
/// "harlow point", "harlowe"), keys whose tokens join without a space ("a. o. smith",
/// "st. brenna", "brae-harlow": the first token is no first word; "harlow-on-sea": it
/// is one) beside a one-letter key ("q"), one key with two forms (case-sensitive
/// walks), first words of eight bytes and more sharing their first eight
/// ("kessendorf", "kessendorfer"), a first word only found in a multi-word key
/// ("zzyzx flats", the last entry) and a first entry ("a. o. smith").
private let rows: [(String, String)] = [
    ("a. o. smith", "A. O. Smith"), ("aaron", "Aaron"), ("brae-harlow", "Brae-Harlow"), ("harlow", "Harlow"), ("harlow", "HARLOW"),
    ("harlow-on-sea", "Harlow-on-Sea"),
    ("harlow point", "Harlow Point"), ("harlow point east", "Harlow Point East"), ("harlowe", "Harlowe"),
    ("kessendorf", "Kessendorf"), ("kessendorf am see", "Kessendorf am See"), ("kessendorfer platz", "Kessendorfer Platz"),
    ("new harlow", "New Harlow"), ("q", "Q"), ("q.r.", "Q.R."), ("quillmark", "Quillmark"),
    ("st. brenna", "St. Brenna"), ("zzyzx flats", "Zzyzx Flats"),
]

private let text = """
    From Harlow Point East to harlow, HARLOW and Harlowe; then Q.R. and Q, St. Brenna and Quillmark. \
    A. O. Smith met Aaron in Zzyzx Flats near Kessendorf am See and Kessendorfer Platz, not Kessendorfers \
    or Kessendorf Platz or Zzyzx. New Harlow
    Point. Harlow
    Point. Harlow Point East Harlow, Brae-Harlow, Harlow-on-Sea and Harlow-on-Tyne.
    """

private func table(_ rows: [(String, String)]) throws -> LexiconTable {
    let lines = rows.sorted { ($0.0.utf8.lexicographicallyPrecedes($1.0.utf8)) || ($0.0 == $1.0 && $0.1.utf8.lexicographicallyPrecedes($1.1.utf8)) }
        .map { "\($0.0)\t\($0.1)\tplace\n" }.joined()
    return try LexiconTable(bytes: Array(lines.utf8), name: "places", path: "places.tsv")
}

/// Every match of a walk, as `walk` reports them.
private struct Step: Equatable, CustomStringConvertible {
    var end: Int
    var entries: Range<Int>
    var description: String { "\(end):\(entries)" }
}

@Suite struct LexiconWalkIndexTests {
    /// The walk as first written: a search of the whole table at every step, no start
    /// filter, no first-word index, no narrowing.
    private func referenceWalk(_ table: LexiconTable, _ tokens: [Token], _ keys: TokenKeys, from start: Int, limit: Int,
                               caseSensitive: Bool) -> [Step] {
        let stop = min(limit, start + 8)
        var key: [UInt8] = [], surface: [UInt8] = [], steps: [Step] = []
        var i = start
        while i < stop {
            if i > start, tokens[i].flags.contains(.spaceBefore) {
                if tokens[i].flags.contains(.lineBreakBefore) { break }
                key.append(0x20); surface.append(0x20)
            }
            keys.withKey(i) { key.append(contentsOf: $0) }
            keys.withCleanedKey(i) { surface.append(contentsOf: $0) }
            let (entries, longer) = key.withUnsafeBufferPointer { table.search($0) }
            if !entries.isEmpty {
                if caseSensitive {
                    let same = surface.withUnsafeBufferPointer { s in entries.filter { table.formEquals($0, s) } }
                    if let first = same.first, let last = same.last { steps.append(Step(end: i + 1, entries: first..<(last + 1))) }
                } else {
                    steps.append(Step(end: i + 1, entries: entries))
                }
            }
            if !longer { break }
            i += 1
        }
        return steps
    }

    private func matcherWalk(_ matcher: LexiconMatcher, _ table: LexiconTable, _ tokens: [Token], _ keys: TokenKeys,
                             from start: Int, limit: Int, caseSensitive: Bool) -> [Step] {
        var steps: [Step] = []
        matcher.walk(in: table, tokens: tokens, keys: keys, from: start, limit: limit, caseSensitive: caseSensitive) {
            steps.append(Step(end: $0, entries: $1))
        }
        return steps
    }

    /// From every token to every limit, folded and case-sensitive, the matcher's walks
    /// over the table with and without its first-word index report what the reference
    /// walk does, and some of them match several tokens.
    private func expectSameWalks(_ plain: LexiconTable) throws {
        let indexed = plain.withWalkIndex()
        #expect(indexed.hasWalkIndex && !plain.hasWalkIndex)
        let document = Document(text: text)
        let tokens = try shippedSegmenter().segment(document).tokens
        let keys = TokenKeys(document: document, tokens: tokens, stripPossessive: true)
        let matcher = LexiconMatcher()
        var matches = 0, multiToken = 0
        for start in tokens.indices {
            for limit in (start + 1)...tokens.count {
                for caseSensitive in [false, true] {
                    let expected = referenceWalk(plain, tokens, keys, from: start, limit: limit, caseSensitive: caseSensitive)
                    let word = document.string(tokens[start].start, tokens[start].end)
                    #expect(matcherWalk(matcher, plain, tokens, keys, from: start, limit: limit, caseSensitive: caseSensitive) == expected,
                            "plain: \(word) limit \(limit) caseSensitive \(caseSensitive)")
                    #expect(matcherWalk(matcher, indexed, tokens, keys, from: start, limit: limit, caseSensitive: caseSensitive) == expected,
                            "indexed: \(word) limit \(limit) caseSensitive \(caseSensitive)")
                    matches += expected.count
                    multiToken += expected.filter { $0.end - start >= 2 }.count
                }
            }
        }
        #expect(matches > 0 && multiToken > 0)
    }

    @Test func indexedAndNarrowedWalksMatchTheReferenceWalk() throws {
        try expectSameWalks(try table(rows))
    }

    @Test func aTableOfOneEntryWalksTheSame() throws {
        try expectSameWalks(try table([("harlow point", "Harlow Point")]))
        try expectSameWalks(try table([("st. brenna", "St. Brenna")]))
    }

    /// The walks the package's readers know: the longest match, an unspaced key and a
    /// case-sensitive match that must skip the form in capitals.
    @Test func indexedLongestMatches() throws {
        let places = try table(rows).withWalkIndex()
        let document = Document(text: text)
        let tokens = try shippedSegmenter().segment(document).tokens
        let keys = TokenKeys(document: document, tokens: tokens, stripPossessive: true)
        let matcher = LexiconMatcher()
        /// The longest match from the first token `word` after the text `after`.
        func longest(_ word: String, after: String = "", caseSensitive: Bool = false) -> String? {
            let from = after.isEmpty ? 0 : text.range(of: after).map { text.utf8.distance(from: text.startIndex, to: $0.upperBound) } ?? text.utf8.count
            guard let i = tokens.firstIndex(where: { Int($0.start) >= from && document.string($0.start, $0.end) == word }),
                  let m = matcher.longest(in: places, tokens: tokens, keys: keys, from: i, limit: tokens.count, caseSensitive: caseSensitive)
            else { return nil }
            return places.form(m.entries.lowerBound)
        }
        #expect(longest("From") == nil)
        #expect(longest("Harlow") == "Harlow Point East")
        #expect(longest("harlow", caseSensitive: true) == nil)
        #expect(longest("HARLOW", caseSensitive: true) == "HARLOW")
        #expect(longest("Q.R.") == "Q.R.")
        #expect(longest("Q") == "Q")
        #expect(longest("A") == "A. O. Smith")
        #expect(longest("Brae") == "Brae-Harlow")
        #expect(longest("Harlow", after: "Brae-Harlow,") == "Harlow-on-Sea")
        // "Harlow" alone ("-on-Tyne" continues no key): the first of its two forms.
        #expect(longest("Harlow", after: "Sea and") == "HARLOW")
        #expect(longest("Kessendorfer") == "Kessendorfer Platz")
        #expect(longest("Kessendorfers") == nil)
        #expect(longest("Zzyzx") == "Zzyzx Flats")
        #expect(longest("St") == "St. Brenna")
    }

    /// The index gives what the table's search gives for every first word, and nothing
    /// for a key that is no first word (a prefix of one, an extension, another word).
    @Test func firstWordIsTheSearchOfEveryFirstWord() throws {
        let plain = try table(rows)
        let indexed = plain.withWalkIndex()
        let firstWords = Set(rows.map { String($0.0.split(separator: " ")[0]) })
        var probes = Set(firstWords)
        for word in firstWords {
            for n in 1...word.count { probes.insert(String(word.prefix(n))) }
            probes.insert(word + "s")
        }
        probes.formUnion(["harlow point", "x", "zzz", "a", "kessendor", "kessendorfe", "kessendorfers", "0"])
        for probe in probes {
            let bytes = Array(probe.utf8)
            let found = bytes.withUnsafeBufferPointer { indexed.firstWord($0, hash: LexiconTable.keyHash($0)) }
            let searched = bytes.withUnsafeBufferPointer { plain.search($0) }
            if firstWords.contains(probe) {
                #expect(found?.entries == searched.entries && found?.longer == searched.longer, "\(probe)")
            } else {
                #expect(found == nil, "\(probe)")
            }
            #expect(bytes.withUnsafeBufferPointer { plain.firstWord($0, hash: LexiconTable.keyHash($0)) } == nil)
        }
    }

    /// The galloping search from a known lower position finds the lower bound of a full
    /// search, from every position that is one, for keys in, between and around the keys.
    @Test func lowerBoundFromAPositionIsTheLowerBound() throws {
        let places = try table(rows)
        var probes = Set(rows.map(\.0))
        for (key, _) in rows {
            for n in 1...key.count { probes.insert(String(key.prefix(n))) }
            probes.insert(key + " x")
            probes.insert(key + "~")
        }
        probes.formUnion(["", "0", "~", "zzz"])
        for probe in probes {
            let bytes = Array(probe.utf8)
            bytes.withUnsafeBufferPointer { key in
                let bound = places.lowerBound(key)
                for from in 0...bound {
                    #expect(places.lowerBound(key, from: from) == bound, "\(probe) from \(from)")
                    if !probe.isEmpty { #expect(places.search(key, from: from) == places.search(key), "\(probe) from \(from)") }
                }
            }
        }
    }

    /// A key whose first word holds a control byte would sort between a word and its
    /// multi-word keys: such a table gets no index, and walks it as before.
    @Test func aControlByteInAFirstWordLeavesTheTableUnindexed() throws {
        let odd = try table([("harlow", "Harlow"), ("harlow\u{1}x", "Harlow?"), ("harlow point", "Harlow Point")])
        #expect(!odd.withWalkIndex().hasWalkIndex)
        let fine = try table([("harlow", "Harlow"), ("harlow point\u{1}", "Harlow Point?")])
        #expect(fine.withWalkIndex().hasWalkIndex)
    }
}
