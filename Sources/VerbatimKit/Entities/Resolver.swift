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
    /// keys keep their proposal order.
    struct OverlapKey {
        var score: Int32
        var length: Int32
        var start: Int32
        var label: UInt8
        var index: Int32

        static func precedes(_ a: OverlapKey, _ b: OverlapKey) -> Bool {
            if a.score != b.score { return a.score > b.score }
            if a.length != b.length { return a.length > b.length }
            if a.start != b.start { return a.start < b.start }
            if a.label != b.label { return a.label < b.label }
            return a.index < b.index
        }
    }

    static func overlapOrder(_ candidates: [Candidate]) -> [OverlapKey] {
        var keys: [OverlapKey] = []
        keys.reserveCapacity(candidates.count)
        for (i, c) in candidates.enumerated() {
            let label: UInt8 = switch c.label {
            case .organization: 0
            case .person: 1
            case .place: 2
            case .time: 3
            }
            keys.append(OverlapKey(score: Int32(c.score), length: Int32(c.length), start: Int32(c.start), label: label, index: Int32(i)))
        }
        keys.sort(by: OverlapKey.precedes)
        return keys
    }

    struct Sense {
        var label: EntityLabel
        var type: String?
        var score: Int
        var canonical: String?
    }

    func resolve(_ ctx: EntityContext, _ candidates: [Candidate]) -> (entities: [Entity], clusters: [Cluster]) {
        let n = ctx.tokens.count
        var owner = [Int32](repeating: -1, count: n)
        var mentions: [Candidate] = []

        // 1. Overlap policy, sorting small keys rather than candidates (which carry strings).
        let ordered = Resolver.overlapOrder(candidates)
        func free(_ a: Int, _ b: Int) -> Bool {
            for i in a..<b where owner[i] >= 0 { return false }
            return true
        }
        func add(_ m: Candidate) {
            for i in m.start..<m.end { owner[i] = Int32(mentions.count) }
            mentions.append(m)
        }
        for k in ordered {
            let c = candidates[Int(k.index)]
            if c.end > c.start && free(c.start, c.end) { add(c) }
        }

        // A name listed with places is a place: "Parliament Square, Millbank and Victoria Tower Gardens".
        for chunk in ctx.chunks where chunk.count <= 3 && free(chunk.lowerBound, chunk.upperBound) && ctx.normalCase(chunk.lowerBound) {
            let a = chunk.lowerBound, b = chunk.upperBound
            if ctx.anyToken(a, b, [.title, .role, .notName, .month, .demonym]) { continue }
            func isPlace(_ i: Int) -> Bool { i >= 0 && i < n && owner[i] >= 0 && mentions[Int(owner[i])].label == .place && mentions[Int(owner[i])].score >= 60 }
            func isJoin(_ i: Int) -> Bool { ctx.isPunct(i, 0x2C) || ctx.isWord(i, "and") || ctx.isWord(i, "or") }
            if isJoin(a - 1) && isPlace(a - 2) && ctx.sameSentence(a - 2, a) || isJoin(b) && isPlace(b + 1) && ctx.sameSentence(a, b + 1) {
                add(Candidate(start: a, end: b, label: .place, type: nil, score: 40, rule: "place-list", canonical: nil))
            }
        }

        Resolver.affiliations(ctx, &mentions, &owner)

        // 2. One sense per document, keyed by the name's words (a hash of their folded keys in order).
        var senses = HashKeyMap<Sense>()
        func key(_ a: Int, _ b: Int) -> UInt64 {
            var k = Resolver.emptyKey
            for i in a..<b where ctx.tokens[i].kind == .word { k = Resolver.extend(k, ctx.wordHash(i)) }
            return k
        }
        func register(_ k: UInt64, _ s: Sense) {
            guard k != Resolver.emptyKey else { return }
            if let old = senses[k], old.score >= s.score { return }
            senses[k] = s
        }
        var surnames = HashKeyMap<Int>()   // surname → best support of a full name with it
        for m in mentions where m.score >= Resolver.trusted {
            register(key(m.start, m.end), Sense(label: m.label, type: m.type, score: m.score, canonical: m.canonical))
            let words = (m.start..<m.end).lazy.filter { ctx.tokens[$0].kind == .word }
            guard let lastIndex = words.last else { continue }
            let last = ctx.wordHash(lastIndex)
            if m.label == .person, words.count >= 2, !ctx.has(lastIndex, .common) {
                register(Resolver.extend(Resolver.emptyKey, last), Sense(label: .person, type: nil, score: m.score - 5, canonical: nil))
                surnames[last] = max(surnames[last] ?? 0, m.score)
            }
            // "Church of Scientology" → "Scientology": the single name after "of", when it is no place or word.
            if m.label == .organization, m.rule == "head-of-name", let l = (m.start..<m.end).last, l - 1 > m.start, ctx.isWord(l - 1, "of"),
               ctx.has(l, .nameLike), !ctx.hasAny(l, [.word, .firstName, .surname, .demonym]),
               !PersonRecognizer().isPlaceName(ctx, l, l + 1), ctx.longest(.cities, from: l, limit: l + 1) == nil {
                register(Resolver.extend(Resolver.emptyKey, ctx.wordHash(l)), Sense(label: .organization, type: nil, score: m.score - 15, canonical: nil))
            }
            if m.label == .place, m.rule == "head-of-name" {
                register(Resolver.extend(Resolver.emptyKey, last), Sense(label: .place, type: m.type, score: m.score - 20, canonical: ctx.text(m.start, m.end)))
            }
        }
        // A surname of a person named in full is that person, even where a place
        // list also knows the word ("Jordan" after "Michael Jordan"), unless a
        // preposition makes it a place ("in Jordan").
        for idx in mentions.indices where mentions[idx].label != .person && mentions[idx].end - mentions[idx].start == 1 {
            let m = mentions[idx]
            guard let s = surnames[ctx.wordHash(m.start)], s >= 74, m.score < 85 else { continue }
            if let p = ctx.previous(m.start), ctx.tokens[p].shape == .lower, ctx.has(p, .prep) { continue }
            if ctx.isWord(m.start - 1, "the") { continue }
            mentions[idx].label = .person
            mentions[idx].type = nil
            mentions[idx].canonical = nil
            mentions[idx].rule = "document-sense"
        }
        // Weak guesses take the document's sense of the same name.
        for idx in mentions.indices where mentions[idx].score < 60 {
            if let s = senses[key(mentions[idx].start, mentions[idx].end)], s.label != mentions[idx].label, s.score >= 65 {
                mentions[idx].label = s.label
                mentions[idx].type = s.type
                mentions[idx].canonical = s.canonical
                mentions[idx].rule = "document-sense"
            }
        }
        // Other occurrences of a trusted name.
        if !senses.isEmpty {
            var i = 0
            while i < n {
                let t = ctx.tokens[i]
                guard owner[i] < 0, t.kind == .word, t.shape == .title || t.shape == .upper || ctx.lowerDocument else { i += 1; continue }
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
                    if free(i, end), ctx.tokens[end - 1].kind == .word, let s = senses[spanKey] {
                        if end - i == 1 && ctx.has(i, .common) && !ctx.has(i, .nameLike) && s.label != .person { break }
                        add(Candidate(start: i, end: end, label: s.label, type: s.type, score: s.score - 10, rule: "document-alias", canonical: s.canonical))
                        i = end; found = true; break
                    }
                    end -= 1
                }
                if !found { i += 1 }
            }
        }
        // "the Met" after "the Metropolitan Police"; "PA" after "Press Association".
        var byInitials: [[UInt8]: Int] = [:]
        var byPrefix = HashKeyMap<Int>()   // FNV-1a of the first word's folded prefixes
        for (o, m) in mentions.enumerated() where m.label == .organization && m.end - m.start >= 2 {
            let initials = OrganizationRecognizer.initials(ctx, m.start, m.end)
            if initials.count >= 2, byInitials[initials] == nil { byInitials[initials] = o }
            let first = ctx.keys.foldedKey(m.start)
            if first.count > 3 {
                // "the Church" after "the Church of Scientology": the whole head word of an "X of Y" name too.
                let whole = m.rule == "head-of-name" && !ctx.hasAny(m.start, [.month, .demonym, .title])
                var prefixHash: UInt64 = 0xcbf29ce484222325
                for (length, byte) in zip(1..., first) {
                    prefixHash = (prefixHash ^ UInt64(byte)) &* 0x100000001b3
                    if length >= 3 && (length < first.count || whole) && byPrefix[prefixHash] == nil { byPrefix[prefixHash] = o }
                }
            }
        }
        if !byInitials.isEmpty || !byPrefix.isEmpty {
            // An acronym may also take over a weak single-word guess ("at USI" read as a place).
            func weakSingle(_ m: Candidate) -> Bool { m.end - m.start == 1 && m.label != .person && m.score < 60 }
            for i in 0..<n where ctx.tokens[i].kind == .word
                && (owner[i] < 0 || mentions[Int(owner[i])].label == .organization && mentions[Int(owner[i])].canonical == nil
                    && mentions[Int(owner[i])].end - mentions[Int(owner[i])].start == 1 || ctx.has(i, .acronym) && weakSingle(mentions[Int(owner[i])])) {
                let t = ctx.tokens[i]
                guard t.shape == .title || t.shape == .upper || ctx.has(i, .acronym), ctx.normalCase(i) else { continue }
                var target: Int? = nil
                if ctx.has(i, .acronym) { target = byInitials[OrganizationRecognizer.capitals(ctx, i)] }
                if target == nil, owner[i] < 0, i > 0, ctx.isWord(i - 1, "the") {
                    target = byPrefix[ctx.keys.hashes[i]]   // the same hash over the whole key
                }
                guard let o = target else { continue }
                let m = mentions[o]
                let canonical = m.canonical ?? ctx.text(m.start, m.end)
                if owner[i] >= 0 {
                    mentions[Int(owner[i])].label = .organization
                    mentions[Int(owner[i])].type = nil
                    mentions[Int(owner[i])].canonical = canonical
                    mentions[Int(owner[i])].rule = "acronym-of-name"
                } else {
                    add(Candidate(start: i, end: i + 1, label: .organization, type: nil, score: 60,
                                rule: ctx.has(i, .acronym) ? "acronym-of-name" : "short-form", canonical: canonical))
                }
            }
        }

        mentions.sort { $0.start < $1.start }
        return cluster(ctx, mentions)
    }

    // MARK: - Clusters

    private func cluster(_ ctx: EntityContext, _ mentions: [Candidate]) -> (entities: [Entity], clusters: [Cluster]) {
        var entities: [Entity] = []
        var clusters: [Cluster] = []
        var clusterOf = [Int](repeating: -1, count: mentions.count)
        var byKey = HashKeyMap<Int>(capacity: mentions.count)
        var personWords: [[UInt64]] = []   // words of each cluster (people)
        var clusterLabel: [EntityLabel] = []
        var canonicalName: [String?] = []

        func isNameWord(_ i: Int) -> Bool { ctx.tokens[i].kind == .word && !ctx.has(i, .initial) }
        func words(_ m: Candidate) -> [UInt64] {
            var w: [UInt64] = []
            for i in m.start..<m.end where isNameWord(i) { w.append(ctx.wordHash(i)) }
            return w
        }
        func lastWord(_ m: Candidate) -> UInt64? {
            for i in (m.start..<m.end).reversed() where isNameWord(i) { return ctx.wordHash(i) }
            return nil
        }
        var firstMention: [Int] = []
        func newCluster(_ label: EntityLabel, _ w: [UInt64], _ canonical: String?, _ mention: Int) -> Int {
            clusterLabel.append(label); personWords.append(w); canonicalName.append(canonical); firstMention.append(mention)
            return clusterLabel.count - 1
        }
        // People: full names first (same surname and first name, or one name's words
        // inside the other's), then single names to the most recently introduced
        // full name with that surname. Look-ups go through dictionaries keyed by the
        // surname so that thousands of names stay linear; at most `scan` namesakes are compared.
        let scan = 32
        var bySurname = HashKeyMap<[Int]>()
        for (idx, m) in mentions.enumerated() where m.label == .person {
            let w = words(m)
            guard w.count >= 2, let last = w.last else { continue }
            let namesakes = bySurname[last, default: []]
            if let c = namesakes.prefix(scan).first(where: { c in
                personWords[c].first == w.first || w.allSatisfy(personWords[c].contains) || personWords[c].allSatisfy(w.contains) }) {
                clusterOf[idx] = c
                if w.count > personWords[c].count { personWords[c] = w }
            } else {
                let c = newCluster(.person, w, nil, idx)
                bySurname[last, default: []].append(c)
                clusterOf[idx] = c
            }
        }
        var singles = HashKeyMap<Int>()
        for (idx, m) in mentions.enumerated() where m.label == .person && clusterOf[idx] < 0 {
            let w = words(m)
            guard let h = w.last else { clusterOf[idx] = newCluster(.person, w, nil, idx); continue }
            if let namesakes = bySurname[h], let first = namesakes.first {
                // The namesake introduced last before this mention, else the first one.
                var best = first
                for c in namesakes.prefix(scan) where firstMention[c] < idx { best = c }
                clusterOf[idx] = best
            } else if let c = singles[h] {
                clusterOf[idx] = c
            } else {
                let c = newCluster(.person, w, nil, idx)
                singles[h] = c
                clusterOf[idx] = c
            }
        }
        // Organisations and places: by canonical name or the folded text.
        var byLastWord = HashKeyMap<Int>()   // label + last word of multi-word names → cluster
        for (idx, m) in mentions.enumerated() where m.label != .person {
            let text = m.canonical == nil ? Self.foldedTextHash(ctx, m.start, m.end) : nil
            let k = Self.labelled(m.label, text ?? Self.foldedHash(m.canonical ?? ctx.text(m.start, m.end)))
            let c: Int
            if let existing = byKey[k] { c = existing } else {
                // Only people's clusters are matched by their words.
                c = newCluster(m.label, [], m.canonical, idx)
                byKey[k] = c
            }
            clusterOf[idx] = c
            if m.end - m.start >= 2, let last = lastWord(m) {
                let lk = Self.labelled(m.label, last)
                if byLastWord[lk] == nil { byLastWord[lk] = c }
            }
        }
        // A single word naming a longer ORG/PLACE of the same document ("Parliament").
        for (idx, m) in mentions.enumerated() where m.label != .person && m.canonical == nil && m.end - m.start == 1 {
            if let c = byLastWord[Self.labelled(m.label, ctx.wordHash(m.start))] { clusterOf[idx] = c }
        }

        // Number clusters by first mention; name each by its fullest form.
        var renumber = [Int](repeating: -1, count: clusterLabel.count)
        var named = [Bool](repeating: false, count: clusterLabel.count)
        var nameShapes: [NameShape?] = []   // of each cluster's name so far, by new index
        for (idx, m) in mentions.enumerated() {
            let old = clusterOf[idx]
            if renumber[old] < 0 {
                renumber[old] = clusters.count
                clusters.append(Cluster(label: clusterLabel[old], name: "", mentions: []))
                nameShapes.append(nil)
            }
            let c = renumber[old]
            clusters[c].mentions.append(entities.count)
            if m.label != .person, let canonical = m.canonical {
                clusters[c].name = canonical
                named[c] = true
            } else if !named[c] {
                // Most mentions do not beat the name so far: compare shapes, make the string only for a winner.
                let shape = NameShape(ctx, m)
                if shape.isBetter(than: nameShapes[c]) {
                    clusters[c].name = ctx.text(m.start, m.end)
                    nameShapes[c] = shape
                }
            }
            entities.append(Entity(start: ctx.tokens[m.start].start, end: ctx.nameEnd(m.end - 1), label: m.label, type: m.type,
                                   cluster: c, rule: m.rule))
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
        var h: UInt64 = 0xcbf29ce484222325
        for i in a..<b {
            if i < b - 1, ctx.has(i, .possessive) { return nil }
            if i > a, ctx.tokens[i].flags.contains(.spaceBefore) { h = (h ^ 0x20) &* 0x100000001b3 }
            for byte in ctx.keys.foldedKey(i) { h = (h ^ UInt64(byte)) &* 0x100000001b3 }
        }
        return h
    }

    /// FNV-1a of `Fold.fold(name)`.
    static func foldedHash(_ name: String) -> UInt64 {
        Array(Fold.fold(name).utf8).withUnsafeBufferPointer { LexiconTable.keyHash($0) }
    }

    /// What decides between two forms of a cluster's name: longer names are fuller;
    /// a headline's capitals never beat ordinary case.
    struct NameShape {
        var scalars: Int
        var allCaps: Bool

        /// The shape of a mention's text, from its bytes when they are ASCII.
        init(_ ctx: EntityContext, _ m: Candidate) {
            let bytes = ctx.document.utf8
            let s = Int(ctx.tokens[m.start].start), e = Int(ctx.nameEnd(m.end - 1))
            var upper = false, lower = false, ascii = true
            for k in s..<e {
                let b = bytes[k]
                if b >= 0x80 { ascii = false; break }
                if b &- 0x41 < 26 { upper = true } else if b &- 0x61 < 26 { lower = true }
            }
            if ascii {
                scalars = e - s
                allCaps = upper && !lower
            } else {
                let text = ctx.text(m.start, m.end)
                scalars = text.unicodeScalars.count
                allCaps = text.unicodeScalars.contains { $0.properties.isUppercase } && !text.unicodeScalars.contains { $0.properties.isLowercase }
            }
        }

        func isBetter(than name: NameShape?) -> Bool {
            guard let name else { return true }
            if allCaps != name.allCaps { return name.allCaps }
            return scalars > name.scalars
        }
    }
}
