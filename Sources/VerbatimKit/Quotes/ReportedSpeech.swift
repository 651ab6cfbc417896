/// Finds reported (indirect) speech: a content clause attributed to a source through
/// a speech cue, without quotation marks (SIEVES.md §5). The quote's span is the
/// reported content, without source and cue; its speaker and cue are found by the
/// same mention rules as for direct quotes.
///
/// - **indirect-leading-cue**: `Police said (that) C`, `She told reporters (that) C`,
///   `…, adding that C`, `Smith states that C` (a `before-that` form needs "that"),
///   `Smith pointed out C` (a cue phrase);
/// - **indirect-trailing-cue**: `C, the mayor said.`, `C, said the mayor, …`; an
///   interrupted clause gives two quotes (`Police, Smith says, have no policies`);
/// - **indirect-according-to**: `According to X, C.`, `C, according to X.` (any
///   source phrase of `cues/speech-phrases.tsv`, kind `prep`).
///
/// Speech, not belief: verbs of `sense` belief (think, hope, fear…) are no cue, nor
/// is a passive (`was told`), and documents (`the data suggests`) are no speakers of
/// a verb cue. A cue that attributes a direct quote, or whose complement is itself a
/// quote, makes no reported speech; a quoted fragment inside the content keeps its
/// partial quote, which the stage lists as one of the indirect quote's fragments.
struct ReportedSpeech {
    let text: QuoteText
    let attributor: SpeakerAttributor
    var mentions: SpeakerMentions { attributor.mentions }
    typealias Item = SpeakerAttributor.Item
    typealias Attribution = SpeakerAttributor.Attribution

    /// The fewest word tokens a content clause has.
    static let minimumWords = 3
    /// How far after a cue "that" may stand ("told reporters on Tuesday that").
    static let thatWindow = 10
    /// How many tokens a trailing cue clause may have before the sentence ends or a
    /// comma closes it ("…, the mayor said in a statement on Tuesday.").
    static let trailingTail = 8
    /// How far before a trailing cue its subject may start.
    static let trailingSubject = 14
    /// How many tokens a parenthesis inside an object-like content may hold ("the
    /// ferry, owned by the Emeraud line of Jersey, was …").
    static let parenthesisWindow = 16

    struct Context {
        var sentence: Range<Int>
        /// The innermost quote holding each token, or -1.
        var quoteOf: [Int32]
        var quotes: [Item]
    }

    /// The reported speech of a document, as items with their attribution, in text
    /// order. `quotes` are the document's paired quotes, attributed.
    func find(_ quotes: [Item]) -> [Item] {
        let n = text.count
        guard n > 0 else { return [] }
        var quoteOf = [Int32](repeating: -1, count: n)
        var directCue = [Bool](repeating: false, count: n)
        for (k, q) in quotes.enumerated() {
            for i in q.pair.open...q.pair.close where quoteOf[i] < 0 { quoteOf[i] = Int32(k) }
            // A cue that attributes a direct quote of its own sentence ("“Q,” he said")
            // reports no speech; one that also serves the quote after its sentence ("X
            // said the plan was dead. “Q”", previous-sentence-cue) does.
            if q.verdict == .direct, let cue = q.attribution?.cue,
               text.sentenceOf[cue.first] == text.sentenceOf[q.pair.open] || text.sentenceOf[cue.first] == text.sentenceOf[q.pair.close] {
                for i in cue.first...cue.last { directCue[i] = true }
            }
        }
        var found: [Item] = []
        // Only these words can start a cue or a source phrase: one bit test per token.
        let candidates = QuoteVocabulary.WordClass.speechVerb.bit | QuoteVocabulary.WordClass.thatVerb.bit
            | QuoteVocabulary.WordClass.cuePhraseStart.bit | QuoteVocabulary.WordClass.sourcePhraseStart.bit
        for sentence in text.sentences where sentence.count >= 4 {
            // Most sentences hold no candidate at all: look before setting anything up.
            guard sentence.contains(where: { text.classes[$0] & candidates != 0 }),
                  !text.isFurniture(paragraphOf: sentence.lowerBound) else { continue }
            let c = Context(sentence: sentence, quoteOf: quoteOf, quotes: quotes)
            var i = sentence.lowerBound
            while i < sentence.upperBound {
                defer { i += 1 }
                guard text.classes[i] & candidates != 0, quoteOf[i] < 0, !directCue[i] else { continue }
                // Straight into `found`: an array for the one item of a leading cue
                // cost an allocation per cue (issue 25).
                if text.phrase(at: i, .sourcePhrase) > 0 {
                    Self.addNew(accordingTo(i, c), to: &found)
                } else if let cue = cue(at: i, c) {
                    if let item = leading(cue, c) {
                        Self.addNew(CollectionOfOne(item), to: &found)
                    } else {
                        Self.addNew(trailing(cue, c), to: &found)
                    }
                }
            }
        }
        found.sort { $0.pair.open < $1.pair.open || $0.pair.open == $1.pair.open && $0.pair.close > $1.pair.close }
        return found
    }

