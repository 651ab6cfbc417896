/// PLACE rules: gazetteer hits (countries, regions, cities) weighed against common
/// words and sentence-initial capitals; a capitalised sequence ending in a facility,
/// street or geographic head ("Tottenham Court Road", "Westminster Bridge");
/// "Houses of Parliament"-style "head of Name"; prepositional context ("in X"); and
/// "City, Country". In sports reports, towns and countries that play are teams: the
/// rules that decide so read the gazetteer too and live here. The table ``rules`` at
/// the end lists them in the order they propose.
enum PlaceRules {
    /// How strongly each rule's evidence supports a place (0–100).
    enum Score {
        static let country = 82
        /// A country naming a larger name ("U.S. Open", "U.S. Treasury").
        static let countryModifier = 35
        static let region = 68
        /// Taken off a one-word region that is also an English word.
        static let regionWordPenalty = 25
        static let knownPlace = 78
        static let metropolis = 66
        static let city = 58
        static let town = 42
        /// Added for a city name of two or more words.
        static let longCityName = 16
        /// Taken off a one-word city name that is a frequent word / any English word.
        static let cityCommonWordPenalty = 30
        static let cityWordPenalty = 15
        /// Taken off a one-word city name that is also a first name or surname.
        static let cityPersonNamePenalty = 8
        static let townPersonNamePenalty = 20
        /// Added after a place preposition.
        static let prepositionBonus = 15
        /// Taken off a city name that is part of a longer run of capitals.
        static let partPenalty = 10
        /// Below this, a small town that is also a name or a word needs a preposition.
        static let townFloor = 30
        static let street = 74
        static let facility = 72
        static let geographicHead = 66
        static let geographicPrefix = 70
        static let station = 70
        static let headOfName = 74
        /// "D-Ore.", "Salem, Ore.": above a guess of a person's name across the hyphen.
        static let abbreviatedPlace = 72
        static let cityCommaCountry = 64
        static let sportsTeam = 79
        static let preposition = 26
        /// "in the X": weaker than "in X".
        static let prepositionArticle = 18
        /// Countries at least this well supported may be national teams.
        static let nationalTeamFloor = 60
    }

    /// Population from which a city's one-word name is taken for a place even without
    /// other evidence (``EntityContext/isPlaceName(_:_:)``).
    static let bigCityPopulation: Double = 500_000
    static let metropolisPopulation: Double = 1_000_000
    static let cityPopulation: Double = 100_000

    // MARK: - Chunk facts

    /// "Russian", "South Korean": a chunk ending in a nationality adjective names no place.
    static func appliesTo(_ s: ChunkSite) -> Bool {
        !(s.ctx.has(s.b - 1, .demonym) && !s.ctx.has(s.b - 1, .surname))
    }

    /// Whether a place preposition ("in", "near", "from") comes before token `a`,
    /// possibly with "the" between.
    static func precedingContext(_ ctx: EntityContext, _ a: Int) -> PrepositionContext {
        guard let p = ctx.previous(a) else { return .none }
        if prepositionWord(ctx, p), !ctx.isA(p, .motionPreposition) { return PrepositionContext(prep: true, article: false) }
        if ctx.isA(p, .definiteArticle), let q = ctx.previous(p), prepositionWord(ctx, q) {
            return PrepositionContext(prep: true, article: true)
        }
        return .none
    }

    /// Whether token `p` is a place preposition written as one: in lower case, with a
    /// capital opening its sentence or line ("In Chicago, ..."; "At Hove: ..."), or in
    /// capitals in a headline ("KANSAS CITY AT DETROIT").
    private static func prepositionWord(_ ctx: EntityContext, _ p: Int) -> Bool {
        guard ctx.has(p, .prep) else { return false }
        switch ctx.tokens[p].shape {
        case .lower: return true
        case .title: return ctx.tokens[p].flags.contains(.sentenceInitial) || ctx.tokens[p].flags.contains(.lineBreakBefore)
        case .upper: return ctx.capsSentence[p]
        default: return false
        }
    }

