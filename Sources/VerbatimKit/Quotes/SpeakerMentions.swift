/// Finds the mention that names a speaker next to a reporting cue: the subject
/// before a verb ("Neil Basu, the Met’s head of counter-terrorism, told"), the
/// subject after an inverted verb ("said Geoff Garin"), or the object of
/// "according to". Mentions are token ranges (inclusive); rules are simple and
/// general: pronouns, runs of capitalised words (with titles and particles), and
/// lower-case descriptions up to their determiner.
struct SpeakerMentions {
    let text: QuoteText
    /// ``isNameWord(_:)`` of every token, worked out once: the resolver's person runs
    /// ask it of every token of the document, and the sieves again around each quote.
    private let nameWords: [Bool]

    init(text: QuoteText) {
        self.text = text
        var nameWords = [Bool](repeating: false, count: text.count)
        for (i, t) in text.tokens.enumerated() where t.kind == .word && t.isCapitalized {
            nameWords[i] = !(t.flags.contains(.sentenceInitial) && text.token(i, isIn: .sentenceOpener))
                && !text.token(i, isIn: .subjectPronoun)
        }
        self.nameWords = nameWords
    }

    /// A mention: first and last token (inclusive).
    typealias Mention = (first: Int, last: Int)

    func isPronoun(_ i: Int) -> Bool {
        text.tokens[i].kind == .word && text.token(i, isIn: .subjectPronoun)
    }

    func isCueVerb(_ i: Int) -> Bool {
        let t = text.tokens[i]
        guard t.kind == .word, t.shape == .lower || t.shape == .title && !t.flags.contains(.sentenceInitial) else { return false }
        // "soft-spoken", "well-told": the second half of a compound is no verb.
        return text.token(i, isIn: .speechVerb) && !(i > 1 && isGluedHyphen(i - 1))
    }

    /// A title abbreviation followed by its full stop ("Mr" "."), seen from the stop.
    private func isTitleStop(_ i: Int) -> Bool {
        i > 0 && text.isPunct(i, ".") && text.tokens[i].start == text.tokens[i - 1].end
            && text.token(i - 1, isIn: .title)
    }

    /// A capitalised word that is neither a pronoun nor, at the start of a sentence,
    /// an opener ("But", "According").
    func isNameWord(_ i: Int) -> Bool { nameWords[i] }

    // MARK: - Subject before a verb