    /// Appends the items whose span `found` does not hold yet.
    private static func addNew<S: Sequence>(_ items: S, to found: inout [Item]) where S.Element == Item {
        for it in items where !found.contains(where: { $0.pair.open == it.pair.open && $0.pair.close == it.pair.close }) {
            found.append(it)
        }
    }

    // MARK: - Cues

    /// A reporting cue starting at token `i`: its first and last token.
    struct Cue {
        var first: Int
        var last: Int
        /// Only a cue before "that" (a cue phrase, a `before-that` form).
        var needsThat: Bool
        /// A `before-that` form, which doubles as a noun ("reports", "questions"): its
        /// subject must be a name, a pronoun or a role.
        var doublesAsNoun = false
    }

    /// The cue at `i`: a cue phrase before "that" ("pointed out that"), a speech verb,
    /// or a `before-that` form; lower case, of `sense` speech (not belief, not
    /// manner), said by someone: not a passive ("was told"), not negated or
    /// hypothetical ("did not say", "will argue"), not part of a compound
    /// ("well-told"); a participle only after a comma or as a progressive.
    func cue(at i: Int, _ c: Context) -> Cue? {
        guard text.tokens[i].shape == .lower else { return nil }
        if i > 0, text.isDash(i - 1), text.tokens[i].start == text.tokens[i - 1].end { return nil }
        // The word before, over adverbs ("has also said", "is literally called").
        var b = i - 1
        while b >= c.sentence.lowerBound, text.tokens[b].kind == .word, text.folded(b, hasSuffix: "ly") || text.token(b, isIn: .beforeVerb)
                && !text.token(b, isIn: .finiteVerb) && !text.token(b, isIn: .modalOrNegation) && !text.token(b, isIn: .passiveAuxiliary) { b -= 1 }
        let before = b >= c.sentence.lowerBound ? b : -1
        // "did not say", "will argue" (lower case: "Tom May said" is no modal).
        if before >= 0, text.tokens[before].shape == .lower, text.token(before, isIn: .modalOrNegation) { return nil }
        // A cue phrase whose words after the first are a particle ("pointed out", "went
        // on to say", "made it clear"), before "that"; "told reporters" is the verb and
        // its addressee, "added that" the verb and the content's complementizer.
        let phraseFirst = i + 1 < c.sentence.upperBound && (!text.token(i, isIn: .speechVerb) || text.token(i + 1, isIn: .nonClauseStart))
        let n = phraseFirst ? text.phrase(at: i, .cuePhrase) : 0
        if n > 1, i + n <= c.sentence.upperBound {
            var last = i + n - 1
            if text.token(last, isIn: .complementizer) { last -= 1 }
            if last > i, last + 1 < c.sentence.upperBound, text.token(last + 1, isIn: .complementizer) {
                return Cue(first: i, last: last, needsThat: true)
            }
        }
        if text.token(i, isIn: .beliefVerb) || text.token(i, isIn: .mannerVerb) { return nil }
        guard text.token(i, isIn: .speechVerb) || text.token(i, isIn: .thatVerb) else { return nil }
        if text.folded(i, hasSuffix: "ing") {
            // ", saying …" or "is saying …"; not "along with adding two tournaments".
            guard before >= 0, text.isPunct(before, ",") || text.isQuote(before) && before > 0 && text.isPunct(before - 1, ",")
                    || text.token(before, isIn: .passiveAuxiliary) else { return nil }
        } else if before >= 0, text.tokens[before].shape == .lower, text.token(before, isIn: .passiveAuxiliary) {
            return nil
        }
        let speech = text.token(i, isIn: .speechVerb)
        return Cue(first: i, last: i, needsThat: !speech, doublesAsNoun: !speech)
    }

