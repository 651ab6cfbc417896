/// ORG rules: well-known organisations and listed companies; a capitalised sequence
/// ending in an organisation head noun or legal suffix ("Metropolitan Police", "Acme
/// Ltd"); "Bank of England"; acronym definitions ("Press Association (PA)"); names
/// beside organisation nouns, after membership nouns and with what only companies
/// own; sides in sports reports; bare acronyms as a weak guess. Short forms ("the
/// Met") and acronyms defined elsewhere are linked by ``DocumentRules``. The table
/// ``rules`` at the end lists them in the order they propose.
enum OrganizationRules {
    /// How strongly each rule's evidence supports an organisation (0–100).
    enum Score {
        static let knownOrganization = 80
        /// A listed name that is also a word ("the Treasury"): weaker than what the
        /// document itself shows (a short form of a name written out, a place).
        static let knownOrganizationAsWritten = 45
        /// A seat of power acting: above the place it also is ("known-place", a country).
        static let seatOfPowerActor = 86
        static let knownCompany = 72
        /// A listed company's name without its legal suffix ("Krystal Biotech").
        static let knownCompanyShort = 62
        static let legalSuffix = 78
        /// A two-letter or common-word suffix ("Co", "SA").
        static let ambiguousLegalSuffix = 66
        /// "Harcastle, Pryde & Co.": above the firm's name alone, which the partner extends.
        static let partnerFirm = 86
        static let ampersandName = 74
        static let organizationHead = 84
        static let headOfName = 85
        /// Above the name without its ordinal ("Airborne Division", organization-head).
        static let ordinalName = 86
        static let acronymDefinition = 84
        static let nounAfterName = 66
        static let nounBeforeName = 68
        static let memberOf = 58
        /// Above a one-word speech subject (52, 58 with a known surname) and at a sure
        /// sense (``DocumentSenses/sureSense``), so that the name's weak mentions follow.
        static let organizationApposition = 68
        /// Above a one-word name read as the subject of a speech verb ("a professor at
        /// Quillmart said": the professor speaks) and a name after a place preposition.
        static let employer = 62
        static let sportsResult = 48
        /// A side in a results row: above a first name before an unknown word
        /// (first-name, 82), level with an organisation's head inside the name
        /// (organization-head, 84: the longer name wins), below a mention's own sense
        /// (``DocumentSenses/ownLabelSupport``), so that a player named in full elsewhere
        /// keeps his surname in a row of figures.
        static let resultsRow = 84
        static let sportsSide = 50
        static let sportsPluralName = 84
        /// Above a county or a town of two words read as a place (a region 68, a city
        /// of two words 74) and a first name before an unknown word (74).
        static let teamRole = 76
        static let companyPossession = 70
        /// "Moody's said", "ratings agency Moody's said": above a lone surname before a
        /// speech verb (speech-subject, 58) and the name without its 's after an
        /// organisation noun (organization-noun, 68), and at a sure sense
        /// (``DocumentSenses/sureSense``), so that the name's other occurrences, weak
        /// guesses among them, follow.
        static let possessiveName = 69
        /// "McDonald's Corp.", "People's Party": above the name after the 's alone
        /// (organization-head 84, legal-suffix 78); a tie with head-of-name leaves
        /// "Bank of China" its "of".
        static let possessiveNameExtended = 85
        static let acronym = 30
    }

    // MARK: - Rules

    /// A well-known organisation or its short form (Models/orgs/known.tsv),
    /// cased as listed in running text.
    struct KnownOrganization: ChunkRule {
        static let rule = EntityRule("known-organization", .organization, matches: "a well-known organisation or its short form, as listed",
            example: "The United Nations issued a statement.", finds: "United Nations")
        /// Each listed phrase starts at a token that starts some phrase (``EntityContext/longestPhrase(_:from:limit:caseSensitive:)``).
        static var needs: ChunkNeeds { ChunkNeeds(some: [.phraseStart]) }

        static func propose(_ s: ChunkSite, _ out: inout Proposals) {
            let ctx = s.ctx
            // Each of the three readings below is a listed phrase from `i`, which only a
            // token that starts some phrase can open: the others are not looked at.
            for i in s.a..<s.b where ctx.features[i].isSuperset(of: [.nameLike, .phraseStart]) {
                // A listed name that is also an ordinary word ("the Commons", "the Treasury")
                // counts only as written, in normal case, after "the" and standing alone
                // (not "Houses of Parliament", not "Parliament" for the building).
                var score = Score.knownOrganization
                var form = NameForm.plain
                var match = ctx.longestPhrase(.orgKnown, from: i, limit: s.b, caseSensitive: ctx.normalCase(i))
                if match == nil, i == s.a, ctx.normalCase(i), ctx.previous(i).map({ ctx.isA($0, .definiteArticle) }) == true,
                   let common = ctx.longestPhrase(.orgKnownCommon, from: i, limit: s.b, caseSensitive: true), common.end == s.b {
                    (match, score, form) = (common, Score.knownOrganizationAsWritten, .listedWord)
                }
                // An institution's name capitalised inside a sentence, without "the" ("passed
                // by Congress", "Fed policy"), standing alone.
                if match == nil, i == s.a, ctx.normalCase(i), ctx.has(i, .capitalized), !ctx.tokens[i].flags.contains(.sentenceInitial),
                   !ctx.tokens[i].flags.contains(.lineBreakBefore), ctx.previous(i).map({ ctx.tokens[$0].quote?.role != .opening }) ?? false,
                   !ctx.hasAny(i, [.firstName, .surname, .initial]),
                   let institution = ctx.longestPhrase(.orgKnownInstitution, from: i, limit: s.b, caseSensitive: true), institution.end == s.b,
                   !ctx.isPlaceName(i, s.b), ctx.longest(.cities, from: i, limit: s.b) == nil {
                    (match, score, form) = (institution, Score.knownOrganizationAsWritten, .listedWord)
                }
                guard let (end, e) = match else { continue }
                // A known name inside a longer name with a head is not the name ("Tottenham Court Road").
                if end < s.b && ctx.hasAny(s.last, [.street, .facility, .geoHead, .orgHead]) { continue }
                let extra = ctx.lexicon.phrases.field(e, 3)
                out.add(i, end, score: score, canonical: ctx.keep(extra == "-" ? nil : extra), form: form)
            }
        }
    }

