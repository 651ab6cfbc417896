import Foundation
import Testing
@testable import VerbatimKit

/// Every person, organisation and place in the hand-checked seed article
/// (Corpora/gold/westminster-2018.gold.jsonl) is found with its span, label and cluster.
@Suite struct WestminsterGoldTests {
    struct GoldEntity {
        var start: Int, end: Int, label: String, text: String, cluster: String, type: String?
    }

    func load() throws -> (text: String, gold: [GoldEntity]) {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("Corpora/samples/westminster-2018.txt"), encoding: .utf8)
        let line = try String(contentsOf: packageRoot.appendingPathComponent("Corpora/gold/westminster-2018.gold.jsonl"), encoding: .utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let entities = try #require(object["entities"] as? [[String: Any]])
        let gold = entities.compactMap { e -> GoldEntity? in
            guard let label = e["label"] as? String, label != "TIME",
                  let start = e["start"] as? Int, let end = e["end"] as? Int,
                  let text = e["text"] as? String, let cluster = e["cluster"] as? String else { return nil }
            return GoldEntity(start: start, end: end, label: label, text: text, cluster: cluster, type: e["type"] as? String)
        }
        return (text, gold)
    }

    @Test func everyGoldMentionIsFoundWithItsCluster() throws {
        let (text, gold) = try load()
        #expect(gold.count >= 35)
        let document = Document(text: text)
        let annotation = try sharedPipeline.annotate(document)
        // Code-point offsets of each byte offset.
        var codePointAt: [Int32: Int] = [:]
        var byte: Int32 = 0
        for (i, scalar) in text.unicodeScalars.enumerated() {
            codePointAt[byte] = i
            byte += Int32(String(scalar).utf8.count)
        }
        codePointAt[byte] = text.unicodeScalars.count
        var found: [String: Entity] = [:]
        for e in annotation.entities {
            if let s = codePointAt[e.start], let t = codePointAt[e.end] { found["\(s):\(t)"] = e }
        }
        for g in gold {
            let e = found["\(g.start):\(g.end)"]
            #expect(e != nil, "missed \(g.label) \"\(g.text)\" at \(g.start)")
            guard let e else { continue }
            #expect(e.label.rawValue == g.label, "\"\(g.text)\" labelled \(e.label.rawValue)")
            let name = e.cluster.map { annotation.clusters[$0].name }
            #expect(name == g.cluster, "\"\(g.text)\" clustered as \(name ?? "nil"), expected \(g.cluster)")
            // Context guesses ("around X, Millbank and …", "past the Cenotaph") cannot know the type.
            let guessed = e.rule == "place-list" || e.rule == "place-preposition"
            if g.label == "PLACE", let type = g.type, ["country", "street", "facility"].contains(type), !guessed {
                #expect(e.type == type, "\"\(g.text)\" typed \(e.type ?? "nil"), expected \(type)")
            }
        }
        // Clusters: mentions of one entity share one cluster, and nothing else does.
        let byName = Dictionary(grouping: gold, by: \.cluster)
        for (name, members) in byName {
            let clusters = Set(members.compactMap { found["\($0.start):\($0.end)"]?.cluster })
            #expect(clusters.count == 1, "\(name) split over \(clusters.count) clusters")
        }
    }

    @Test func entitiesAreSortedAndDoNotOverlap() throws {
        let (text, _) = try load()
        let annotation = try sharedPipeline.annotate(Document(text: text))
        for (a, b) in zip(annotation.entities, annotation.entities.dropFirst()) {
            #expect(a.end <= b.start)
        }
        // Names are clustered; time expressions carry a value instead.
        for (i, e) in annotation.entities.enumerated() where e.label != .time {
            let c = try #require(e.cluster)
            #expect(annotation.clusters[c].mentions.contains(i))
            #expect(annotation.clusters[c].label == e.label)
            #expect(!e.rule.isEmpty)
        }
    }
}