    // MARK: - indirect-leading-cue

    /// `X said (that) C`: the subject before the cue, the content after it.
    func leading(_ cue: Cue, _ c: Context) -> Item? {
        let lower = clauseStart(before: cue.first, c)
        guard let speaker = attributor.subject(ofCue: cue.first, lower: lower), isSpeaker(speaker) else { return nil }
        // "a text message that …", "the open questions that …": a noun before "that".
        if cue.doublesAsNoun, !(mentions.isName(speaker) || mentions.isPronoun(speaker.first) || text.token(speaker.last, isIn: .roleNoun)) {
            return nil
        }
        guard var start = contentStart(after: cue, c) else { return nil }
        if cue.needsThat, !(text.token(start, isIn: .complementizer) || cue.doublesAsNoun
            && (text.token(start, isIn: .subjectPronoun) || text.token(start, isIn: .subjectContraction))) { return nil }
        // `said: “…”` or `said “…”` to the end: a direct quote's cue, not reported speech.
        while start < c.sentence.upperBound, text.isPunct(start, ":") || text.isPunct(start, ",") { start += 1 }
        guard start < c.sentence.upperBound else { return nil }
        if c.quoteOf[start] >= 0, quoteReachesEnd(Int(c.quoteOf[start]), c) { return nil }
        // "admits in this instance, there were fatalities": the content after the phrase.
        var afterIntroPhrase = false
        if text.token(start, isIn: .nonClauseStart), let comma = introPhraseComma(start, c.sentence.upperBound - 1) {
            start = comma + 1
            afterIntroPhrase = true
        }
        // "X said, though …": a comma after the cue closes a trailing attribution (not the
        // comma that closes an introductory phrase of the content).
        if !afterIntroPhrase, start - 1 > cue.last, text.isPunct(start - 1, ","), !text.token(start, isIn: .complementizer) { return nil }
        guard let end = contentEnd(from: start, c), isClause(start, end, afterVerb: true) else { return nil }
        return item(start, end, Attribution(speaker: speaker, nameEnd: speaker.last, cue: (cue.first, cue.last),
                                            sieve: .indirectLeadingCue))
    }

    /// Where the content starts after a cue: at "that" when it follows within a few
    /// words that are an addressee, a source or a time ("told reporters on Tuesday
    /// that", "said in a statement that"), else after an attribution phrase or an
    /// addressee ("told reporters", "told him"), else right after the cue.
    func contentStart(after cue: Cue, _ c: Context) -> Int? {
        let upper = c.sentence.upperBound
        var j = cue.last + 1
        while j < upper, j - cue.last <= Self.thatWindow {
            if c.quoteOf[j] >= 0 {
                // NBC’s “Today” show: a title inside the window is no quote of the content.
                let q = c.quotes[Int(c.quoteOf[j])]
                if q.verdict == .direct { break }
                j = q.pair.close + 1
                continue
            }
            if text.isTerminal(j) || text.isPunct(j, ";") { break }
            if text.tokens[j].kind == .word {
                if text.token(j, isIn: .complementizer) {
                    if mayPrecedeThat(j - 1, cue) { return j }
                    break
                }
                if text.token(j, isIn: .finiteVerb) || mentions.isCueVerb(j) { break }
            }
            j += 1
        }
        var s = cue.last + 1
        // said in a statement / told reporters (the phrase may start with the cue).
        let fromCue = text.phrase(at: cue.first, .attributionPhrase)
        if fromCue > cue.last - cue.first + 1 { s = cue.first + fromCue }
        else if s < upper { s += text.phrase(at: s, .attributionPhrase) }
        guard s < upper else { return nil }
        s = afterCircumstance(s, upper)
        guard s < upper else { return nil }
        if s <= cue.last + 2, text.token(cue.first, isIn: .addresseeVerb) {
            // told him / told reporters / told The Canadian Press: skip the addressee.
            if text.token(s, isIn: .objectPronoun) || text.token(s, isIn: .roleNoun) {
                s += 1
            } else if mentions.isNameWord(s) || text.token(s, isIn: .definiteArticle) && s + 1 < upper && mentions.isNameWord(s + 1) {
                var e = s + 1
                while e < upper, mentions.isNameWord(e) { e += 1 }
                s = e
            } else if text.token(s, isIn: .determiner) {
                // told the jury he …: a short noun phrase, up to the content's subject.
                var e = s + 1
                while e < upper, e - s <= 3, text.tokens[e].kind == .word, text.tokens[e].shape == .lower,
                      !text.token(e, isIn: .subjectPronoun), !text.token(e, isIn: .subjectContraction),
                      !text.token(e, isIn: .complementizer), !text.token(e, isIn: .determiner), !text.token(e, isIn: .finiteVerb) { e += 1 }
                if e > s + 1, e < upper, text.token(e, isIn: .subjectPronoun) || text.token(e, isIn: .subjectContraction)
                    || text.token(e, isIn: .determiner) || mentions.isNameWord(e) { s = e }
            }
        }
        return s < upper ? s : nil
    }