    /// "White House officials said", "the Kremlin's statement", "the Vatican announced":
    /// a seat of power (`seat` = y in Models/orgs/known.tsv) acting stands for the power
    /// seated there, an organisation; visited, left or named as a place it stays a place
    /// (`known-place`). It acts where it is followed by a speech verb, owns something
    /// with a possessive, or stands before a title, a role noun or a word of the class
    /// `seat-actor-word` (officials, statement, policy). A town that is also a seat
    /// ("Beijing", "Brussels") names its government as a place does (GPE): no rule here.
    struct SeatOfPowerActor: ChunkRule {
        static let rule = EntityRule("seat-of-power-actor", .organization,
            matches: "a seat of power (White House, Kremlin) before a speech verb, a possessive, a title, a role or an actor word",
            example: "The Kremlin said the talks would go on.", finds: "Kremlin")
        /// The seat is a listed phrase.
        static var needs: ChunkNeeds { ChunkNeeds(some: [.phraseStart]) }

        static func propose(_ s: ChunkSite, _ out: inout Proposals) {
            let ctx = s.ctx, n = ctx.tokens.count
            for i in s.a..<s.b where ctx.features[i].contains(.phraseStart) && ctx.normalCase(i) {
                guard let (end, e) = ctx.longestPhrase(.seatOfPower, from: i, limit: s.b, caseSensitive: true),
                      ctx.longest(.cities, from: i, limit: end)?.end != end else { continue }
                let acts: Bool
                if end < s.b {
                    // "White House Press Secretary Ann Lowe": a title within two words.
                    acts = ctx.hasAny(end, [.title, .role]) || end + 1 < s.b && ctx.hasAny(end + 1, [.title, .role])
                } else if ctx.has(end - 1, .possessive) {
                    acts = true
                } else if end < n, ctx.sameSentence(i, end), ctx.tokens[end].shape == .lower {
                    acts = ctx.hasAny(end, [.speech, .role]) || ctx.isA(end, .seatActorWord)
                } else {
                    acts = false
                }
                guard acts else { continue }
                let extra = ctx.lexicon.phrases.field(e, 3)
                out.add(i, end, score: Score.seatOfPowerActor, canonical: ctx.keep(extra == "-" ? nil : extra))
            }
        }
    }

    /// A listed company (Models/orgs/companies.tsv) that is no common word.
    struct KnownCompany: ChunkRule {
        static let rule = EntityRule("known-company", .organization, matches: "a listed company's name (with or without its legal suffix)",
            example: "Analysts expect Acushnet to grow.", finds: "Acushnet")
        /// Some token may start a listed company.
        static var needs: ChunkNeeds { ChunkNeeds.walk(.companies) }

        static func propose(_ s: ChunkSite, _ out: inout Proposals) {
            let ctx = s.ctx, companies = ctx.lexicon.companies
            for i in s.a..<s.b where ctx.features[i].contains(.nameLike) {
                guard let m = ctx.longest(.companies, from: i, limit: s.b, caseSensitive: ctx.normalCase(i)) else { continue }
                let e = m.entries.lowerBound
                let common = companies.field(e, 3, equals: "y")
                let short = companies.field(e, 2, equals: "short")
                let single = m.end - i == 1
                if !(common || single && ctx.has(i, .word)) {
                    out.add(i, m.end, score: short ? Score.knownCompanyShort : Score.knownCompany)
                }
            }
        }
    }

    /// A legal suffix closing the chunk: "Acme Ltd", "Smith & Co".
    struct LegalSuffix: ChunkRule {
        static let rule = EntityRule("legal-suffix", .organization, matches: "a capitalised name closed by a legal suffix",
            example: "The order went to Brantwell Widgets GmbH yesterday.", finds: "Brantwell Widgets GmbH")
        /// Some token may start a legal suffix.
        static var needs: ChunkNeeds { ChunkNeeds.walk(.legalSuffixes) }

        static func propose(_ s: ChunkSite, _ out: inout Proposals) {
            let ctx = s.ctx, a = s.a, b = s.b
            for i in a..<b where i > a && ctx.features[i].contains(.nameLike) {
                guard let m = ctx.longest(.legalSuffixes, from: i, limit: b, caseSensitive: false), m.end == b else { continue }
                let ambiguous = ctx.lexicon.legalSuffixes.field(m.entries.lowerBound, 2, equals: "y")
                if !ambiguous || ctx.tokens[i].shape != .lower {
                    out.add(a, b, score: ambiguous ? Score.ambiguousLegalSuffix : Score.legalSuffix)
                }
            }
        }
    }

    /// "Brantwell Widgets, Inc.": a name, a comma and a legal suffix standing alone;
    /// "Harcastle, Pryde & Co.": a single name, a comma and partners' names joined by
    /// "&" and closed by a legal suffix. The comma is part of the name.
    struct CommaLegalSuffix: ChunkRule {
        static let rule = EntityRule("comma-legal-suffix", .organization, matches: "a name, a comma and a legal suffix, or a partner's name before a firm's",
            example: "The deal was signed by Brantwell Widgets, Inc. on Monday.", finds: "Brantwell Widgets, Inc.")
        /// A comma follows the chunk.
        static var needs: ChunkNeeds { ChunkNeeds(afterPunct: 0x2C) }

        static func propose(_ s: ChunkSite, _ out: inout Proposals) {
            let ctx = s.ctx, a = s.a, b = s.b
            guard let next = s.next, next.lowerBound == b + 1, ctx.isPunct(b, 0x2C), ctx.sameSentence(a, next.lowerBound),
                  !ctx.anyToken(a, b, [.title, .role, .demonym, .month, .notName]) else { return }
            guard let m = ctx.longest(.legalSuffixes, from: next.upperBound - 1, limit: next.upperBound, caseSensitive: false),
                  m.end == next.upperBound else { return }
            let ambiguous = ctx.lexicon.legalSuffixes.field(m.entries.lowerBound, 2, equals: "y")
            if next.count == 1 {
                // "Acme, Inc.": an abbreviated legal form alone after the comma.
                if !ambiguous, ctx.isA(next.lowerBound, .abbreviatedLegalForm), !ctx.isPlaceName(a, b) {
                    out.add(a, next.upperBound, score: Score.legalSuffix)
                }
            } else if b - a == 1, !(a > 0 && ctx.isPunct(a - 1, 0x2C)), (next.lowerBound..<next.upperBound).contains(where: { ctx.isPunct($0, 0x26) }),
                      !ctx.isPlaceName(a, b), ctx.longest(.cities, from: a, limit: b) == nil {
                // "Harcastle, Pryde & Co.": one name, not inside a list, before partners' names.
                out.add(a, next.upperBound, score: Score.partnerFirm)
            }
        }
    }

