/// One sense per document: the best-supported reading of each name accepted with
/// good support (``Resolver/trusted``), keyed by the name's words (a hash of their
/// folded keys in order, ``Resolver/nameKey(_:_:)``). A person's surname is known
/// as that person; "Church of Scientology" is known by "Scientology" and "Houses of
/// Parliament" by "Parliament". The senses relabel weak guesses (``relabel(_:_:)``)
/// and are spread to other occurrences by ``DocumentRules/documentAliases(_:_:_:)``.
struct DocumentSenses {
    /// Names relabelled to the document's sense of them.
    static let rule = EntityRule("document-sense", nil, matches: "a weak guess or a lone surname relabelled to the document's sense of the name",
                                 example: "Michael Jordan scored 30 points. Jordan said the team played well.", finds: "Jordan")

    /// The support a surname's full name needs before the surname alone is that person
    /// (``relabel(_:_:)``), and the support above which a mention keeps its own label.
    static let surnameSupport = 74
    static let ownLabelSupport = 85
    /// A guess below this takes the document's sense of its name…
    static let weakGuess = 60
    /// …when that sense is at least this well supported (a listed word taken as written,
    /// ``NameForm/listedWord``, whenever the sense is better supported than it).
    static let sureSense = 65
    /// Taken off the support of a full name for its surname alone, of an "X of Y"
    /// organisation for its Y, of an "X of Y" place for its X.
    static let surnamePenalty = 5
    /// Taken off the support of a full name for its first name alone: a sense below
    /// ``sureSense``, so that it names free words and relabels no other guess.
    static let givenNamePenalty = 20
    static let ofNamePenalty = 15
    static let placeHeadPenalty = 20

    private(set) var table: SenseTable
    /// Surname → best support of a full name with it.
    private var surnames = HashKeyMap<Int>()

