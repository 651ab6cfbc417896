import Foundation

/// Gives each attributed speaker mention a resolved `name`:
/// - a surname (or title + surname) becomes the full name seen in the document
///   ("Basu" → "Neil Basu"; "Mr. Garin" → "Geoff Garin");
/// - he/she becomes the previous quote's speaker when the gender fits, else the
///   first fitting person named in the nearest sentence before (the main-clause
///   subject, as in centering theory); gender comes from titles (Mr/Mrs/Ms), the
///   first-name table, and earlier pronouns;
/// - "the prime minister" (the + role noun) becomes the first person named in the
///   nearest sentence before that names one;
/// - other descriptions are kept as written, over their trailing phrase
///   ("an officer at the scene"); they/we/I stay unresolved.
struct SpeakerNameResolver {
    let text: QuoteText
    let mentions: SpeakerMentions
    let firstNames: FirstNameGenders
    /// The PERSON, ORG and PLACE entities of an earlier stage, in text order (none
    /// without that stage): their spans and labels only (``EntitySpan``).
    var entities: [EntitySpan] = []

    /// An entity's span and label: all the resolver reads of it. Copying whole
    /// ``Entity`` values (rule, type and value strings retained and released) cost
    /// about 3 M instructions per MB (issue 25).
    struct EntitySpan {
        var start: Int32
        var end: Int32
        var label: EntityLabel

        /// The spans of `entities` that are no TIME, in their order.
        static func withoutTimes(_ entities: [Entity]) -> [EntitySpan] {
            var spans: [EntitySpan] = []
            spans.reserveCapacity(entities.count)
            for i in entities.indices where entities[i].label != .time {
                spans.append(EntitySpan(start: entities[i].start, end: entities[i].end, label: entities[i].label))
            }
            return spans
        }
    }

    enum Gender { case male, female }

    /// The kind of entity a token belongs to.
    enum EntityKind: UInt8 { case none, person, placeOrOrganisation }

