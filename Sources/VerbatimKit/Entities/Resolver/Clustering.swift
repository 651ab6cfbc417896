/// Groups the mentions of a document (in text order) into clusters: people by shared
/// surname (the fullest form names the cluster), organisations and places by
/// identical name, canonical name or last word; and makes the entities.
enum Clustering {
    static func cluster(_ ctx: EntityContext, _ mentions: [Candidate], ruleNames: inout RuleNameStrings) -> (entities: [Entity], clusters: [Cluster]) {
        var groups = Groups(ctx, mentions)
        // Full names first, so that a lone surname can join a full name written after it
        // when none came before.
        groups.joinFullNames()
        groups.joinSingleNames()
        groups.joinOrganizationsAndPlaces()
        groups.joinLastWords()
        return groups.entities(&ruleNames)
    }

    /// The clusters of a document while they are built: which cluster each mention
    /// joined, and what each cluster is known by. Mentions are read by index and
    /// field: binding a whole candidate copies its strings.
    struct Groups {
        let ctx: EntityContext
        let mentions: [Candidate]
        /// The cluster of each mention, -1 while it has none.
        var clusterOf: [Int]
        var clusterLabel: [EntityLabel] = []
        var firstMention: [Int] = []
        /// Words of each person cluster's fullest name so far: a range of `wordStore`,
        /// so that no mention or cluster allocates an array of its own.
        var wordStore: [UInt64] = []
        var clusterWords: [Range<Int>] = []
        /// Clusters of full names with the same surname, in order of introduction: a
        /// list linked through `nextNamesake`, so that adding one copies no array.
        var bySurname = HashKeyMap<(first: Int, last: Int)>()
        var nextNamesake: [Int] = []
        /// Clusters of single names that match no full name, by their word.
        var singles = HashKeyMap<Int>()
        /// Full-name clusters by their first word, -1 when two clusters share it.
        var byFirstWord = HashKeyMap<Int>()
        /// ORG and PLACE clusters by label + name key.
        var byKey: HashKeyMap<Int>
        /// Label + last word of multi-word ORG and PLACE names → the first such cluster.
        var byLastWord = HashKeyMap<Int>()
        /// Look-ups go through dictionaries keyed by the surname so that thousands of
        /// names stay linear; at most `scan` namesakes are compared.
        static let scan = 32

        init(_ ctx: EntityContext, _ mentions: [Candidate]) {
            self.ctx = ctx
            self.mentions = mentions
            clusterOf = [Int](repeating: -1, count: mentions.count)
            byKey = HashKeyMap<Int>(capacity: mentions.count)
            clusterLabel.reserveCapacity(mentions.count)
            firstMention.reserveCapacity(mentions.count)
            clusterWords.reserveCapacity(mentions.count)
            nextNamesake.reserveCapacity(mentions.count)
        }

        /// Initials are no name words: "J. Pellow" is read as the single name "Pellow".
        func isNameWord(_ i: Int) -> Bool { ctx.tokens[i].kind == .word && !ctx.has(i, .initial) }

        func lastWord(_ start: Int, _ end: Int) -> UInt64? {
            lastNameWord(start, end).map { ctx.wordHash($0) }
        }

        /// The first and last name words of `start..<end`. Loops, not `first(where:
        /// isNameWord)`: a method passed as a closure captures a copy of the whole
        /// struct, all its arrays retained and released, once per call.
        func firstNameWord(_ start: Int, _ end: Int) -> Int? {
            for i in start..<end where isNameWord(i) { return i }
            return nil
        }

        func lastNameWord(_ start: Int, _ end: Int) -> Int? {
            for i in (start..<end).reversed() where isNameWord(i) { return i }
            return nil
        }

        mutating func newCluster(_ label: EntityLabel, _ words: Range<Int>, _ mention: Int) -> Int {
            clusterLabel.append(label); clusterWords.append(words); firstMention.append(mention); nextNamesake.append(-1)
            return clusterLabel.count - 1
        }