    /// `s` moved over a date or a speech occasion right after a cue: "said Monday",
    /// "said in July", "said in his New Year's speech" (a preposition, a few words and
    /// a speech noun).
    func afterCircumstance(_ s: Int, _ upper: Int) -> Int {
        var s = s
        if s < upper, text.token(s, isIn: .calendarWord) { s += 1 }
        guard s < upper, text.tokens[s].shape == .lower, text.token(s, isIn: .nonClauseStart) else { return s }
        var j = s + 1
        while j < upper, j - s <= 6, text.tokens[j].kind == .word {
            if text.token(j, isIn: .calendarWord) || text.token(j, isIn: .speechNoun) { return j + 1 }
            if text.token(j, isIn: .finiteVerb) || mentions.isCueVerb(j) { break }
            j += 1
        }
        return s
    }

    /// Whether the word at `k`, before a complementizer, lets "that" open the content
    /// rather than a relative clause ("the plan that …"): the cue itself, a name, a
    /// pronoun, a role, a speech noun ("in a statement that"), an adverb, a comma.
    func mayPrecedeThat(_ k: Int, _ cue: Cue) -> Bool {
        if k <= cue.last || text.token(cue.first, isIn: .addresseeVerb) { return true }
        let t = text.tokens[k]
        if t.kind != .word { return text.isPunct(k, ",") || text.isPunct(k, ")") }
        return mentions.isNameWord(k) || t.isCapitalized || text.token(k, isIn: .objectPronoun) || text.token(k, isIn: .roleNoun)
            || text.token(k, isIn: .nonClauseStart)
            || text.token(k, isIn: .speechNoun) || text.folded(k, hasSuffix: "ly") || text.token(k, isIn: .beforeVerb)
    }

    /// The comma closing a short introductory phrase at `start` ("in this instance,",
    /// "often,"), when no verb stands in it.
    func introPhraseComma(_ start: Int, _ end: Int) -> Int? {
        var j = start
        while j <= end, j - start <= 6 {
            if text.isPunct(j, ",") { return j > start ? j : nil }
            if text.tokens[j].kind != .word && text.tokens[j].kind != .number && !text.isPunct(j, ".") { return nil }
            if text.token(j, isIn: .finiteVerb) || mentions.isCueVerb(j) { return nil }
            j += 1
        }
        return nil
    }

    // MARK: - indirect-trailing-cue

