import Testing
@testable import VerbatimKit

/// The overlap policy's order, which the resolver sorts as small keys instead of candidates.
@Suite struct EntityResolverOrderTests {
    private func candidate(_ start: Int, _ end: Int, _ label: EntityLabel, score: Int, rule: RuleName = PersonRules.rules[0].name) -> Candidate {
        Candidate(start: start, end: end, label: label, type: nil, score: score, rule: rule)
    }

    /// The order the policy describes, written as the plain comparison of candidates
    /// (labels by their names), with proposal order for full ties.
    private func reference(_ candidates: [Candidate]) -> [Int] {
        candidates.indices.sorted { a, b in
            let x = candidates[a], y = candidates[b]
            if x.score != y.score { return x.score > y.score }
            if x.length != y.length { return x.length > y.length }
            if x.start != y.start { return x.start < y.start }
            if x.label != y.label { return x.label.rawValue < y.label.rawValue }
            return a < b
        }
    }

    @Test func labelsRankByTheirNames() {
        // Same score, length and start: only the label decides, as the names sort.
        let labels = EntityLabel.allCases
        let candidates = labels.map { candidate(3, 5, $0, score: 70) }
        let order = Resolver.overlapOrder(candidates).map { candidates[Int($0.index)].label }
        #expect(order == labels.sorted { $0.rawValue < $1.rawValue })
    }

    @Test func keysFollowThePolicyOnMixedCandidates() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let candidates = (0..<40).map { _ in
                let start = Int.random(in: 0..<12, using: &generator)
                return candidate(start, start + Int.random(in: 0...3, using: &generator),
                                 EntityLabel.allCases.randomElement(using: &generator)!,
                                 score: [-5, 35, 60, 60, 85, 100].randomElement(using: &generator)!)
            }
            #expect(Resolver.overlapOrder(candidates).map { Int($0.index) } == reference(candidates))
        }
    }

    @Test func packedKeysKeepTheOrderAtTheExtremes() {
        // Scores and lengths at the ends of Int32, where a packing slip would wrap.
        let scores = [Int(Int32.min), -1, 0, 1, Int(Int32.max)]
        let spans = [(0, 0), (0, Int(Int32.max)), (Int(Int32.max) - 1, Int(Int32.max)), (5, 6)]
        var candidates: [Candidate] = []
        for score in scores {
            for (start, end) in spans {
                for label in EntityLabel.allCases { candidates.append(candidate(start, end, label, score: score)) }
            }
        }
        candidates.reverse()
        #expect(Resolver.overlapOrder(candidates).map { Int($0.index) } == reference(candidates))
    }

    @Test func fullTiesKeepProposalOrder() {
        let first = OrganizationRules.rules[0].name, second = OrganizationRules.rules[1].name
        let candidates = [candidate(0, 2, .organization, score: 60, rule: first),
                          candidate(0, 2, .organization, score: 60, rule: second)]
        #expect(Resolver.overlapOrder(candidates).map { candidates[Int($0.index)].rule } == [first, second])
    }
}
