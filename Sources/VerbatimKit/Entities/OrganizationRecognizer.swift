/// ORG candidates: well-known organisations and listed companies; a capitalised
/// sequence ending in an organisation head noun or legal suffix ("Metropolitan
/// Police", "Acme Ltd"); "Bank of England"; acronym definitions ("Press
/// Association (PA)"); bare acronyms as a weak guess. Short forms ("the Met") and
/// acronyms defined elsewhere are linked by the resolver.
struct OrganizationRecognizer: EntityCandidateRecognizer {
    func propose(_ ctx: EntityContext, into out: inout [Candidate]) {
        let lex = ctx.lexicon
        let mine = out.count
        defer { keepAbbreviationStops(ctx, &out, from: mine) }
        for (ci, chunk) in ctx.chunks.enumerated() {
            let a = chunk.lowerBound, b = chunk.upperBound
            let last = b - 1
            for i in a..<b where ctx.features[i].contains(.nameLike) {
                if let (end, e) = ctx.longestCue(.orgKnown, from: i, limit: b, caseSensitive: ctx.normalCase(i)) {
                    let extra = lex.cues.field(e, 3)
                    out.append(Candidate(start: i, end: end, label: .organization, score: 80, rule: "known-organization",
                                         canonical: ctx.keep(extra == "-" ? nil : extra)))
                }
                if let m = ctx.longest(.companies, from: i, limit: b, caseSensitive: ctx.normalCase(i)) {
                    let e = m.entries.lowerBound
                    let common = lex.companies.field(e, 3, equals: "y")
                    let short = lex.companies.field(e, 2, equals: "short")
                    let single = m.end - i == 1
                    if !(common || single && ctx.has(i, .word)) {
                        out.append(Candidate(start: i, end: m.end, label: .organization, score: short ? 62 : 72, rule: "known-company"))
                    }
                }
                // A legal suffix closing the chunk: "Acme Ltd", "Smith & Co".
                if i > a, let m = ctx.longest(.legalSuffixes, from: i, limit: b, caseSensitive: false), m.end == b {
                    let ambiguous = lex.legalSuffixes.field(m.entries.lowerBound, 2, equals: "y")
                    if !ambiguous || ctx.tokens[i].shape != .lower {
                        out.append(Candidate(start: a, end: b, label: .organization, score: ambiguous ? 66 : 78, rule: "legal-suffix"))
                    }
                }
            }
            // "Douglas & Lomason", "Procter & Gamble": two names joined by "&" inside one chunk.
            if b - a >= 3, let amp = (a + 1..<last).first(where: { ctx.isPunct($0, 0x26) }), ctx.normalCase(a),
               !ctx.anyToken(a, b, [.title, .role, .demonym, .month, .notName, .initial]), ctx.has(amp + 1, .nameLike),
               !PersonRecognizer().isPlaceName(ctx, a, b), !isPlacePart(ctx, a, amp), !isPlacePart(ctx, amp + 1, b) {
                out.append(Candidate(start: a, end: b, label: .organization, score: 74, rule: "ampersand-name"))
            }
            // "Metropolitan Police", "Press Association", "Leeds United".
            if b - a >= 2, ctx.has(last, .orgHead), !ctx.has(a, .title) || ctx.has(a, .orgHead) {
                var s = a
                while s < last, ctx.hasAny(s, [.title, .role]) && !ctx.hasAny(s, [.orgHead, .demonym]) { s += 1 }
                if s < last {
                    out.append(Candidate(start: s, end: b, label: .organization, score: 84, rule: "organization-head"))
                }
            }
            // "Bank of England", "House of Commons", "University of Texas"
            if ci + 1 < ctx.chunks.count, ctx.isWord(b, "of"), ctx.chunks[ci + 1].lowerBound == b + 1, ctx.has(last, .orgOf) {
                var s = a
                while s < last, ctx.hasAny(s, [.title, .role]) && !ctx.hasAny(s, [.orgHead, .orgOf, .demonym]) { s += 1 }
                let next = ctx.chunks[ci + 1]
                out.append(Candidate(start: s, end: next.upperBound, label: .organization, score: 85, rule: "head-of-name"))
            }
            // "Press Association (PA)", "Korean People's Army [KPA]": the name and its acronym.
            if b - a == 1, let long = definedName(ctx, acronym: a) {
                out.append(Candidate(start: long.lowerBound, end: long.upperBound, label: .organization, score: 84, rule: "acronym-definition"))
                out.append(Candidate(start: a, end: b, label: .organization, score: 84, rule: "acronym-definition",
                                     canonical: ctx.keep(ctx.text(long.lowerBound, long.upperBound))))
            }
            // "the Scientology organization", "the Sea Org group": a name before a lower-case
            // organisation noun, when it is no place, person or nationality.
            if b < ctx.tokens.count, ctx.tokens[b].shape == .lower, OrganizationRecognizer.isOrganizationNoun(ctx, b), ctx.sameSentence(a, b),
               ctx.normalCase(a), b - a <= 3, !(b - a == 1 && (ctx.tokens[a].flags.contains(.sentenceInitial) || ctx.has(a, .initial))),
               !namesSomethingElse(ctx, a, b), !(b - a == 1 && OrganizationRecognizer.isAdjective(ctx, a)) {
                out.append(Candidate(start: a, end: b, label: .organization, score: 66, rule: "organization-noun"))
            }
            // "the news agency Tanjug", "distribution chain Ruch SA": a lower-case organisation noun in front.
            if let p = ctx.previous(a), ctx.tokens[p].shape == .lower, OrganizationRecognizer.isOrganizationNoun(ctx, p)
                || OrganizationRecognizer.isBusinessNoun(ctx, p), ctx.normalCase(a), b - a <= 3, !ctx.has(a, .initial),
               !(ctx.isWord(p, "agency") && ctx.isWord(p - 1, "news") == false && ctx.has(a, .firstName)), !namesSomethingElse(ctx, a, b) {
                out.append(Candidate(start: a, end: b, label: .organization, score: 68, rule: "organization-noun"))
            }
            // "a member of Scientology", "the leader of Civic Passion".
            if let p = ctx.previous(a), ctx.isWord(p, "of") || ctx.isWord(p, "for"), let q = ctx.previous(p),
               ctx.tokens[q].shape == .lower, OrganizationRecognizer.isMembershipNoun(ctx, q), ctx.normalCase(a), b - a <= 3,
               !namesSomethingElse(ctx, a, b) {
                out.append(Candidate(start: a, end: b, label: .organization, score: 58, rule: "member-of"))
            }
            // A team in a results line: "Northampton 2 Swansea 1".
            // A single first name is a team too where the line is a table row or a result
            // ("Chester 4 1 1 2 6 7 4", "Wigan 4 Chester 2"): people are not named so there.
            if ctx.sportsDocument, b < ctx.tokens.count, ctx.tokens[b].kind == .number, ctx.sameSentence(a, b),
               !ctx.has(a, .firstName) || b - a == 1 && (ctx.tokens[a].flags.contains(.lineBreakBefore) || a > 0 && ctx.tokens[a - 1].kind == .number),
               !ctx.has(a, .initial), !ctx.anyToken(a, b, [.title, .demonym, .month]) {
                out.append(Candidate(start: a, end: b, label: .organization, score: 48, rule: "sports-result"))
            }
            // A side that plays in a sports report: "Kestrelshire beat Dunmore", "against Wexworth".
            if ctx.sportsDocument, b - a <= 3, ctx.normalCase(a), playsHere(ctx, a, b), !ctx.hasAny(a, [.firstName, .initial]),
               !ctx.anyToken(a, b, [.title, .role, .demonym, .month, .notName]), !(b - a >= 2 && ctx.has(b - 1, .surname)) {
                out.append(Candidate(start: a, end: b, label: .organization, score: 50, rule: "sports-side"))
            }
            // "the Florida Marlins beat", "the Blue Jays": a plural name after "the" in a sports report.
            if ctx.sportsDocument, b - a <= 3, ctx.normalCase(a), let p = ctx.previous(a), ctx.isWord(p, "the"), isPluralName(ctx, last),
               !ctx.anyToken(a, b, [.title, .role, .demonym, .month, .notName, .initial]),
               !(b - a >= 2 && ctx.has(a, .firstName) && ctx.has(last, .surname)), !PersonRecognizer().isPlaceName(ctx, a, b) {
                out.append(Candidate(start: a, end: b, label: .organization, score: 84, rule: "sports-plural-name"))
            }
            // "Pirelli shares rose", "Cofinec's profits": a name owning what only a company has
            // (a town's "stock market" is no company's).
            if b < ctx.tokens.count, ctx.sameSentence(a, b), ctx.tokens[b].shape == .lower, OrganizationRecognizer.companyThings.contains(ctx.keys, b),
               !(ctx.isWord(b + 1, "market") || ctx.isWord(b + 1, "markets") || ctx.isWord(b + 1, "exchange")), ctx.normalCase(a), b - a <= 3, !(b - a >= 2 && ctx.has(a, .firstName)), !ctx.has(a, .initial),
               !ctx.anyToken(a, b, [.title, .role, .demonym, .month, .notName]), !PersonRecognizer().isPlaceName(ctx, a, b) {
                out.append(Candidate(start: a, end: b, label: .organization, score: 70, rule: "company-possession"))
            }
            // A bare acronym in running text: a weak guess.
            if b - a == 1, ctx.has(a, .acronym), ctx.normalCase(a), !ctx.hasAny(a, [.notName, .title, .demonym, .word]),
               ctx.isWord(a - 1, "the") || ctx.has(a, .possessive) || b < ctx.tokens.count && ctx.has(b, .speech) && ctx.tokens[b].shape == .lower {
                out.append(Candidate(start: a, end: b, label: .organization, score: 30, rule: "acronym"))
            }
        }
    }