    /// The kind of the PERSON / ORG / PLACE entity covering token `t` (the last one in
    /// text order when entities nest). A binary search: only the few runs that look
    /// like people ask, so no per-token table is built.
    func entityKind(_ t: Int) -> EntityKind {
        guard !entities.isEmpty else { return .none }
        let start = text.tokens[t].start, end = text.tokens[t].end
        var lo = 0, hi = entities.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if entities[mid].end <= start { lo = mid + 1 } else { hi = mid }
        }
        var kind = EntityKind.none
        // Entities may nest: a short look before the first that ends after the token.
        var k = max(0, lo - 2)
        while k < entities.count, entities[k].start < end {
            if entities[k].end > start {
                switch entities[k].label {
                case .person: kind = .person
                case .place, .organization: kind = .placeOrOrganisation
                case .time: break
                }
            }
            k += 1
        }
        return kind
    }

    /// Whether an entity of the earlier stage says tokens `s...e` are a place or an
    /// organisation ("Victoria Tower Gardens" is no person).
    func isPlaceOrOrganisation(_ s: Int, _ e: Int) -> Bool {
        guard !entities.isEmpty else { return false }
        return (s...e).contains { entityKind($0) == .placeOrOrganisation }
    }

    /// Whether the earlier stage's entities say the first and last of tokens `s...e`
    /// are a person's.
    func isPersonEntity(_ s: Int, _ e: Int) -> Bool {
        !entities.isEmpty && entityKind(s) == .person && entityKind(e) == .person
    }

    /// Two to five name words with no organisation word, not ALL CAPS, no day or
    /// month, no place or organisation entity: a name shaped like a person's.
    func looksLikePerson(_ s: Int, _ e: Int) -> Bool {
        e > s && e - s < 5 && !text.token(e, isIn: .organisationWord) && text.tokens[e].shape != .upper
            && !(s...e).contains(where: { text.token($0, isIn: .calendarWord) }) && !isPlaceOrOrganisation(s, e)
    }

    /// A run of two or more name words: a candidate person.
    struct Person {
        var first: Int
        var last: Int
        var name: String
        var gender: Gender?
    }

    /// Candidate people in text order: runs of two or more name words that look like a
    /// person (not ALL CAPS, no organisation head word, a known first name or a title
    /// before), then single words that follow a title ("Mr. Obama") or repeat the
    /// surname of such a run ("Lynch").
    func personRuns() -> [Person] {
        var runs: [Person] = []
        var singles: [(Int, Bool)] = []  // token, follows a title
        var i = 0
        let n = text.count
        // About one run and one single per 30 tokens in news: grown from empty, both
        // arrays were reallocated five or six times per document.
        runs.reserveCapacity(n / 32 + 4)
        singles.reserveCapacity(n / 16 + 4)
        while i < n {
            guard mentions.isNameWord(i) else { i += 1; continue }
            var e = i
            while e + 1 < n {
                if mentions.isNameWord(e + 1), text.tokens[e + 1].flags.contains(.spaceBefore) || text.isDash(e) { e += 1; continue }
                // A middle initial: "Paul R. Pillar".
                if e + 2 < n, text.isPunct(e + 1, "."), text.tokens[e].length == 1, text.tokens[e + 1].start == text.tokens[e].end,
                   mentions.isNameWord(e + 2) { e += 2; continue }
                break
            }
            var s = i
            while s < e, text.token(s, isIn: .roleNoun) || text.token(s, isIn: .title)
                    || text.isPunct(s, ".") { s += 1 }
            // "Environment Minister Shannon Phillips": the person starts after the last
            // role word inside the run.
            var k = e - 1
            while k > s {
                if text.token(k, isIn: .roleNoun) || text.token(k, isIn: .title) {
                    s = k + 1
                    while s < e, text.isPunct(s, ".") { s += 1 }
                    break
                }
                k -= 1
            }
            // "Mr." + name, or a title inside the run ("Mrs May").
            let t = i >= 2 && text.isPunct(i - 1, ".") ? i - 2 : i - 1
            var titled = t >= 0 && text.token(t, isIn: .title)
            var gender: Gender? = t >= 0 ? titleGender(t) : nil
            if s > i {
                let inner = text.isPunct(s - 1, ".") && s >= 2 ? s - 2 : s - 1
                if text.token(inner, isIn: .title) { titled = true }
                if gender == nil { gender = titleGender(inner) }
            }
            if looksLikePerson(s, e) {
                // One look-up of the first name answers both questions.
                let firstName = firstNames.entry(text.word(s))
                if firstName != nil || titled || isPersonEntity(s, e) {
                    if gender == nil, let e = firstName { gender = firstNames.gender(entry: e) }
                    runs.append(Person(first: s, last: e, name: text.string(s, e), gender: gender))
                }
            } else if e == s, text.tokens[s].shape == .title {
                singles.append((s, titled))
            }
            i = e + 1
        }
        guard !singles.isEmpty else { return runs }
        // Single words: after a title, or the surname of an earlier run.
        var bySurname = FoldedFormIndex(capacity: runs.count)  // surname → index in runs
        var out: [Person] = []
        out.reserveCapacity(runs.count + singles.count)
        var r = 0
        for (k, titled) in singles {
            while r < runs.count, runs[r].first < k {
                bySurname.insertIfAbsent(r, for: runs[r].last, in: text.keys)
                out.append(runs[r])
                r += 1
            }
            if let p = bySurname.value(for: k, in: text.keys).map({ runs[$0] }) {
                out.append(Person(first: k, last: k, name: p.name, gender: p.gender))
            } else if titled {
                let t = k >= 2 && text.isPunct(k - 1, ".") ? k - 2 : k - 1
                out.append(Person(first: k, last: k, name: text.string(k), gender: t >= 0 ? titleGender(t) : nil))
            }
        }
        out.append(contentsOf: runs[r...])
        return out
    }

    /// The gender a title gives (Mr, Mrs, Lady …) at token `i`.
    func titleGender(_ i: Int) -> Gender? {
        // Asked of the token before every capitalised run, mostly a word or punctuation
        // that is no title: one look-up (none for punctuation) settles that.
        guard text.tokens[i].kind == .word, text.classes[i] & Self.genderTitles != 0 else { return nil }
        return text.token(i, isIn: .maleTitle) ? .male : .female
    }

    /// A title that gives a gender: one bit test settles that most tokens are none.
    static let genderTitles = QuoteVocabulary.WordClass.maleTitle.bit | QuoteVocabulary.WordClass.femaleTitle.bit

    /// Resolves names for the attributions in text order.
    func resolve(_ items: [SpeakerAttributor.Item]) -> [String?] {
        let runs = personRuns()
        var bySurname = FoldedFormIndex(capacity: runs.count)  // surname → index in runs
        for (k, r) in runs.enumerated() where r.last > r.first { bySurname.insertIfAbsent(k, for: r.last, in: text.keys) }
        var learned: [String: Gender] = [:]
        var names: [String?] = Array(repeating: nil, count: items.count)
        var previous: (name: String, gender: Gender?, paragraph: Int32)? = nil
        var namedSpeakers: [Person] = []
        let roles = roleIndex(runs)
        /// he/she at token `f`: the fitting person (see SIEVES.md §5).
        func referent(of f: Int, _ want: Gender) -> String? {
            // A fitting person named in this sentence or the one before wins when it is
            // its clause's subject; then the previous quote's speaker; then a fitting
            // person named there in another role ("his father's friend, Martin Legere");
            // then anyone fitting further back.
            let near = nearestPerson(before: f, runs: runs, gender: want, learned: learned)
                .flatMap { text.sentenceOf[f] - text.sentenceOf[$0.first] <= 1 ? $0 : nil }
            let prev = previous.flatMap { p in
                text.paragraphOf[f] - p.paragraph <= 3 && compatible(p.gender ?? learned[p.name], want) ? p : nil
            }
            if let r = near, prev == nil || isSubject(r) { return r.name }
            if let p = prev { return p.name }
            return nearestPerson(before: f, runs: runs, gender: want, learned: learned)?.name
        }
        for (k, item) in items.enumerated() {
            guard let a = item.attribution else { continue }
            let (f, l) = a.speaker
            var name: String? = nil
            var gender: Gender? = nil
            // Whether the speaker is known to be a person (a pronoun's referent, a run of
            // name words that looks like a person, a titled name): only a person can be
            // what a later he/she refers to ("The AFN Youth Council" cannot).
            var isPerson = false
            if f == l, mentions.isPronoun(f) {
                let want: Gender? = text.token(f, isIn: .malePronoun) ? .male : (text.token(f, isIn: .femalePronoun) ? .female : nil)
                if let want {
                    name = referent(of: f, want)
                    if let nm = name { learned[nm] = want; gender = want }
                }
            } else if mentions.isNameWord(l) {
                var s = f
                while s < l, text.token(s, isIn: .definiteArticle) || text.token(s, isIn: .title)
                        || text.isPunct(s, ".") || text.token(s, isIn: .roleNoun) { s += 1 }
                // "State Senator Ellen McAllister": the name starts after the last role word.
                if !text.token(f, isIn: .definiteArticle) {
                    var k = l - 1
                    while k >= s {
                        if text.token(k, isIn: .roleNoun) || text.token(k, isIn: .title) {
                            s = k + 1
                            while s < l, text.isPunct(s, ".") { s += 1 }
                            break
                        }
                        k -= 1
                    }
                }
                let title = titleGender(f)
                if text.token(f, isIn: .definiteArticle) {
                    name = text.string(f, l)
                } else if s == l, let r = bySurname.value(for: l, in: text.keys).map({ runs[$0] }), r.first < f || r.first == s {
                    name = r.name
                    gender = r.gender ?? title
                    isPerson = true
                } else {
                    name = text.string(s, l)
                    let run = Self.run(startingAt: s, in: runs)
                    gender = title ?? run?.gender
                    isPerson = run != nil || title != nil || looksLikePerson(s, l)
                }
            } else {
                // "the professor": the person named earlier with that role ("professor
                // Guenther Schuh", "Guenther Schuh, a professor at …"); else the first person
                // quoted by name in the nearest sentence before that has one (the speakers so
                // far, not any capitalised run: "The state’s transport minister" must not
                // become "Circular Quay").
                if f < l, text.token(f, isIn: .definiteArticle), text.token(l, isIn: .roleNoun),
                   !text.token(l, isIn: .pluralRoleNoun), let r = roles.person(withRole: l, before: f, in: text) {
                    name = r.name
                    gender = r.gender
                    isPerson = true
                } else if f < l, text.token(f, isIn: .definiteArticle), text.token(l, isIn: .roleNoun),
                   let r = Self.nearest(namedSpeakers, before: f, sentenceOf: text.sentenceOf) {
                    name = r.name
                    gender = r.gender
                } else if text.token(l, isIn: .speechNoun), let (nm, g) = author(ofSpeechNoun: f, l, a.nameEnd, runs: runs, referent: referent) {
                    // "her statement read", "Smith's statement said": whose statement.
                    name = nm
                    gender = g
                    isPerson = g != nil
                } else {
                    name = text.string(f, max(l, a.nameEnd))
                }
            }
            names[k] = name
            if let nm = name, isPerson || gender != nil {
                previous = (nm, gender ?? learned[nm], text.paragraphOf[f])
            }
            if let nm = name, mentions.isNameWord(l), !text.token(f, isIn: .definiteArticle) {
                namedSpeakers.append(Person(first: f, last: l, name: nm, gender: gender))
            }
        }
        return names
    }

    /// People by the role nouns standing next to their names: "professor Guenther
    /// Schuh", "Guenther Schuh, a professor at RWTH".
    struct RoleIndex {
        /// Role word (folded) → the people with it, in text order.
        var people: [String: [Person]] = [:]

        /// The last person before `i` whose role is token `role`'s word.
        func person(withRole role: Int, before i: Int, in text: QuoteText) -> Person? {
            people[text.folded(role)]?.last { $0.first < i }
        }
    }

    func roleIndex(_ runs: [Person]) -> RoleIndex {
        var index = RoleIndex()
        for r in runs where r.last > r.first {
            var role: Int? = nil
            // A role noun right before the name (over a title: "professor Dr. Schuh").
            if r.first - 1 >= 0, text.token(r.first - 1, isIn: .roleNoun) {
                role = r.first - 1
            } else if r.last + 2 < text.count, text.isPunct(r.last + 1, ",") {
                // An apposition: ", a professor at …", ", the city's chief engineer, …".
                var k = r.last + 2
                while k < text.count, k - r.last <= 7, text.tokens[k].kind == .word || text.isPunct(k, "'") {
                    if text.tokens[k].shape == .lower, text.token(k, isIn: .roleNoun) {
                        role = k
                        // The head is the last role noun of the phrase ("deputy mayor").
                        while k + 1 < text.count, text.tokens[k + 1].shape == .lower, text.token(k + 1, isIn: .roleNoun) { k += 1; role = k }
                        break
                    }
                    if text.token(k, isIn: .preposition), k > r.last + 2 { break }
                    k += 1
                }
            }
            if let role, !text.token(role, isIn: .pluralRoleNoun) { index.people[text.folded(role), default: []].append(r) }
        }
        return index
    }

    /// The author of a speech noun heading a speaker description: a possessive pronoun
    /// ("her statement" → she), a possessive name ("Smith's statement"), or a name
    /// after "by" in the description ("A statement … by Reagan Ruslim").
    func author(ofSpeechNoun f: Int, _ l: Int, _ nameEnd: Int, runs: [Person],
                referent: (Int, Gender) -> String?) -> (String, Gender?)? {
        for k in f..<l {
            if text.token(k, isIn: .femalePossessive) { return referent(k, .female).map { ($0, .female) } }
            if text.token(k, isIn: .malePossessive) { return referent(k, .male).map { ($0, .male) } }
            if mentions.isNameWord(k), text.folded(k, hasSuffix: "'s") {
                var s = k
                while s - 1 >= f, mentions.isNameWord(s - 1) { s -= 1 }
                let run = Self.run(startingAt: s, in: runs)
                return (run?.name ?? String(text.string(s, k).dropLast(2)), run?.gender)
            }
        }
        var k = l + 1
        while k <= nameEnd, k < text.count {
            if text.token(k, isIn: .agentPreposition), k + 1 < text.count, mentions.isNameWord(k + 1) {
                var e = k + 1
                while e + 1 < text.count, mentions.isNameWord(e + 1) { e += 1 }
                let run = Self.run(startingAt: k + 1, in: runs)
                return (run?.name ?? text.string(k + 1, e), run?.gender)
            }
            k += 1
        }
        return nil
    }

    /// Whether a person run is the subject of its clause: the first name or pronoun of
    /// its sentence (after any leading adverbial), not a possessive.
    func isSubject(_ r: Person) -> Bool {
        let sentence = text.sentences[Int(text.sentenceOf[r.first])]
        guard let m = mentions.firstMention(sentence.lowerBound, sentence.upperBound) else { return false }
        return m.first <= r.first && r.first <= m.last || r.first <= m.first && m.first <= r.last
    }

    /// The run that starts at token `s` (binary search; runs are in text order).
    static func run(startingAt s: Int, in runs: [Person]) -> Person? {
        var lo = 0, hi = runs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if runs[mid].first < s { lo = mid + 1 } else { hi = mid }
        }
        return lo < runs.count && runs[lo].first == s ? runs[lo] : nil
    }

    /// The first of `people` in the nearest sentence before `i` (within eight sentences).
    /// `people` is in text order; only the tail is looked at (bounded work per call).
    static func nearest(_ people: [Person], before i: Int, sentenceOf: [Int32]) -> Person? {
        var k = people.count - 1
        var steps = 0
        while k >= 0, people[k].first >= i, steps < 64 { k -= 1; steps += 1 }
        guard k >= 0, people[k].first < i, sentenceOf[i] - sentenceOf[people[k].first] <= 8 else { return nil }
        let sentence = sentenceOf[people[k].first]
        while k - 1 >= 0, sentenceOf[people[k - 1].first] == sentence, steps < 128 { k -= 1; steps += 1 }
        return people[k]
    }

    private func compatible(_ have: Gender?, _ want: Gender?) -> Bool {
        guard let h = have, let w = want else { return true }
        return h == w
    }

    /// The first person named in the nearest sentence before `i` that names a fitting one.
    private func nearestPerson(before i: Int, runs: [Person], gender: Gender?, learned: [String: Gender]) -> Person? {
        // runs are in text order: find those before i, grouped by sentence, nearest sentence first.
        var hi = runs.count
        var lo = 0
        while lo < hi {
            let mid = (lo + hi) / 2
            if runs[mid].last < i { lo = mid + 1 } else { hi = mid }
        }
        var k = lo - 1
        var checked = 0
        while k >= 0, checked < 40 {
            let sentence = text.sentenceOf[runs[k].first]
            var first = k
            while first - 1 >= 0, text.sentenceOf[runs[first - 1].first] == sentence { first -= 1 }
            for r in runs[first...k] where compatible(r.gender ?? learned[r.name], gender) {
                return r
            }
            checked += k - first + 1
            k = first - 1
        }
        return nil
    }
}