    /// "Douglas & Lomason", "Procter & Gamble": two names joined by "&" inside one chunk.
    struct AmpersandName: ChunkRule {
        static let rule = EntityRule("ampersand-name", .organization, matches: "two names joined by & in one run of capitals",
            example: "The merger of Douglas & Lomason was approved.", finds: "Douglas & Lomason")

        static func propose(_ s: ChunkSite, _ out: inout Proposals) {
            let ctx = s.ctx, a = s.a, b = s.b
            if b - a >= 3, let amp = (a + 1..<s.last).first(where: { ctx.isPunct($0, 0x26) }), ctx.normalCase(a),
               !ctx.anyToken(a, b, [.title, .role, .demonym, .month, .notName, .initial]), ctx.has(amp + 1, .nameLike),
               !ctx.isPlaceName(a, b), !isPlacePart(ctx, a, amp), !isPlacePart(ctx, amp + 1, b) {
                out.add(a, b, score: Score.ampersandName)
            }
        }
    }

    /// "Metropolitan Police", "Press Association", "Leeds United": a name ending in an organisation head noun.
    struct OrganizationHead: ChunkRule {
        static let rule = EntityRule("organization-head", .organization, matches: "a capitalised name ending in an organisation head noun",
            example: "Officers of the Metropolitan Police arrived.", finds: "Metropolitan Police")
        /// The chunk ends in an organisation head.
        static var needs: ChunkNeeds { ChunkNeeds(last: [.orgHead]) }

        static func propose(_ site: ChunkSite, _ out: inout Proposals) {
            let ctx = site.ctx, a = site.a, b = site.b, last = site.last
            guard b - a >= 2, ctx.has(last, .orgHead), !ctx.has(a, .title) || ctx.has(a, .orgHead) else { return }
            var s = a
            while s < last, ctx.hasAny(s, [.title, .role]) && !ctx.hasAny(s, [.orgHead, .demonym]) { s += 1 }
            // "Soviet Union", "West Bank": a country's or a known place's name that ends in
            // a head is the place.
            if s < last, ctx.longest(.countries, from: s, limit: b)?.end != b, ctx.longest(.regions, from: s, limit: b)?.end != b,
               ctx.longestPhrase(.countryAlias, from: s, limit: b, caseSensitive: true)?.end != b,
               ctx.longestPhrase(.placeKnown, from: s, limit: b, caseSensitive: true)?.end != b {
                // "Financial Futures and Options Exchange": the name covers two subjects.
                if s == a, site.index > 0, let joined = joinedSubjects(ctx, ctx.chunks[site.index - 1], s..<last),
                   !ctx.has(joined.lowerBound, .title) {
                    out.add(joined.lowerBound, b, score: Score.organizationHead)
                } else {
                    out.add(s, b, score: Score.organizationHead)
                }
            }
        }
    }

    /// "the 82nd Airborne Division", "the 8th Circuit", "5th Fleet": an ordinal written in
    /// figures opens the name of a unit or a court, and is part of it. The name ends in an
    /// organisation head or a word of the class `ordinal-head` (Circuit: the federal
    /// appeals courts, a facility's head elsewhere).
    struct OrdinalName: ChunkRule {
        static let rule = EntityRule("ordinal-name", .organization,
            matches: "an ordinal in figures before a name ending in an organisation head or an ordinal-head word (Circuit)",
            example: "A panel of the 8th Circuit upheld the ruling.", finds: "8th Circuit")
        /// The chunk ends in an organisation head or an ordinal-head word.
        static var needs: ChunkNeeds { ChunkNeeds(last: [.orgHead], lastClass: .ordinalHead) }

        static func propose(_ site: ChunkSite, _ out: inout Proposals) {
            let ctx = site.ctx, a = site.a, b = site.b, last = site.last
            guard a > 0, b - a <= 3, ctx.normalCase(a), ctx.has(last, .orgHead) || ctx.isA(last, .ordinalHead),
                  ctx.tokens[a].flags.contains(.spaceBefore), isOrdinal(ctx, a - 1), ctx.sameSentence(a - 1, a) else { return }
            out.add(a - 1, b, score: Score.ordinalName)
        }

        /// Whether token `i` is an ordinal in figures: digits, then st, nd, rd or th ("82nd").
        static func isOrdinal(_ ctx: EntityContext, _ i: Int) -> Bool {
            let t = ctx.tokens[i], bytes = ctx.document.utf8
            var k = Int(t.start)
            let end = Int(t.end)
            while k < end, bytes[k] >= 0x30, bytes[k] <= 0x39 { k += 1 }
            guard k > Int(t.start), end - k == 2 else { return false }
            let suffix = (bytes[k] | 0x20, bytes[k + 1] | 0x20)
            return suffix == (0x73, 0x74) || suffix == (0x6E, 0x64) || suffix == (0x72, 0x64) || suffix == (0x74, 0x68)
        }
    }

    /// "Bank of England", "House of Commons", "University of Texas": a head that takes "of" and a name.
    struct HeadOfName: ChunkRule {
        static let rule = EntityRule("head-of-name", .organization, matches: "an organisation head, of, and a name",
            example: "The Bank of England raised rates.", finds: "Bank of England")
        /// The chunk ends in a head that takes "of", and "of" follows.
        static var needs: ChunkNeeds { ChunkNeeds(last: [.orgOf], afterClass: .nameOf) }

        static func propose(_ site: ChunkSite, _ out: inout Proposals) {
            let ctx = site.ctx, a = site.a, b = site.b, last = site.last
            guard let next = site.next, ctx.isA(b, .nameOf), next.lowerBound == b + 1, ctx.has(last, .orgOf) else { return }
            var s = a
            while s < last, ctx.hasAny(s, [.title, .role]) && !ctx.hasAny(s, [.orgHead, .orgOf, .demonym]) { s += 1 }
            // A head that is also a title names an office ("the Secretary of State said",
            // "Secretary of State Ana Pell"), not an organisation.
            guard !ctx.has(last, .title) else { return }
            // The run of capitals after "of" may go on into a person's name: in "Bank of
            // Selby Governor Ana Pell" the organisation ends before the title.
            var end = (next.lowerBound + 1..<next.upperBound).first { ctx.hasAny($0, [.title, .role]) } ?? next.upperBound
            // "Chamber of Commerce and Industry": a second subject joined by "and".
            if end == next.upperBound, site.index + 2 < ctx.chunks.count,
               let joined = joinedSubjects(ctx, ctx.chunks[site.index + 1], ctx.chunks[site.index + 2]) {
                end = joined.upperBound
            }
            out.add(s, end, score: Score.headOfName, form: .headOfName)
        }
    }

