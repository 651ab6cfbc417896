/// PERSON rules: title or honorific + name ("Pc Keith Palmer"); known first name +
/// capitalised name(s); initials ("J. K. Rowling"); apposition with an age or a role
/// ("Khalid Masood, 52,", "Neil Basu, the Met’s head of …"); the subject of a speech
/// cue ("…, Smith said"); a role word before the name. The table ``rules`` at the end
/// lists them in the order they propose.
enum PersonRules {
    /// How strongly each rule's evidence supports a name (0–100).
    enum Score {
        static let titleName = 88
        static let roleBeforeNames = 70
        static let roleBeforeOneName = 56
        static let firstNameSurname = 82
        /// A known first name before a capitalised word that is no English word.
        static let firstNameUnknownWord = 74
        /// A frequent first name before an English word ("Bill Gates").
        static let commonFirstNameWord = 58
        /// Taken off in a headline or a lower-case document.
        static let outOfCasePenalty = 10
        /// Taken off when the first name is also a frequent English word ("Will", "Rose").
        static let commonWordPenalty = 12
        static let initials = 80
        static let appositionAge = 76
        static let roleAfterNames = 68
        static let roleAfterOneName = 60
        static let roleBeforeCommaNames = 64
        static let roleBeforeCommaOneName = 56
        static let speechSubjectNames = 60
        static let speechSubjectOneName = 52
        /// Added when the name has a known first name or surname.
        static let speechSubjectKnownBonus = 6
        static let nameCountry = 78
        /// Above a side before a score ("sports-result").
        static let scorecardPlayer = 62
        static let unknownPair = 45
        /// An unknown pair with a lower-case syllable after a hyphen ("Leung Yiu-chung").
        static let unknownPairSyllable = 60
        static let nameShape = 50
        /// Above a city that is also a surname ("London, Jack") and a city before a comma.
        static let invertedName = 72
        /// Above the given name and surname read on their own.
        static let quotedNickname = 84
    }

    /// Tokens that stop a name: heads of organisation and place names, and words never names.
    static let stop: TokenFeatures = [.orgHead, .facility, .street, .geoHead, .notName, .title, .demonym]

    // MARK: - Rules

    /// A title or honorific, then up to four name words ("Pc Keith Palmer", "Dr. Amara Okonkwo").
    struct TitleName: ChunkRule {
        static let rule = EntityRule("title-name", .person, matches: "a title or honorific, then up to four name words",
            example: "Yesterday Pc Keith Palmer arrived.", finds: "Keith Palmer")
        /// The name follows a title of the chunk.
        static var needs: ChunkNeeds { ChunkNeeds(some: [.title]) }

        static func propose(_ s: ChunkSite, _ out: inout Proposals) {
            let ctx = s.ctx, a = s.a, b = s.b
            var lastTitle = -1
            // A word that only opens a title ("Foreign", "Health") needs the rest of it:
            // up to two words may follow before the title proper ("Foreign Affairs
            // Minister"); "Foreign Affairs" alone is no title before a name.
            var openPart = false
            var k = a
            while k < b {
                if ctx.has(k, .title) { lastTitle = k; openPart = ctx.isA(k, .titlePart) } else if ctx.isPunct(k, 0x2E) {
                } else if openPart && k - lastTitle <= 2 {
                } else if lastTitle >= 0 { break } else if k - a >= 2 { break }
                k += 1
            }
            guard lastTitle >= 0, !openPart, k < b else { return }
            let end = nameEnd(ctx, from: k, limit: b, max: 4)
            // "General Uselessness", "PC Optimum Points": a title before English words that
            // are no names names a thing.
            if end > k && !ctx.isPlaceName(k, end) && !namedAfterPerson(ctx, k, end, chunkEnd: b) && !englishWordsOnly(ctx, k, end) {
                out.add(k, end, score: Score.titleName)
            }
        }
    }

    /// A lower-case role word before the name: "striker Alan Shearer", "eyewitness Ewalina Ochab".
    struct RoleName: ChunkRule {
        static let rule = EntityRule("role-name", .person, matches: "a lower-case role noun before a name",
            example: "The goal came from striker Kowalczyk Zbrojny.", finds: "Kowalczyk Zbrojny")
        /// The word before the chunk is a role or a title.
        static var needs: ChunkNeeds { ChunkNeeds(before: [.role, .title]) }

        static func propose(_ s: ChunkSite, _ out: inout Proposals) {
            let ctx = s.ctx, a = s.a, b = s.b
            guard let p = ctx.previous(a), ctx.tokens[p].shape == .lower, ctx.hasAny(p, [.role, .title]) else { return }
            let end = nameEnd(ctx, from: a, limit: b, max: 4)
            if end > a && !ctx.isPlaceName(a, end) && !(end - a == 1 && ctx.hasAny(a, [.word, .demonym]) && !ctx.hasAny(a, [.firstName, .surname]) && qualifiesRole(ctx, end)) {
                out.add(a, end, score: end - a >= 2 ? Score.roleBeforeNames : Score.roleBeforeOneName)
            }
        }
    }

