import Foundation
import Testing
@testable import VerbatimKit

/// The reference article's hand-checked quotes (Corpora/gold/westminster-2018.gold.jsonl):
/// every gold quote is found with its kind, speaker mention, resolved name and cue,
/// and no other quote is reported.
@Suite struct SeedGoldQuoteTests {
    struct GoldQuote {
        var text: String
        var kind: String
        var speaker: String
        var speakerStart: Int
        var name: String
        var cue: String
    }

    func loadGold() throws -> (text: String, quotes: [GoldQuote]) {
        let root = repositoryRoot()
        let text = try String(contentsOf: root.appendingPathComponent("Corpora/samples/westminster-2018.txt"), encoding: .utf8)
        let line = try String(contentsOf: root.appendingPathComponent("Corpora/gold/westminster-2018.gold.jsonl"), encoding: .utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let quotes = try #require(object["quotes"] as? [[String: Any]])
        return (text, try quotes.map { q in
            let speaker = try #require(q["speaker"] as? [String: Any])
            return GoldQuote(
                text: try #require(q["text"] as? String), kind: try #require(q["kind"] as? String),
                speaker: try #require(speaker["text"] as? String), speakerStart: try #require(speaker["start"] as? Int),
                name: try #require(q["speaker_name"] as? String), cue: try #require(q["cue"] as? String))
        })
    }

    /// Code-point offset of a byte offset.
    func codePoints(_ text: String, _ byte: Int32) -> Int {
        String(decoding: Array(text.utf8)[0..<Int(byte)], as: UTF8.self).unicodeScalars.count
    }

    @Test func everyGoldQuoteIsFoundWithItsSpeaker() throws {
        let (text, gold) = try loadGold()
        #expect(gold.count == 9)
        let found = try quotes(text)
        #expect(found.count == gold.count)
        for g in gold {
            let q = try #require(found.first { slice(text, $0.start, $0.end) == g.text }, "missing \(g.text)")
            #expect(q.kind.rawValue == g.kind, "\(g.text)")
            let s = try #require(q.speaker, "no speaker for \(g.text)")
            #expect(slice(text, s.start, s.end) == g.speaker, "\(g.text)")
            #expect(codePoints(text, s.start) == g.speakerStart, "\(g.text)")
            #expect(s.name == g.name, "\(g.text)")
            #expect(q.cue.map { slice(text, $0.start, $0.end) } == g.cue, "\(g.text)")
        }
    }

    /// The listed output (speech-only, SIEVES.md §6): every gold direct quote, and every
    /// gold fragment either listed or inside a listed indirect quote that holds it.
    @Test func theListedOutputKeepsEveryGoldQuoteOrTheReportedSpeechHoldingIt() throws {
        let (text, gold) = try loadGold()
        let listed = try allQuotes(text)
        var inside = 0
        for g in gold {
            let q = try #require(try quotes(text).first { slice(text, $0.start, $0.end) == g.text })
            if listed.contains(where: { $0.start == q.start && $0.end == q.end }) { continue }
            #expect(g.kind == "partial", "\(g.text)")
            #expect(listed.contains { $0.kind == .indirect && $0.start <= q.start && q.end <= $0.end }, "\(g.text)")
            inside += 1
        }
        #expect(inside > 0)
    }
}