    /// `C, X said.` / `C, said X.`: the content before the comma, the cue clause
    /// closing the sentence or followed by a comma. An interrupted clause
    /// (`Police, Smith says, have no policies`) gives a quote on each side.
    func trailing(_ cue: Cue, _ c: Context) -> [Item] {
        guard !cue.needsThat, cue.first == cue.last, !text.folded(cue.first, hasSuffix: "ing") else { return [] }
        let v = cue.first
        if v + 1 < c.sentence.upperBound, text.token(v + 1, isIn: .infinitiveMarker) { return [] }
        let upper = c.sentence.upperBound
        // The cue clause: a few words to the sentence end or to a comma, no clause of its own.
        var k = v + 1
        while k < upper, !text.isTerminal(k), !text.isPunct(k, ","), !text.isPunct(k, ";"), !text.isDash(k) {
            if c.quoteOf[k] >= 0 || k - v > Self.trailingTail || text.token(k, isIn: .complementizer)
                || text.token(k, isIn: .finiteVerb) || text.token(k, isIn: .subjectPronoun) || mentions.isCueVerb(k) { return [] }
            k += 1
        }
        let tailEnd = k
        let speaker: SpeakerMentions.Mention
        let nameEnd: Int
        let comma: Int
        if v - 1 > c.sentence.lowerBound, text.isPunct(v - 1, ",") {
            // C, said X.
            guard let m = mentions.mention(startingAt: v + 1, upper: tailEnd), !text.token(m.mention.first, isIn: .preposition),
                  !text.token(m.mention.first, isIn: .nonClauseStart) else { return [] }
            (speaker, nameEnd, comma) = (m.mention, m.nameEnd, v - 1)
        } else if let m = mentions.subject(before: v, lower: c.sentence.lowerBound), m.first - 1 > c.sentence.lowerBound,
                  let close = contentClose(before: m.first, c) {
            (speaker, nameEnd, comma) = (m, m.last, close)
        } else {
            // "C, a security guard present at the scene told Reuters": the first mention
            // after the nearest comma (a name or a pronoun, else the description that
            // opens the segment: "…, police said").
            var j = v - 1
            while j > c.sentence.lowerBound, v - j <= Self.trailingSubject, contentClose(before: j + 1, c) == nil {
                if c.quoteOf[j] >= 0 || text.isTerminal(j) || text.token(j, isIn: .finiteVerb) { return [] }
                j -= 1
            }
            guard j > c.sentence.lowerBound, let close = contentClose(before: j + 1, c),
                  let m = mentions.firstMention(j + 1, v) ?? description(startingAt: j + 1, before: v) else { return [] }
            (speaker, nameEnd, comma) = (m, m.last, close)
        }
        guard isSpeaker(speaker) else { return [] }
        let start = c.sentence.lowerBound
        // “Q,” X said: the direct quote's cue.
        if c.quoteOf[start] >= 0, c.quotes[Int(c.quoteOf[start])].pair.close >= comma - 1 { return [] }
        let end = trimEnd(comma - 1, from: start)
        guard end >= start else { return [] }
        let a = Attribution(speaker: speaker, nameEnd: nameEnd, cue: (v, v), sieve: .indirectTrailingCue)
        let isContent = isClause(start, end, coordinatorStart: true)
        // The sentence goes on right after the cue: an interrupted content clause?
        if tailEnd == v + 1, tailEnd < upper, text.isPunct(tailEnd, ","), !isContent,
           !text.token(start, isIn: .nonClauseStart), !text.token(start, isIn: .preposition),
           let second = continuation(after: tailEnd, c), words(start, end) + words(second.lowerBound, second.upperBound) >= Self.minimumWords {
            return [item(start, end, a), item(second.lowerBound, second.upperBound, a)]
        }
        guard isContent else { return [] }
        return [item(start, end, a)]
    }

    /// A description that opens the segment `i..<v` before a trailing cue: a noun phrase
    /// with a determiner ("a security guard present during the raid") or a bare role or
    /// organisation word ("police", "officials"); not a participle's words ("having
    /// given her informed consent").
    func description(startingAt i: Int, before v: Int) -> SpeakerMentions.Mention? {
        guard let m = mentions.mention(startingAt: i, upper: v)?.mention else { return nil }
        if text.token(i, isIn: .determiner) { return m }
        guard m.first == m.last, m.last == v - 1,
              text.token(m.last, isIn: .roleNoun) || text.token(m.last, isIn: .organisationWord) else { return nil }
        return m
    }

    /// Where the content before a trailing cue clause starting at `k` closes: the comma
    /// before `k` (its index), or a quoted fragment ending in a comma (`… of
    /// “three-peat,” Shibley said`: one past the closing mark, so that the content
    /// keeps the fragment, `indirect-trailing-cue` over a mixed sentence). Not a
    /// direct quote, nor one that opens the sentence (`“Q,” X said` is the quote's cue).
    func contentClose(before k: Int, _ c: Context) -> Int? {
        let p = k - 1
        guard p > c.sentence.lowerBound else { return nil }
        if text.isPunct(p, ",") { return p }
        guard c.quoteOf[p] >= 0 else { return nil }
        let q = c.quotes[Int(c.quoteOf[p])]
        guard q.pair.close == p, q.pair.closed, q.verdict != .direct, q.pair.open > c.sentence.lowerBound,
              q.pair.innerEnd - 1 > q.pair.innerStart, text.isPunct(q.pair.innerEnd - 1, ",") else { return nil }
        return p + 1
    }

