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
        // First where everything goes, then the moves: copying every kept entity into a
        // new list retained its strings and released the old list's (about 300
        // instructions an entity, for the few times merged into each document's names).
        var renumbered = [Int](repeating: -1, count: entities.count)
        var kept: [(new: Int, at: Int)] = []   // the new entities kept, with their places in the result
        var joining: [(entity: Int, cluster: Int)] = []
        var replaced = false
        var e = 0, count = 0
        for k in new.indices {
            let start = new[k].start, end = new[k].end
            while e < entities.count, entities[e].end <= start { renumbered[e] = count; count += 1; e += 1 }
            // entities[e] (if any) ends after the candidate starts: an overlap when it also starts before it ends.
            if e < entities.count, entities[e].start < end {
                guard k < replacingNamesInside.count, replacingNamesInside[k] else { continue }
                var inside = e
                while inside < entities.count, entities[inside].start >= start, entities[inside].end <= end,
                      entities[inside].end - entities[inside].start < end - start {
                    inside += 1
                }
                // Something crosses an edge (or is as long): what is there wins.
                if inside == e || inside < entities.count && entities[inside].start < end { continue }
                e = inside   // the contained entities are dropped (renumbered stays -1)
                replaced = true
            }
            if let cluster = new[k].cluster { joining.append((count, cluster)) }
            kept.append((k, count))
            count += 1
        }
        while e < entities.count { renumbered[e] = count; count += 1; e += 1 }
        if replaced {
            var result: [Entity] = []
            result.reserveCapacity(count)
            var next = 0
            for (i, at) in renumbered.enumerated() where at >= 0 {
                while next < kept.count, kept[next].at < at { result.append(new[kept[next].new]); next += 1 }
                result.append(entities[i])
            }
            while next < kept.count { result.append(new[kept[next].new]); next += 1 }
            entities = result
        } else {
            // Copies of the new entities kept go at the end, then every entity moves to its place.
            var place = renumbered
            place.reserveCapacity(count)
            entities.reserveCapacity(count)
            for (k, at) in kept {
                entities.append(new[k])
                place.append(at)
            }
            Self.permute(&entities, to: &place)
        }
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
        if replaced { dropEmptyClusters() }
    }

    /// Moves each of `entities` to its place (`place[i]` for entity `i`, a
    /// permutation), following the permutation's cycles with swaps of a buffer, which
    /// move values: no string is retained or released (`Array.swapAt` copied).
    static func permute(_ entities: inout [Entity], to place: inout [Int]) {
        entities.withUnsafeMutableBufferPointer { entities in
            place.withUnsafeMutableBufferPointer { place in
                for i in entities.indices {
                    while place[i] != i {
                        let j = place[i]
                        entities.swapAt(i, j)
                        place.swapAt(i, j)
                    }
                }
            }
        }
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