    /// The subject of the verb at `v`, not looking before `lower`.
    func subject(before v: Int, lower: Int) -> Mention? {
        var i = v - 1
        while i >= lower, text.tokens[i].kind == .word, text.tokens[i].shape == .lower,
              text.token(i, isIn: .beforeVerb) || text.folded(i, hasSuffix: "ly") {
            i -= 1
        }
        guard i >= lower else { return nil }
        // "he supported Obama and said", "Clinton shook her head and said": the clause's subject.
        if text.tokens[i].shape == .lower, text.token(i, isIn: .coordinator) {
            return firstMention(lower, i)
        }
        if text.token(i, isIn: .relativePronoun) {
            i -= 1
            guard i >= lower else { return nil }
        }
        if text.isPunct(i, ",") || text.isDash(i) {
            // Apposition: "Neil Basu, the Met’s head of counter-terrorism, told"; "Harry
            // Bond, 30, of Raleigh, N.C., who was among those polled, said". The speaker
            // is the leftmost bare name (a whole comma segment) in the chain.
            var best: Mention? = nil
            var c = i
            let floor = max(lower, i - 30)
            while c > floor {
                var j = c - 1
                while j >= floor, !(text.isPunct(j, ",") || text.isDash(j) || text.isPunct(j, "(")) {
                    if text.isQuote(j) || (text.isTerminal(j) && !isTitleStop(j) && !isInitialStop(j)) { j = floor - 1; break }
                    j -= 1
                }
                let segmentStart = max(j + 1, lower)
                // "Northlight Signal Systems Inc., the US supplier …, said": skip the abbreviation stop.
                var end = c - 1
                if end > segmentStart, text.isPunct(end, "."), text.tokens[end].start == text.tokens[end - 1].end { end -= 1 }
                if end >= segmentStart, let np = mention(endingAt: end, lower: segmentStart),
                   np.first == segmentStart || startsNounPhrase(segmentStart) && np.first - segmentStart <= 4 {
                    if isName(np) || isPronoun(np.first) {
                        best = np
                    } else if text.token(np.last, isIn: .roleNoun), best == nil || !(isName(best!) || isPronoun(best!.first)) {
                        // A role description only when no name stands in the chain.
                        best = np
                    }
                }
                if j < floor { break }
                c = j
            }
            if let b = best { return b }
            return i - 1 >= lower ? mention(endingAt: i - 1, lower: lower) : nil
        }
        if text.isPunct(i, ")") {
            // "Smith (R-Texas) said"
            var j = i - 1
            while j >= max(lower, i - 8), !text.isPunct(j, "(") { j -= 1 }
            if j - 1 >= lower, text.isPunct(j, "(") { return mention(endingAt: j - 1, lower: lower) }
            return nil
        }
        guard var m = mention(endingAt: i, lower: lower) else { return nil }
        // "Alan Hughes of the BTP said", "Gov. Terry Branstad of Iowa said": the head before the phrase.
        var hops = 0
        while hops < 2 {
            // "Tim Guest with the Nova Scotia Health Authority": over the article too.
            var p = m.first - 1
            if p - 1 >= lower, text.token(p, isIn: .article), text.tokens[p].shape == .lower { p -= 1 }
            guard p - 1 >= lower, text.tokens[p].shape == .lower, text.token(p, isIn: .headPreposition),
                  let head = mention(endingAt: p - 1, lower: lower), isName(head) || text.token(head.last, isIn: .roleNoun) else { break }
            // "Secretary of State Ana Pell said": a lone role word heads an office, whose
            // name run ends with the person's name (its last two words).
            if isOfficeHolder(role: head, run: m) { return (m.last - 1, m.last) }
            m = head
            hops += 1
        }
        return m
    }

    /// The first pronoun or name in `lower..<upper` that can be the subject of the
    /// clause: not inside a leading adverbial ("In a Fox interview later that day,
    /// Trump …"), not after a preposition ("journalist Matei Rosca"), not a possessive
    /// ("Pence’s press release").
    func firstMention(_ lower: Int, _ upper: Int) -> Mention? {
        var i = lower
        var inAdverbial = false
        while i < upper {
            if text.isQuote(i) { return nil }
            if text.isPunct(i, ",") { inAdverbial = false; i += 1; continue }
            let t = text.tokens[i]
            if t.kind == .word, i == lower || text.isPunct(i - 1, ",") || t.flags.contains(.sentenceStart) {
                if text.token(i, isIn: .adverbialOpener) { inAdverbial = true }
            }
            if !inAdverbial, isPronoun(i) { return (i, i) }
            if !inAdverbial, isNameWord(i), let m = mention(startingAt: i, upper: upper) {
                let afterPreposition = i > lower && text.tokens[i - 1].shape == .lower
                    && (text.token(i - 1, isIn: .preposition) || text.token(i - 1, isIn: .adverbialOpener))
                let last = m.mention.last
                if !afterPreposition, !text.folded(last, hasSuffix: "'s"), !text.folded(last, hasSuffix: "s'") { return m.mention }
                i = m.mention.last + 1
                continue
            }
            i += 1
        }
        return nil
    }



    /// "N.C." split as "N.C" "."; an initial "E" "."; "R-Ky." ending in "Ky" ".".
    private func isInitialStop(_ i: Int) -> Bool {
        guard i > 0, text.isPunct(i, "."), text.tokens[i].start == text.tokens[i - 1].end, text.tokens[i - 1].kind == .word else { return false }
        let w = text.tokens[i - 1]
        return w.length == 1 || (w.isCapitalized && w.length <= 4) || text.string(i - 1).contains(".")
    }