    /// Whether a lower-case role noun follows the name at `end`, at once or after one
    /// more lower-case word: a single English word or nationality word that is no first name or surname
    /// then qualifies the role ("former Liberal premier", "former Conservative finance
    /// critic") and names no one; a surname or a word no list knows there still names
    /// a person ("a former Clinton aide", "a former Obama adviser").
    static func qualifiesRole(_ ctx: EntityContext, _ end: Int) -> Bool {
        for k in end..<min(end + 2, ctx.tokens.count) {
            guard ctx.sameSentence(end, k), ctx.tokens[k].kind == .word, ctx.tokens[k].shape == .lower else { return false }
            if ctx.hasAny(k, [.role, .title]) { return true }
        }
        return false
    }

    /// A known first name, then up to three capitalised names, scored by what the last one is.
    struct FirstName: ChunkRule {
        static let rule = EntityRule("first-name", .person, matches: "a known first name, then up to three capitalised names",
            example: "The report was written by Margaret Hollis.", finds: "Margaret Hollis")
        /// The name opens with a first name of the chunk.
        static var needs: ChunkNeeds { ChunkNeeds(some: [.firstName]) }

        static func propose(_ s: ChunkSite, _ out: inout Proposals) {
            let ctx = s.ctx, a = s.a, b = s.b
            // "Der Spiegel", "Le Matin": a foreign article opening a name is no first name.
            for i in a..<b where ctx.has(i, .firstName) && !ctx.hasAny(i, stop) && !(i + 1 < b && ctx.isA(i, .foreignArticle)) {
                // "Jean-Michel Monin": a first name glued by a hyphen to a capitalised part
                // is one given name; the surname follows the whole of it.
                let hyphenated = hyphenatedGivenName(ctx, i, limit: b)
                let given = hyphenated ?? i + 1
                let end = nameEnd(ctx, from: given, limit: b, max: 3, opened: true)
                // "Kel-Tec PF-9": after a hyphenated given name, a surname in capitals is a model's name.
                if hyphenated != nil, end > given, ctx.tokens[end - 1].shape == .upper { continue }
                guard end > given, !ctx.isPlaceName(i, end), !namedAfterPerson(ctx, i, end, chunkEnd: b), !afterArticle(ctx, i, end) else { continue }
                let lastName = end - 1
                // "Victoria Park", "Trent Bridge": a surname that is also a place's head
                // closes a name after a first name only where the head is a geographic one
                // and the first name is no place ("Anthony Hill", "Tiger Woods").
                if end == given + 1, !headSurnameCloses(ctx, i, lastName) { continue }
                // "My Home", "Food And Wine": a first name that is an everyday word before
                // another everyday word names a title or a phrase, unless that word is a
                // frequent surname ("Will Smith", "Bill Gates").
                if ctx.has(i, .common), ctx.has(lastName, .word), !ctx.has(lastName, .commonSurname) { continue }
                var score: Int
                if ctx.has(lastName, .surname) { score = Score.firstNameSurname } else if !ctx.has(lastName, .word) { score = Score.firstNameUnknownWord } else {
                    // "Ford Fiesta": a rarer first name before an ordinary word is no evidence.
                    guard ctx.has(i, .commonFirstName) else { continue }
                    score = Score.commonFirstNameWord
                }
                if !ctx.normalCase(i) {
                    guard ctx.has(lastName, .surname) || !ctx.has(lastName, .word) else { continue }
                    score -= Score.outOfCasePenalty
                }
                if ctx.has(i, .common) { score -= Score.commonWordPenalty }
                out.add(i, end, score: score)
            }
        }
    }

    /// The end of a given name opened by the first name at `i` and glued by a hyphen
    /// to a capitalised part that is a first name too or no English word
    /// ("Jean-Michel", "Joe-Max", "Shi-Ting"), or nil. A lower-case part ("Jean-based"),
    /// an English word ("Non-Callable") or a spaced hyphen makes no given name.
    static func hyphenatedGivenName(_ ctx: EntityContext, _ i: Int, limit: Int) -> Int? {
        let h = i + 1, part = i + 2
        guard part < limit, ctx.isPunct(h, 0x2D), !ctx.tokens[h].flags.contains(.spaceBefore), !ctx.tokens[part].flags.contains(.spaceBefore),
              ctx.tokens[part].kind == .word, ctx.tokens[part].shape == .title,
              ctx.has(part, .firstName) || !ctx.has(part, .word) else { return nil }
        return part + 1
    }

