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
}