        /// People with two or more name words: a full name joins an earlier cluster of
        /// the same surname when their first words agree, or when one name's words are
        /// all inside the other's ("Robin Pellow" and "Robin A. Pellow"); else it starts
        /// a cluster and is listed under its surname. A cluster keeps the words of its
        /// longest name, which the next names are compared with.
        mutating func joinFullNames() {
            var w: [UInt64] = []   // the words of the mention at hand
            for idx in mentions.indices where mentions[idx].label == .person {
                w.removeAll(keepingCapacity: true)
                for i in mentions[idx].start..<mentions[idx].end where isNameWord(i) { w.append(ctx.wordHash(i)) }
                guard w.count >= 2, let last = w.last else { continue }
                if let c = namesake(of: w, surname: last) {
                    clusterOf[idx] = c
                    if w.count > clusterWords[c].count {
                        clusterWords[c] = wordStore.count..<(wordStore.count + w.count)
                        wordStore.append(contentsOf: w)
                    }
                } else {
                    let c = newCluster(.person, wordStore.count..<(wordStore.count + w.count), idx)
                    wordStore.append(contentsOf: w)
                    listUnderSurname(c, last)
                    clusterOf[idx] = c
                    // Listed by its first word unless that word is glued to the next
                    // ("Obama-Xi", "Hewlett-Packard": one name of two people or a firm).
                    if let first = w.first, let i = firstNameWord(mentions[idx].start, mentions[idx].end),
                       i + 1 < mentions[idx].end, ctx.tokens[i + 1].flags.contains(.spaceBefore) {
                        byFirstWord[first] = byFirstWord[first] == nil ? c : -1
                    }
                }
            }
        }

        /// The first cluster listed under `surname` (of the first `scan`) that names the
        /// same person as the words `w`.
        func namesake(of w: [UInt64], surname: UInt64) -> Int? {
            var c = bySurname[surname]?.first ?? -1, compared = 0
            while c >= 0 && compared < Groups.scan {
                let known = wordStore[clusterWords[c]]
                if known.first == w.first || w.allSatisfy(known.contains) || known.allSatisfy(w.contains) { return c }
                c = nextNamesake[c]
                compared += 1
            }
            return nil
        }

        /// Appends cluster `c` to the list of full names with `surname`.
        mutating func listUnderSurname(_ c: Int, _ surname: UInt64) {
            if let list = bySurname[surname] {
                nextNamesake[list.last] = c
                bySurname[surname] = (list.first, c)
            } else {
                bySurname[surname] = (c, c)
            }
        }

        /// People with one name word ("Pellow"): the full name with that surname
        /// introduced last before the mention — the nearest earlier namesake is the one
        /// the writer means — else the first one introduced after it; else the one full
        /// name that opens with the word when the word is more often a surname than a
        /// first name (a name written surname first: "Wang" of "Wang Qishan"; not when two
        /// full names open with it), or when the mention is that full name's first name
        /// taken by ``DocumentRules/givenNameAlias`` ("Frank" after "Frank Pellow"); with no
        /// full name, single names of the same word share a cluster.
        mutating func joinSingleNames() {
            for idx in mentions.indices where mentions[idx].label == .person && clusterOf[idx] < 0 {
                // Only clusters of full names are matched by their words: these keep none.
                guard let h = lastWord(mentions[idx].start, mentions[idx].end) else { clusterOf[idx] = newCluster(.person, 0..<0, idx); continue }
                if let namesakes = bySurname[h] {
                    clusterOf[idx] = latestNamesake(before: idx, from: namesakes.first)
                } else if let c = byFirstWord[h], c >= 0,
                          writtenSurnameFirst(mentions[idx].start, mentions[idx].end) || mentions[idx].rule == DocumentRules.givenNameAlias.name {
                    clusterOf[idx] = c
                } else if let c = singles[h] {
                    clusterOf[idx] = c
                } else {
                    let c = newCluster(.person, 0..<0, idx)
                    singles[h] = c
                    clusterOf[idx] = c
                }
            }
        }