    /// The tokens of a chunk a gazetteer rule may start at.
    private static func gazetteerStart(_ ctx: EntityContext, _ i: Int) -> Bool {
        ctx.features[i].contains(.nameLike) && !ctx.hasAny(i, [.notName, .month])
    }

    // MARK: - Rules

    /// A country (Models/places/countries.tsv).
    struct GazetteerCountry: ChunkRule {
        static let rule = EntityRule("gazetteer-country", .place, matches: "a country's name",
            example: "Talks were held in Portugal.", finds: "Portugal")
        /// Some token may start a country's name.
        static var needs: ChunkNeeds { ChunkNeeds.walk(.countries) }

        static func propose(_ s: ChunkSite, _ out: inout Proposals) {
            let ctx = s.ctx
            for i in s.a..<s.b where gazetteerStart(ctx, i) {
                guard let m = ctx.longest(.countries, from: i, limit: s.b) else { continue }
                let iso = ctx.lexicon.countries.field(m.entries.lowerBound, 2) ?? ""
                out.add(i, m.end, score: modifierScore(ctx, m.end, s.b, Score.country), type: .country, canonical: ctx.keep(ctx.lexicon.countryNames[iso]))
            }
        }
    }

    /// A common alias of a country (US, UK, Britain: places/exonyms.tsv, kind country or nation).
    struct GazetteerCountryAlias: ChunkRule {
        static let rule = EntityRule("gazetteer-country-alias", .place, matches: "a common alias of a country (US, UK, Britain)",
            example: "Prices rose in Britain last year.", finds: "Britain")
        /// The alias is a listed phrase.
        static var needs: ChunkNeeds { ChunkNeeds(some: [.phraseStart]) }

        static func propose(_ s: ChunkSite, _ out: inout Proposals) {
            let ctx = s.ctx
            // An alias is a listed phrase: only a token that starts some phrase opens one.
            for i in s.a..<s.b where gazetteerStart(ctx, i) && ctx.features[i].contains(.phraseStart) {
                guard let (end, e) = ctx.longestPhrase(.countryAlias, from: i, limit: s.b, caseSensitive: ctx.normalCase(i)) else { continue }
                let iso = ctx.lexicon.phrases.field(e, 3) ?? "-"
                out.add(i, end, score: modifierScore(ctx, end, s.b, Score.country), type: .country, canonical: ctx.keep(ctx.lexicon.countryNames[iso]))
            }
        }
    }

    /// A first-level region (Models/places/regions.tsv).
    struct GazetteerRegion: ChunkRule {
        static let rule = EntityRule("gazetteer-region", .place, matches: "a first-level region (state, province)",
            example: "Floods hit Limburg overnight.", finds: "Limburg")
        /// Some token may start a region's name.
        static var needs: ChunkNeeds { ChunkNeeds.walk(.regions) }

        static func propose(_ s: ChunkSite, _ out: inout Proposals) {
            let ctx = s.ctx
            for i in s.a..<s.b where gazetteerStart(ctx, i) {
                guard let m = ctx.longest(.regions, from: i, limit: s.b) else { continue }
                // A one-word region that is also a nationality word names the people
                // ("a Somali aid worker", "Somali elders": the Somali Region aside).
                if m.end - i == 1 && ctx.has(i, .demonym) { continue }
                var score = Score.region
                if m.end - i == 1 && ctx.has(i, .word) { score -= Score.regionWordPenalty }
                out.add(i, m.end, score: score, type: .region)
            }
        }
    }

    /// A well-known place that is no country, region or city (places/exonyms.tsv continents and regions; cues.tsv `placeknown`: rivers, seats of power).
    struct KnownPlace: ChunkRule {
        static let rule = EntityRule("known-place", .place, matches: "a well-known place that is no country, region or city (continents, seas)",
            example: "Exports to Africa grew.", finds: "Africa")
        /// The place is a listed phrase.
        static var needs: ChunkNeeds { ChunkNeeds(some: [.phraseStart]) }