    /// A comma segment that starts like a noun phrase: a capitalised word that is not
    /// an opener, or an article ("Democratic nominee Hillary Clinton", "the senator").
    private func startsNounPhrase(_ i: Int) -> Bool {
        let t = text.tokens[i]
        guard t.kind == .word else { return false }
        if text.token(i, isIn: .appositionStart) { return true }
        return t.isCapitalized && !text.token(i, isIn: .sentenceOpener)
    }

    func isName(_ m: Mention) -> Bool { isNameWord(m.last) }

    /// A lone role word ("Secretary", "Minister"; after a country's dotted capitals
    /// too: "U.S. Secretary") before "of" and a run of at least three name words that
    /// is no organisation ("State Ana Pell", "Health Jane Roe"; not "Foreign Affairs",
    /// not "Harbour Trust Bank"): the run names the office and then the person holding
    /// it, whose mention is the run's last two words (a longer name is restored by the
    /// PERSON entity the mention overlaps).
    func isOfficeHolder(role: Mention, run: Mention) -> Bool {
        (role.first == role.last || role.first + 1 == role.last && SentenceBreakWords.isDottedCapitals(text.tokens[role.first], text.document.utf8))
            && text.token(role.last, isIn: .roleNoun) && text.tokens[role.last].isCapitalized
            && run.last - run.first >= 2 && (run.first...run.last).allSatisfy { isNameWord($0) }
            && !text.token(run.last, isIn: .organisationWord)
    }

    /// A plural role noun with no determiner ("critics"): a generic group.
    func isBarePlural(_ m: Mention) -> Bool { m.first == m.last && text.token(m.last, isIn: .pluralRoleNoun) }

    /// The noun phrase whose last token is `e`.
    func mention(endingAt e: Int, lower: Int) -> Mention? {
        guard e >= lower, text.tokens[e].kind == .word else { return nil }
        if isPronoun(e) { return (e, e) }
        if isNameWord(e) {
            var s = e
            var j = e - 1
            while j >= lower, e - j < 9 {
                if isNameWord(j) { s = j; j -= 1; continue }
                if isTitleStop(j) { s = j - 1; j -= 2; continue }
                // A middle initial: "Paul R. Pillar said".
                if text.isPunct(j, "."), j - 1 >= lower, text.tokens[j - 1].length == 1, text.tokens[j - 1].shape == .title,
                   text.tokens[j].start == text.tokens[j - 1].end { s = j - 1; j -= 2; continue }
                if text.isDash(j), text.tokens[j].start == text.tokens[j + 1].start - 1 || !text.tokens[j + 1].flags.contains(.spaceBefore),
                   j - 1 >= lower, isNameWord(j - 1) { s = j - 1; j -= 2; continue }
                if text.tokens[j].shape == .lower, text.token(j, isIn: .particle), j - 1 >= lower, isNameWord(j - 1) {
                    s = j - 1; j -= 2; continue
                }
                break
            }
            // Leading role nouns are not the name ("Eyewitness Ewalina Ochab").
            while s < e, text.tokens[s].kind == .word, text.token(s, isIn: .roleNoun) { s += 1 }
            // "the Metropolitan Police": keep the article of an organisation's name.
            if s - 1 >= lower, text.token(s - 1, isIn: .definiteArticle), !looksLikePersonName(s, e) { s -= 1 }
            return (s, e)
        }
        // A lower-case description: walk left to its determiner.
        guard text.tokens[e].shape == .lower, !text.token(e, isIn: .clauseStop),
              !text.token(e, isIn: .determiner), !isCueVerb(e) else { return nil }
        var s = e
        var j = e - 1
        var agreesWithPlural = false
        while j >= lower, e - j < 10 {
            let t = text.tokens[j]
            // "the self-taught economist": a word never loses its hyphenated half.
            if isGluedHyphen(j), j - 1 >= lower, text.tokens[j - 1].kind == .word {
                s = j - 1
                j -= 2
                continue
            }
            // "the lanky, bespectacled professor": a comma between two adjectives.
            if text.isPunct(j, ","), j - 2 >= lower, text.tokens[j - 1].shape == .lower, text.tokens[j - 1].kind == .word,
               !text.token(j - 1, isIn: .clauseStop), text.token(j - 2, isIn: .article) {
                s = j - 1
                j -= 1
                continue
            }
            if t.kind != .word && t.kind != .number { break }
            if text.token(j, isIn: .determiner) {
                // "a word critics say": a singular determiner does not agree with a plural
                // head, so it opens another noun phrase ("a group of critics" does agree,
                // through its preposition). The speaker is the bare plural.
                if !agreesWithPlural, text.token(j, isIn: .singularDeterminer), text.token(e, isIn: .pluralRoleNoun) {
                    s = e
                    break
                }
                s = j
                // "a spokesman for the campaign": continue over the preposition.
                if j - 2 >= lower, text.tokens[j - 1].shape == .lower, text.token(j - 1, isIn: .preposition),
                   text.token(j, isIn: .article) {
                    j -= 1
                    s = j
                    j -= 1
                    continue
                }
                break
            }
            if t.shape == .lower && (text.token(j, isIn: .clauseStop) || isCueVerb(j)) { break }
            if t.flags.contains(.sentenceInitial) && text.token(j, isIn: .sentenceOpener) { break }
            // "a dozen gunmen", "a few residents": a quantity agrees with the plural.
            if text.token(j, isIn: .preposition) || text.token(j, isIn: .quantityWord) { agreesWithPlural = true }
            s = j
            j -= 1
        }
        // Never start on a preposition.
        while s < e, text.token(s, isIn: .preposition) { s += 1 }
        return (s, e)
    }

