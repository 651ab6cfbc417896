/// Turns overlapping candidates into one mention per span and groups mentions
/// into clusters. The resolver decides; the document rules it runs between its
/// decisions propose (``DocumentRules``).
///
/// 1. Overlap policy (``overlapPolicy(_:tokens:)``): the best-supported candidate
///    wins, then the longest, then the earliest (deterministic).
/// 2. Document rules over the accepted mentions: names listed with places, and
///    organisations named by their tie to a person.
/// 3. One sense per document (``DocumentSenses``): a name accepted with good support
///    labels its other occurrences, and weak guesses are relabelled to it.
/// 4. Document rules that spread names: other occurrences of trusted names
///    (headlines, sentence starts, "Basu" after "Neil Basu", "May" after "Theresa
///    May"), acronyms and short forms linked to the names they abbreviate ("PA",
///    "the Met").
/// 5. Clusters (``Clustering``): people by shared surname (the fullest form names
///    the cluster), organisations and places by identical name, canonical name or
///    last word.
struct Resolver: Sendable {
    /// Support at which a mention's name is trusted across the document.
    static let trusted = 50

    /// The key of a name without words.
    static let emptyKey: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// Adds a word (its ``TokenKeys/hashes`` value) to a name's key; order matters,
    /// so "Kim Jong" and "Jong Kim" differ. 64 bits keep collisions negligible for
    /// the few thousand names of a document.
    @inline(__always)
    static func extend(_ key: UInt64, _ word: UInt64) -> UInt64 {
        var h = (key ^ word) &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        return h &* 0xC4CE_B9FE_1A85_EC53 ^ 0x2545_F491_4F6C_DD1D
    }

    /// A candidate's place in the overlap policy: best supported first, then the
    /// longest, the earliest, and by label name (ORG, PERSON, PLACE, TIME); equal
    /// keys keep their proposal order. The fields are packed into two integers
    /// whose unsigned order is that order, so most comparisons are one or two.
    struct OverlapKey: Comparable {
        /// Score descending in the high half, length descending in the low half.
        var rank: UInt64
        /// Start ascending in the high half, the label's rank in the low half.
        var tie: UInt64
        var index: Int32

        init(score: Int32, length: Int32, start: Int32, label: UInt8, index: Int32) {
            rank = UInt64(Self.ascending(~score)) << 32 | UInt64(Self.ascending(~length))
            tie = UInt64(Self.ascending(start)) << 32 | UInt64(label)
            self.index = index
        }

        /// Maps signed order onto unsigned order (`~x` reverses the signed order).
        private static func ascending(_ x: Int32) -> UInt32 { UInt32(bitPattern: x) ^ 0x8000_0000 }

        /// Whether `a` comes first in the policy's order. `sort()` specialises this
        /// inline; `sort(by:)` called a closure per comparison.
        static func < (a: OverlapKey, b: OverlapKey) -> Bool {
            if a.rank != b.rank { return a.rank < b.rank }
            if a.tie != b.tie { return a.tie < b.tie }
            return a.index < b.index
        }
    }

    static func overlapOrder(_ candidates: [Candidate]) -> [OverlapKey] {
        var keys: [OverlapKey] = []
        keys.reserveCapacity(candidates.count)
        for i in candidates.indices {
            let label: UInt8 = switch candidates[i].label {
            case .organization: 0
            case .person: 1
            case .place: 2
            case .time: 3
            }
            keys.append(OverlapKey(score: Int32(candidates[i].score), length: Int32(candidates[i].length),
                                   start: Int32(candidates[i].start), label: label, index: Int32(i)))
        }
        keys.sort()
        return keys
    }

    /// The mentions kept so far and the mention owning each token (-1: none). A
    /// struct rather than variables captured by local functions: captured variables
    /// pay a dynamic exclusivity check on every access.
    struct Claims {
        var owner: [Int32]
        var mentions: [Candidate] = []

        init(tokens: Int, capacity: Int) {
            owner = [Int32](repeating: -1, count: tokens)
            mentions.reserveCapacity(capacity)
        }