        static func propose(_ s: ChunkSite, _ out: inout Proposals) {
            let ctx = s.ctx
            // A known place is a listed phrase: only a token that starts some phrase opens one.
            for i in s.a..<s.b where gazetteerStart(ctx, i) && ctx.features[i].contains(.phraseStart) {
                guard let (end, e) = ctx.longestPhrase(.placeKnown, from: i, limit: s.b, caseSensitive: ctx.normalCase(i)) else { continue }
                // A known place inside a longer name with a head is not the name ("Victoria Tower Gardens").
                if end < s.b && ctx.hasAny(s.last, [.street, .facility, .geoHead, .orgHead]) { continue }
                out.add(i, end, score: Score.knownPlace, type: ctx.keep(ctx.lexicon.phrases.field(e, 3)))
            }
        }
    }

    /// A city (Models/places/cities.tsv), scored by population and weighed against words and names.
    struct GazetteerCity: ChunkRule {
        static let rule = EntityRule("gazetteer-city", .place, matches: "a city, weighed by population against words and names",
            example: "The meeting took place in Rotterdam.", finds: "Rotterdam")
        /// Some token may start a city's name.
        static var needs: ChunkNeeds { ChunkNeeds.walk(.cities) }

        static func propose(_ s: ChunkSite, _ out: inout Proposals) {
            let ctx = s.ctx
            for i in s.a..<s.b where gazetteerStart(ctx, i) {
                guard let m = ctx.longest(.cities, from: i, limit: s.b) else { continue }
                let whole = i == s.a
                let population = ctx.lexicon.cities.number(m.entries.lowerBound, 3)
                var score = population >= metropolisPopulation ? Score.metropolis : population >= cityPopulation ? Score.city : Score.town
                if m.end - i >= 2 { score += Score.longCityName }
                if m.end - i == 1 {
                    if ctx.has(i, .common) { score -= Score.cityCommonWordPenalty } else if ctx.has(i, .word) { score -= Score.cityWordPenalty }
                    if ctx.has(i, .firstName) || ctx.has(i, .surname) {
                        score -= population >= cityPopulation ? Score.cityPersonNamePenalty : Score.townPersonNamePenalty
                    }
                }
                if whole && s.before.prep { score += Score.prepositionBonus }
                if m.end - i == 1 && population < cityPopulation && ctx.hasAny(i, [.firstName, .surname]) && !(whole && s.before.prep) { continue }
                if !(whole && m.end == s.b) { score -= Score.partPenalty }
                // A small town that is also a name or a word needs a preposition.
                if score < Score.townFloor && !(whole && s.before.prep) { continue }
                out.add(i, m.end, score: score, type: .city)
            }
        }
    }

    /// "Tottenham Court Road": a name ending in a street head.
    struct StreetHead: ChunkRule {
        static let rule = EntityRule("street-head", .place, matches: "a name ending in a street head",
            example: "Shops on Tottenham Court Road closed.", finds: "Tottenham Court Road")
        /// The chunk ends in a street head.
        static var needs: ChunkNeeds { ChunkNeeds(last: [.street]) }

        static func propose(_ s: ChunkSite, _ out: inout Proposals) {
            let ctx = s.ctx
            if s.b - s.a >= 2, ctx.has(s.last, .street), !ctx.has(s.a, .title) {
                out.add(s.a, s.b, score: Score.street, type: .street)
            }
        }
    }

    /// "Westminster Bridge": a name ending in a facility head; "Westminster Tube station".
    struct FacilityHead: ChunkRule {
        static let rule = EntityRule("facility-head", .place, matches: "a name ending in a facility head, or before station",
            example: "Crowds gathered on Westminster Bridge.", finds: "Westminster Bridge")