    /// Initials with their full stops, then a name: "J. K. Rowling".
    struct InitialsName: ChunkRule {
        static let rule = EntityRule("initials-name", .person, matches: "initials with full stops, then a name",
            example: "The novel by J. K. Rowling sold well.", finds: "J. K. Rowling")
        /// The chunk opens with an initial.
        static var needs: ChunkNeeds { ChunkNeeds(first: [.initial]) }

        static func propose(_ s: ChunkSite, _ out: inout Proposals) {
            let ctx = s.ctx, a = s.a, b = s.b
            guard ctx.has(a, .initial), ctx.isPunct(a + 1, 0x2E) else { return }
            var i = a
            while i + 1 < b, ctx.has(i, .initial), ctx.isPunct(i + 1, 0x2E) { i += 2 }
            let end = nameEnd(ctx, from: i, limit: b, max: 2, opened: true)
            if i > a, end > i, end > i + 1 || !ctx.hasAny(i, [.facility, .street, .geoHead]) || ctx.has(i, .commonSurname) && !ctx.hasAny(i, [.facility, .street]) {
                out.add(a, end, score: Score.initials)
            }
        }
    }

    /// The whole chunk after any leading titles or roles, when it reads as one name of
    /// up to four words in ordinary case and spells no place: what the context rules
    /// below weigh (``ChunkSite/bareName``, computed once per chunk on first use: the
    /// rules ask for it after their own, cheaper, evidence).
    static func bareName(_ site: ChunkSite) -> Range<Int>? {
        let ctx = site.ctx, a = site.a, b = site.b
        var s = a
        while s < b - 1, ctx.hasAny(s, [.title, .role]) || ctx.isPunct(s, 0x2E) { s += 1 }
        let end = nameEnd(ctx, from: s, limit: b, max: 4)
        guard end == b, end > s, ctx.normalCase(s) else { return nil }
        if ctx.isPlaceName(s, end) { return nil }
        return s..<end
    }

    /// ", 52," — an age in apposition.
    struct AppositionAge: ChunkRule {
        static let rule = EntityRule("apposition-age", .person, matches: "a name, then an age between commas",
            example: "The driver, Kasprzak Wolny, 52, was named.", finds: "Kasprzak Wolny")
        /// A comma follows the chunk.
        static var needs: ChunkNeeds { ChunkNeeds(afterPunct: 0x2C) }

        static func propose(_ site: ChunkSite, _ out: inout Proposals) {
            let ctx = site.ctx, b = site.b
            if b + 2 < ctx.tokens.count, ctx.isPunct(b, 0x2C), ctx.tokens[b + 1].kind == .number, ctx.isPunct(b + 2, 0x2C) || ctx.isPunct(b + 2, 0x29),
               let name = site.bareName {
                out.add(name.lowerBound, name.upperBound, score: Score.appositionAge)
            }
        }
    }

    /// ", the Met’s head of counter-terrorism," — a role in apposition after the name;
    /// "Our Home Affairs Correspondent, Lizzie Dearden," — a role before it.
    struct AppositionRole: ChunkRule {
        static let rule = EntityRule("apposition-role", .person, matches: "a name with a role in apposition after or before it",
            example: "Haddad-Kettani, the council’s head of planning, agreed.", finds: "Haddad-Kettani")
        /// A comma follows the chunk or comes right before it.
        static var needs: ChunkNeeds { ChunkNeeds(besidePunct: 0x2C) }

        static func propose(_ site: ChunkSite, _ out: inout Proposals) {
            let ctx = site.ctx, a = site.a, b = site.b
            if ctx.isPunct(b, 0x2C), roleFollows(ctx, b + 1), let name = site.bareName {
                out.add(name.lowerBound, name.upperBound, score: name.count == 1 ? Score.roleAfterOneName : Score.roleAfterNames)
            }
            if let p = ctx.previous(a), ctx.isPunct(p, 0x2C), let q = ctx.previous(p), ctx.hasAny(q, [.role]), let name = site.bareName {
                out.add(name.lowerBound, name.upperBound, score: name.count == 1 ? Score.roleBeforeCommaOneName : Score.roleBeforeCommaNames)
            }
        }
    }

    /// "Smith said", "said Smith."
    struct SpeechSubject: ChunkRule {
        static let rule = EntityRule("speech-subject", .person, matches: "a name before or after a speech verb",
            example: "“No,” said Oduya.", finds: "Oduya")
        /// A speech verb comes right before or after the chunk.
        static var needs: ChunkNeeds { ChunkNeeds(beside: [.speech]) }

