/// PERSON candidates: title or honorific + name ("Pc Keith Palmer"); known first
/// name + capitalised name(s); initials ("J. K. Rowling"); apposition with an age
/// or a role ("Khalid Masood, 52,", "Neil Basu, the Met’s head of …"); the
/// subject of a speech cue ("…, Smith said"); a role word before the name.
struct PersonRecognizer: EntityCandidateRecognizer {
    /// Tokens that stop a name: heads of organisation and place names, and words never names.
    static let stop: TokenFeatures = [.orgHead, .facility, .street, .geoHead, .notName, .title, .demonym]

    func propose(_ ctx: EntityContext, into out: inout [Candidate]) {
        let n = ctx.tokens.count
        for chunk in ctx.chunks {
            let a = chunk.lowerBound, b = chunk.upperBound
            // Title + name.
            var lastTitle = -1
            var k = a
            while k < b {
                if ctx.has(k, .title) { lastTitle = k } else if ctx.isPunct(k, 0x2E) {
                } else if lastTitle >= 0 { break } else if k - a >= 2 { break }
                k += 1
            }
            if lastTitle >= 0, k < b {
                let end = nameEnd(ctx, from: k, limit: b, max: 4)
                if end > k && !isPlaceName(ctx, k, end) {
                    out.append(Candidate(start: k, end: end, label: .person, score: 88, rule: "title-name"))
                }
            }
            // Role word before the name: "striker Alan Shearer", "eyewitness Ewalina Ochab".
            if let p = ctx.previous(a), ctx.tokens[p].shape == .lower, ctx.hasAny(p, [.role, .title]) {
                let end = nameEnd(ctx, from: a, limit: b, max: 4)
                if end > a && !isPlaceName(ctx, a, end) {
                    out.append(Candidate(start: a, end: end, label: .person, score: end - a >= 2 ? 70 : 56, rule: "role-name"))
                }
            }
            // First name + name(s).
            // "Der Spiegel", "Le Matin": a foreign article opening a name is no first name.
            for i in a..<b where ctx.has(i, .firstName) && !ctx.hasAny(i, PersonRecognizer.stop)
                && !(i + 1 < b && OrganizationRecognizer.foreignArticles.contains(ctx.keys, i)) {
                let end = nameEnd(ctx, from: i + 1, limit: b, max: 3)
                guard end > i + 1, !isPlaceName(ctx, i, end) else { continue }
                let lastName = end - 1
                var score: Int
                if ctx.has(lastName, .surname) { score = 82 } else if !ctx.has(lastName, .word) { score = 74 } else {
                    // "Ford Fiesta": a rarer first name before an ordinary word is no evidence.
                    guard ctx.has(i, .commonFirstName) else { continue }
                    score = 58
                }
                if !ctx.normalCase(i) {
                    guard ctx.has(lastName, .surname) || !ctx.has(lastName, .word) else { continue }
                    score -= 10
                }
                if ctx.has(i, .common) { score -= 12 }
                out.append(Candidate(start: i, end: end, label: .person, score: score, rule: "first-name"))
            }
            // Initials: "J. K. Rowling".
            if ctx.has(a, .initial), ctx.isPunct(a + 1, 0x2E) {
                var i = a
                while i + 1 < b, ctx.has(i, .initial), ctx.isPunct(i + 1, 0x2E) { i += 2 }
                let end = nameEnd(ctx, from: i, limit: b, max: 2)
                if i > a, end > i { out.append(Candidate(start: a, end: end, label: .person, score: 80, rule: "initials-name")) }
            }
            // Context around the whole chunk (after any leading titles or roles).
            var s = a
            while s < b - 1, ctx.hasAny(s, [.title, .role]) || ctx.isPunct(s, 0x2E) { s += 1 }
            let end = nameEnd(ctx, from: s, limit: b, max: 4)
            guard end == b, end > s, ctx.normalCase(s) else { continue }
            if isPlaceName(ctx, s, end) { continue }
            let single = end - s == 1
            // ", 52," — an age in apposition.
            if b + 2 < n, ctx.isPunct(b, 0x2C), ctx.tokens[b + 1].kind == .number, ctx.isPunct(b + 2, 0x2C) || ctx.isPunct(b + 2, 0x29) {
                out.append(Candidate(start: s, end: end, label: .person, score: 76, rule: "apposition-age"))
            }
            // ", the Met’s head of counter-terrorism," — a role in apposition.
            if ctx.isPunct(b, 0x2C), roleFollows(ctx, b + 1) {
                out.append(Candidate(start: s, end: end, label: .person, score: single ? 60 : 68, rule: "apposition-role"))
            }
            // "Our Home Affairs Correspondent, Lizzie Dearden," — a role before.
            if let p = ctx.previous(a), ctx.isPunct(p, 0x2C), let q = ctx.previous(p), ctx.hasAny(q, [.role]) {
                out.append(Candidate(start: s, end: end, label: .person, score: single ? 56 : 64, rule: "apposition-role"))
            }
            // "Smith said", "said Smith."
            let speechAfter = b < n && ctx.sameSentence(a, b) && ctx.tokens[b].shape == .lower && ctx.has(b, .speech) && !ctx.has(b, .prep)
            var speechBefore = false
            if let p = ctx.previous(a), ctx.tokens[p].shape == .lower, ctx.has(p, .speech), !ctx.has(p, .prep) {
                speechBefore = b >= n || !ctx.sameSentence(a, b) || ctx.tokens[b].kind == .punctuation
            }
            if speechAfter || speechBefore, !(single && ctx.has(s, .word) && !ctx.hasAny(s, [.firstName, .surname])) {
                let known = ctx.has(s, .firstName) || ctx.has(end - 1, .surname)
                out.append(Candidate(start: s, end: end, label: .person, score: (single ? 52 : 60) + (known ? 6 : 0), rule: "speech-subject"))
            }
            // "Bernd Karbacher ( Germany )": a name with a country in brackets.
            if b + 2 < n, ctx.isPunct(b, 0x28), let m = countryAt(ctx, b + 1), ctx.isPunct(m, 0x29), !single || ctx.has(s, .surname) {
                out.append(Candidate(start: s, end: end, label: .person, score: 78, rule: "name-country"))
            }
            // Two capitalised words known to no list, not at a sentence start: most often a foreign name
            // (a hyphenated given name counts as one word: "Leung Yiu-chung", "Hwang Hee-Chan").
            let words = nameWords(ctx, s, end)
            if words == 2, !ctx.tokens[s].flags.contains(.sentenceInitial), ctx.tokens[s].shape == .title, ctx.tokens[s + 1].shape == .title,
               !ctx.hasAny(s, [.word, .demonym, .particle]) && !ctx.hasAny(s + 1, [.word, .demonym]),
               !ctx.anyToken(s, end, PersonRecognizer.stop), ctx.longest(.cities, from: s, limit: end) == nil,
               ctx.longest(.cities, from: s + 1, limit: end) == nil, ctx.longest(.regions, from: s, limit: end) == nil {
                // A given name with a lower-case syllable after its hyphen ("Yiu-chung") is hardly anything else.
                let syllable = (s + 1..<end).contains { ctx.tokens[$0].shape == .lower }
                out.append(Candidate(start: s, end: end, label: .person, score: syllable ? 60 : 45, rule: "unknown-name-pair"))
            }
            // Two or three name-shaped words ending in a known surname.
            if words >= 2 && words <= 3 && !(s..<end).contains(where: { ctx.isPunct($0, 0x26) }) || end - s == 3 && words == 1,
               ctx.has(end - 1, .surname), !ctx.has(s, .word), !ctx.anyToken(s, end, PersonRecognizer.stop) {
                out.append(Candidate(start: s, end: end, label: .person, score: 50, rule: "name-shape"))
            }
        }
    }