/// Share of women per first name (`names/first-names.tsv`).
struct FirstNameGenders: Sendable {
    static let tableName = "names/first-names"

    /// `names/first-names.tsv` (FORMAT: key, form, female_ratio, count), hash-indexed.
    let table: LexiconTable

    func gender(_ folded: String) -> SpeakerNameResolver.Gender? { gender(FoldedWord(folded)) }

    func gender(_ word: FoldedWord) -> SpeakerNameResolver.Gender? { entry(word).flatMap(gender(entry:)) }

    /// The gender of a table entry (``entry(_:)``): female from 90 % women, male up to 10 %.
    func gender(entry e: Int) -> SpeakerNameResolver.Gender? {
        let r = table.number(e, 2)
        if r >= 0.9 { return .female }
        if r <= 0.1 { return .male }
        return nil
    }

    /// The last entry with this key (a later line of the file wins, as it did when
    /// the file was read into a dictionary).
    func entry(_ word: FoldedWord) -> Int? {
        let entries = word.bytes.withUnsafeBufferPointer { table.exact($0, hash: word.hash) }
        return entries.isEmpty ? nil : entries.upperBound - 1
    }

    /// Shares an already loaded table (the entity stage's), hash-indexing it unless it is.
    init(table: LexiconTable) { self.table = table.withHashIndex() }
}
