extension Annotation {
    /// Adds entities from a later stage to the sorted, non-overlapping entity list.
    /// The one merge policy: what is already there wins, and a new entity that
    /// overlaps it is dropped, except that a new entity marked in `replacingNamesInside`
    /// (a day named after a person or place: "Victoria Day") takes the place of the
    /// entities lying wholly inside it, when it is longer and nothing crosses its
    /// edges. Clusters keep pointing at the right mentions: every cluster's `mentions`
    /// is renumbered (a new entity with a `cluster` joins it), a cluster left without
    /// mentions is dropped, and cluster indices (entities', speakers') follow.
    /// - Parameters:
    ///   - new: entities sorted by start, not overlapping one another.
    ///   - replacingNamesInside: for each new entity, whether it may replace what it contains.
    public mutating func mergeEntities(_ new: [Entity], replacingNamesInside: [Bool] = []) {
        guard !new.isEmpty else { return }
        var result: [Entity] = []
        result.reserveCapacity(entities.count + new.count)
        var renumbered = [Int](repeating: -1, count: entities.count)
        var joining: [(entity: Int, cluster: Int)] = []
        var replaced = false
        var e = 0
        func keepExisting() {
            renumbered[e] = result.count
            result.append(entities[e])
            e += 1
        }
        for (k, candidate) in new.enumerated() {
            while e < entities.count, entities[e].end <= candidate.start { keepExisting() }
            // entities[e] (if any) ends after the candidate starts: an overlap when it also starts before it ends.
            if e < entities.count, entities[e].start < candidate.end {
                guard k < replacingNamesInside.count, replacingNamesInside[k] else { continue }
                var inside = e
                while inside < entities.count, entities[inside].start >= candidate.start, entities[inside].end <= candidate.end,
                      entities[inside].end - entities[inside].start < candidate.end - candidate.start {
                    inside += 1
                }
                // Something crosses an edge (or is as long): what is there wins.
                if inside == e || inside < entities.count && entities[inside].start < candidate.end { continue }
                e = inside   // the contained entities are dropped (renumbered stays -1)
                replaced = true
            }
            if let cluster = candidate.cluster { joining.append((result.count, cluster)) }
            result.append(candidate)
        }
        while e < entities.count { keepExisting() }
        // In place: map() built a new array for every cluster of every document.
        for c in clusters.indices {
            clusters[c].mentions.withUnsafeMutableBufferPointer { mentions in
                for m in mentions.indices { mentions[m] = renumbered[mentions[m]] }
            }
        }
        if replaced {
            for c in clusters.indices { clusters[c].mentions.removeAll { $0 < 0 } }
        }
        for (entity, cluster) in joining {
            clusters[cluster].mentions.append(entity)
        }
        if !joining.isEmpty {
            for c in clusters.indices { clusters[c].mentions.sort() }
        }
        entities = result
        if replaced { dropEmptyClusters() }
    }

    /// Removes clusters without mentions and renumbers the cluster indices of
    /// entities and quote speakers.
    mutating func dropEmptyClusters() {
        var renumbered = [Int](repeating: -1, count: clusters.count)
        var kept: [Cluster] = []
        for (c, cluster) in clusters.enumerated() where !cluster.mentions.isEmpty {
            renumbered[c] = kept.count
            kept.append(cluster)
        }
        guard kept.count < clusters.count else { return }
        clusters = kept
        for i in entities.indices { entities[i].cluster = entities[i].cluster.flatMap { renumbered[$0] >= 0 ? renumbered[$0] : nil } }
        for q in quotes.indices {
            if let c = quotes[q].speaker?.cluster { quotes[q].speaker?.cluster = renumbered[c] >= 0 ? renumbered[c] : nil }
        }
    }

    /// Adds a stage's entities together with the clusters they form: the `cluster`
    /// of each new entity indexes `newClusters`, which are appended after the
    /// existing clusters. The one merge policy of ``mergeEntities(_:)`` applies (what
    /// is already there wins; new entities that overlap it are dropped), and a new
    /// cluster left without mentions is dropped too.
    public mutating func mergeEntities(_ new: [Entity], clusters newClusters: [Cluster]) {
        if entities.isEmpty && clusters.isEmpty {
            entities = new
            clusters = newClusters
            return
        }
        let offset = clusters.count
        clusters += newClusters.map { Cluster(label: $0.label, name: $0.name, mentions: []) }
        mergeEntities(new.map { e in
            var e = e
            e.cluster = e.cluster.map { $0 + offset }
            return e
        })
        dropEmptyClusters()
    }
}