    /// A hyphen with no space on either side ("self-taught").
    func isGluedHyphen(_ j: Int) -> Bool {
        j > 0 && j + 1 < text.count && text.isDash(j) && text.tokens[j].start == text.tokens[j - 1].end
            && text.tokens[j + 1].start == text.tokens[j].end
    }

    /// The first name word after a few lower-case words that hold a role noun, from
    /// `i` ("oil and gas worker Mike Wipf" → "Mike"), or nil.
    func nameAfterRoleWords(_ i: Int, upper: Int) -> Int? {
        var k = i
        var sawRole = false
        while k < upper, k - i <= 6 {
            let t = text.tokens[k]
            if t.kind == .word, t.shape == .lower {
                if text.token(k, isIn: .roleNoun) { sawRole = true }
                else if isCueVerb(k) || text.token(k, isIn: .clauseStop) && !text.token(k, isIn: .coordinator) { return nil }
            } else if isNameWord(k) || text.token(k, isIn: .title) && t.isCapitalized {
                return sawRole && k > i ? k : nil
            } else if !isGluedHyphen(k) {
                return nil
            }
            k += 1
        }
        return nil
    }

    /// Two or more name words with no organisation-like word: a person.
    private func looksLikePersonName(_ s: Int, _ e: Int) -> Bool {
        e > s && !text.token(s, isIn: .nonPersonFirstWord) && !text.token(e, isIn: .organisationWord)
    }


    // MARK: - Subject after a verb