    init(_ ctx: EntityContext, _ claims: Resolver.Claims) {
        table = SenseTable(capacity: 2 * claims.mentions.count)
        for idx in claims.mentions.indices where claims.mentions[idx].score >= Resolver.trusted {
            let m = (start: claims.mentions[idx].start, end: claims.mentions[idx].end, label: claims.mentions[idx].label, score: claims.mentions[idx].score)
            var wordCount = 0, keyWords = 0, firstIndex = -1, lastIndex = -1
            for i in m.start..<m.end where ctx.tokens[i].kind == .word {
                if wordCount == 0 { firstIndex = i }
                keyWords += 1
                // The surname is the word before a generation ("Pasco Bowman II" → "Bowman").
                if wordCount >= 2, ctx.isA(i, .generationSuffix) { continue }
                wordCount += 1
                lastIndex = i
            }
            guard wordCount > 0 else { continue }   // the key of no words is never registered
            // A name that ends in its own 's ("Moody's") gives its other mentions in 's that form.
            let form: NameForm = claims.mentions[idx].form == .possessiveName ? .possessiveName : .plain
            table.register(Resolver.nameKey(ctx, m.start, m.end), first: ctx.wordHash(firstIndex), words: keyWords,
                           Sense(label: m.label, type: claims.mentions[idx].type, score: m.score, canonical: claims.mentions[idx].canonical, form: form))
            let last = ctx.wordHash(lastIndex)
            // A surname that is an everyday word gives no sense ("Bill Gates" → "gates"),
            // unless it is a title closing the name ("Martin Luther King" → "King").
            if m.label == .person, wordCount >= 2, !ctx.has(lastIndex, .common) || ctx.has(lastIndex, [.title, .surname]) {
                table.register(Resolver.extend(Resolver.emptyKey, last), first: last, words: 1,
                               Sense(label: .person, type: nil, score: m.score - DocumentSenses.surnamePenalty, canonical: nil))
                surnames[last] = max(surnames[last] ?? 0, m.score)
                // "Luciano della Noce … della Noce": the surname with its particles too.
                var p = lastIndex
                while p - 1 > firstIndex, ctx.tokens[p - 1].shape == .lower, ctx.has(p - 1, .particle) { p -= 1 }
                if p < lastIndex {
                    // Particles and surname are word tokens next to one another: lastIndex - p + 1 words.
                    table.register(Resolver.nameKey(ctx, p, lastIndex + 1), first: ctx.wordHash(p), words: lastIndex - p + 1,
                                   Sense(label: .person, type: nil, score: m.score - DocumentSenses.surnamePenalty, canonical: nil))
                }
            }
            // "Frank Pellow … Frank": the first name alone names the person introduced in
            // full (a known first name, not glued to the next word: "Jean-Michel").
            // Not a month ("June"), nor a name more often a surname, written first ("Lee
            // Cheuk-yan"), and not for a weak guess.
            if m.label == .person, wordCount >= 2, m.score >= DocumentSenses.weakGuess, ctx.has(firstIndex, .firstName),
               !ctx.hasAny(firstIndex, [.title, .initial, .month]), ctx.tokens[firstIndex + 1].flags.contains(.spaceBefore),
               !Clustering.Groups.moreOftenSurname(ctx, firstIndex) {
                let first = ctx.wordHash(firstIndex)
                table.register(Resolver.extend(Resolver.emptyKey, first), first: first, words: 1,
                               Sense(label: .person, type: nil, score: m.score - DocumentSenses.givenNamePenalty, canonical: nil, givenName: true))
            }
            guard claims.mentions[idx].form == .headOfName else { continue }
            // "Church of Scientology" → "Scientology": the single name after "of", when it is no place or word.
            if m.label == .organization, let l = (m.start..<m.end).last, l - 1 > m.start, ctx.isA(l - 1, .nameOf),
               ctx.has(l, .nameLike), !ctx.hasAny(l, [.word, .firstName, .surname, .demonym]),
               !ctx.isPlaceName(l, l + 1), ctx.longest(.cities, from: l, limit: l + 1) == nil {
                table.register(Resolver.extend(Resolver.emptyKey, ctx.wordHash(l)), first: ctx.wordHash(l), words: 1,
                               Sense(label: .organization, type: nil, score: m.score - DocumentSenses.ofNamePenalty, canonical: nil))
            }
            if m.label == .place {
                table.register(Resolver.extend(Resolver.emptyKey, last), first: last, words: 1,
                               Sense(label: .place, type: claims.mentions[idx].type, score: m.score - DocumentSenses.placeHeadPenalty,
                                     canonical: ctx.keep(ctx.text(m.start, m.end))))
            }
        }
    }

    /// Relabels mentions to the document's senses: a surname of a person named in full
    /// is that person, even where a place list also knows the word ("Jordan" after
    /// "Michael Jordan"), unless a preposition or "the" makes it a place ("in
    /// Jordan"); weak guesses take the document's sense of the same name.
    func relabel(_ ctx: EntityContext, _ claims: inout Resolver.Claims) {
        for idx in claims.mentions.indices where claims.mentions[idx].label != .person && claims.mentions[idx].end - claims.mentions[idx].start == 1 {
            let m = (start: claims.mentions[idx].start, score: claims.mentions[idx].score)
            guard let s = surnames[ctx.wordHash(m.start)], s >= DocumentSenses.surnameSupport, m.score < DocumentSenses.ownLabelSupport else { continue }
            if let p = ctx.previous(m.start), ctx.tokens[p].shape == .lower, ctx.has(p, .prep) { continue }
            if ctx.isA(m.start - 1, .definiteArticle) { continue }
            claims.mentions[idx].label = .person
            claims.mentions[idx].type = nil
            claims.mentions[idx].canonical = nil
            // A person's 's is a possessive ("than Pennock's").
            if claims.mentions[idx].form == .possessiveName { claims.mentions[idx].form = .plain }
            claims.mentions[idx].rule = DocumentSenses.rule.name
        }
        for idx in claims.mentions.indices where claims.mentions[idx].score < DocumentSenses.weakGuess {
            // A town read as a team by its place in a sports report ("DETROIT 48 86")
            // keeps that reading where the same town is also named as a place ("at Detroit").
            if claims.mentions[idx].rule == PlaceRules.SportsTeam.rule.name { continue }
            // A sports report's dateline names where it was filed, though the town's club
            // plays in it ("MILAN 1996-08-25" above "Milan coach Ann Pell").
            if ctx.sportsDocument, claims.mentions[idx].label == .place,
               PlaceRules.isDateline(ctx, claims.mentions[idx].start, claims.mentions[idx].end) { continue }
            if let s = table[Resolver.nameKey(ctx, claims.mentions[idx].start, claims.mentions[idx].end)], s.label != claims.mentions[idx].label,
               s.score >= DocumentSenses.sureSense || claims.mentions[idx].form == .listedWord && s.score > claims.mentions[idx].score {
                claims.mentions[idx].label = s.label
                claims.mentions[idx].type = s.type
                claims.mentions[idx].canonical = s.canonical
                claims.mentions[idx].form = s.form(ending: claims.mentions[idx].end - 1, ctx,
                                                   else: claims.mentions[idx].form == .possessiveName ? .plain : claims.mentions[idx].form)
                claims.mentions[idx].rule = DocumentSenses.rule.name
            }
        }
    }