        static func propose(_ s: ChunkSite, _ out: inout Proposals) {
            let ctx = s.ctx, a = s.a, b = s.b
            if b - a >= 2, !ctx.has(s.last, .street), ctx.has(s.last, .facility), !ctx.has(a, .title) {
                out.add(a, b, score: Score.facility, type: .facility)
            }
            if b < ctx.tokens.count, ctx.tokens[b].shape == .lower, ctx.isA(b, .stationNoun), ctx.sameSentence(a, b) {
                out.add(a, b + 1, score: Score.station, type: .facility)
            }
        }
    }

    /// "River Thames" is found by its prefix; "Loch Ness Lake", "Pennine Hills": a name ending in a geographic head.
    struct GeographicHead: ChunkRule {
        static let rule = EntityRule("geographic-head", .place, matches: "a name ending in a geographic head",
            example: "Hikers crossed the Pennine Hills.", finds: "Pennine Hills")
        /// The chunk ends in a geographic head.
        static var needs: ChunkNeeds { ChunkNeeds(last: [.geoHead]) }

        static func propose(_ s: ChunkSite, _ out: inout Proposals) {
            let ctx = s.ctx
            if s.b - s.a >= 2, !ctx.hasAny(s.last, [.street, .facility]), ctx.has(s.last, .geoHead), !ctx.has(s.a, .title) {
                out.add(s.a, s.b, score: Score.geographicHead, type: .other)
            }
        }
    }

    /// "Mount Kilimanjaro", "Lake Placid": a geographic noun opening the name.
    struct GeographicPrefix: ChunkRule {
        static let rule = EntityRule("geographic-prefix", .place, matches: "a name opened by Mount, Lake or Cape",
            example: "They climbed Mount Kilimanjaro in June.", finds: "Mount Kilimanjaro")
        /// The chunk opens with a geographic prefix.
        static var needs: ChunkNeeds { ChunkNeeds(first: [.geoPre]) }

        static func propose(_ s: ChunkSite, _ out: inout Proposals) {
            let ctx = s.ctx
            if s.b - s.a >= 2, ctx.features[s.a].contains(.geoPre), ctx.isA(s.a, .featureOpener) {
                out.add(s.a, s.b, score: Score.geographicPrefix, type: .other)
            }
        }
    }

    /// "Houses of Parliament", "Gulf of Mexico": a facility or geographic head, of, and a name.
    struct HeadOfName: ChunkRule {
        static let rule = EntityRule("head-of-name", .place, matches: "a facility or geographic head, of, and a name",
            example: "Protesters marched to the Houses of Parliament.", finds: "Houses of Parliament")
        /// "of" follows the chunk.
        static var needs: ChunkNeeds { ChunkNeeds(afterClass: .nameOf) }

        static func propose(_ s: ChunkSite, _ out: inout Proposals) {
            let ctx = s.ctx, last = s.last
            if let next = s.next, ctx.isA(s.b, .nameOf), next.lowerBound == s.b + 1,
               ctx.hasAny(last, [.facility, .geoHead]) || ctx.isA(last, .pluralOfHead) {
                out.add(s.a, next.upperBound, score: Score.headOfName, type: ctx.has(last, .geoHead) ? .other : .facility, form: .headOfName)
            }
        }
    }

    /// "Springfield, Illinois": a place before a comma and a country or region.
    struct CityCommaCountry: ChunkRule {
        static let rule = EntityRule("city-comma-country", .place, matches: "a name before a comma and a country or region",
            example: "He grew up in Brackenfield, Ohio.", finds: "Brackenfield")
        /// A comma follows the chunk.
        static var needs: ChunkNeeds { ChunkNeeds(afterPunct: 0x2C) }