    /// The second half of an interrupted clause after the comma at `comma`: it goes on
    /// with a verb ("…, Smith says, have no policies"), not with a new clause.
    func continuation(after comma: Int, _ c: Context) -> ClosedRange<Int>? {
        let s = comma + 1
        guard s < c.sentence.upperBound, c.quoteOf[s] < 0, text.tokens[s].kind == .word, text.tokens[s].shape == .lower,
              text.token(s, isIn: .finiteVerb) || text.token(s, isIn: .irregularVerb)
                || text.folded(s, hasSuffix: "ed") || text.folded(s, hasSuffix: "s") else { return nil }
        guard let e = contentEnd(from: s, c) else { return nil }
        return s...e
    }

    // MARK: - indirect-according-to

    /// `According to X, C.` / `C, according to X.` (and `X1, according to X, C2`).
    func accordingTo(_ i: Int, _ c: Context) -> [Item] {
        let n = text.phrase(at: i, .sourcePhrase)
        let cue = (first: i, last: i + n - 1)
        let upper = c.sentence.upperBound
        // The source runs to the next comma or the sentence end.
        var k = i + n
        while k < upper, !text.isTerminal(k), !text.isPunct(k, ",") {
            if c.quoteOf[k] >= 0 { return [] }
            k += 1
        }
        guard let m = mentions.mention(startingAt: i + n, upper: k), isSource(m.mention) else { return [] }
        // "citing", "per", "via": only after a comma and before a name or a role ("3 per cent").
        if n == 1, !(i - 1 >= c.sentence.lowerBound && text.isPunct(i - 1, ",")) || !(mentions.isName(m.mention)
            || mentions.isPronoun(m.mention.first) || text.token(m.mention.last, isIn: .roleNoun)) { return [] }
        let a = Attribution(speaker: m.mention, nameEnd: m.nameEnd, cue: cue, sieve: .indirectAccordingTo)
        let before = i - 1 >= c.sentence.lowerBound && (text.isWordLike(i - 1) || text.isPunct(i - 1, ","))
        if !before {
            // According to X, C.
            guard k < upper, text.isPunct(k, ",") else { return [] }
            let start = k + 1
            guard start < upper, c.quoteOf[start] < 0 || !quoteReachesEnd(Int(c.quoteOf[start]), c),
                  let end = contentEnd(from: start, c), isClause(start, end) else { return [] }
            return [item(start, end, a)]
        }
        // C, according to X.
        let start = c.sentence.lowerBound
        if c.quoteOf[start] >= 0, c.quotes[Int(c.quoteOf[start])].pair.close >= i - 2 { return [] }
        let end = trimEnd(i - 1, from: start)
        guard end >= start else { return [] }
        if k < upper, text.isPunct(k, ","), !isClause(start, end), let second = continuation(after: k, c) {
            return [item(start, end, a), item(second.lowerBound, second.upperBound, a)]
        }
        guard isClause(start, end) else { return [] }
        return [item(start, end, a)]
    }

    /// A source after a source phrase: a name, a pronoun, a role, or a description of
    /// more than one word ("the preliminary findings"), not "per cent".
    func isSource(_ m: SpeakerMentions.Mention) -> Bool {
        mentions.isName(m) || mentions.isPronoun(m.first) || text.token(m.last, isIn: .roleNoun) || m.last > m.first
    }

    /// A speaker of a verb cue: not a possessive ("Thursday’s emailed …"), not a
    /// document ("the data suggests").
    func isSpeaker(_ m: SpeakerMentions.Mention) -> Bool {
        if text.folded(m.last, hasSuffix: "'s") || text.folded(m.last, hasSuffix: "s'") { return false }
        return !text.token(m.last, isIn: .documentNoun)
    }

    // MARK: - Spans

    /// The first token a subject of the cue at `v` may start at: the sentence start,
    /// or after the last quote before the cue in the sentence.
    func clauseStart(before v: Int, _ c: Context) -> Int {
        var k = v - 1
        while k >= c.sentence.lowerBound {
            if c.quoteOf[k] >= 0 { return k + 1 }
            k -= 1
        }
        return c.sentence.lowerBound
    }