    /// The mention after `i` ("said Geoff Garin", "according to an officer"); `nameEnd`
    /// extends a description over its trailing phrase ("an officer at the scene").
    func mention(startingAt i: Int, upper: Int) -> (mention: Mention, nameEnd: Int)? {
        guard i < upper, text.tokens[i].kind == .word, !text.token(i, isIn: .nonSpeaker),
              !(text.tokens[i].shape == .lower && (text.token(i, isIn: .clauseStop) || isCueVerb(i))) else { return nil }
        if isPronoun(i) { return ((i, i), i) }
        var s = i
        // Determiner + lower-case words before a name: "the economist Jared Bernstein".
        var j = i
        if isNameWord(j) || text.token(j, isIn: .title) {
            var e = j
            while j < upper, j - i < 10 {
                if isNameWord(j) || (text.token(j, isIn: .title) && text.tokens[j].isCapitalized) { e = j; j += 1; continue }
                if text.isPunct(j, "."), j > i, text.token(j - 1, isIn: .title) { e = j; j += 1; continue }
                // A hyphenated surname: "Reyes-Carter", "O’Brien-Walsh".
                if text.isDash(j), j > i, j + 1 < upper, text.tokens[j].start == text.tokens[j - 1].end,
                   text.tokens[j + 1].start == text.tokens[j].end, isNameWord(j + 1) { e = j + 1; j += 2; continue }
                // A middle initial: "Paul R. Pillar".
                if text.isPunct(j, "."), j > i, text.tokens[j - 1].length == 1, text.tokens[j - 1].shape == .title,
                   j + 1 < upper, isNameWord(j + 1) { e = j; j += 1; continue }
                if text.tokens[j].shape == .lower, text.token(j, isIn: .particle), j + 1 < upper, isNameWord(j + 1) { j += 1; continue }
                break
            }
            // "said Secretary of State Ana Pell", "U.S. Secretary of State Ana Pell said":
            // the office's run after "of" ends with the person's name (its last two words).
            if e <= i + 1, e + 2 < upper, text.tokens[e + 1].shape == .lower, text.token(e + 1, isIn: .headPreposition) {
                var r = e + 2
                while r < upper, r - (e + 2) < 6, isNameWord(r) { r += 1 }
                if r - 1 >= e + 2, isOfficeHolder(role: (i, e), run: (e + 2, r - 1)) { return ((r - 2, r - 1), r - 1) }
            }
            // "Senate minority leader Harry Reid", "Los Angeles-based attorney Edgar
            // Martirosyan": the name after the role words is the speaker.
            var k = e + 1
            var sawRole = false
            while k < upper, k - e <= 5, text.tokens[k].shape == .lower || text.isDash(k) {
                if text.token(k, isIn: .roleNoun) { sawRole = true }
                k += 1
            }
            if sawRole, k < upper, k > e + 1, isNameWord(k), let later = mention(startingAt: k, upper: upper) {
                return later
            }
            while s < e, text.token(s, isIn: .roleNoun) { s += 1 }
            return ((s, e), e)
        }
        // "oil and gas worker Mike Wipf", "lead author Dr. Jane Roe": the name after
        // the role words is the speaker.
        if let name = nameAfterRoleWords(i, upper: upper), let later = mention(startingAt: name, upper: upper) {
            return later
        }
        // A description: up to a preposition, comma or clause word; a name inside wins.
        var e = i - 1
        var lastNameStart = -1
        while j < upper, j - i < 10 {
            let t = text.tokens[j]
            // "the self-taught economist": over a hyphen inside a word.
            if j > i, isGluedHyphen(j), j + 1 < upper, text.tokens[j + 1].kind == .word {
                e = j + 1
                j += 2
                continue
            }
            if t.kind != .word && t.kind != .number { break }
            if t.shape == .lower && j > i && (text.token(j, isIn: .preposition) || text.token(j, isIn: .clauseStop)
                                              || text.token(j, isIn: .beforeVerb) || isCueVerb(j)) { break }
            if isNameWord(j) && (j == i || !isNameWord(j - 1)) { lastNameStart = j }
            e = j
            j += 1
        }
        guard e >= i else { return nil }
        if lastNameStart > i, isNameWord(e) { s = i }
        // The name's description runs on to the end of the phrase.
        var n = e
        var k = e + 1
        while k < upper, k - e < 8, text.isWordLike(k) { n = k; k += 1 }
        return ((s, e), n)
    }
}