    /// Two runs of capitals joined by "and" (class `name-and`) that read as the two
    /// subjects a body's name covers: common English words on both sides of the
    /// conjunction ("Commerce and Industry", "Housing and Local Government", "Futures
    /// and Options Exchange"), not names ("England and Wales", "Ford and Acme Motors").
    /// `first` must end in such words and be no firm's name of its own ("Proctor &
    /// Gamble and United Technologies"); all of `second` must be them.
    static func joinedSubjects(_ ctx: EntityContext, _ first: Range<Int>, _ second: Range<Int>) -> Range<Int>? {
        guard second.lowerBound == first.upperBound + 1, ctx.isA(first.upperBound, .nameAnd),
              !first.contains(where: { ctx.isPunct($0, 0x26) }),
              ctx.sameSentence(first.lowerBound, second.lowerBound),
              ctx.has(first.upperBound - 1, .word), !ctx.hasAny(first.upperBound - 1, [.firstName, .demonym]),
              second.allSatisfy({ ctx.has($0, .word) && !ctx.hasAny($0, [.firstName, .demonym, .title]) }) else { return nil }
        return first.lowerBound..<second.upperBound
    }

    /// "Press Association (PA)", "Korean People's Army [KPA]": the name and its acronym.
    struct AcronymDefinition: ChunkRule {
        static let rule = EntityRule("acronym-definition", .organization, matches: "a name and the acronym its initials spell, in brackets",
            example: "Doctors of Korvath Medical Relief (KMR) arrived.", finds: "Korvath Medical Relief")
        /// The chunk is the acronym.
        static var needs: ChunkNeeds { ChunkNeeds(first: [.acronym]) }

        static func propose(_ s: ChunkSite, _ out: inout Proposals) {
            let ctx = s.ctx
            guard s.b - s.a == 1, let long = definedName(ctx, acronym: s.a) else { return }
            out.add(long.lowerBound, long.upperBound, score: Score.acronymDefinition)
            out.add(s.a, s.b, score: Score.acronymDefinition, canonical: ctx.keep(ctx.text(long.lowerBound, long.upperBound)))
        }
    }

    /// "the Scientology organization", "the Sea Org group": a name before a lower-case
    /// organisation noun, when it is no place, person or nationality; "the news agency
    /// Tanjug", "distribution chain Ruch SA": an organisation or business noun in front.
    struct OrganizationNoun: ChunkRule {
        static let rule = EntityRule("organization-noun", .organization, matches: "a name beside a lower-case organisation or business noun",
            example: "Members of the Scientology organization met.", finds: "Scientology")
        /// An organisation, news or business noun comes right after or before the chunk.
        static var needs: ChunkNeeds { ChunkNeeds(besideClass: [.organizationNoun, .newsNoun, .businessNoun]) }

        static func propose(_ s: ChunkSite, _ out: inout Proposals) {
            let ctx = s.ctx, a = s.a, b = s.b
            if b < ctx.tokens.count, ctx.tokens[b].shape == .lower, isOrganizationNoun(ctx, b), ctx.sameSentence(a, b),
               ctx.normalCase(a), b - a <= 3, !(b - a == 1 && (ctx.tokens[a].flags.contains(.sentenceInitial) || ctx.has(a, .initial))),
               !namesSomethingElse(ctx, a, b), !(b - a == 1 && isGroupAdjective(ctx, a)) {
                out.add(a, b, score: Score.nounAfterName)
            }
            if let p = ctx.previous(a), ctx.tokens[p].shape == .lower, isOrganizationNoun(ctx, p) || ctx.isA(p, .businessNoun),
               ctx.normalCase(a), b - a <= 3, !ctx.has(a, .initial),
               !(ctx.isA(p, .agencyNoun) && !ctx.isA(p - 1, .newsNoun) && ctx.has(a, .firstName)), !namesSomethingElse(ctx, a, b) {
                out.add(a, b, score: Score.nounBeforeName)
            }
        }
    }

    /// "Varnoxa, the first foreign company to list in Budapest", "Quellmar, a Dutch
    /// lender": a name in apposition with an article and a lower-case organisation or
    /// business noun (`organization-noun`, `business-noun`) is the organisation. Up to
    /// three lower-case words may qualify the noun, but no preposition, role or
    /// membership noun ("Ann Pell, a member of the party": she belongs to it), and the
    /// noun owns nothing, heads no longer noun ("Pell, the company's chairman",
    /// "Pell, a company spokesman") and takes no "of" (`name-of`: "Reactive Oxygen
    /// Species, the group of chemicals": a kind, not a body). Not a place, a person's name or a nationality.
    struct OrganizationApposition: ChunkRule {
        static let rule = EntityRule("organization-apposition", .organization,
            matches: "a name, a comma, an article and a lower-case organisation or business noun",
            example: "Varnoxa, the first foreign company to list in Quellburg, said profits rose.", finds: "Varnoxa")
        /// A comma follows the chunk.
        static var needs: ChunkNeeds { ChunkNeeds(afterPunct: 0x2C) }