    /// The content's last token, from `start`: the sentence's end, or before a
    /// participle cue (", adding that …"), a semicolon, a direct quote, or a new
    /// attribution ("…, but Chapman says …").
    func contentEnd(from start: Int, _ c: Context) -> Int? {
        var j = start
        let upper = c.sentence.upperBound
        while j < upper {
            if text.isPunct(j, ";") { break }
            if j > start, text.isPunct(j, ","), j + 1 < upper, mentions.isCueVerb(j + 1), text.folded(j + 1, hasSuffix: "ing") { break }
            if j > start, text.token(j, isIn: .coordinator), startsAttribution(j + 1, c) { break }
            if c.quoteOf[j] >= 0 {
                let q = c.quotes[Int(c.quoteOf[j])]
                if q.verdict == .direct { break }
                j = q.pair.close + 1
                continue
            }
            j += 1
        }
        let end = trimEnd(j - 1, from: start)
        return end >= start ? end : nil
    }

    /// A subject and a cue verb right after `i` ("Chapman says", "the union said").
    func startsAttribution(_ i: Int, _ c: Context) -> Bool {
        var j = i
        while j < c.sentence.upperBound, j - i < 5, text.tokens[j].kind == .word {
            if mentions.isCueVerb(j) { return j > i && cue(at: j, c) != nil }
            if text.token(j, isIn: .finiteVerb) { return false }
            j += 1
        }
        return false
    }

    /// `e` moved left over closing punctuation (terminal marks, commas, colons, dashes).
    func trimEnd(_ e: Int, from start: Int) -> Int {
        var e = e
        while e >= start, text.isTerminal(e) || text.isPunct(e, ",") || text.isPunct(e, ":") || text.isDash(e) { e -= 1 }
        return e
    }

    func words(_ start: Int, _ end: Int) -> Int {
        guard end >= start else { return 0 }
        var n = 0
        for j in start...end where text.tokens[j].kind == .word || text.tokens[j].kind == .number { n += 1 }
        return n
    }

    /// Content that reads as a clause: enough words, a complementizer or a subject
    /// pronoun at its start, or a subject and then a verb ("the car had been driven",
    /// "Kim left for China"). Not an object ("denied the existence of a link"), not a
    /// clause without subject ("was a lack of transparency"), not an attribution
    /// ("Dennis Brooks says").
    func isClause(_ start: Int, _ end: Int, coordinatorStart: Bool = false, afterVerb: Bool = false) -> Bool {
        guard words(start, end) >= Self.minimumWords else { return false }
        let first = start
        var start = start
        for pass in 0..<2 {
            guard start <= end, text.tokens[start].kind == .word || text.tokens[start].kind == .number else { return false }
            if text.token(start, isIn: .complementizer) || text.token(start, isIn: .subjectPronoun)
                || text.token(start, isIn: .subjectContraction) { return true }
            if text.token(start, isIn: .finiteVerb) || text.tokens[start].shape == .lower && mentions.isCueVerb(start) { return false }
            if text.token(start, isIn: .coordinator) {
                guard coordinatorStart, start + 1 <= end else { return false }
                start += 1
                continue
            }
            // "too often, paramedics won't …", "in this instance, there were …".
            if pass == 0, let comma = introPhraseComma(start, end) {
                start = comma + 1
                continue
            }
            // "At least 48 people were …", "about 550 students attend …": a quantity, not
            // a preposition's object.
            if text.token(start, isIn: .nonClauseStart),
               !(start + 1 <= end && text.tokens[start + 1].kind == .number
                 || start + 2 <= end && text.tokens[start + 2].kind == .number) { return false }
            break
        }
        var j = start
        var sawPreposition = false
        // Verbs owed to relative clauses opened since the start ("the end of a siege that
        // echoed an assault that killed 67": both verbs are the relatives', the content
        // is a noun phrase, the cue's object); the content's own verb comes after them
        // ("the man who was arrested had been drinking").
        var relativeVerbs = 0
        // Only right after a cue verb (its object's place) and after an article does a
        // relative clause read as a noun phrase's ("several times that she …" is a
        // complementizer; content before a trailing cue is a clause anyway).
        let nounPhraseStart = afterVerb && text.token(start, isIn: .article)
        // Right after a cue verb, a determiner or a number may open its object
        // ("announced a series of measures, aimed at …", "posted his best round (a
        // 64 at …"): the content's own verb comes before any comma, bracket or spaced
        // dash, or right after the parenthesis they open closes ("the body of the man,
        // 23, was found"); a verb after them otherwise belongs to a modifier or to the
        // main clause going on.
        let objectPhraseStart = afterVerb && start == first && (text.token(start, isIn: .determiner) || text.tokens[start].kind == .number)
        while j <= end {
            let t = text.tokens[j]
            if objectPhraseStart, j > start, isParenthesisOpener(j, end) {
                guard let verb = verbAfterParenthesis(from: j, end) else { return false }
                j = verb
                continue
            }
            if t.kind == .word {
                if j > start, t.shape == .lower, mentions.isCueVerb(j) { return false }
                if j > start, text.token(j, isIn: .preposition) { sawPreposition = true }
                if j > start, nounPhraseStart, text.token(j, isIn: .relativeOpener) {
                    relativeVerbs += 1
                    j += 1
                    continue
                }
                var verb = false
                if text.token(j, isIn: .finiteVerb) || text.token(j, isIn: .subjectContraction)
                    || text.token(j, isIn: .irregularVerb) && j > start { verb = true }
                else if j > start, t.shape == .lower, !text.token(j - 1, isIn: .determiner), !text.token(j - 1, isIn: .quantityWord),
                   text.tokens[j - 1].kind != .number {
                    if text.folded(j, hasSuffix: "ed") { verb = true }
                    // "Trump wants", "the plan needs", "the UN agreement deals" (not "a dip in
                    // registration for youth ice sports", "the request of the harbour residents").
                    else if text.folded(j, hasSuffix: "s"), !text.folded(j, hasSuffix: "ss"), !text.folded(j, hasSuffix: "'s"),
                       mentions.isNameWord(j - 1) || text.token(start, isIn: .determiner) && !sawPreposition { verb = true }
                }
                if verb {
                    if relativeVerbs == 0 { return true }
                    relativeVerbs -= 1
                    // The relative clause's participles ("was arrested", "has been killed");
                    // a finite verb after them is the content's ("… passed is dead").
                    while j + 1 <= end, text.tokens[j + 1].kind == .word, text.tokens[j + 1].shape == .lower,
                          !text.token(j + 1, isIn: .finiteVerb),
                          text.token(j + 1, isIn: .beForm) || text.folded(j + 1, hasSuffix: "ed") || text.folded(j + 1, hasSuffix: "en") { j += 1 }
                }
            }
            j += 1
        }
        return false
    }