        func isFree(_ a: Int, _ b: Int) -> Bool {
            for i in a..<b where owner[i] >= 0 { return false }
            return true
        }

        /// The mention owning token `i`, nil outside the text or for a free token.
        func held(_ i: Int) -> Int? {
            i >= 0 && i < owner.count && owner[i] >= 0 ? Int(owner[i]) : nil
        }

        mutating func add(_ m: Candidate) {
            let index = Int32(mentions.count)
            for i in m.start..<m.end { owner[i] = index }
            mentions.append(m)
        }
    }

    func resolve(_ ctx: EntityContext, _ candidates: [Candidate]) -> (entities: [Entity], clusters: [Cluster]) {
        var ruleNames = RuleNameStrings()
        return resolve(ctx, candidates, ruleNames: &ruleNames)
    }

    /// Takes the overlap policy's `claims` to where the search for other occurrences of
    /// trusted names (``DocumentRules/documentAliases(_:_:_:)``) meets them: place lists,
    /// affiliations, bracketed acronyms and relabelling by the document's senses, which
    /// it returns (the alias tests start from here too).
    static func settleBeforeAliases(_ ctx: EntityContext, _ claims: inout Claims) -> DocumentSenses {
        DocumentRules.placeLists(ctx, &claims)
        DocumentRules.affiliations(ctx, &claims)
        DocumentRules.bracketedAcronyms(ctx, &claims)
        let senses = DocumentSenses(ctx, claims)
        senses.relabel(ctx, &claims)
        return senses
    }

    /// ``resolve(_:_:)`` with the strings of rule names made so far on this worker.
    func resolve(_ ctx: EntityContext, _ candidates: [Candidate], ruleNames: inout RuleNameStrings) -> (entities: [Entity], clusters: [Cluster]) {
        var claims = Resolver.overlapPolicy(candidates, tokens: ctx.tokens.count)
        let senses = Resolver.settleBeforeAliases(ctx, &claims)
        DocumentRules.documentAliases(ctx, &claims, senses)
        DocumentRules.shortForms(ctx, &claims)
        var mentions = claims.inTextOrder()
        // Document rules spread names by their words alone, into events' and indices' names too.
        OtherNames.dropInside(ctx, &mentions)
        PlaceRules.keepAbbreviationStops(ctx, &mentions)
        return Clustering.cluster(ctx, mentions, ruleNames: &ruleNames)
    }

    /// The overlap policy: candidates in the order of ``overlapOrder(_:)``, each kept
    /// when its tokens are free. Sorts small keys rather than candidates.
    static func overlapPolicy(_ candidates: [Candidate], tokens n: Int) -> Claims {
        var claims = Claims(tokens: n, capacity: candidates.count)
        for k in overlapOrder(candidates) {
            let c = Int(k.index)
            if candidates[c].end > candidates[c].start && claims.isFree(candidates[c].start, candidates[c].end) { claims.add(candidates[c]) }
        }
        return claims
    }

    /// The key of the words of `a..<b` (``extend(_:_:)`` over their hashes in order).
    static func nameKey(_ ctx: EntityContext, _ a: Int, _ b: Int) -> UInt64 {
        var k = emptyKey
        for i in a..<b where ctx.tokens[i].kind == .word { k = extend(k, ctx.wordHash(i)) }
        return k
    }
}

extension Resolver.Claims {
    /// The mentions in text order. Mentions never overlap and each owns its tokens:
    /// reading the owners in text order sorts them without moving candidates through a sort.
    func inTextOrder() -> [Candidate] {
        var sorted: [Candidate] = []
        sorted.reserveCapacity(mentions.count)
        var i = 0
        while i < owner.count {
            let o = Int(owner[i])
            if o >= 0 { sorted.append(mentions[o]); i = mentions[o].end } else { i += 1 }
        }
        assert(sorted.count == mentions.count, "mentions overlap")
        return sorted
    }
}