        static func propose(_ site: ChunkSite, _ out: inout Proposals) {
            let ctx = site.ctx, a = site.a, b = site.b, n = ctx.tokens.count
            let speechAfter = b < n && ctx.sameSentence(a, b) && ctx.tokens[b].shape == .lower && ctx.has(b, .speech) && !ctx.has(b, .prep)
            var speechBefore = false
            if let p = ctx.previous(a), ctx.tokens[p].shape == .lower, ctx.has(p, .speech), !ctx.has(p, .prep) {
                speechBefore = b >= n || !ctx.sameSentence(a, b) || ctx.tokens[b].kind == .punctuation
            }
            guard speechAfter || speechBefore, let name = site.bareName else { return }
            let s = name.lowerBound, end = name.upperBound
            let single = name.count == 1
            if single && !singleNameShape(ctx, s) { return }
            // "Veterans Affairs said".
            if englishWordsOnly(ctx, s, end) { return }
            let known = ctx.has(s, .firstName) || ctx.has(end - 1, .surname)
            out.add(s, end, score: (single ? Score.speechSubjectOneName : Score.speechSubjectNames) + (known ? Score.speechSubjectKnownBonus : 0))
        }
    }

    /// Whether a single word, the subject of a speech verb, can be a person's name:
    /// not after "the" ("the Bureau said"), not an acronym ("PBO added", "told MPs":
    /// capitals, with or without a plural s), not a word with a capital inside after
    /// four letters or more ("TechCrunch reported"; the short prefixes of surnames,
    /// "McCallum", "MacNeil", "DeLaet", stay names).
    static func singleNameShape(_ ctx: EntityContext, _ i: Int) -> Bool {
        if let p = ctx.previous(i), ctx.isA(p, .definiteArticle) { return false }
        guard ctx.normalCase(i) else { return true }
        let t = ctx.tokens[i]
        let bytes = ctx.document.utf8
        let start = Int(t.start), end = Int(ctx.nameEnd(i))
        var capitals = 0, smalls = 0, innerCapital = false
        for k in start..<end {
            let b = bytes[k]
            if b &- 0x41 < 26 {
                capitals += 1
                if k - start >= 4 && smalls > 0 { innerCapital = true }
            } else if b &- 0x61 < 26 { smalls += 1 }
        }
        if innerCapital { return false }
        let last = end > start ? bytes[end - 1] : 0
        if capitals >= 2 && (smalls == 0 || smalls == 1 && last == 0x73 && capitals == end - start - 1) { return false }
        return true
    }

    /// "Bernd Karbacher ( Germany )": a name with a country in brackets.
    struct NameCountry: ChunkRule {
        static let rule = EntityRule("name-country", .person, matches: "a name with a country in brackets",
            example: "Seeded first was Bernd Karbacher (Germany).", finds: "Bernd Karbacher")
        /// A bracket follows the chunk.
        static var needs: ChunkNeeds { ChunkNeeds(afterPunct: 0x28) }

        static func propose(_ site: ChunkSite, _ out: inout Proposals) {
            let ctx = site.ctx, b = site.b
            if b + 2 < ctx.tokens.count, ctx.isPunct(b, 0x28), let name = site.bareName, let m = ctx.countryAt(b + 1), ctx.isPunct(m, 0x29),
               name.count > 1 || ctx.has(name.lowerBound, .surname) {
                out.add(name.lowerBound, name.upperBound, score: Score.nameCountry)
            }
        }
    }

    /// A cricket scorecard in a sports report: "c Tamworth b Ellingham 23", "st Ravel",
    /// "Bowling: Ellingham 8-1-30-2". A name after a dismissal (`dismissal-word` in
    /// `entities/words.tsv`, in lower case) or before bowling figures (overs, maidens,
    /// runs and wickets joined by hyphens) is a player, not a side before a score.
    struct ScorecardPlayer: ChunkRule {
        static let rule = EntityRule("scorecard-player", .person,
            matches: "in a sports report, a name after a dismissal (c, b, st, lbw) or before bowling figures (8-1-30-2)",
            example: "CRICKET - KESTREL WIN.\nThe scores in the match on Friday:\nOrrin Pale c Tamworth b Ellingham 23\nJ. Moss not out 40",
            finds: "Ellingham")
        /// Only in a sports report.
        static var needs: ChunkNeeds { ChunkNeeds(sports: true) }

        static func propose(_ site: ChunkSite, _ out: inout Proposals) {
            let ctx = site.ctx, a = site.a, b = site.b
            guard ctx.sportsDocument, ctx.normalCase(a), let name = site.bareName, name.lowerBound == a, name.upperBound == b else { return }
            let afterDismissal = a > 0 && ctx.tokens[a - 1].shape == .lower && ctx.isA(a - 1, .dismissalWord) && ctx.sameSentence(a - 1, a)
            if afterDismissal || bowlingFigures(ctx, at: b) {
                out.add(a, b, score: Score.scorecardPlayer)
            }
        }