    /// Articles of other languages that open names of papers and firms ("Le Matin", "Der Spiegel").
    static let foreignArticles = WordSet(["le", "la", "les", "der", "die", "das", "el", "los", "las", "il", "lo"])

    /// What a company owns or reports and a person or place seldom does.
    static let companyThings = WordSet(["shares", "stock", "shareholders", "stockholders", "subsidiary", "subsidiaries", "profit", "profits",
                                              "revenue", "revenues", "earnings", "turnover", "takeover", "bonds", "dividend", "listing"])

    /// A capitalised word in the plural ("Marlins", "Blue Jays"), not a possessive, not an
    /// event ("the Olympics", "the Games").
    func isPluralName(_ ctx: EntityContext, _ i: Int) -> Bool {
        let t = ctx.tokens[i]
        guard t.kind == .word, t.shape == .title, !ctx.has(i, .possessive), t.length >= 4 else { return false }
        let bytes = ctx.document.utf8
        let e = Int(t.end)
        guard bytes[e - 1] == 0x73, bytes[e - 2] != 0x73, bytes[e - 2] != 0x27 else { return false }
        return !OrganizationRecognizer.eventPlurals.contains(ctx.keys, i)
    }

    static let eventPlurals = WordSet(["games", "olympics", "paralympics", "championships", "finals", "playoffs", "series", "masters",
                                             "nationals", "rules", "laws", "times", "news", "sports", "sciences", "arts", "affairs"])