    /// A comma, an opening bracket or a spaced dash (not a hyphen inside a word).
    func isParenthesisOpener(_ j: Int, _ end: Int) -> Bool {
        if text.isPunct(j, ",") || text.isPunct(j, "(") { return true }
        guard text.isDash(j) else { return false }
        let t = text.tokens[j]
        return !(j > 0 && t.start == text.tokens[j - 1].end && j + 1 <= end && text.tokens[j + 1].start == t.end)
    }

    /// The verb right after the parenthesis opened at `j` closes (at a later comma,
    /// bracket or spaced dash within a few words): "…, owned by the line, were
    /// rescued", "… ( 80 km ) was shelled", "the team -- from the museum -- found".
    func verbAfterParenthesis(from j: Int, _ end: Int) -> Int? {
        var k = j + 1
        while k < end, k - j <= Self.parenthesisWindow, !text.isTerminal(k) {
            if isParenthesisOpener(k, end) || text.isPunct(k, ")") {
                let v = k + 1
                guard v <= end, text.tokens[v].kind == .word, text.tokens[v].shape == .lower else { k += 1; continue }
                if text.token(v, isIn: .finiteVerb) || text.token(v, isIn: .modalOrNegation) || text.token(v, isIn: .irregularVerb)
                    || text.folded(v, hasSuffix: "ed") { return v }
            }
            k += 1
        }
        return nil
    }

    /// Whether quote `k` runs from its opening to the end of the sentence (a quoted
    /// complement, which is direct speech).
    func quoteReachesEnd(_ k: Int, _ c: Context) -> Bool {
        var e = c.quotes[k].pair.close + 1
        while e < c.sentence.upperBound, text.isTerminal(e) || text.isQuote(e) { e += 1 }
        return e >= c.sentence.upperBound
    }

    func item(_ start: Int, _ end: Int, _ a: Attribution) -> Item {
        let pair = QuotePairer.Pair(open: start, close: end, closed: true, innerStart: start, innerEnd: end + 1)
        return Item(pair: pair, verdict: .indirect, attribution: a)
    }
}
