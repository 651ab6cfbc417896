import Testing
@testable import VerbatimKit

@Suite struct AnnotationMergeTests {
    @Test func insertingKeepsOrderDropsOverlapsAndRenumbersClusters() {
        var annotation = Annotation(
            entities: [
                Entity(start: 0, end: 5, label: .person, cluster: 0, rule: "a"),
                Entity(start: 20, end: 25, label: .place, cluster: 1, rule: "b"),
                Entity(start: 40, end: 45, label: .person, cluster: 0, rule: "c"),
            ],
            clusters: [Cluster(label: .person, name: "P", mentions: [0, 2]), Cluster(label: .place, name: "L", mentions: [1])])
        annotation.mergeEntities([
            Entity(start: 10, end: 15, label: .time, rule: "t1"),
            Entity(start: 22, end: 30, label: .time, rule: "overlaps"),
            Entity(start: 30, end: 35, label: .person, cluster: 0, rule: "joins"),
            Entity(start: 50, end: 55, label: .time, rule: "t3"),
        ])
        #expect(annotation.entities.map(\.rule) == ["a", "t1", "b", "joins", "c", "t3"])
        #expect(annotation.clusters[0].mentions == [0, 3, 4])
        #expect(annotation.clusters[1].mentions == [2])
        for (i, e) in annotation.entities.enumerated() {
            if let c = e.cluster { #expect(annotation.clusters[c].mentions.contains(i)) }
        }
    }

    @Test func aNamedDayReplacesTheNamesInsideItOnly() {
        var annotation = Annotation(
            entities: [
                Entity(start: 0, end: 8, label: .place, cluster: 0, rule: "victoria"),
                Entity(start: 20, end: 26, label: .person, cluster: 1, rule: "crossing"),
                Entity(start: 40, end: 48, label: .place, cluster: 0, rule: "victoria-again"),
            ],
            clusters: [Cluster(label: .place, name: "Victoria", mentions: [0, 2]), Cluster(label: .person, name: "Labour", mentions: [1])],
            quotes: [Quote(start: 60, end: 70, kind: .direct, speaker: Speaker(start: 20, end: 26, cluster: 1), rule: "q")])
        annotation.mergeEntities([
            Entity(start: 0, end: 12, label: .time, rule: "named-day"),       // holds "Victoria": replaces it
            Entity(start: 24, end: 30, label: .time, rule: "crosses"),        // crosses an edge: dropped
            Entity(start: 40, end: 48, label: .time, rule: "as-long"),        // no longer than what it holds: dropped
        ], replacingNamesInside: [true, true, true])
        #expect(annotation.entities.map(\.rule) == ["named-day", "crossing", "victoria-again"])
        #expect(annotation.clusters.map(\.name) == ["Victoria", "Labour"])
        #expect(annotation.clusters[0].mentions == [2] && annotation.clusters[1].mentions == [1])

        // A cluster whose only mention is replaced goes, and indices follow.
        var single = Annotation(
            entities: [Entity(start: 0, end: 8, label: .place, cluster: 0, rule: "gone"), Entity(start: 20, end: 26, label: .person, cluster: 1, rule: "kept")],
            clusters: [Cluster(label: .place, name: "Victoria", mentions: [0]), Cluster(label: .person, name: "Ann Lee", mentions: [1])],
            quotes: [Quote(start: 60, end: 70, kind: .direct, speaker: Speaker(start: 20, end: 26, cluster: 1), rule: "q")])
        single.mergeEntities([Entity(start: 0, end: 12, label: .time, rule: "named-day")], replacingNamesInside: [true])
        #expect(single.clusters.map(\.name) == ["Ann Lee"])
        #expect(single.entities.map(\.cluster) == [nil, 0])
        #expect(single.quotes[0].speaker?.cluster == 0)
    }

    /// The merge moves entities into place (``Annotation/permute(_:to:)``) rather than
    /// copying them into a new list: on invented lists of every shape, its result must
    /// equal the plain merge it replaced (copy what is kept, in order).
    @Test func movingIntoPlaceEqualsCopyingIntoANewList() {
        var rng = SplitMix64(seed: 25)   // seeded: a failing round can be replayed
        for round in 0..<400 {
            // Existing entities: sorted, non-overlapping, some in clusters.
            var existing: [Entity] = []
            var at: Int32 = 0
            for k in 0..<Int(rng.next() % 12) {
                at += Int32(rng.next() % 6)
                let length = Int32(1 + rng.next() % 5)
                existing.append(Entity(start: at, end: at + length, label: .person, type: k % 3 == 0 ? "t\(k)" : nil,
                                       cluster: Int(rng.next() % 3), rule: "existing-rule-\(round)-\(k)"))
                at += length
            }
            var clusters = (0..<3).map { c in Cluster(label: .person, name: "c\(c)", mentions: []) }
            for (i, e) in existing.enumerated() { clusters[e.cluster!].mentions.append(i) }
            var new: [Entity] = []
            var replacing: [Bool] = []
            at = 0
            for k in 0..<Int(rng.next() % 8) {
                at += Int32(rng.next() % 9)
                let length = Int32(1 + rng.next() % 9)
                new.append(Entity(start: at, end: at + length, label: .time, cluster: rng.next() % 4 == 0 ? Int(rng.next() % 3) : nil,
                                  rule: "a-new-time-of-round-\(round)-\(k)"))
                replacing.append(rng.next() % 3 == 0)
                at += length
            }
            var fast = Annotation(entities: existing, clusters: clusters)
            fast.mergeEntities(new, replacingNamesInside: replacing)
            var plain = Annotation(entities: existing, clusters: clusters)
            plain.plainMerge(new, replacingNamesInside: replacing)
            #expect(fast == plain, "round \(round)")
        }
    }
}

extension Annotation {
    /// The merge as it was written before the moves: every kept entity copied into a new list.
    mutating func plainMerge(_ new: [Entity], replacingNamesInside: [Bool]) {
        guard !new.isEmpty else { return }
        var result: [Entity] = []
        var renumbered = [Int](repeating: -1, count: entities.count)
        var joining: [(entity: Int, cluster: Int)] = []
        var replaced = false
        var e = 0
        for (k, candidate) in new.enumerated() {
            while e < entities.count, entities[e].end <= candidate.start { renumbered[e] = result.count; result.append(entities[e]); e += 1 }
            if e < entities.count, entities[e].start < candidate.end {
                guard k < replacingNamesInside.count, replacingNamesInside[k] else { continue }
                var inside = e
                while inside < entities.count, entities[inside].start >= candidate.start, entities[inside].end <= candidate.end,
                      entities[inside].end - entities[inside].start < candidate.end - candidate.start {
                    inside += 1
                }
                if inside == e || inside < entities.count && entities[inside].start < candidate.end { continue }
                e = inside
                replaced = true
            }
            if let cluster = candidate.cluster { joining.append((result.count, cluster)) }
            result.append(candidate)
        }
        while e < entities.count { renumbered[e] = result.count; result.append(entities[e]); e += 1 }
        for c in clusters.indices { clusters[c].mentions = clusters[c].mentions.map { renumbered[$0] } }
        if replaced { for c in clusters.indices { clusters[c].mentions.removeAll { $0 < 0 } } }
        for (entity, cluster) in joining { clusters[cluster].mentions.append(entity) }
        if !joining.isEmpty { for c in clusters.indices { clusters[c].mentions.sort() } }
        entities = result
        if replaced { dropEmptyClusters() }
    }
}