        /// Whether the single name in `start..<end` is more often a surname than a first
        /// name in the name lists, or in neither ("Wang", "Meng", "Kim"; not "Joseph"):
        /// alone, it names the person whose full name it opens, written surname first.
        /// A first name alone may be someone else's ("Spindler's father, Joseph").
        func writtenSurnameFirst(_ start: Int, _ end: Int) -> Bool {
            guard let i = lastNameWord(start, end) else { return false }
            return Groups.moreOftenSurname(ctx, i)
        }

        /// Whether the word at `i` is more often a surname than a first name in the name
        /// lists, or in neither.
        static func moreOftenSurname(_ ctx: EntityContext, _ i: Int) -> Bool {
            let surname = ctx.keys.lookupFirst(i, in: ctx.lexicon.surnames)?.value ?? 0
            let firstName = ctx.keys.lookupFirst(i, in: ctx.lexicon.firstNames)?.value ?? 0
            return surname > firstName || surname == 0 && firstName == 0
        }

        /// Of the list of namesakes starting at `first`, the one introduced last before
        /// mention `idx` (of the first `scan`), else the first one.
        func latestNamesake(before idx: Int, from first: Int) -> Int {
            var best = first
            var c = first, compared = 0
            while c >= 0 && compared < Groups.scan {
                if firstMention[c] < idx { best = c }
                c = nextNamesake[c]
                compared += 1
            }
            return best
        }

        /// Organisations and places: by canonical name ("UK" with "United Kingdom") or
        /// the folded text, per label (an ORG and a PLACE of one name are two entities).
        /// Multi-word names are also recorded by their last word for ``joinLastWords()``.
        mutating func joinOrganizationsAndPlaces() {
            for idx in mentions.indices where mentions[idx].label != .person {
                let start = mentions[idx].start, end = mentions[idx].end, label = mentions[idx].label
                let text = mentions[idx].canonical == nil ? Clustering.foldedTextHash(ctx, start, end) : nil
                let k = Clustering.labelled(label, text ?? Clustering.foldedHash(ctx.string(mentions[idx].canonical) ?? ctx.text(start, end)))
                let c: Int
                // The cluster about to be made is listed first: one probe for a new name.
                if let existing = byKey.insertIfAbsent(k, clusterLabel.count) { c = existing } else {
                    c = newCluster(label, 0..<0, idx)
                }
                clusterOf[idx] = c
                if end - start >= 2, let last = lastWord(start, end) {
                    let lk = Clustering.labelled(label, last)
                    byLastWord.insertIfAbsent(lk, c)
                }
            }
        }

        /// A single word naming a longer ORG/PLACE of the same document and label
        /// ("Parliament" after "Houses of Parliament") joins the first such name, even
        /// one written after it.
        mutating func joinLastWords() {
            for idx in mentions.indices where mentions[idx].label != .person && mentions[idx].canonical == nil && mentions[idx].end - mentions[idx].start == 1 {
                if let c = byLastWord[Clustering.labelled(mentions[idx].label, ctx.wordHash(mentions[idx].start))] { clusterOf[idx] = c }
            }
        }

        /// The entities and clusters: clusters numbered by first mention, each named by
        /// its canonical name or else its fullest form (``NameShape``). Each cluster's
        /// list of mentions is allocated once, at its final size.
        func entities(_ ruleNames: inout RuleNameStrings) -> (entities: [Entity], clusters: [Cluster]) {
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
                        clusters[c].name = ctx.text(start, end, mentions[idx].form)
                        nameShapes[c] = shape
                    }
                }
                entities.append(Entity(start: ctx.tokens[start].start, end: ctx.nameEnd(end - 1, mentions[idx].form), label: label, type: ctx.string(mentions[idx].type),
                                       cluster: c, rule: ruleNames.string(mentions[idx].rule)))
            }
            return (entities, clusters)
        }
    }

    /// A name key made distinct per label (an ORG and a PLACE of the same name are two clusters).
    static func labelled(_ label: EntityLabel, _ key: UInt64) -> UInt64 {
        let rank: UInt64 = switch label {
        case .person: 1
        case .organization: 2
        case .place: 3
        case .time: 4
        }
        return Resolver.extend(key, rank)
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