        /// Whether the text at token `i` reads as bowling figures: four numbers joined
        /// by hyphens, the first with an optional decimal ("6.5-1-23-4").
        static func bowlingFigures(_ ctx: EntityContext, at i: Int) -> Bool {
            guard i < ctx.tokens.count, ctx.tokens[i].kind == .number else { return false }
            let bytes = ctx.document.utf8
            var k = Int(ctx.tokens[i].start)
            var parts = 0
            while parts < 4 {
                let start = k
                while k < bytes.count, bytes[k] >= 0x30, bytes[k] <= 0x39 { k += 1 }
                if parts == 0, k < bytes.count, bytes[k] == 0x2E { k += 1; while k < bytes.count, bytes[k] >= 0x30, bytes[k] <= 0x39 { k += 1 } }
                guard k > start else { return false }
                parts += 1
                if parts < 4 { guard k < bytes.count, bytes[k] == 0x2D else { return false }; k += 1 }
            }
            return k >= bytes.count || !(bytes[k] >= 0x30 && bytes[k] <= 0x39) && bytes[k] != 0x2D
        }
    }

    /// "Pellow, Margaret. The Quiet Harbour": in a list (a reading list, a
    /// bibliography), a surname, a comma and the given names, at the start of a line or
    /// after "and" that closes the entry before; the entry ends with a full stop, a
    /// semicolon, "and" or the line.
    struct InvertedName: ChunkRule {
        static let rule = EntityRule("inverted-name", .person,
            matches: "at the start of a line of a list, a surname, a comma and first names, closed by a full stop, a semicolon, and or the line",
            example: "Further reading:\nPellow, Margaret. The Quiet Harbour\nOrvald, Tomas and Brine, Edith. Letters", finds: "Pellow, Margaret")
        /// A comma follows the surname.
        static var needs: ChunkNeeds { ChunkNeeds(afterPunct: 0x2C) }

        static func propose(_ site: ChunkSite, _ out: inout Proposals) {
            let ctx = site.ctx, a = site.a, b = site.b, n = ctx.tokens.count
            let given = b + 1
            guard given < n, ctx.isPunct(b, 0x2C), ctx.sameSentence(b, given), ctx.has(given, .firstName), ctx.normalCase(a),
                  opensListEntry(ctx, a), nameEnd(ctx, from: a, limit: b, max: 2) == b, !ctx.anyToken(a, b, stop),
                  !ctx.tokens[given].flags.contains(.lineBreakBefore), ctx.chunkEnd[given] > 0 else { return }
            let givenEnd = Int(ctx.chunkEnd[given])
            // "Stephanie, Caroline": a first name that is no surname opens no inverted name;
            // "RICHMOND, Va.": a dateline in capitals, a state after the comma.
            guard !(ctx.has(b - 1, .firstName) && !ctx.has(b - 1, .surname)), (a..<b).allSatisfy({ ctx.tokens[$0].shape != .upper }),
                  !ctx.isA(given, .abbreviatedPlace) else { return }
            // "Salem, Virginia": a given name that is also a place is the place; "O'Meara,
            // Fred Couples": a full name after the comma is the next entry of a list of
            // names. The given names are first names.
            guard nameEnd(ctx, from: given, limit: givenEnd, max: 3) == givenEnd, !ctx.anyToken(given, givenEnd, stop),
                  (given..<givenEnd).allSatisfy({ ctx.tokens[$0].kind != .word || ctx.has($0, .firstName) }),
                  !ctx.startsTownOrRegion(given, limit: givenEnd),
                  ctx.countryAt(given) == nil, closesListEntry(ctx, givenEnd) else { return }
            out.add(a, givenEnd, score: Score.invertedName)
        }

        /// Whether token `i` opens an entry of a list: it opens its line, or follows
        /// "and" after the given name of an entry ("Marx, Karl and Engels, Friedrich").
        static func opensListEntry(_ ctx: EntityContext, _ i: Int) -> Bool {
            if i == 0 || ctx.tokens[i].flags.contains(.lineBreakBefore) { return true }
            return i >= 3 && ctx.isA(i - 1, .listConjunction) && ctx.tokens[i - 1].shape == .lower && ctx.has(i - 2, .firstName)
                && ctx.isPunct(i - 3, 0x2C)
        }

        /// Whether an entry's name ends at token `i`: a full stop, a semicolon or the line
        /// follows, or "and" before the next entry's surname and comma ("Marx, Karl and
        /// Engels, Friedrich"; "Pellow, Ryan and Republican leaders" lists two people).
        static func closesListEntry(_ ctx: EntityContext, _ i: Int) -> Bool {
            if i >= ctx.tokens.count || ctx.tokens[i].flags.contains(.lineBreakBefore) { return true }
            if ctx.isPunct(i, 0x2E) || ctx.isPunct(i, 0x3B) { return true }
            return ctx.isA(i, .listConjunction) && ctx.tokens[i].shape == .lower && ctx.has(i + 1, .nameLike) && ctx.isPunct(i + 2, 0x2C)
        }
    }