    /// Whether the name at `a..<b` plays: a result verb after it ("beat", "drew") or before it,
    /// or "v" before it ("against" is said of players as often as of sides).
    func playsHere(_ ctx: EntityContext, _ a: Int, _ b: Int) -> Bool {
        if b < ctx.tokens.count, ctx.sameSentence(a, b), ctx.tokens[b].shape == .lower, OrganizationRecognizer.resultWords.contains(ctx.keys, b) {
            return true
        }
        if let p = ctx.previous(a), ctx.tokens[p].shape == .lower,
           OrganizationRecognizer.resultWords.contains(ctx.keys, p) || ctx.isWord(p, "v") || ctx.isWord(p, "vs") { return true }
        return false
    }

    /// Result verbs a side does and a player seldom does alone ("scored", "won" are said of players too).
    static let resultWords = WordSet(["beat", "beats", "thrashed", "routed", "drew", "draws", "edged", "outplayed", "trounced", "hammered"])

    /// Whether `a..<b`, one side of an "&", is a country or a region that is no person's
    /// name ("Trinidad & Tobago", but not "Douglas & Lomason").
    func isPlacePart(_ ctx: EntityContext, _ a: Int, _ b: Int) -> Bool {
        if ctx.longest(.countries, from: a, limit: b)?.end == b { return true }
        if ctx.longestCue(.countryAlias, from: a, limit: b, caseSensitive: true)?.end == b { return true }
        return ctx.longest(.regions, from: a, limit: b)?.end == b && !ctx.anyToken(a, b, [.firstName, .surname])
    }

