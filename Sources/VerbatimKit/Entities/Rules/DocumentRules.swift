/// Rules over a whole document: they read the mentions the overlap policy accepted
/// (``Resolver/Claims``) and propose more, or relabel weak guesses. The resolver runs
/// them between its decisions (``Resolver/resolve(_:_:)``); ``rules`` lists them.
enum DocumentRules {
    /// How strongly each rule's evidence supports a name (0–100).
    enum Score {
        static let placeList = 40
        /// A place the list joins to must be at least this well supported.
        static let listedPlace = 60
        /// An affiliation before a person: an acronym, or another name.
        static let affiliationAcronym = 62
        static let affiliationName = 55
        /// An acronym in brackets after an organisation's name.
        static let bracketedAcronym = 70
        /// An affiliation takes over a guess below this.
        static let weakHolder = 60
        /// Taken off the sense's support for another occurrence of a name.
        static let aliasPenalty = 10
        static let shortForm = 60
        /// An acronym takes over a single-word guess below this.
        static let weakSingle = 60
    }

    static let placeList = EntityRule(
        "place-list", .place, matches: "a name listed with places (after or before a comma, and, or)",
        example: "Police closed Parliament Square and Quellgate on Monday.", finds: "Quellgate")
    static let affiliation = EntityRule(
        "affiliation", .organization, matches: "the name before a possessive right in front of a person, or an acronym after Person of (the)",
        example: "The FTU's Alice Mak spoke first.", finds: "FTU")
    static let bracketedAcronym = EntityRule(
        "bracketed-acronym", .organization, matches: "an acronym in brackets right after an organisation's name, whatever its letters",
        example: "The National Bank of Vostria (BNV) raised its rate. BNV said more rises were possible.", finds: "BNV")
    static let documentAlias = EntityRule(
        "document-alias", nil, matches: "another occurrence of a name accepted with good support, with its sense",
        example: "Officers named Naomi Threlkeld. Threlkeld later spoke.", finds: "Threlkeld")
    static let givenNameAlias = EntityRule(
        "given-name-alias", .person, matches: "a first name alone, after a person named in full with it (not a sentence's first word that is an everyday word)",
        example: "We spoke to Frank Pellow about the find. The camera that Frank and his team built is new.", finds: "Frank")
    static let acronymOfName = EntityRule(
        "acronym-of-name", .organization, matches: "an acronym spelled by the initials of an organisation named in the document",
        example: "The Federation of Trade Unions met. Later FTU leaders spoke.", finds: "FTU")
    static let shortForm = EntityRule(
        "short-form", .organization, matches: "the + the first word (or its start) of an organisation named in the document",
        example: "Officers of the Calderbridge Police arrived. Later the Calder closed the road.", finds: "Calder")

    /// The document rules, in the order the resolver runs them.
    static let rules: [EntityRule] = [placeList, affiliation, bracketedAcronym, documentAlias, givenNameAlias, acronymOfName, shortForm]

    // MARK: - Before the senses

    /// A name listed with places is a place: "Parliament Square, Millbank and Victoria Tower Gardens".
    static func placeLists(_ ctx: EntityContext, _ claims: inout Resolver.Claims) {
        for chunk in ctx.chunks where chunk.count <= 3 && claims.isFree(chunk.lowerBound, chunk.upperBound) && ctx.normalCase(chunk.lowerBound) {
            let a = chunk.lowerBound, b = chunk.upperBound
            if ctx.anyToken(a, b, [.title, .role, .notName, .month, .demonym]) { continue }
            // Local functions take the claims as an argument: capturing the variable would box it.
            func isPlace(_ i: Int, _ claims: Resolver.Claims) -> Bool {
                claims.held(i).map { claims.mentions[$0].label == .place && claims.mentions[$0].score >= Score.listedPlace } ?? false
            }
            func isJoin(_ i: Int) -> Bool { ctx.isPunct(i, 0x2C) || ctx.isA(i, .listConjunction) }
            if isJoin(a - 1) && isPlace(a - 2, claims) && ctx.sameSentence(a - 2, a) || isJoin(b) && isPlace(b + 1, claims) && ctx.sameSentence(a, b + 1) {
                claims.add(Candidate(start: a, end: b, label: .place, type: nil, score: Score.placeList, rule: placeList.name))
            }
        }
    }