        static func propose(_ s: ChunkSite, _ out: inout Proposals) {
            let ctx = s.ctx, a = s.a, b = s.b, n = ctx.tokens.count
            guard b + 2 < n, ctx.isPunct(b, 0x2C), ctx.isA(b + 1, .appositionArticle), ctx.sameSentence(a, b + 2), ctx.normalCase(a),
                  b - a <= 3, !ctx.has(s.last, .possessive), !namesSomethingElse(ctx, a, b),
                  !(b - a == 1 && (ctx.tokens[a].flags.contains(.sentenceInitial) && ctx.has(a, .word) || isGroupAdjective(ctx, a))) else { return }
            var k = b + 2
            while k < min(n, b + 6), ctx.sameSentence(a, k), ctx.tokens[k].kind == .word, ctx.tokens[k].shape == .lower {
                if isOrganizationNoun(ctx, k) || ctx.isA(k, .businessNoun) {
                    guard !ctx.has(k, .possessive) else { return }
                    let next = k + 1
                    if next < n, ctx.sameSentence(k, next), ctx.tokens[next].kind == .word,
                       ctx.hasAny(next, [.role]) || ctx.isA(next, [.companyThing, .membershipNoun, .organizationNoun, .businessNoun, .nameOf]) {
                        return
                    }
                    out.add(a, b, score: Score.organizationApposition)
                    return
                }
                if ctx.hasAny(k, [.prep, .role, .speech]) || ctx.isA(k, [.membershipNoun, .employeeNoun, .companyThing]) { return }
                k += 1
            }
        }
    }

    /// "a member of Scientology", "the leader of Civic Passion".
    struct MemberOf: ChunkRule {
        static let rule = EntityRule("member-of", .organization, matches: "a name after a membership noun and of or for",
            example: "He joined as a member of Scientology in 1990.", finds: "Scientology")
        /// The link (of, for) comes right before the chunk.
        static var needs: ChunkNeeds { ChunkNeeds(beforeClass: .membershipLink) }

        static func propose(_ s: ChunkSite, _ out: inout Proposals) {
            if followsNoun(.membershipNoun, link: .membershipLink, s) { out.add(s.a, s.b, score: Score.memberOf) }
        }
    }

    /// "an analyst at Brellworth", "a professor at Quillmart": a name after someone who
    /// works somewhere (`employee-noun`) and `employer-link` is where they work. No
    /// place, person's name or title: "an economist at Brussels" stays a city.
    struct Employer: ChunkRule {
        static let rule = EntityRule("employer", .organization, matches: "a name after a noun of someone who works somewhere and at",
            example: "An analyst at Brellworth expects rates to rise.", finds: "Brellworth")
        /// The link (at) comes right before the chunk.
        static var needs: ChunkNeeds { ChunkNeeds(beforeClass: .employerLink) }

        static func propose(_ s: ChunkSite, _ out: inout Proposals) {
            if followsNoun(.employeeNoun, link: .employerLink, s) { out.add(s.a, s.b, score: Score.employer) }
        }
    }

    /// Whether the chunk (of at most three words, in normal case, naming no place,
    /// person or title) follows a lower-case word of class `noun` and a word of class
    /// `link`: "a member of X", "an analyst at X".
    static func followsNoun(_ noun: WordClasses, link: WordClasses, _ s: ChunkSite) -> Bool {
        let ctx = s.ctx, a = s.a, b = s.b
        guard let p = ctx.previous(a), ctx.isA(p, link), let q = ctx.previous(p) else { return false }
        return ctx.tokens[q].shape == .lower && ctx.isA(q, noun) && ctx.normalCase(a) && b - a <= 3 && !namesSomethingElse(ctx, a, b)
    }

    /// A team in a results line of a sports report: "Northampton 2 Swansea 1". A single
    /// first name is a team too where the line is a table row or a result ("Chester 4 1
    /// 1 2 6 7 4", "Wigan 4 Chester 2"): people are not named so there. In a results
    /// row (``inResultsRow(_:_:_:)``) the whole name is the side, above a first name
    /// that is also an English word ("Crystal Dunmore 1"), a place's head ("Notts County 3 1 1 1") or an
    /// organisation's head inside it ("Queens Park Rangers 3 2 1 0"); not a person's
    /// full name (a first name and a surname: "Tamsin Pike 70 68"), a dateline, a town or a region alone (the town is a team
    /// already, ``PlaceRules/townTeams(_:_:from:prep:)``, and a surer sense of it would
    /// take its dateline too), or a country, whose team the report's other words must
    /// show (`national-team`). A player's surname alone in a row of figures ("Pike 7 1 20")
    /// still takes the sense of the player named in full (document senses).
    struct SportsResult: ChunkRule {
        static let rule = EntityRule("sports-result", .organization, matches: "in a sports report, a name before a score",
            example: "SOCCER - ENGLISH LEAGUE RESULTS.\nResults of matches played in the league on Saturday:\nKestrelford 2 Dunwick 1", finds: "Kestrelford")
        /// Only in a sports report.
        static var needs: ChunkNeeds { ChunkNeeds(sports: true) }

        static func propose(_ s: ChunkSite, _ out: inout Proposals) {
            let ctx = s.ctx, a = s.a, b = s.b
            guard ctx.sportsDocument, b < ctx.tokens.count, ctx.tokens[b].kind == .number, ctx.sameSentence(a, b),
                  !ctx.has(a, .initial), !ctx.anyToken(a, b, [.title, .demonym, .month]) else { return }
            if inResultsRow(ctx, a, b), b - a <= 4, !isPersonsFullName(ctx, a, b),
               !OrganizationRules.isCountry(ctx, a, b), !PlaceRules.isDateline(ctx, a, b), ctx.longest(.cities, from: a, limit: b)?.end != b,
               ctx.longest(.regions, from: a, limit: b)?.end != b {
                out.add(a, b, score: Score.resultsRow)
            } else if !ctx.has(a, .firstName) || b - a == 1 && (ctx.tokens[a].flags.contains(.lineBreakBefore) || a > 0 && ctx.tokens[a - 1].kind == .number) {
                out.add(a, b, score: Score.sportsResult)
            }
        }

        /// Whether the name at `a..<b`, before a score at `b`, stands in a results row:
        /// it opens its line and the row goes on with more scores or the other side
        /// (``TokenFacts/opensResultsRow(_:_:)``), or it is the second side, after the
        /// first side's score and before its own alone ("Kestrelford 2 Dunwick 1"). A
        /// name between a total and several scores is a player's ("287 Tamsin Pike 70
        /// 76 71 70", a golf leaderboard).
        static func inResultsRow(_ ctx: EntityContext, _ a: Int, _ b: Int) -> Bool {
            let tokens = ctx.tokens
            let lineStart = a == 0 || tokens[a].flags.contains(.lineBreakBefore)
            guard !tokens[b].flags.contains(.lineBreakBefore) else { return false }
            if lineStart { return TokenFacts.opensResultsRow(tokens, b) }
            guard tokens[a - 1].kind == .number else { return false }
            return !(b + 1 < tokens.count && !tokens[b + 1].flags.contains(.lineBreakBefore) && tokens[b + 1].kind == .number)
        }
    }