    /// Extends a name from `i` over name tokens (initials with their full stops,
    /// glued hyphens, particles) up to `max` words; returns the end.
    func nameEnd(_ ctx: EntityContext, from i: Int, limit: Int, max: Int) -> Int {
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
            if ctx.hasAny(k, PersonRecognizer.stop) {
                // A surname that is also a place head ends a name: "Anthony Hill", "Michael Green".
                let last = k + 1 >= limit || !ctx.has(k + 1, .nameLike)
                guard k > i, last, ctx.has(k, .surname), !ctx.hasAny(k, [.orgHead, .notName, .title, .demonym]) else { break }
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

    /// The words of a name in `a..<b`: a part glued to the previous one by a hyphen
    /// ("Wai-ching", "Hee-Chan") does not count as a word of its own.
    func nameWords(_ ctx: EntityContext, _ a: Int, _ b: Int) -> Int {
        var words = 0
        for k in a..<b where ctx.tokens[k].kind == .word {
            let glued = k > a && ctx.isPunct(k - 1, 0x2D) && !ctx.tokens[k].flags.contains(.spaceBefore) && !ctx.tokens[k - 1].flags.contains(.spaceBefore)
            if !glued { words += 1 }
        }
        return words
    }

    /// The end of a country (or alias) starting at `i`, if one does.
    func countryAt(_ ctx: EntityContext, _ i: Int) -> Int? {
        let limit = ctx.sentenceRange(i).upperBound
        if let m = ctx.longest(.countries, from: i, limit: limit) { return m.end }
        if let (end, _) = ctx.longestCue(.countryAlias, from: i, limit: limit, caseSensitive: false) { return end }
        return nil
    }

    /// Whether tokens `a..<b` spell a country, a region or a big city.
    func isPlaceName(_ ctx: EntityContext, _ a: Int, _ b: Int) -> Bool {
        let lex = ctx.lexicon
        if ctx.longest(.countries, from: a, limit: b)?.end == b { return true }
        if ctx.longestCue(.countryAlias, from: a, limit: b, caseSensitive: true)?.end == b { return true }
        if ctx.longestCue(.orgKnown, from: a, limit: b, caseSensitive: true)?.end == b { return true }
        if let m = ctx.longest(.regions, from: a, limit: b), m.end == b { return true }
        if ctx.longestCue(.placeKnown, from: a, limit: b, caseSensitive: true)?.end == b { return true }
        if let m = ctx.longest(.cities, from: a, limit: b), m.end == b,
           b - a >= 2 || lex.cities.number(m.entries.lowerBound, 3) >= 500_000 && !ctx.has(a, .firstName) {
            return true
        }
        return false
    }

    /// Whether a role noun follows within a few words ("the Met’s head", "a spokesman").
    func roleFollows(_ ctx: EntityContext, _ i: Int) -> Bool {
        var k = i
        var steps = 0
        while k < ctx.tokens.count, steps < 6, ctx.sameSentence(i, k) {
            let t = ctx.tokens[k]
            if t.kind == .punctuation || t.kind == .number && steps > 0 { return false }
            if t.shape == .lower, ctx.has(k, .role) { return true }
            if steps == 0, t.shape == .lower, !(ctx.isWord(k, "the") || ctx.isWord(k, "a") || ctx.isWord(k, "an") || ctx.isWord(k, "his")
                || ctx.isWord(k, "her") || ctx.isWord(k, "its") || ctx.isWord(k, "their") || ctx.isWord(k, "our") || ctx.isWord(k, "who")
                || ctx.isWord(k, "former") || ctx.has(k, .role)) {
                return false
            }
            k += 1; steps += 1
        }
        return false
    }
}
