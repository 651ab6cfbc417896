extension Annotation {
    /// Adds entities from a later stage to the sorted, non-overlapping entity list,
    /// dropping any that overlap an entity already there. Clusters keep pointing at
    /// the right mentions: inserting shifts entity indices, so every cluster's
    /// `mentions` is renumbered (and a new entity with a `cluster` joins it).
    /// - Parameter new: entities sorted by start, not overlapping one another.
    public mutating func mergeEntities(_ new: [Entity]) {
        guard !new.isEmpty else { return }
        var result: [Entity] = []
        result.reserveCapacity(entities.count + new.count)
        var renumbered = [Int](repeating: -1, count: entities.count)
        var joining: [(entity: Int, cluster: Int)] = []
        var e = 0
        func keepExisting() {
            renumbered[e] = result.count
            result.append(entities[e])
            e += 1
        }
        for candidate in new {
            while e < entities.count, entities[e].end <= candidate.start { keepExisting() }
            // entities[e] (if any) ends after the candidate starts: an overlap when it also starts before it ends.
            if e < entities.count, entities[e].start < candidate.end { continue }
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
        for (entity, cluster) in joining {
            clusters[cluster].mentions.append(entity)
        }
        if !joining.isEmpty {
            for c in clusters.indices { clusters[c].mentions.sort() }
        }
        entities = result
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
        // Number the surviving new clusters densely.
        var renumbered = Array(0..<offset)
        var kept = Array(clusters[..<offset])
        for c in offset..<clusters.count {
            renumbered.append(clusters[c].mentions.isEmpty ? -1 : kept.count)
            if !clusters[c].mentions.isEmpty { kept.append(clusters[c]) }
        }
        if kept.count < clusters.count {
            for i in entities.indices { entities[i].cluster = entities[i].cluster.map { renumbered[$0] } }
        }
        clusters = kept
    }
}