        static func propose(_ s: ChunkSite, _ out: inout Proposals) {
            let ctx = s.ctx, a = s.a, b = s.b
            guard let next = s.next, ctx.isPunct(b, 0x2C), next.lowerBound == b + 1, ctx.sameSentence(a, b + 1) else { return }
            let country = ctx.longest(.countries, from: next.lowerBound, limit: next.upperBound)
            let alias = ctx.longestPhrase(.countryAlias, from: next.lowerBound, limit: next.upperBound, caseSensitive: true)
            let region = ctx.longest(.regions, from: next.lowerBound, limit: next.upperBound)
            // "Salem, Ore.": a state abbreviated with its stop is a region too.
            let abbreviated = next.count == 1 && ctx.isA(next.lowerBound, .abbreviatedPlace) && ctx.isPunct(next.upperBound, 0x2E)
                && !ctx.tokens[next.upperBound].flags.contains(.spaceBefore)
            // "President Daniel arap Moi, Kenya's ruler": a country in 's owns what follows,
            // and the name before the comma is in apposition to it, no town of it, unless
            // a place preposition makes it a place ("in Java, Indonesia's main island").
            if country?.end == next.upperBound || alias?.end == next.upperBound || region?.end == next.upperBound || abbreviated,
               b - a <= 3, !ctx.anyToken(a, b, [.title, .orgHead]), !ctx.has(next.upperBound - 1, .possessive) || s.before.prep {
                out.add(a, b, score: Score.cityCommaCountry, type: .city)
            }
        }
    }

    /// "Salem, Ore., said", "Sen. Ann Cole, D-Ore.": an abbreviated state or province
    /// written with its stop (`places/exonyms.tsv`: "Ore.", "Calif.") after a name and a
    /// comma, or after a party's initial and a hyphen (the American way of naming a
    /// lawmaker's state). Elsewhere "Miss." or "Ind." may be anything.
    struct AbbreviatedPlace: ChunkRule {
        static let rule = EntityRule("abbreviated-place", .place,
            matches: "a place abbreviated with its stop (Ore., Calif.) after a name and a comma, or after a party initial and a hyphen",
            example: "Sen. Ann Cole, D-Ore., voted against the bill.", finds: "Ore.")
        /// Some token is an abbreviated place.
        static var needs: ChunkNeeds { ChunkNeeds(someClass: .abbreviatedPlace) }

        static func propose(_ s: ChunkSite, _ out: inout Proposals) {
            let ctx = s.ctx
            for k in s.a..<s.b where ctx.isA(k, .abbreviatedPlace) && ctx.tokens[k].shape == .title {
                guard k + 1 < ctx.tokens.count, ctx.isPunct(k + 1, 0x2E), !ctx.tokens[k + 1].flags.contains(.spaceBefore), k >= 2 else { continue }
                let afterComma = ctx.isPunct(k - 1, 0x2C) && ctx.sameSentence(k - 2, k) && ctx.tokens[k - 2].kind == .word && ctx.tokens[k - 2].shape != .lower
                let afterParty = ctx.isPunct(k - 1, 0x2D) && !ctx.tokens[k - 1].flags.contains(.spaceBefore) && !ctx.tokens[k].flags.contains(.spaceBefore)
                    && ctx.tokens[k - 2].kind == .word && ctx.tokens[k - 2].length == 1 && ctx.tokens[k - 2].shape != .lower
                if afterComma || afterParty {
                    out.add(k, k + 1, score: Score.abbreviatedPlace, type: .region)
                }
            }
        }
    }

    /// In a sports report, a club named after its town: "Ajax Amsterdam", "Werder Bremen".
    struct SportsTeam: ChunkRule {
        static let rule = EntityRule("sports-team", .organization,
            matches: "in a sports report, a club named after its town, or a town outside a place phrase",
            example: "SOCCER - DUTCH LEAGUE.\nSparta Rotterdam beat Feyenoord 2-0 in the league on Sunday and the coach praised the goals.",
            finds: "Sparta Rotterdam")
        /// Only in a sports report.
        static var needs: ChunkNeeds { ChunkNeeds(sports: true) }