    /// `Roberto "Hands of Stone" Pellow`: a nickname in double quotes between a given
    /// name and a surname belongs to the name.
    struct QuotedNickname: ChunkRule {
        static let rule = EntityRule("quoted-nickname", .person,
            matches: "a first name, a nickname of up to four words in double quotes, and a surname",
            example: "The title went to Roberto \"Hands of Stone\" Pellow in 1980.", finds: "Roberto \"Hands of Stone\" Pellow")
        /// The given name ends the chunk.
        static var needs: ChunkNeeds { ChunkNeeds(last: [.firstName]) }

        static func propose(_ site: ChunkSite, _ out: inout Proposals) {
            let ctx = site.ctx, b = site.b, n = ctx.tokens.count
            // The given name: the chunk's last word, a first name, and the first name
            // before it that is no English word ("Marine John “Tig” Pellow": the
            // Marine is a role; "Mary Ann “Skip” Pellow").
            var a = b - 1
            if a - 1 >= site.a, ctx.has(a - 1, .firstName), !ctx.has(a - 1, .word) { a -= 1 }
            guard b + 3 < n, isDoubleQuote(ctx, b), ctx.has(b - 1, .firstName), ctx.normalCase(a), !ctx.anyToken(a, b, stop) else { return }
            // The nickname: up to four words, the first capitalised, then its closing quote.
            guard ctx.tokens[b + 1].kind == .word, ctx.tokens[b + 1].shape == .title || ctx.tokens[b + 1].shape == .upper else { return }
            var close = b + 2
            while close < min(n, b + 6), ctx.tokens[close].kind == .word, ctx.sameSentence(b, close) { close += 1 }
            let surname = close + 1
            guard surname < n, isDoubleQuote(ctx, close), ctx.sameSentence(a, surname), ctx.tokens[surname].shape == .title,
                  ctx.chunkEnd[surname] > 0 else { return }
            let end = nameEnd(ctx, from: surname, limit: Int(ctx.chunkEnd[surname]), max: 2)
            guard end > surname, !ctx.isPlaceName(surname, end) else { return }
            out.add(a, end, score: Score.quotedNickname)
        }

        /// A double quotation mark, opening, closing or straight between spaces.
        static func isDoubleQuote(_ ctx: EntityContext, _ i: Int) -> Bool {
            guard let q = ctx.tokens[i].quote else { return false }
            return q.family == .double && q.role != .apostrophe
        }
    }

    /// Two capitalised words known to no list, not at a sentence start: most often a foreign name
    /// (a hyphenated given name counts as one word: "Leung Yiu-chung", "Hwang Hee-Chan").
    struct UnknownNamePair: ChunkRule {
        static let rule = EntityRule("unknown-name-pair", .person, matches: "two capitalised words known to no list, not opening a sentence",
            example: "The march was led by Leung Yiu-chung on Sunday.", finds: "Leung Yiu-chung")
        /// The bare name ends the chunk and has no stop word, and its first word is no English word.
        static var needs: ChunkNeeds { ChunkNeeds(someLacks: [.word], lastLacks: PersonRules.stop) }

        static func propose(_ site: ChunkSite, _ out: inout Proposals) {
            // Two words take two tokens at least.
            guard site.b - site.a >= 2, let name = site.bareName else { return }
            let ctx = site.ctx
            let s = name.lowerBound, end = name.upperBound
            guard nameWords(ctx, s, end) == 2, !ctx.tokens[s].flags.contains(.sentenceInitial), ctx.tokens[s].shape == .title, !afterArticle(ctx, s, end),
                  ctx.tokens[s + 1].shape == .title,
                  !ctx.hasAny(s, [.word, .demonym, .particle]) && !ctx.hasAny(s + 1, [.word, .demonym]),
                  !ctx.anyToken(s, end, stop), ctx.longest(.cities, from: s, limit: end) == nil,
                  ctx.longest(.cities, from: s + 1, limit: end) == nil, ctx.longest(.regions, from: s, limit: end) == nil else { return }
            // A given name with a lower-case syllable after its hyphen ("Yiu-chung") is hardly anything else.
            let syllable = (s + 1..<end).contains { ctx.tokens[$0].shape == .lower }
            out.add(s, end, score: syllable ? Score.unknownPairSyllable : Score.unknownPair)
        }
    }

    /// Two or three name-shaped words ending in a known surname.
    struct NameShape: ChunkRule {
        static let rule = EntityRule("name-shape", .person, matches: "two or three name-shaped words ending in a known surname",
            example: "Tickets went to Zorvath Brennan on Monday.", finds: "Zorvath Brennan")
        /// The bare name ends the chunk in a surname and has no stop word, and its first word is no English word.
        static var needs: ChunkNeeds { ChunkNeeds(someLacks: [.word], last: [.surname], lastLacks: PersonRules.stop) }