    /// A side that plays in a sports report: "Kestrelshire beat Dunmore", "against Wexworth".
    struct SportsSide: ChunkRule {
        static let rule = EntityRule("sports-side", .organization, matches: "in a sports report, a name beside a result verb or after v",
            example: "SOCCER - KESTRELSHIRE BEAT DUNMORE.\nKestrelshire beat Dunmore in the league final on Saturday and the coach praised the goal.", finds: "Dunmore")
        /// Only in a sports report.
        static var needs: ChunkNeeds { ChunkNeeds(sports: true) }

        static func propose(_ s: ChunkSite, _ out: inout Proposals) {
            let ctx = s.ctx, a = s.a, b = s.b
            if ctx.sportsDocument, b - a <= 3, ctx.normalCase(a), playsHere(ctx, a, b), !ctx.hasAny(a, [.firstName, .initial]),
               !ctx.anyToken(a, b, [.title, .role, .demonym, .month, .notName]), !(b - a >= 2 && ctx.has(b - 1, .surname)) {
                out.add(a, b, score: Score.sportsSide)
            }
        }
    }

    /// "the Florida Marlins beat", "the Blue Jays": a plural name after "the" in a sports report.
    struct SportsPluralName: ChunkRule {
        static let rule = EntityRule("sports-plural-name", .organization, matches: "in a sports report, a plural name after the",
            example: "BASEBALL - MARLINS WIN.\nThe Florida Marlins beat the Blue Jays 4-2 in the baseball game.", finds: "Blue Jays")
        /// Only in a sports report.
        static var needs: ChunkNeeds { ChunkNeeds(sports: true) }

        static func propose(_ s: ChunkSite, _ out: inout Proposals) {
            let ctx = s.ctx, a = s.a, b = s.b
            if ctx.sportsDocument, b - a <= 3, ctx.normalCase(a), let p = ctx.previous(a), ctx.isA(p, .definiteArticle), isPluralName(ctx, s.last),
               !ctx.anyToken(a, b, [.title, .role, .demonym, .month, .notName, .initial]),
               !isPersonsFullName(ctx, a, b), !ctx.isPlaceName(a, b) {
                out.add(a, b, score: Score.sportsPluralName)
            }
        }
    }

    /// "Lancashire batsman Graham Lloyd", "the Kestrelford striker", "Rotor fans": in a
    /// sports report, a name right before who plays for or serves a side (`team-role`)
    /// is the side, a club, whether or not it is also a town or a county. Not a person's
    /// full name, an initial, a title, a nationality ("Brazilian striker", and a word
    /// ending as one that is no town: "European captain", "Jewish players") or a
    /// country, whose team is the `national-team` rule's.
    struct TeamRole: ChunkRule {
        static let rule = EntityRule("team-role", .organization, matches: "in a sports report, a name before a player's or a side's role (striker, coach, fans)",
            example: "SOCCER - DUNMORE SIGN STRIKER.\nDunmore signed Kestrelford striker Ivo Plana on Friday and the coach praised the goals.", finds: "Kestrelford")
        /// Only in a sports report.
        static var needs: ChunkNeeds { ChunkNeeds(sports: true) }

        static func propose(_ s: ChunkSite, _ out: inout Proposals) {
            let ctx = s.ctx, a = s.a, b = s.b
            guard ctx.sportsDocument, b < ctx.tokens.count, b - a <= 3, ctx.sameSentence(a, b), ctx.tokens[b].shape == .lower,
                  ctx.isA(b, .teamRole), ctx.normalCase(a), !ctx.has(s.last, .possessive),
                  !ctx.anyToken(a, b, [.title, .role, .demonym, .month, .notName, .initial]),
                  !isPersonsFullName(ctx, a, b), !isCountry(ctx, a, b),
                  !(isGroupAdjective(ctx, s.last) && ctx.longest(.cities, from: a, limit: b) == nil) else { return }
            // "Western Province batsman": a capitalised word before the chunk (an
            // everyday word opening the sentence) is part of the side's name.
            if let p = ctx.previous(a), ctx.tokens[p].kind == .word, ctx.tokens[p].shape != .lower { return }
            out.add(a, b, score: Score.teamRole)
        }
    }

    /// "Pirelli shares rose", "Cofinec's profits": a name owning what only a company has
    /// (a town's "stock market" is no company's).
    struct CompanyPossession: ChunkRule {
        static let rule = EntityRule("company-possession", .organization, matches: "a name before what only a company has (shares, profits), or after it and of",
            example: "Zoltrane shares rose sharply.", finds: "Zoltrane")
        /// What a company owns comes right after the chunk, or "of" right before it.
        static var needs: ChunkNeeds { ChunkNeeds(besideClass: [.companyThing, .nameOf]) }

        static func propose(_ s: ChunkSite, _ out: inout Proposals) {
            let ctx = s.ctx, a = s.a, b = s.b
            guard ctx.normalCase(a), b - a <= 3, !(b - a >= 2 && ctx.has(a, .firstName)), !ctx.has(a, .initial),
                  !ctx.anyToken(a, b, [.title, .role, .demonym, .month, .notName]) else { return }
            // "Zoltrane shares", or "shares of Zoltrane", "the chairman of Zoltrane".
            let before = b < ctx.tokens.count && ctx.sameSentence(a, b) && ctx.tokens[b].shape == .lower && ctx.isA(b, .companyThing)
                && !ctx.isA(b + 1, .marketNoun)
            let after = a >= 2 && ctx.sameSentence(a - 2, a) && ctx.isA(a - 1, .nameOf) && !ctx.has(a - 2, .nameLike)
                && ctx.isA(a - 2, .companyThing)
            if before || after, !ctx.isPlaceName(a, b) {
                out.add(a, b, score: Score.companyPossession)
            }
        }
    }