    /// Organisations named by their tie to a person: "FTU's Alice Mak", "Demosisto's
    /// Nathan Law", "Gary Chan of the DAB". The name before a possessive right in front
    /// of a trusted person, or an acronym after "Person of (the)", is taken as an
    /// organisation unless it is a known place or person or something better already
    /// claims it. Runs after the overlap policy and before the document senses, so
    /// that later bare mentions ("DAB won") follow. Work is bounded by the mentions.
    static func affiliations(_ ctx: EntityContext, _ claims: inout Resolver.Claims) {
        let n = ctx.tokens.count
        let count = claims.mentions.count
        /// Labels `a..<b` ORG when it is free or held by one weak guess spanning exactly it.
        func claim(_ a: Int, _ b: Int, _ score: Int, _ claims: inout Resolver.Claims) {
            guard a < b, b - a <= 4, ctx.normalCase(a), !ctx.anyToken(a, b, [.title, .role, .demonym, .notName, .month]) else { return }
            if ctx.isPlaceName(a, b) { return }
            let held = claims.owner[a]
            if held < 0 {
                for k in a..<b where claims.owner[k] >= 0 { return }
                claims.add(Candidate(start: a, end: b, label: .organization, type: nil, score: score, rule: affiliation.name))
            } else {
                let h = Int(held)
                guard claims.mentions[h].start == a, claims.mentions[h].end == b, claims.mentions[h].label != .person,
                      claims.mentions[h].score < Score.weakHolder else { return }
                claims.mentions[h].label = .organization
                claims.mentions[h].type = nil
                claims.mentions[h].score = score
                claims.mentions[h].rule = affiliation.name
            }
        }
        for p in 0..<count where claims.mentions[p].label == .person && claims.mentions[p].score >= Resolver.trusted {
            let m = (start: claims.mentions[p].start, end: claims.mentions[p].end)
            // "FTU's Alice Mak": a possessive name right before the person.
            let x = m.start - 1
            if x >= 0, ctx.has(x, .possessive), ctx.sameSentence(x, m.start), x < ctx.chunkEnd.count, Int(ctx.chunkEnd[x]) == x + 1 {
                var a = x
                while a > 0, a > x - 4, Int(ctx.chunkEnd[a - 1]) == x + 1 { a -= 1 }
                if !ctx.has(a, .firstName) || ctx.has(x, .acronym) {
                    claim(a, x + 1, ctx.has(x, .acronym) ? Score.affiliationAcronym : Score.affiliationName, &claims)
                }
            }
            // "Gary Chan of DAB", "Wong Kwok-kin of the FTU".
            var y = m.end
            guard y + 1 < n, ctx.isA(y, .affiliationLink), ctx.sameSentence(m.start, y + 1) else { continue }
            y += 1
            if ctx.isA(y, .definiteArticle), y + 1 < n { y += 1 }
            if ctx.has(y, .acronym), Int(ctx.chunkEnd[y]) == y + 1 {
                claim(y, y + 1, Score.affiliationAcronym, &claims)
            }
        }
    }

    /// "the National Bank of Vostria (BNV)": an acronym in brackets right after a
    /// trusted organisation names it, even where its letters spell the name in another
    /// language (``OrganizationRules/AcronymDefinition`` needs the initials to match).
    /// Runs before the senses, so that the acronym's later mentions follow.
    static func bracketedAcronyms(_ ctx: EntityContext, _ claims: inout Resolver.Claims) {
        let n = ctx.tokens.count
        for o in claims.mentions.indices where claims.mentions[o].label == .organization && claims.mentions[o].score >= Resolver.trusted {
            let e = claims.mentions[o].end, i = e + 1
            guard i + 1 < n, ctx.isPunct(e, 0x28), ctx.isPunct(i + 1, 0x29), ctx.has(i, .acronym), ctx.sameSentence(e, i + 1),
                  ctx.normalCase(i), !ctx.hasAny(i, [.notName, .title, .demonym]), ctx.countryAt(i) == nil else { continue }
            let canonical = claims.mentions[o].canonical ?? ctx.keep(ctx.text(claims.mentions[o].start, e))
            if let h = claims.held(i) {
                guard claims.mentions[h].start == i, claims.mentions[h].end == i + 1, claims.mentions[h].label != .organization,
                      claims.mentions[h].score < Score.bracketedAcronym else { continue }
                claims.mentions[h].label = .organization
                claims.mentions[h].type = nil
                claims.mentions[h].score = Score.bracketedAcronym
                claims.mentions[h].canonical = canonical
                claims.mentions[h].rule = bracketedAcronym.name
            } else {
                claims.add(Candidate(start: i, end: i + 1, label: .organization, type: nil, score: Score.bracketedAcronym,
                                     rule: bracketedAcronym.name, canonical: canonical))
            }
        }
    }