        static func propose(_ site: ChunkSite, _ out: inout Proposals) {
            // The name ends where the chunk does.
            guard site.ctx.has(site.b - 1, .surname), let name = site.bareName else { return }
            let ctx = site.ctx
            let s = name.lowerBound, end = name.upperBound
            let words = nameWords(ctx, s, end)
            if words >= 2 && words <= 3 && !(s..<end).contains(where: { ctx.isPunct($0, 0x26) }) || end - s == 3 && words == 1,
               ctx.has(end - 1, .surname), !ctx.has(s, .word), !ctx.anyToken(s, end, stop), !afterArticle(ctx, s, end) {
                out.add(s, end, score: Score.nameShape)
            }
        }
    }

    // MARK: - Shared parts

    /// Whether the surname at `last`, right after the first name at `first`, closes the
    /// name where it is also a place's head (``nameEnd(_:from:limit:max:opened:)``): a
    /// frequent surname ("Hill", "Woods"; not "Valley", "Mountain") that heads no
    /// facility or street ("Bridge"), after a first name that is no country, region or
    /// city ("Victoria", "Jordan").
    static func headSurnameCloses(_ ctx: EntityContext, _ first: Int, _ last: Int) -> Bool {
        guard ctx.hasAny(last, [.facility, .street, .geoHead]) else { return true }
        if ctx.hasAny(last, [.facility, .street]) || !ctx.has(last, .commonSurname) { return false }
        return !ctx.startsGazetteerPlace(first, limit: first + 1)
    }

    /// Extends a name from `i` over name tokens (initials with their full stops,
    /// glued hyphens, particles) up to `max` words; returns the end. `opened`: a first
    /// name or initials come before `i`, so that a surname that is also a place's head
    /// may close the name at once ("Anthony | Hill", "A. | Dale").
    static func nameEnd(_ ctx: EntityContext, from i: Int, limit: Int, max: Int, opened: Bool = false) -> Int {
        var end = i
        var words = 0
        var k = i
        while k < limit, words < max {
            let t = ctx.tokens[k]
            if t.kind == .punctuation {
                // A full stop after an initial, or a glued hyphen, continues the name.
                if k + 1 < limit && k > i { k += 1; continue }
                break
            }
            if t.shape == .lower && k > i && !t.flags.contains(.spaceBefore) && ctx.isPunct(k - 1, 0x2D) {
                k += 1; end = k; continue   // "Cheuk-yan"
            }
            if words > 0 || k > i, ctx.isA(k, .generationSuffix), t.shape != .lower {
                // "Martin Luther King Jr.", "Pasco Bowman II": the generation closes the name, with its stop.
                end = k + 1
                if end < ctx.tokens.count, ctx.isPunct(end, 0x2E), !ctx.tokens[end].flags.contains(.spaceBefore) { end += 1 }
                break
            }
            if ctx.hasAny(k, stop) {
                // A surname that is also a place head ends a name: "Anthony Hill", "Michael Green".
                let last = k + 1 >= limit || !ctx.has(k + 1, .nameLike) || ctx.isA(k + 1, .generationSuffix)
                // A title that is also a surname, closing a name after a first name, is the
                // surname: "Martin Luther King", "Douglas Cardinal", "John Major" (surname-title).
                let titleSurname = ctx.has(k, .title) && k > 0 && (words > 0 || ctx.has(k - 1, .firstName) && !ctx.has(k - 1, .title))
                    && !ctx.hasAny(k, [.orgHead, .notName, .demonym])
                guard k > i || opened || titleSurname, last, ctx.has(k, .surname), titleSurname || !ctx.hasAny(k, [.orgHead, .notName, .title, .demonym]) else { break }
            }
            if t.kind != .word { break }
            // "Regina Ip In the …": a capitalised function word after a name starts the next phrase.
            if k > i, ctx.has(k, .common), ctx.hasAny(k, [.prep, .speech]) { break }
            if t.shape == .lower && !ctx.has(k, .particle) && ctx.normalCase(k) { break }
            words += 1
            k += 1
            if t.shape != .lower || !ctx.normalCase(k - 1) { end = k }
        }
        return end
    }