    /// "Norwest Corp. said": an abbreviated legal form keeps its full stop, unless that
    /// stop also ends the sentence ("shares of Norwest Corp.").
    func keepAbbreviationStops(_ ctx: EntityContext, _ out: inout [Candidate], from first: Int) {
        for k in first..<out.count where out[k].label == .organization {
            let e = out[k].end
            guard e < ctx.tokens.count, OrganizationRecognizer.abbreviatedForms.contains(ctx.keys, e - 1), ctx.isPunct(e, 0x2E),
                  !ctx.tokens[e].flags.contains(.spaceBefore), e + 1 < ctx.tokens.count, ctx.sameSentence(e, e + 1) else { continue }
            out[k].end = e + 1
        }
    }

    static let abbreviatedForms = WordSet(["inc", "corp", "co", "ltd", "bros", "cos", "plc", "llc", "intl", "assn"])

    /// The long form an acronym in brackets stands for: "University of Southern Indiana (USI)",
    /// "Korean People's Army [KPA]". Walking back from the opening bracket, each capitalised
    /// word gives its initial and lower-case function words ("of", "and", "for", "the") are
    /// passed over, until the initials spell the acronym. A place ("United States (US)"), a
    /// title ("Chief Executive Officer (CEO)") or a version number ("Explorer 9 (IE9)") is no
    /// organisation. Looks back at most a few words per letter.
    func definedName(_ ctx: EntityContext, acronym i: Int) -> Range<Int>? {
        guard ctx.has(i, .acronym), i >= 2, i + 1 < ctx.tokens.count,
              ctx.isPunct(i - 1, 0x28) && ctx.isPunct(i + 1, 0x29) || ctx.isPunct(i - 1, 0x5B) && ctx.isPunct(i + 1, 0x5D) else { return nil }
        let letters = OrganizationRecognizer.capitals(ctx, i)
        guard letters.count >= 2 else { return nil }
        let end = i - 1
        guard ctx.tokens[end - 1].kind == .word, ctx.sameSentence(end - 1, i) else { return nil }
        var matched = letters.count
        var k = end - 1
        let floor = max(0, end - 3 * letters.count - 2)
        while k >= floor, ctx.sameSentence(k, i) {
            let t = ctx.tokens[k]
            if t.kind == .word && t.shape != .lower {
                guard ctx.document.utf8[Int(t.start)] == letters[matched - 1] else { return nil }
                matched -= 1
                if matched == 0 { break }
            } else if t.kind == .word && t.shape == .lower {
                guard ctx.isWord(k, "of") || ctx.isWord(k, "and") || ctx.isWord(k, "for") || ctx.isWord(k, "the")
                        || ctx.isWord(k, "on") || ctx.isWord(k, "in") || ctx.isWord(k, "de") else { return nil }
            } else if !(ctx.isPunct(k, 0x26) || ctx.isPunct(k, 0x2D) || t.kind == .number && k < end - 1) {
                return nil
            }
            k -= 1
        }
        guard matched == 0, k >= 0 else { return nil }
        if ctx.anyToken(k, end, [.title, .role]) { return nil }
        if PersonRecognizer().isPlaceName(ctx, k, end) { return nil }
        return k..<end
    }

    /// Whether `a..<b` reads as a place, a person or a nationality rather than an organisation's name.
    func namesSomethingElse(_ ctx: EntityContext, _ a: Int, _ b: Int) -> Bool {
        if ctx.anyToken(a, b, [.title, .role, .demonym, .notName, .month]) || ctx.has(b - 1, .surname) { return true }
        let article = b - a >= 2 && OrganizationRecognizer.foreignArticles.contains(ctx.keys, a)
        if ctx.anyToken(article ? a + 1 : a, b, .firstName) { return true }
        if PersonRecognizer().isPlaceName(ctx, a, b) { return true }
        for i in a..<b where ctx.longest(.cities, from: i, limit: b) != nil || ctx.longest(.regions, from: i, limit: b) != nil
            || ctx.longest(.countries, from: i, limit: b) != nil {
            return true
        }
        return false
    }