        static func propose(_ s: ChunkSite, _ out: inout Proposals) {
            let ctx = s.ctx, a = s.a, b = s.b
            guard ctx.sportsDocument, b - a >= 2, !ctx.anyToken(a, b, [.title, .role, .demonym, .orgHead]), !s.before.prep else { return }
            let townFirst = ctx.startsTownOrRegion(a, limit: b)
            var hasTown = townFirst
            if !hasTown {
                for i in (a + 1)..<b where ctx.longest(.cities, from: i, limit: b)?.end == b { hasTown = true; break }
            }
            // "Mark Cairns", "Bob Kennedy": a town only at the end, after a first name or as a surname, is a player.
            let personLike = ctx.has(a, .firstName) && !ctx.has(a, .word) || ctx.has(a, .initial)
                || !townFirst && (ctx.has(a, .firstName) || ctx.has(b - 1, .surname))
            if hasTown && !personLike && !isDateline(ctx, a, b) {
                out.add(a, b, score: Score.sportsTeam)
            }
        }
    }

    /// "in X", "at the Oval": a weak guess the resolver lets anything better override.
    /// An acronym alone ("at USI", "near KPA posts") is more often an organisation: no guess.
    struct PlacePreposition: ChunkRule {
        static let rule = EntityRule("place-preposition", .place, matches: "a short name after a place preposition: a weak guess",
            example: "She was born in Quillhaven.", finds: "Quillhaven")

        static func propose(_ s: ChunkSite, _ out: inout Proposals) {
            let ctx = s.ctx, a = s.a, b = s.b
            if s.before.prep && ctx.normalCase(a) && !ctx.anyToken(a, b, [.title, .orgHead, .notName, .month, .demonym]) && b - a <= 3
                && !(b - a == 1 && ctx.has(a, .acronym)) {
                out.add(a, b, score: s.before.article ? Score.prepositionArticle : Score.preposition)
            }
        }
    }

    // MARK: - Refinements

    /// "Memphis, Tenn., said": a place that ends in an abbreviation keeps the full stop
    /// written after it, as the abbreviation's own ("Tenn."), also where the stop ends the
    /// sentence. Runs over the final mentions, whichever rule found them.
    static func keepAbbreviationStops(_ ctx: EntityContext, _ mentions: inout [Candidate]) {
        for k in mentions.indices where mentions[k].label == .place {
            let e = mentions[k].end
            guard e < ctx.tokens.count, ctx.isA(e - 1, .abbreviatedPlace), ctx.isPunct(e, 0x2E),
                  !ctx.tokens[e].flags.contains(.spaceBefore) else { continue }
            mentions[k].end = e + 1
        }
    }

    /// Drops places glued to a hyphenated adjective ("U.S.-led", "pro-Beijing"): run
    /// over the candidates of one chunk, from `first` on.
    static func dropAdjectives(_ ctx: EntityContext, _ out: inout [Candidate], from first: Int) {
        var k = first
        while k < out.count {
            let c = out[k]
            // "pro-Beijing", "anti-EU": a prefix glued to the name makes an adjective.
            if c.start >= 2, ctx.isPunct(c.start - 1, 0x2D), !ctx.tokens[c.start - 1].flags.contains(.spaceBefore),
               !ctx.tokens[c.start].flags.contains(.spaceBefore), ctx.tokens[c.start - 2].kind == .word,
               ctx.tokens[c.start - 2].shape == .lower || ctx.isA(c.start - 2, .adjectivePrefix) {
                out.remove(at: k); continue
            }
            if c.end < ctx.tokens.count, ctx.isPunct(c.end, 0x2D), !ctx.tokens[c.end].flags.contains(.spaceBefore),
               c.end + 1 < ctx.tokens.count, ctx.tokens[c.end + 1].shape == .lower, !ctx.tokens[c.end + 1].flags.contains(.spaceBefore) {
                out.remove(at: k); continue
            }
            k += 1
        }
    }