    // MARK: - After the senses

    /// Other occurrences of a trusted name take its sense: the longest free span of
    /// capitalised words (up to six) whose key has a sense.
    static func documentAliases(_ ctx: EntityContext, _ claims: inout Resolver.Claims, _ senses: DocumentSenses) {
        let senses = senses.table
        guard !senses.isEmpty else { return }
        let n = ctx.tokens.count
        // Outside a lower-case document only a word with a capital can start an alias:
        // the scan jumps from one to the next instead of asking every token.
        func next(_ i: Int) -> Int { ctx.lowerDocument ? i : ctx.capitalWord(from: i) }
        var i = next(0)
        while i < n {
            let t = ctx.tokens[i]
            guard claims.owner[i] < 0, t.kind == .word, t.shape == .title || t.shape == .upper || ctx.lowerDocument,
                  senses.mayStart(with: ctx.wordHash(i)) else { i = next(i + 1); continue }
            // A span that reaches a claimed token is not free, and one of more words than
            // the longest name starting with this word has no sense: spans stop before both.
            let most = senses.mostWords(startingWith: ctx.wordHash(i))
            var limit = i, words = 0
            for e in i..<min(ctx.sentenceRange(i).upperBound, i + 6) {
                if claims.owner[e] >= 0 { break }
                if ctx.tokens[e].kind == .word { words += 1; if words > most { break } }
                limit = e + 1
            }
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
                if ctx.tokens[end - 1].kind == .word, let s = senses[spanKey] {
                    // An everyday word opening a sentence ("Will", "Frank") is a first name
                    // only where a surname says so.
                    if end - i == 1 && ctx.has(i, .common) && !ctx.has(i, .nameLike) && (s.label != .person || s.givenName) { break }
                    // A first name alone is written as a name, standing free: not in capitals
                    // ("LITTLE DIETER"), not glued to a word ("i-Nick").
                    if s.givenName && !(t.shape == .title && t.flags.contains(.spaceBefore) && !ctx.isPunct(i + 1, 0x2D) && !ctx.isPunct(i - 1, 0x2D)) { break }
                    let start = s.label == .person ? particlesBefore(ctx, i, end, claims, senses) : i
                    claims.add(Candidate(start: start, end: end, label: s.label, type: s.type, score: s.score - Score.aliasPenalty,
                                         rule: s.givenName ? givenNameAlias.name : documentAlias.name, canonical: s.canonical,
                                         form: s.form(ending: end - 1, ctx, else: .plain)))
                    i = next(end); found = true; break
                }
                end -= 1
            }
            if !found { i = next(i + 1) }
        }
    }

    /// The start of a person's name found at `i..<end` with the lower-case particles
    /// before it, free, when the name with them has a sense too ("by van der Pellow"
    /// after "Edwin van der Pellow"); else `i`.
    static func particlesBefore(_ ctx: EntityContext, _ i: Int, _ end: Int, _ claims: Resolver.Claims, _ senses: DocumentSenses.SenseTable) -> Int {
        var p = i
        while p > 0, i - p < 2, ctx.tokens[p - 1].shape == .lower, ctx.has(p - 1, .particle), claims.owner[p - 1] < 0, ctx.sameSentence(p - 1, i) {
            p -= 1
        }
        return p < i && senses[Resolver.nameKey(ctx, p, end)] != nil ? p : i
    }

    /// "PA" after "Press Association": an acronym spelled by the initials of an
    /// organisation of two or more words ("acronym-of-name"); "the Met" after "the
    /// Metropolitan Police": "the" and the start of such a name's first word
    /// ("short-form"). An acronym may also take over a weak single-word guess ("at
    /// USI" read as a place).
    static func shortForms(_ ctx: EntityContext, _ claims: inout Resolver.Claims) {
        let n = ctx.tokens.count
        var byInitials = HashKeyMap<Int>()   // FNV-1a of the initials (two or more)
        // Sized up front: a name adds a key per prefix of its first word, and growing
        // from the default size rehashed several times (about 290 instructions a key).
        var names = 0
        for o in claims.mentions.indices where claims.mentions[o].label == .organization && claims.mentions[o].end - claims.mentions[o].start >= 2 { names += 1 }
        var byPrefix = HashKeyMap<Int>(capacity: 8 * names)   // FNV-1a of the first word's folded prefixes
        for o in claims.mentions.indices where claims.mentions[o].label == .organization && claims.mentions[o].end - claims.mentions[o].start >= 2 {
            let m = (start: claims.mentions[o].start, end: claims.mentions[o].end)
            let initials = ctx.initials(m.start, m.end)
            if initials.count >= 2 {
                let k = initials.withUnsafeBufferPointer(LexiconTable.keyHash)
                byInitials.insertIfAbsent(k, o)
            }
            let first = ctx.keys.foldedKey(m.start)
            if first.count > 3 {
                // "the Church" after "the Church of Scientology": the whole head word of an "X of Y" name too.
                let whole = claims.mentions[o].form == .headOfName && !ctx.hasAny(m.start, [.month, .demonym, .title])
                var prefixHash: UInt64 = FNV1a.basis
                for (length, byte) in zip(1..., first) {
                    prefixHash = (prefixHash ^ UInt64(byte)) &* FNV1a.prime
                    if length >= 3 && (length < first.count || whole) { byPrefix.insertIfAbsent(prefixHash, o) }
                }
            }
        }
        guard !byInitials.isEmpty || !byPrefix.isEmpty else { return }
        func weakSingle(_ o: Int, _ claims: Resolver.Claims) -> Bool {
            claims.mentions[o].end - claims.mentions[o].start == 1 && claims.mentions[o].label != .person && claims.mentions[o].score < Score.weakSingle
        }
        // Only a word with a capital (an acronym is one) can be a short form: the scan
        // jumps from one to the next instead of asking every token.
        var next = ctx.capitalWord(from: 0)
        while next < n {
            let i = next
            next = ctx.capitalWord(from: i + 1)
            guard ctx.tokens[i].kind == .word
            && (claims.owner[i] < 0 || claims.mentions[Int(claims.owner[i])].label == .organization && claims.mentions[Int(claims.owner[i])].canonical == nil
                && claims.mentions[Int(claims.owner[i])].end - claims.mentions[Int(claims.owner[i])].start == 1 || ctx.has(i, .acronym) && weakSingle(Int(claims.owner[i]), claims))
            else { continue }
            let t = ctx.tokens[i]
            guard t.shape == .title || t.shape == .upper || ctx.has(i, .acronym), ctx.normalCase(i) else { continue }
            var target: Int? = nil
            if ctx.has(i, .acronym) {
                let capitals = ctx.capitals(i)
                if capitals.count >= 2 { target = byInitials[capitals.withUnsafeBufferPointer(LexiconTable.keyHash)] }
            }
            if target == nil, claims.owner[i] < 0, i > 0, ctx.isA(i - 1, .definiteArticle) {
                target = byPrefix[ctx.keys.hashes[i]]   // the same hash over the whole key
            }
            guard let o = target else { continue }
            let canonical = claims.mentions[o].canonical ?? ctx.keep(ctx.text(claims.mentions[o].start, claims.mentions[o].end))
            if claims.owner[i] >= 0 {
                let h = Int(claims.owner[i])
                claims.mentions[h].label = .organization
                claims.mentions[h].type = nil
                claims.mentions[h].canonical = canonical
                claims.mentions[h].rule = acronymOfName.name
            } else {
                claims.add(Candidate(start: i, end: i + 1, label: .organization, type: nil, score: Score.shortForm,
                                     rule: ctx.has(i, .acronym) ? acronymOfName.name : shortForm.name, canonical: canonical))
            }
        }
    }
}