    /// Lower-case nouns after a name that make it an organisation's: "the Scientology
    /// organization", "the Sea Org group", "the Tanjug news agency".
    static func isOrganizationNoun(_ ctx: EntityContext, _ i: Int) -> Bool {
        organizationNouns.contains(ctx.keys, i) || ctx.isWord(i, "news") && ctx.isWord(i + 1, "agency")
    }

    static let organizationNouns = WordSet(["organization", "organisation", "movement", "church", "party", "group", "sect", "cult", "company",
                                    "corporation", "firm", "foundation", "charity", "union", "unions", "faction", "militia", "agency",
                                    "club", "newspaper", "conglomerate", "franchise"])

    /// Nouns naming a kind of business, placed before its name: "the carmaker Zoltra", "chain Ruch".
    static func isBusinessNoun(_ ctx: EntityContext, _ i: Int) -> Bool {
        businessNouns.contains(ctx.keys, i)
    }

    static let businessNouns = WordSet(["carrier", "airline", "insurer", "daily", "weekly", "magazine", "broadcaster", "chain", "maker",
                                "manufacturer", "producer", "retailer", "distributor", "operator", "brewer", "miner", "refiner",
                                "automaker", "carmaker", "lender", "publisher", "bank", "broker", "brokerage", "conglomerate", "utility"])

    /// A single word that is more likely an adjective of religion, people or region than a name:
    /// "-an", "-ic", "-ish", "-ese", "-ist" endings and a few short forms ("Serb", "Moslem", "Sunni").
    static func isAdjective(_ ctx: EntityContext, _ i: Int) -> Bool {
        let key = ctx.keys.foldedKey(i)
        for suffix in ["an", "ic", "ish", "ese", "ist", "ite"] where key.count > suffix.utf8.count + 2 && key.reversed().starts(with: suffix.utf8.reversed()) {
            return true
        }
        return adjectiveWords.contains(ctx.keys, i)
    }

    static let adjectiveWords = WordSet(["serb", "croat", "kurd", "arab", "moslem", "muslim", "sunni", "shia", "hindu", "sikh",
                                               "yugoslav", "slav", "jew", "catholic", "protestant", "orthodox", "communist", "socialist", "islamist"])

    /// "member(s)", "leader", "founder", "spokesman" — people who belong to or speak for an organisation.
    static func isMembershipNoun(_ ctx: EntityContext, _ i: Int) -> Bool {
        ctx.isWord(i, "member") || ctx.isWord(i, "members") || ctx.isWord(i, "leader") || ctx.isWord(i, "leaders")
            || ctx.isWord(i, "founder") || ctx.isWord(i, "founders") || ctx.isWord(i, "spokesman") || ctx.isWord(i, "spokeswoman")
            || ctx.isWord(i, "spokesperson") || ctx.isWord(i, "officials") || ctx.isWord(i, "chairman") || ctx.isWord(i, "leadership")
    }

    /// The capital letters A–Z of token `i` ("U.S." → "US").
    static func capitals(_ ctx: EntityContext, _ i: Int) -> [UInt8] {
        let bytes = ctx.document.utf8
        var letters: [UInt8] = []
        for k in Int(ctx.tokens[i].start)..<Int(ctx.tokens[i].end) where bytes[k] >= 0x41 && bytes[k] <= 0x5A { letters.append(bytes[k]) }
        return letters
    }

    /// The first bytes of the capitalised words of `a..<b` ("Press Association" → "PA").
    static func initials(_ ctx: EntityContext, _ a: Int, _ b: Int) -> [UInt8] {
        var initials: [UInt8] = []
        for i in a..<b where ctx.tokens[i].kind == .word && ctx.tokens[i].shape != .lower {
            initials.append(ctx.document.utf8[Int(ctx.tokens[i].start)])
            if initials.count > 12 { break }
        }
        return initials
    }
}