    /// "Moody's said", "sales at Quorley's.", "Standard & Poor's, the agency": a name
    /// that ends in its own 's. A real possessive owns something, so a noun phrase
    /// follows it ("Smith's car"); where a verb of the class `name-verb` (said,
    /// lowered: never a noun owned) or, for a name that is no first
    /// name or surname, the end of the phrase (a comma, a full stop, a semicolon, an
    /// underscore) follows at once, the 's is part of the name, whose text keeps it (``NameForm/possessiveName``), and the
    /// document's other mentions of it follow (document senses). A person's full name
    /// ("John Smith's."), a place ("Britain's."), a title ("Lord's"), a listed
    /// organisation ("NBC's") or an acronym stay possessives.
    ///
    /// "McDonald's Corp.", "People's Party": a name in 's right
    /// before a name closed by a legal suffix, or an everyday word in 's (no first name,
    /// no frequent surname, no organisation head) before a name closed by an
    /// organisation head, is one name with it: the 's is no owner there ("Britain's
    /// Labour Party" and "Rutgers University's Eagleton Institute" keep their owners).
    struct PossessiveName: ChunkRule {
        static let rule = EntityRule("possessive-name", .organization,
            matches: "a name in 's before a name-verb (said) or the end of its phrase, or before a name closed by a legal suffix (or, after an everyday word, by an organisation head)",
            example: "Shares fell after Quorley's said its profits would drop.", finds: "Quorley's")
        /// The chunk ends in 's.
        static var needs: ChunkNeeds { ChunkNeeds(last: [.possessive]) }

        static func propose(_ s: ChunkSite, _ out: inout Proposals) {
            let ctx = s.ctx, a = s.a, b = s.b, n = ctx.tokens.count
            guard ctx.has(s.last, .possessive), b < n, ctx.sameSentence(a, b), ctx.normalCase(a), b - a <= 3,
                  !ctx.anyToken(a, b, [.title, .role, .month, .notName, .initial]), !ctx.has(s.last, .acronym),
                  endsInApostropheS(ctx, s.last), !ctx.isPlaceName(s.last, b) else { return }
            // (isPlaceName also knows the listed organisations: "NBC's.")
            let place = ctx.isPlaceName(a, b)
            // "McDonald's Corp.", "People's Party": the name after the 's continues it.
            if let next = s.next, next.lowerBound == b, next.count <= 4, ctx.sameSentence(b, next.upperBound - 1), !place,
               !ctx.anyToken(next.lowerBound, next.upperBound, [.title, .role, .month]) {
                let suffix = ctx.longest(.legalSuffixes, from: next.upperBound - 1, limit: next.upperBound, caseSensitive: false)
                let legal = suffix.map { !ctx.lexicon.legalSuffixes.field($0.entries.lowerBound, 2, equals: "y") } ?? false
                // An organisation in 's owns the name after it ("Rutgers University's Eagleton Institute").
                let everyday = ctx.has(s.last, .word) && !ctx.hasAny(s.last, [.firstName, .commonSurname, .orgHead]) && !ctx.has(a, .firstName)
                if legal && !ctx.anyToken(a, b, .demonym) && !(b - a >= 2 && ctx.has(a, .firstName))
                    || everyday && ctx.has(next.upperBound - 1, .orgHead) {
                    out.add(a, next.upperBound, score: Score.possessiveNameExtended)
                    return
                }
            }
            guard !ctx.anyToken(a, b, .demonym), !(b - a >= 2 && ctx.has(a, .firstName)), !place else { return }
            // The end of the phrase also ends an elliptical possessive, and people are
            // compared so ("more detailed than Pennock's."): there, only a name that is
            // no first name or surname.
            let phraseEnds = (ctx.isPunct(b, 0x2C) || ctx.isPunct(b, 0x2E) || ctx.isPunct(b, 0x3B) || ctx.isPunct(b, 0x5F))
                && !ctx.anyToken(a, b, [.firstName, .surname])
            let speaks = ctx.tokens[b].shape == .lower && ctx.isA(b, .nameVerb)
            if phraseEnds || speaks {
                out.add(a, b, score: Score.possessiveName, form: .possessiveName)
            }
        }

        /// Whether word token `i` ends in 's (’s), not in a bare apostrophe ("Workers'").
        static func endsInApostropheS(_ ctx: EntityContext, _ i: Int) -> Bool {
            let t = ctx.tokens[i]
            return t.end - ctx.nameEnd(i) >= 2
        }
    }

    /// A bare acronym in running text after "the", with a possessive or before a speech verb: a weak guess.
    struct Acronym: ChunkRule {
        static let rule = EntityRule("acronym", .organization, matches: "a bare acronym after the, with a possessive or before a speech verb",
            example: "A spokesman for the KPD declined to comment.", finds: "KPD")
        /// The chunk is the acronym.
        static var needs: ChunkNeeds { ChunkNeeds(first: [.acronym]) }

        static func propose(_ s: ChunkSite, _ out: inout Proposals) {
            let ctx = s.ctx, a = s.a, b = s.b
            if b - a == 1, ctx.has(a, .acronym), ctx.normalCase(a), !ctx.hasAny(a, [.notName, .title, .demonym, .word]),
               ctx.isA(a - 1, .definiteArticle) || ctx.has(a, .possessive) || b < ctx.tokens.count && ctx.has(b, .speech) && ctx.tokens[b].shape == .lower {
                out.add(a, b, score: Score.acronym)
            }
        }
    }

    // MARK: - Refinements

    /// "Norwest Corp. said": an abbreviated legal form keeps its full stop, unless that
    /// stop also ends the sentence ("shares of Norwest Corp."). Runs over the ORG
    /// candidates proposed from `first` on.
    static func keepAbbreviationStops(_ ctx: EntityContext, _ out: inout [Candidate], from first: Int) {
        for k in first..<out.count where out[k].label == .organization {
            let e = out[k].end
            guard e < ctx.tokens.count, ctx.isA(e - 1, .abbreviatedLegalForm), ctx.isPunct(e, 0x2E),
                  !ctx.tokens[e].flags.contains(.spaceBefore),
                  // In a line of capitals the sentences are guessed, and the stop stays ("FDCH, INC. AND").
                  ctx.capsSentence[e - 1] || e + 1 < ctx.tokens.count && ctx.sameSentence(e, e + 1) else { continue }
            out[k].end = e + 1
        }
    }

    // MARK: - Shared parts

    /// A capitalised word in the plural ("Marlins", "Blue Jays"), not a possessive, not an
    /// event ("the Olympics", "the Games").
    static func isPluralName(_ ctx: EntityContext, _ i: Int) -> Bool {
        let t = ctx.tokens[i]
        guard t.kind == .word, t.shape == .title, !ctx.has(i, .possessive), t.length >= 4 else { return false }
        let bytes = ctx.document.utf8
        let e = Int(t.end)
        guard bytes[e - 1] == 0x73, bytes[e - 2] != 0x73, bytes[e - 2] != 0x27 else { return false }
        return !ctx.isA(i, .eventPlural)
    }

