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
}