    struct Sense {
        var label: EntityLabel
        var type: KeptText?
        var score: Int
        var canonical: KeptText?
        /// ``NameForm/possessiveName`` for a name that ends in its own 's, else plain.
        var form: NameForm = .plain
        /// The first name of a person named in full: its other mentions are named
        /// ``DocumentRules/givenNameAlias`` and join that person.
        var givenName = false

        /// The form of another mention of the name that ends at token `last`: the name's
        /// own 's where that token ends in 's ("Moody's announcement"), else `other`.
        func form(ending last: Int, _ ctx: EntityContext, else other: NameForm) -> NameForm {
            form == .possessiveName && ctx.has(last, .possessive) && OrganizationRules.PossessiveName.endsInApostropheS(ctx, last) ? .possessiveName : other
        }
    }

    /// The best-supported sense of each name key. The map holds indices into a
    /// list, so that probing and growing move integers, not strings. A filter of
    /// the names' first words in 128 buckets, each holding the most words of a name
    /// whose first word falls in it, lets the search for other occurrences skip most
    /// capitalised words without hashing spans, and bounds the spans it tries.
    struct SenseTable {
        private var index: HashKeyMap<Int>
        private var senses: [Sense] = []
        /// Bucket of a first word (the top 7 bits of its hash) → the most words of a
        /// name registered with a first word in it; 0: none.
        private var longest = [UInt8](repeating: 0, count: 128)

        init(capacity: Int) {
            index = HashKeyMap(capacity: capacity)
            senses.reserveCapacity(capacity)
        }

        var isEmpty: Bool { senses.isEmpty }

        subscript(key: UInt64) -> Sense? { index[key].map { senses[$0] } }

        /// Whether some key may begin with the word `hash` (never false when one does).
        func mayStart(with hash: UInt64) -> Bool { mostWords(startingWith: hash) != 0 }

        /// At least the most words of a name registered with first word `hash` (0:
        /// none): no longer span starting with that word has a sense.
        func mostWords(startingWith hash: UInt64) -> Int { Int(longest[Int(hash >> 57)]) }

        /// Keeps `sense` for `key`, a name of `words` words whose first word hashes to
        /// `first`, unless the key has one at least as well supported.
        mutating func register(_ key: UInt64, first: UInt64, words: Int, _ sense: Sense) {
            guard key != Resolver.emptyKey else { return }
            let bucket = Int(first >> 57)
            // At least 1: a bucket of 0 says no key starts there.
            longest[bucket] = max(longest[bucket], UInt8(clamping: max(words, 1)))
            if let old = index.insertIfAbsent(key, senses.count) {
                if senses[old].score < sense.score { senses[old] = sense }
                return
            }
            senses.append(sense)
        }
    }

}