    /// Whether the name at `a..<b` plays: a result verb after it ("beat", "drew") or before it,
    /// or "v" before it ("against" is said of players as often as of sides).
    static func playsHere(_ ctx: EntityContext, _ a: Int, _ b: Int) -> Bool {
        if b < ctx.tokens.count, ctx.sameSentence(a, b), ctx.tokens[b].shape == .lower, ctx.isA(b, .resultVerb) {
            return true
        }
        if let p = ctx.previous(a), ctx.tokens[p].shape == .lower, ctx.isA(p, [.resultVerb, .versus]) { return true }
        return false
    }

    /// Whether `a..<b` is a country's name or alias ("Sweden", "UK").
    static func isCountry(_ ctx: EntityContext, _ a: Int, _ b: Int) -> Bool {
        ctx.longest(.countries, from: a, limit: b)?.end == b || ctx.longestPhrase(.countryAlias, from: a, limit: b, caseSensitive: true)?.end == b
    }

    /// Whether `a..<b`, one side of an "&", is a country or a region that is no person's
    /// name ("Trinidad & Tobago", but not "Douglas & Lomason").
    static func isPlacePart(_ ctx: EntityContext, _ a: Int, _ b: Int) -> Bool {
        if ctx.longest(.countries, from: a, limit: b)?.end == b { return true }
        if ctx.longestPhrase(.countryAlias, from: a, limit: b, caseSensitive: true)?.end == b { return true }
        return ctx.longest(.regions, from: a, limit: b)?.end == b && !ctx.anyToken(a, b, [.firstName, .surname])
    }

    /// The long form an acronym in brackets stands for: "University of Southern Indiana (USI)",
    /// "Korean People's Army [KPA]". Walking back from the opening bracket, each capitalised
    /// word gives its initial and lower-case function words ("of", "and", "for", "the") are
    /// passed over, until the initials spell the acronym. A place ("United States (US)"), a
    /// title ("Chief Executive Officer (CEO)") or a version number ("Explorer 9 (IE9)") is no
    /// organisation. Looks back at most a few words per letter.
    static func definedName(_ ctx: EntityContext, acronym i: Int) -> Range<Int>? {
        guard ctx.has(i, .acronym), i >= 2, i + 1 < ctx.tokens.count,
              ctx.isPunct(i - 1, 0x28) && ctx.isPunct(i + 1, 0x29) || ctx.isPunct(i - 1, 0x5B) && ctx.isPunct(i + 1, 0x5D) else { return nil }
        let letters = ctx.capitals(i)
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
                guard ctx.isA(k, .acronymFiller) else { return nil }
            } else if !(ctx.isPunct(k, 0x26) || ctx.isPunct(k, 0x2D) || t.kind == .number && k < end - 1) {
                return nil
            }
            k -= 1
        }
        guard matched == 0, k >= 0 else { return nil }
        if ctx.anyToken(k, end, [.title, .role]) { return nil }
        // A place is no organisation; a known organisation is ("Press Association (PA)").
        if ctx.isPlaceName(k, end) && ctx.longestPhrase(.orgKnown, from: k, limit: end, caseSensitive: true)?.end != end { return nil }
        return k..<end
    }

    /// Whether `a..<b` is a person's name in full: a first name, then at least a surname
    /// ("Tamsin Pike"), which no side, company or club is named.
    static func isPersonsFullName(_ ctx: EntityContext, _ a: Int, _ b: Int) -> Bool {
        b - a >= 2 && ctx.has(a, .firstName) && ctx.has(b - 1, .surname)
    }

    /// Whether `a..<b` reads as a place, a person or a nationality rather than an organisation's name.
    static func namesSomethingElse(_ ctx: EntityContext, _ a: Int, _ b: Int) -> Bool {
        if ctx.anyToken(a, b, [.title, .role, .demonym, .notName, .month]) || ctx.has(b - 1, .surname) { return true }
        let article = b - a >= 2 && ctx.isA(a, .foreignArticle)
        if ctx.anyToken(article ? a + 1 : a, b, .firstName) { return true }
        if ctx.isPlaceName(a, b) { return true }
        return (a..<b).contains { ctx.startsGazetteerPlace($0, limit: b) }
    }

    /// Lower-case nouns after a name that make it an organisation's: "the Scientology
    /// organization", "the Sea Org group", "the Tanjug news agency".
    static func isOrganizationNoun(_ ctx: EntityContext, _ i: Int) -> Bool {
        ctx.isA(i, .organizationNoun) || ctx.isA(i, .newsNoun) && ctx.isA(i + 1, .agencyNoun)
    }

    /// A single word that is more likely an adjective of religion, people or region than a name:
    /// "-an", "-ic", "-ish", "-ese", "-ist" endings and a few short forms ("Serb", "Moslem", "Sunni").
    static func isGroupAdjective(_ ctx: EntityContext, _ i: Int) -> Bool {
        ctx.endsWith(i, oneOf: ctx.lexicon.groupAdjectiveEndings, stem: 2) || ctx.isA(i, .groupAdjective)
    }

    // MARK: - The table

    /// The ORG rules, in the order they propose for each chunk.
    static func table<Each: RuleVisitor>(_ each: inout Each) {
        each.visit(KnownOrganization.self)
        each.visit(SeatOfPowerActor.self)
        each.visit(KnownCompany.self)
        each.visit(LegalSuffix.self)
        each.visit(CommaLegalSuffix.self)
        each.visit(AmpersandName.self)
        each.visit(OrganizationHead.self)
        each.visit(HeadOfName.self)
        each.visit(OrdinalName.self)
        each.visit(AcronymDefinition.self)
        each.visit(OrganizationNoun.self)
        each.visit(OrganizationApposition.self)
        each.visit(MemberOf.self)
        each.visit(Employer.self)
        each.visit(SportsResult.self)
        each.visit(SportsSide.self)
        each.visit(SportsPluralName.self)
        each.visit(TeamRole.self)
        each.visit(CompanyPossession.self)
        each.visit(PossessiveName.self)
        each.visit(Acronym.self)
    }

    /// The rules' descriptions, in table order.
    static let rules = RuleList.of(table)
}