    /// Whether the name in `a..<b` is a place, an organisation or an event named after
    /// a person ("Walter Barnes International", "Jasper Corley Park", "Dakota Silver
    /// Arrow"): a name followed, in its chunk (which ends at `chunkEnd`), by the head of
    /// a place or an organisation ("King Aldric Station"), or
    /// three or more name words whose last is the head of a place or an organisation
    /// (even one that is also a surname, which ``nameEnd`` lets through), or an
    /// English word after a surname or another English word. A person's middle name is
    /// seldom an English word, and a surname is seldom followed by one inside a name.
    static func namedAfterPerson(_ ctx: EntityContext, _ a: Int, _ b: Int, chunkEnd: Int) -> Bool {
        // "King Aldric Station", "Henry Pellow Hospital": the name runs on into a head.
        if b < chunkEnd && ctx.hasAny(b, [.orgHead, .facility, .street, .geoHead]) { return true }
        guard nameWords(ctx, a, b) >= 3 else { return false }
        let last = b - 1
        guard ctx.tokens[last].kind == .word else { return false }
        if ctx.hasAny(last, [.orgHead, .facility, .street, .geoHead]) { return true }
        guard ctx.has(last, .word) else { return false }
        var before = last - 1
        while before > a && ctx.tokens[before].kind != .word { before -= 1 }
        guard ctx.tokens[before].kind == .word, !ctx.has(before, .initial) else { return false }
        return ctx.has(before, .word) || !ctx.has(last, .surname) && ctx.has(before, .surname)
    }

    /// Whether the name in `i..<end` comes right after "the" and ends its phrase (a
    /// stop, a capitalised word, a speech verb, or a function word of the classes
    /// prep, list-conjunction, acronym-filler, apposition-opener or membership-link —
    /// "at", "and", "for", "of", "who" — follows):
    /// "the Webequie First Nation for …", "the West Indies, who", "the Arnold Palmer
    /// Invitational at …" name a community, a place or an event; a person's name seldom
    /// takes the article (a title or an adjective comes between: "the late Walter
    /// Barnes"), except before the noun it qualifies ("the Walter Barnes case", "the
    /// Walter Barnes-led council").
    static func afterArticle(_ ctx: EntityContext, _ i: Int, _ end: Int) -> Bool {
        guard let p = ctx.previous(i), ctx.isA(p, .definiteArticle) else { return false }
        if end < ctx.tokens.count, ctx.sameSentence(i, end), ctx.tokens[end].kind == .word, ctx.tokens[end].shape == .lower,
           !ctx.hasAny(end, [.prep, .speech]), !ctx.isA(end, [.listConjunction, .acronymFiller, .appositionOpener, .membershipLink]) {
            return false
        }
        // "the Walter Barnes-led council": the name opens a compound adjective.
        if end < ctx.tokens.count, ctx.isPunct(end, 0x2D), !ctx.tokens[end].flags.contains(.spaceBefore) { return false }
        return true
    }

    /// Whether every word of `a..<b` is an English word with no first-name or surname
    /// reading ("Rural Affairs", "Optimum Points"): no person's name.
    static func englishWordsOnly(_ ctx: EntityContext, _ a: Int, _ b: Int) -> Bool {
        !(a..<b).contains { ctx.tokens[$0].kind == .word && (!ctx.has($0, .word) || ctx.hasAny($0, [.firstName, .surname])) }
    }

    /// The words of a name in `a..<b`: a part glued to the previous one by a hyphen
    /// ("Wai-ching", "Hee-Chan") does not count as a word of its own.
    static func nameWords(_ ctx: EntityContext, _ a: Int, _ b: Int) -> Int {
        var words = 0
        for k in a..<b where ctx.tokens[k].kind == .word {
            let glued = k > a && ctx.isPunct(k - 1, 0x2D) && !ctx.tokens[k].flags.contains(.spaceBefore) && !ctx.tokens[k - 1].flags.contains(.spaceBefore)
            if !glued { words += 1 }
        }
        return words
    }

    /// Whether a role noun follows within a few words ("the Met’s head", "a spokesman").
    static func roleFollows(_ ctx: EntityContext, _ i: Int) -> Bool {
        var k = i
        var steps = 0
        while k < ctx.tokens.count, steps < 6, ctx.sameSentence(i, k) {
            let t = ctx.tokens[k]
            if t.kind == .punctuation || t.kind == .number && steps > 0 { return false }
            if t.shape == .lower, ctx.has(k, .role) { return true }
            if steps == 0, t.shape == .lower, !(ctx.isA(k, .appositionOpener) || ctx.has(k, .role)) {
                return false
            }
            k += 1; steps += 1
        }
        return false
    }

    // MARK: - The table

    /// The PERSON rules, in the order they propose for each chunk.
    static func table<Each: RuleVisitor>(_ each: inout Each) {
        each.visit(TitleName.self)
        each.visit(RoleName.self)
        each.visit(FirstName.self)
        each.visit(InitialsName.self)
        each.visit(AppositionAge.self)
        each.visit(AppositionRole.self)
        each.visit(SpeechSubject.self)
        each.visit(NameCountry.self)
        each.visit(ScorecardPlayer.self)
        each.visit(UnknownNamePair.self)
        each.visit(NameShape.self)
        each.visit(InvertedName.self)
        each.visit(QuotedNickname.self)
    }

    /// The rules' descriptions, in table order.
    static let rules = RuleList.of(table)
}