    /// In a sports report, a town or region outside a prepositional phrase, a dateline
    /// or a venue heading is a team (the rule "sports-team"): run over the candidates of
    /// one chunk, from `first` on.
    static func townTeams(_ ctx: EntityContext, _ out: inout [Candidate], from first: Int, prep: Bool) {
        guard ctx.sportsDocument else { return }
        for k in first..<out.count {
            let c = out[k]
            if c.type == .city || c.type == .region, !prep, !isDateline(ctx, c.start, c.end), !isVenueHeading(ctx, c.start, c.end),
               !(c.start > 0 && ctx.isPunct(c.start - 1, 0x28)),
               // "Tampa, Fla.": a state abbreviated with its stop names no team.
               !(ctx.isA(c.end - 1, .abbreviatedPlace) && ctx.isPunct(c.end, 0x2E)) {
                out[k].label = .organization
                out[k].type = nil
                out[k].rule = SportsTeam.rule.name
            }
        }
    }

    /// National teams: in a sports report, a country that plays ("Sweden beat Korea 1-0",
    /// "Tunisia's goalkeeper", "the lead for Belgium", "against Panama") is a team, an
    /// organisation, and so is every other mention of that country in the report except
    /// after a place preposition ("at the stadium in Russia") or in a dateline. A score
    /// alone ("Germany 2 Italy 1" in a results table) is not taken as evidence.
    /// This is a convention choice: CoNLL-2003 labels national teams LOC, GUM labels
    /// them ORG; a team is an organisation. Measured (CoNLL testa / GUM news micro F1):
    /// without the rule 83.9 / 74.4; this rule 81.6 / 78.1; only where the context is
    /// local 82.7 / 75.8; with scores as evidence too 80.9 / 78.1.
    static func nationalTeams(_ ctx: EntityContext, _ out: inout [Candidate], from first: Int) {
        guard ctx.sportsDocument else { return }
        func isCountry(_ c: Candidate) -> Bool { c.label == .place && c.type == .country && c.score >= Score.nationalTeamFloor }
        func key(_ c: Candidate) -> [UInt64] { (c.start..<c.end).filter { ctx.tokens[$0].kind == .word }.map { ctx.wordHash($0) } }
        var teams: Set<[UInt64]> = []
        for k in first..<out.count where isCountry(out[k]) && countryPlays(ctx, out[k].start, out[k].end) {
            teams.insert(key(out[k]))
        }
        guard !teams.isEmpty else { return }
        for k in first..<out.count where isCountry(out[k]) && teams.contains(key(out[k])) {
            let c = out[k]
            if precedingContext(ctx, c.start).prep || isDateline(ctx, c.start, c.end) || !ctx.normalCase(c.start) && !countryPlays(ctx, c.start, c.end)
                || isCountryOfName(ctx, c.start, c.end) { continue }
            out[k].label = .organization
            out[k].type = nil
            out[k].rule = nationalTeamRule.name
        }
    }

    /// "Marion Clignet ( France )", "Thomas Enqvist of Sweden", "Nijmeh of Lebanon":
    /// a country in brackets right after a name, or after a name and "of"
    /// (`affiliation-link`), is where the player or the club comes from, not the
    /// country's team, even where that team plays elsewhere in the report.
    static func isCountryOfName(_ ctx: EntityContext, _ a: Int, _ b: Int) -> Bool {
        guard a >= 2, ctx.sameSentence(a - 2, a) else { return false }
        if ctx.isPunct(a - 1, 0x28), ctx.isPunct(b, 0x29), ctx.has(a - 2, .nameLike) { return true }
        return ctx.tokens[a - 1].shape == .lower && ctx.isA(a - 1, .affiliationLink) && ctx.has(a - 2, .nameLike)
    }

    // MARK: - Shared parts

