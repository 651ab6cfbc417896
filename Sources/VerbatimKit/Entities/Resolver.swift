/// Turns overlapping candidates into one mention per span and groups mentions
/// into clusters.
///
/// 1. Overlap policy: the best-supported candidate wins, then the longest, then
///    the earliest (deterministic).
/// 2. One sense per document: a name accepted with good support labels its other
///    occurrences (headlines, sentence starts, "Basu" after "Neil Basu", "May"
///    after "Theresa May"), weak guesses are relabelled to it, "the Met" links to
///    "Metropolitan Police" and acronyms to the names they abbreviate.
/// 3. Clusters: people by shared surname (the fullest form names the cluster),
///    organisations and places by identical name, canonical name or last word.
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

    struct Sense {
        var label: EntityLabel
        var type: KeptText?
        var score: Int
        var canonical: KeptText?
    }

    /// The best-supported sense of each name key. The map holds indices into a
    /// list, so that probing and growing move integers, not strings. A 128-bit
    /// filter of the names' first words lets the search for other occurrences
    /// skip most capitalised words without hashing spans.
    struct SenseTable {
        private var index: HashKeyMap<Int>
        private var senses: [Sense] = []
        private var firstWords: (UInt64, UInt64) = (0, 0)

        init(capacity: Int) {
            index = HashKeyMap(capacity: capacity)
            senses.reserveCapacity(capacity)
        }

        var isEmpty: Bool { senses.isEmpty }

        subscript(key: UInt64) -> Sense? { index[key].map { senses[$0] } }

        /// Whether some key may begin with the word `hash` (never false when one does).
        func mayStart(with hash: UInt64) -> Bool {
            let bit = hash >> 57
            return (bit < 64 ? firstWords.0 >> bit : firstWords.1 >> (bit - 64)) & 1 != 0
        }

        /// Keeps `sense` for `key`, a name whose first word hashes to `first`, unless
        /// the key has one at least as well supported.
        mutating func register(_ key: UInt64, first: UInt64, _ sense: Sense) {
            guard key != Resolver.emptyKey else { return }
            let bit = first >> 57
            if bit < 64 { firstWords.0 |= 1 << bit } else { firstWords.1 |= 1 << (bit - 64) }
            if let old = index[key] {
                if senses[old].score < sense.score { senses[old] = sense }
                return
            }
            index[key] = senses.count
            senses.append(sense)
        }
    }

    func resolve(_ ctx: EntityContext, _ candidates: [Candidate]) -> (entities: [Entity], clusters: [Cluster]) {
        let n = ctx.tokens.count
        var claims = Claims(tokens: n, capacity: candidates.count)

        // 1. Overlap policy, sorting small keys rather than candidates (which carry strings).
        let ordered = Resolver.overlapOrder(candidates)
        for k in ordered {
            let c = Int(k.index)
            if candidates[c].end > candidates[c].start && claims.isFree(candidates[c].start, candidates[c].end) { claims.add(candidates[c]) }
        }

        // A name listed with places is a place: "Parliament Square, Millbank and Victoria Tower Gardens".
        for chunk in ctx.chunks where chunk.count <= 3 && claims.isFree(chunk.lowerBound, chunk.upperBound) && ctx.normalCase(chunk.lowerBound) {
            let a = chunk.lowerBound, b = chunk.upperBound
            if ctx.anyToken(a, b, [.title, .role, .notName, .month, .demonym]) { continue }
            // Local functions take the claims as an argument: capturing the variable would box it.
            func isPlace(_ i: Int, _ claims: Claims) -> Bool { claims.held(i).map { claims.mentions[$0].label == .place && claims.mentions[$0].score >= 60 } ?? false }
            func isJoin(_ i: Int) -> Bool { ctx.isPunct(i, 0x2C) || ctx.isWord(i, "and") || ctx.isWord(i, "or") }
            if isJoin(a - 1) && isPlace(a - 2, claims) && ctx.sameSentence(a - 2, a) || isJoin(b) && isPlace(b + 1, claims) && ctx.sameSentence(a, b + 1) {
                claims.add(Candidate(start: a, end: b, label: .place, type: nil, score: 40, rule: "place-list", canonical: nil))
            }
        }

        Resolver.affiliations(ctx, &claims.mentions, &claims.owner)

        // 2. One sense per document, keyed by the name's words (a hash of their folded keys in order).
        var senses = SenseTable(capacity: 2 * claims.mentions.count)
        func key(_ a: Int, _ b: Int) -> UInt64 {
            var k = Resolver.emptyKey
            for i in a..<b where ctx.tokens[i].kind == .word { k = Resolver.extend(k, ctx.wordHash(i)) }
            return k
        }
        var surnames = HashKeyMap<Int>()   // surname → best support of a full name with it
        for idx in claims.mentions.indices where claims.mentions[idx].score >= Resolver.trusted {
            let m = (start: claims.mentions[idx].start, end: claims.mentions[idx].end, label: claims.mentions[idx].label, score: claims.mentions[idx].score)
            var wordCount = 0, firstIndex = -1, lastIndex = -1
            for i in m.start..<m.end where ctx.tokens[i].kind == .word {
                if wordCount == 0 { firstIndex = i }
                wordCount += 1
                lastIndex = i
            }
            guard wordCount > 0 else { continue }   // the key of no words is never registered
            senses.register(key(m.start, m.end), first: ctx.wordHash(firstIndex),
                            Sense(label: m.label, type: claims.mentions[idx].type, score: m.score, canonical: claims.mentions[idx].canonical))
            let last = ctx.wordHash(lastIndex)
            if m.label == .person, wordCount >= 2, !ctx.has(lastIndex, .common) {
                senses.register(Resolver.extend(Resolver.emptyKey, last), first: last, Sense(label: .person, type: nil, score: m.score - 5, canonical: nil))
                surnames[last] = max(surnames[last] ?? 0, m.score)
            }
            // "Church of Scientology" → "Scientology": the single name after "of", when it is no place or word.
            if m.label == .organization, claims.mentions[idx].rule == "head-of-name", let l = (m.start..<m.end).last, l - 1 > m.start, ctx.isWord(l - 1, "of"),
               ctx.has(l, .nameLike), !ctx.hasAny(l, [.word, .firstName, .surname, .demonym]),
               !PersonRecognizer().isPlaceName(ctx, l, l + 1), ctx.longest(.cities, from: l, limit: l + 1) == nil {
                senses.register(Resolver.extend(Resolver.emptyKey, ctx.wordHash(l)), first: ctx.wordHash(l), Sense(label: .organization, type: nil, score: m.score - 15, canonical: nil))
            }
            if m.label == .place, claims.mentions[idx].rule == "head-of-name" {
                senses.register(Resolver.extend(Resolver.emptyKey, last), first: last, Sense(label: .place, type: claims.mentions[idx].type, score: m.score - 20, canonical: ctx.keep(ctx.text(m.start, m.end))))
            }
        }
        // A surname of a person named in full is that person, even where a place
        // list also knows the word ("Jordan" after "Michael Jordan"), unless a
        // preposition makes it a place ("in Jordan").
        for idx in claims.mentions.indices where claims.mentions[idx].label != .person && claims.mentions[idx].end - claims.mentions[idx].start == 1 {
            let m = (start: claims.mentions[idx].start, score: claims.mentions[idx].score)
            guard let s = surnames[ctx.wordHash(m.start)], s >= 74, m.score < 85 else { continue }
            if let p = ctx.previous(m.start), ctx.tokens[p].shape == .lower, ctx.has(p, .prep) { continue }
            if ctx.isWord(m.start - 1, "the") { continue }
            claims.mentions[idx].label = .person
            claims.mentions[idx].type = nil
            claims.mentions[idx].canonical = nil
            claims.mentions[idx].rule = "document-sense"
        }
        // Weak guesses take the document's sense of the same name.
        for idx in claims.mentions.indices where claims.mentions[idx].score < 60 {
            if let s = senses[key(claims.mentions[idx].start, claims.mentions[idx].end)], s.label != claims.mentions[idx].label, s.score >= 65 {
                claims.mentions[idx].label = s.label
                claims.mentions[idx].type = s.type
                claims.mentions[idx].canonical = s.canonical
                claims.mentions[idx].rule = "document-sense"
            }
        }
        // Other occurrences of a trusted name.
        if !senses.isEmpty {
            var i = 0
            while i < n {
                let t = ctx.tokens[i]
                guard claims.owner[i] < 0, t.kind == .word, t.shape == .title || t.shape == .upper || ctx.lowerDocument,
                      senses.mayStart(with: ctx.wordHash(i)) else { i += 1; continue }
                let limit = min(ctx.sentenceRange(i).upperBound, i + 6)
                // Keys of i..<end for every end, built once, tried longest first.
                var keys: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)
                withUnsafeMutableBytes(of: &keys) { raw in
                    let k = raw.bindMemory(to: UInt64.self)
                    var running = Resolver.emptyKey
                    for e in i..<limit {
                        if ctx.tokens[e].kind == .word { running = Resolver.extend(running, ctx.wordHash(e)) }
                        k[e - i] = running
                    }
                }
                var found = false
                var end = limit
                while end > i {
                    let spanKey = withUnsafeBytes(of: keys) { $0.load(fromByteOffset: (end - i - 1) * 8, as: UInt64.self) }
                    if claims.isFree(i, end), ctx.tokens[end - 1].kind == .word, let s = senses[spanKey] {
                        if end - i == 1 && ctx.has(i, .common) && !ctx.has(i, .nameLike) && s.label != .person { break }
                        claims.add(Candidate(start: i, end: end, label: s.label, type: s.type, score: s.score - 10, rule: "document-alias", canonical: s.canonical))
                        i = end; found = true; break
                    }
                    end -= 1
                }
                if !found { i += 1 }
            }
        }
        // "the Met" after "the Metropolitan Police"; "PA" after "Press Association".
        var byInitials = HashKeyMap<Int>()   // FNV-1a of the initials (two or more)
        // Sized up front: a name adds a key per prefix of its first word, and growing
        // from the default size rehashed several times (about 290 instructions a key).
        var names = 0
        for o in claims.mentions.indices where claims.mentions[o].label == .organization && claims.mentions[o].end - claims.mentions[o].start >= 2 { names += 1 }
        var byPrefix = HashKeyMap<Int>(capacity: 8 * names)   // FNV-1a of the first word's folded prefixes
        for o in claims.mentions.indices where claims.mentions[o].label == .organization && claims.mentions[o].end - claims.mentions[o].start >= 2 {
            let m = (start: claims.mentions[o].start, end: claims.mentions[o].end)
            let initials = OrganizationRecognizer.initials(ctx, m.start, m.end)
            if initials.count >= 2 {
                let k = initials.withUnsafeBufferPointer(LexiconTable.keyHash)
                if byInitials[k] == nil { byInitials[k] = o }
            }
            let first = ctx.keys.foldedKey(m.start)
            if first.count > 3 {
                // "the Church" after "the Church of Scientology": the whole head word of an "X of Y" name too.
                let whole = claims.mentions[o].rule == "head-of-name" && !ctx.hasAny(m.start, [.month, .demonym, .title])
                var prefixHash: UInt64 = FNV1a.basis
                for (length, byte) in zip(1..., first) {
                    prefixHash = (prefixHash ^ UInt64(byte)) &* FNV1a.prime
                    if length >= 3 && (length < first.count || whole) && byPrefix[prefixHash] == nil { byPrefix[prefixHash] = o }
                }
            }
        }
        if !byInitials.isEmpty || !byPrefix.isEmpty {
            // An acronym may also take over a weak single-word guess ("at USI" read as a place).
            func weakSingle(_ o: Int, _ claims: Claims) -> Bool { claims.mentions[o].end - claims.mentions[o].start == 1 && claims.mentions[o].label != .person && claims.mentions[o].score < 60 }
            for i in 0..<n where ctx.tokens[i].kind == .word
                && (claims.owner[i] < 0 || claims.mentions[Int(claims.owner[i])].label == .organization && claims.mentions[Int(claims.owner[i])].canonical == nil
                    && claims.mentions[Int(claims.owner[i])].end - claims.mentions[Int(claims.owner[i])].start == 1 || ctx.has(i, .acronym) && weakSingle(Int(claims.owner[i]), claims)) {
                let t = ctx.tokens[i]
                guard t.shape == .title || t.shape == .upper || ctx.has(i, .acronym), ctx.normalCase(i) else { continue }
                var target: Int? = nil
                if ctx.has(i, .acronym) {
                    let capitals = OrganizationRecognizer.capitals(ctx, i)
                    if capitals.count >= 2 { target = byInitials[capitals.withUnsafeBufferPointer(LexiconTable.keyHash)] }
                }
                if target == nil, claims.owner[i] < 0, i > 0, ctx.isWord(i - 1, "the") {
                    target = byPrefix[ctx.keys.hashes[i]]   // the same hash over the whole key
                }
                guard let o = target else { continue }
                let canonical = claims.mentions[o].canonical ?? ctx.keep(ctx.text(claims.mentions[o].start, claims.mentions[o].end))
                if claims.owner[i] >= 0 {
                    claims.mentions[Int(claims.owner[i])].label = .organization
                    claims.mentions[Int(claims.owner[i])].type = nil
                    claims.mentions[Int(claims.owner[i])].canonical = canonical
                    claims.mentions[Int(claims.owner[i])].rule = "acronym-of-name"
                } else {
                    claims.add(Candidate(start: i, end: i + 1, label: .organization, type: nil, score: 60,
                                rule: ctx.has(i, .acronym) ? "acronym-of-name" : "short-form", canonical: canonical))
                }
            }
        }

        // Mentions never overlap and each owns its tokens: reading the owners in
        // text order sorts them without moving candidates through a sort.
        var sorted: [Candidate] = []
        sorted.reserveCapacity(claims.mentions.count)
        var i = 0
        while i < n {
            let o = Int(claims.owner[i])
            if o >= 0 { sorted.append(claims.mentions[o]); i = claims.mentions[o].end } else { i += 1 }
        }
        assert(sorted.count == claims.mentions.count, "mentions overlap")
        return cluster(ctx, sorted)
    }

    // MARK: - Clusters

    private func cluster(_ ctx: EntityContext, _ mentions: [Candidate]) -> (entities: [Entity], clusters: [Cluster]) {
        // Mentions are read by index and field: binding a whole candidate copies its strings.
        var clusterOf = [Int](repeating: -1, count: mentions.count)
        var byKey = HashKeyMap<Int>(capacity: mentions.count)
        var clusterLabel: [EntityLabel] = []
        var firstMention: [Int] = []
        // Words of each person cluster's fullest name so far: a range of `wordStore`,
        // so that no mention or cluster allocates an array of its own.
        var wordStore: [UInt64] = []
        var clusterWords: [Range<Int>] = []
        clusterLabel.reserveCapacity(mentions.count)
        firstMention.reserveCapacity(mentions.count)
        clusterWords.reserveCapacity(mentions.count)

        func isNameWord(_ i: Int) -> Bool { ctx.tokens[i].kind == .word && !ctx.has(i, .initial) }
        func lastWord(_ start: Int, _ end: Int) -> UInt64? {
            for i in (start..<end).reversed() where isNameWord(i) { return ctx.wordHash(i) }
            return nil
        }
        // Clusters of full names with the same surname, in order of introduction: a
        // list linked through `nextNamesake`, so that adding one copies no array.
        var bySurname = HashKeyMap<(first: Int, last: Int)>()
        var nextNamesake: [Int] = []
        nextNamesake.reserveCapacity(mentions.count)
        func newCluster(_ label: EntityLabel, _ words: Range<Int>, _ mention: Int) -> Int {
            clusterLabel.append(label); clusterWords.append(words); firstMention.append(mention); nextNamesake.append(-1)
            return clusterLabel.count - 1
        }
        // People: full names first (same surname and first name, or one name's words
        // inside the other's), then single names to the most recently introduced
        // full name with that surname. Look-ups go through dictionaries keyed by the
        // surname so that thousands of names stay linear; at most `scan` namesakes are compared.
        let scan = 32
        var w: [UInt64] = []   // the words of the mention at hand
        for idx in mentions.indices where mentions[idx].label == .person {
            w.removeAll(keepingCapacity: true)
            for i in mentions[idx].start..<mentions[idx].end where isNameWord(i) { w.append(ctx.wordHash(i)) }
            guard w.count >= 2, let last = w.last else { continue }
            let namesakes = bySurname[last]
            var match: Int? = nil
            var c = namesakes?.first ?? -1, compared = 0
            while c >= 0 && compared < scan {
                let known = wordStore[clusterWords[c]]
                if known.first == w.first || w.allSatisfy(known.contains) || known.allSatisfy(w.contains) { match = c; break }
                c = nextNamesake[c]
                compared += 1
            }
            if let c = match {
                clusterOf[idx] = c
                if w.count > clusterWords[c].count {
                    clusterWords[c] = wordStore.count..<(wordStore.count + w.count)
                    wordStore.append(contentsOf: w)
                }
            } else {
                let c = newCluster(.person, wordStore.count..<(wordStore.count + w.count), idx)
                wordStore.append(contentsOf: w)
                if let list = namesakes {
                    nextNamesake[list.last] = c
                    bySurname[last] = (list.first, c)
                } else {
                    bySurname[last] = (c, c)
                }
                clusterOf[idx] = c
            }
        }
        var singles = HashKeyMap<Int>()
        for idx in mentions.indices where mentions[idx].label == .person && clusterOf[idx] < 0 {
            // Only clusters of full names are matched by their words: these keep none.
            guard let h = lastWord(mentions[idx].start, mentions[idx].end) else { clusterOf[idx] = newCluster(.person, 0..<0, idx); continue }
            if let namesakes = bySurname[h] {
                // The namesake introduced last before this mention (of the first `scan`), else the first one.
                var best = namesakes.first
                var c = namesakes.first, compared = 0
                while c >= 0 && compared < scan {
                    if firstMention[c] < idx { best = c }
                    c = nextNamesake[c]
                    compared += 1
                }
                clusterOf[idx] = best
            } else if let c = singles[h] {
                clusterOf[idx] = c
            } else {
                let c = newCluster(.person, 0..<0, idx)
                singles[h] = c
                clusterOf[idx] = c
            }
        }
        // Organisations and places: by canonical name or the folded text.
        var byLastWord = HashKeyMap<Int>()   // label + last word of multi-word names → cluster
        for idx in mentions.indices where mentions[idx].label != .person {
            let start = mentions[idx].start, end = mentions[idx].end, label = mentions[idx].label
            let text = mentions[idx].canonical == nil ? Self.foldedTextHash(ctx, start, end) : nil
            let k = Self.labelled(label, text ?? Self.foldedHash(ctx.string(mentions[idx].canonical) ?? ctx.text(start, end)))
            let c: Int
            if let existing = byKey[k] { c = existing } else {
                c = newCluster(label, 0..<0, idx)
                byKey[k] = c
            }
            clusterOf[idx] = c
            if end - start >= 2, let last = lastWord(start, end) {
                let lk = Self.labelled(label, last)
                if byLastWord[lk] == nil { byLastWord[lk] = c }
            }
        }
        // A single word naming a longer ORG/PLACE of the same document ("Parliament").
        for idx in mentions.indices where mentions[idx].label != .person && mentions[idx].canonical == nil && mentions[idx].end - mentions[idx].start == 1 {
            if let c = byLastWord[Self.labelled(mentions[idx].label, ctx.wordHash(mentions[idx].start))] { clusterOf[idx] = c }
        }

        // Number clusters by first mention; name each by its fullest form.
        // Each cluster's list of mentions is allocated once, at its final size.
        var sizes = [Int](repeating: 0, count: clusterLabel.count)
        for old in clusterOf { sizes[old] += 1 }
        var renumber = [Int](repeating: -1, count: clusterLabel.count)
        var named = [Bool](repeating: false, count: clusterLabel.count)
        var nameShapes: [NameShape?] = []   // of each cluster's name so far, by new index
        var entities: [Entity] = []
        var clusters: [Cluster] = []
        entities.reserveCapacity(mentions.count)
        clusters.reserveCapacity(clusterLabel.count)
        nameShapes.reserveCapacity(clusterLabel.count)
        for idx in mentions.indices {
            let old = clusterOf[idx]
            if renumber[old] < 0 {
                renumber[old] = clusters.count
                var list: [Int] = []
                list.reserveCapacity(sizes[old])
                clusters.append(Cluster(label: clusterLabel[old], name: "", mentions: list))
                nameShapes.append(nil)
            }
            let c = renumber[old]
            clusters[c].mentions.append(entities.count)
            let start = mentions[idx].start, end = mentions[idx].end, label = mentions[idx].label
            if label != .person, let canonical = mentions[idx].canonical {
                clusters[c].name = ctx.string(canonical)
                named[c] = true
            } else if !named[c] {
                // Most mentions do not beat the name so far: compare shapes, make the string only for a winner.
                let shape = NameShape(ctx, start, end)
                if shape.isBetter(than: nameShapes[c]) {
                    clusters[c].name = ctx.text(start, end)
                    nameShapes[c] = shape
                }
            }
            entities.append(Entity(start: ctx.tokens[start].start, end: ctx.nameEnd(end - 1), label: label, type: ctx.string(mentions[idx].type),
                                   cluster: c, rule: mentions[idx].rule.description))
        }
        return (entities, clusters)
    }

    /// A name key made distinct per label (an ORG and a PLACE of the same name are two clusters).
    static func labelled(_ label: EntityLabel, _ key: UInt64) -> UInt64 {
        let rank: UInt64 = switch label {
        case .person: 1
        case .organization: 2
        case .place: 3
        case .time: 4
        }
        return extend(key, rank)
    }

    /// FNV-1a of `Fold.fold(ctx.text(a, b))` computed from the token keys, or nil
    /// where the keys differ from the text (a possessive inside the name).
    static func foldedTextHash(_ ctx: EntityContext, _ a: Int, _ b: Int) -> UInt64? {
        var h: UInt64 = FNV1a.basis
        for i in a..<b {
            if i < b - 1, ctx.has(i, .possessive) { return nil }
            if i > a, ctx.tokens[i].flags.contains(.spaceBefore) { h = (h ^ 0x20) &* FNV1a.prime }
            for byte in ctx.keys.foldedKey(i) { h = (h ^ UInt64(byte)) &* FNV1a.prime }
        }
        return h
    }

    /// FNV-1a of `Fold.fold(name)`.
    static func foldedHash(_ name: String) -> UInt64 {
        var name = name
        if let h = name.withUTF8({ asciiFoldedHash($0) }) { return h }
        // Fold.fold without its round trip through a String.
        var folded: [UInt8] = []
        Fold.appendFolded(Array(name.utf8)[...], to: &folded)
        while folded.last == 0x20 { folded.removeLast() }
        return folded.withUnsafeBufferPointer { LexiconTable.keyHash($0) }
    }

    /// FNV-1a of the ASCII case of `Fold.fold` (lower case, ` to ', white space
    /// collapsed to one space and trimmed), hashed as it goes; nil for other text.
    static func asciiFoldedHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var h: UInt64 = FNV1a.basis
        var started = false, space = false
        for b in bytes {
            if b >= 0x80 { return nil }
            switch b {
            case 0x20, 0x09...0x0D:
                space = started
            default:
                if space { h = (h ^ 0x20) &* FNV1a.prime; space = false }
                let f: UInt8 = b &- 0x41 < 26 ? b | 0x20 : b == 0x60 ? 0x27 : b
                h = (h ^ UInt64(f)) &* FNV1a.prime
                started = true
            }
        }
        return h
    }

    /// What decides between two forms of a cluster's name: longer names are fuller;
    /// a headline's capitals never beat ordinary case.
    struct NameShape {
        var scalars: Int
        var allCaps: Bool

        /// The shape of the text of tokens `start..<end`, from its bytes when they are ASCII.
        init(_ ctx: EntityContext, _ start: Int, _ end: Int) {
            let s = Int(ctx.tokens[start].start), e = Int(ctx.nameEnd(end - 1))
            let cases = ctx.document.utf8.withUnsafeBytes { NameShape.asciiCases(UnsafeRawBufferPointer(rebasing: $0[s..<e])) }
            if let cases {
                scalars = e - s
                allCaps = cases.upper && !cases.lower
            } else {
                let text = ctx.text(start, end)
                scalars = text.unicodeScalars.count
                allCaps = text.unicodeScalars.contains { $0.properties.isUppercase } && !text.unicodeScalars.contains { $0.properties.isLowercase }
            }
        }

        /// Whether `bytes` hold an ASCII capital and an ASCII small letter; nil when a
        /// byte is not ASCII. Eight bytes at a time (``ASCIIWord``).
        static func asciiCases(_ bytes: UnsafeRawBufferPointer) -> (upper: Bool, lower: Bool)? {
            var upperBits: UInt64 = 0, lowerBits: UInt64 = 0
            var k = 0
            while k + 8 <= bytes.count {
                let w = bytes.loadUnaligned(fromByteOffset: k, as: UInt64.self)
                if w & ASCIIWord.high != 0 { return nil }
                upperBits |= ASCIIWord.capitals(w)
                lowerBits |= ASCIIWord.smalls(w)
                k += 8
            }
            var upper = upperBits != 0, lower = lowerBits != 0
            while k < bytes.count {
                let b = bytes[k]
                if b >= 0x80 { return nil }
                if b &- 0x41 < 26 { upper = true } else if b &- 0x61 < 26 { lower = true }
                k += 1
            }
            return (upper, lower)
        }

        func isBetter(than name: NameShape?) -> Bool {
            guard let name else { return true }
            if allCaps != name.allCaps { return name.allCaps }
            return scalars > name.scalars
        }
    }
}