    /// A country naming a larger name ("U.S. Open", "U.S. Treasury") is weak evidence of a place.
    private static func modifierScore(_ ctx: EntityContext, _ end: Int, _ chunkEnd: Int, _ score: Int) -> Int {
        end < chunkEnd && ctx.hasAny(end, [.notName, .orgHead, .sport]) ? Score.countryModifier : score
    }

    /// Whether the country at `a..<b` is playing: a result verb after it, a player or
    /// coach of it, or a match word before it.
    static func countryPlays(_ ctx: EntityContext, _ a: Int, _ b: Int) -> Bool {
        let n = ctx.tokens.count
        // "against India's Leander Paes": the country of a player, not a team.
        if ctx.has(b - 1, .possessive), b < n, ctx.has(b, .nameLike) { return false }
        // "Sweden defeated", "Belgium faced", "Tunisia's goalkeeper"
        if b < n, ctx.sameSentence(a, b), ctx.tokens[b].shape == .lower, ctx.isA(b, .teamWord) || ctx.has(b - 1, .possessive) && ctx.has(b, .sport) {
            return true
        }
        if let p = ctx.previous(a), ctx.tokens[p].shape == .lower {
            // "defeated Panama", "faced England", "against Panama", "the lead for Belgium"
            if ctx.isA(p, [.teamWord, .opposingPreposition, .versus]) { return true }
            if ctx.isA(p, .teamPreposition), let q = ctx.previous(p), ctx.has(q, .sport) || ctx.isA(q, .leadNoun) { return true }
        }
        return false
    }

    /// "Leicester : Leicestershire beat Somerset": a town alone before a colon heading a line
    /// of results is where the match was played.
    static func isVenueHeading(_ ctx: EntityContext, _ start: Int, _ end: Int) -> Bool {
        guard ctx.tokens[start].flags.contains(.lineBreakBefore), ctx.isPunct(end, 0x3A), end + 1 < ctx.tokens.count else { return false }
        return !ctx.tokens[end + 1].flags.contains(.lineBreakBefore)
    }

    /// "LONDON 1996-08-30": a place opening a line before a date.
    static func isDateline(_ ctx: EntityContext, _ start: Int, _ end: Int) -> Bool {
        guard ctx.tokens[start].flags.contains(.lineBreakBefore) || start == 0, end < ctx.tokens.count else { return false }
        let first = ctx.document.utf8[Int(ctx.tokens[end].start)]
        return first >= 0x30 && first <= 0x39 && ctx.tokens[end].length >= 4 || ctx.isPunct(end, 0x2C)
    }

    // MARK: - The table

    /// The PLACE rules, in the order they propose for each chunk.
    static func table<Each: RuleVisitor>(_ each: inout Each) {
        each.visit(GazetteerCountry.self)
        each.visit(GazetteerCountryAlias.self)
        each.visit(GazetteerRegion.self)
        each.visit(KnownPlace.self)
        each.visit(GazetteerCity.self)
        each.visit(StreetHead.self)
        each.visit(FacilityHead.self)
        each.visit(GeographicHead.self)
        each.visit(GeographicPrefix.self)
        each.visit(HeadOfName.self)
        each.visit(CityCommaCountry.self)
        each.visit(AbbreviatedPlace.self)
        each.visit(SportsTeam.self)
        each.visit(PlacePreposition.self)
    }

    /// The rules' descriptions, in table order.
    static let rules = RuleList.of(table)

    /// "national-team": a country that plays in a sports report, and its other mentions there.
    static let nationalTeamRule = EntityRule(
        "national-team", .organization, matches: "in a sports report, a country that plays, and its other mentions",
        example: "SOCCER - WORLD CUP QUALIFIER.\nSweden beat Korea 1-0 in the qualifier and the coach praised the goal.", finds: "Sweden")

    /// The rule that relabels places after they are proposed and is no chunk rule
    /// (``SportsTeam`` also relabels towns: ``townTeams(_:_:from:prep:)``).
    static let relabels: [EntityRule] = [nationalTeamRule]
}
