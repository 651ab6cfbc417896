/// Attributes quotes to speakers with ordered sieves (after CoreNLP's
/// QuoteAttributionAnnotator): each quote takes the first sieve that finds a
/// speaker, and records that sieve's name. See SIEVES.md.
struct SpeakerAttributor {
    let text: QuoteText
    let mentions: SpeakerMentions

    /// What a sieve found for one quote.
    struct Attribution {
        var speaker: SpeakerMentions.Mention
        /// Last token of the speaker's full description (for the resolved name).
        var nameEnd: Int
        var cue: (first: Int, last: Int)?
        var sieve: QuoteRule
    }

    /// Where a quote's cue may be: after the previous direct quote (`previousClose`,
    /// its closing mark, or -1) and before the next one (`nextOpen`, or the token count).
    struct Window {
        var previousClose: Int
        var nextOpen: Int
        /// Tokens inside any quote: no cue of another quote ("… and “thought leader.”").
        var quoted: [Bool] = []

        func isQuoted(_ i: Int) -> Bool { !quoted.isEmpty && quoted[i] }
    }

    /// One quote going through the sieves.
    struct Item {
        var pair: QuotePairer.Pair
        var verdict: QuoteKindClassifier.Verdict
        var attribution: Attribution?
    }

    init(text: QuoteText) {
        self.text = text
        self.mentions = SpeakerMentions(text: text)
    }

    /// Runs the sieves of the quotes themselves in order (``Sieve/direct``, then
    /// ``Sieve/anyQuote``) over all quotes.
    func attribute(_ items: inout [Item]) {
        var quoted = [Bool](repeating: false, count: text.count)
        for item in items { for i in item.pair.open...item.pair.close { quoted[i] = true } }
        for k in items.indices {
            let item = items[k]
            // Cue windows end at neighbouring direct quotes; titles and partial quotes
            // inside a window ("needled the CNN “reporter,” saying, “…”") do not cut it.
            var p = k - 1
            while p >= 0, items[p].verdict != .direct, item.pair.open - items[p].pair.close < 40 { p -= 1 }
            let previousClose = p >= 0 ? items[p].pair.close : -1
            var n = k + 1
            while n < items.count, items[n].verdict != .direct, items[n].pair.open - item.pair.close < 40 { n += 1 }
            let nextOpen = n < items.count ? items[n].pair.open : text.count
            let window = Window(previousClose: previousClose, nextOpen: nextOpen, quoted: quoted)
            if item.verdict == .direct {
                for sieve in Sieve.direct {
                    if let a = run(sieve, item.pair, window) { items[k].attribution = a; break }
                }
            }
            for sieve in Sieve.anyQuote where items[k].attribution == nil && item.verdict.isSpeech {
                var a = run(sieve, item.pair, window)
                // A title or scare quote takes a sentence cue's speaker only when it is a
                // name, a pronoun or a role ("the prime minister"), not a bare plural
                // (a generic group), or comes with "according to" ("“affordable” … a
                // word critics say" has no speaker).
                if item.verdict == .title, let b = a,
                   !(mentions.isName(b.speaker) || mentions.isPronoun(b.speaker.first)
                     || text.token(b.speaker.last, isIn: .roleNoun) && !mentions.isBarePlural(b.speaker)),
                   !(b.cue.map { text.phrase(at: $0.first, .sourcePreposition) > 0 } ?? false) {
                    a = nil
                }
                items[k].attribution = a
            }
        }
    }

    /// Continuation: a direct quote with no cue of its own, in the paragraph of (or
    /// the one after) the previous attributed quote (direct, partial or reported
    /// speech), keeps that speaker. `items` are in text order.
    func continueSpeakers(_ items: inout [Item]) {
        var last: (Attribution, Int32)? = nil
        for k in items.indices {
            let paragraph = text.paragraphOf[items[k].pair.open]
            if items[k].attribution == nil, items[k].verdict == .direct, let (a, p) = last, paragraph - p <= 1 {
                var c = a
                c.sieve = .continuation
                c.cue = nil
                items[k].attribution = c
            }
            if let a = items[k].attribution, items[k].verdict != .title, items[k].verdict.isSpeech {
                last = (a, text.paragraphOf[items[k].pair.close])
            }
        }
    }

    /// One sieve's answer for a quote.
    func run(_ sieve: Sieve, _ pair: QuotePairer.Pair, _ window: Window) -> Attribution? {
        switch sieve {
        case .trailingCue: return trailingCue(pair, window)
        case .dashByline: return dashByline(pair, window)
        case .leadingCue: return leadingCue(pair, window)
        case .colonIntro: return introducedQuote(pair, window)
        case .trailingPattern: return trailingPattern(pair, window)
        case .colonSubject: return colonSubject(pair, window)
        case .previousSentenceCue: return previousSentenceCue(pair, window)
        case .sentenceCue: return sentenceCue(pair, window)
        // These find new quotes or run over the whole document after the others.
        case .reportedSpeech, .continuation: return nil
        }
    }

    // MARK: - Sieves

    /// `"Q," X said` / `"Q," said X` / `"Q" … X told reporters`: a cue right after the quote.
    func trailingCue(_ pair: QuotePairer.Pair, _ window: Window) -> Attribution? {
        let nextOpen = window.nextOpen
        let start = pair.close + 1
        guard start < text.count, text.paragraphOf[start] == text.paragraphOf[pair.close] else { return nil }
        // A quote that ends its sentence takes a cue from a lower-case continuation
        // ("?” he asked) or from a short next sentence ("….” Trump said.), never from a
        // sentence that introduces the next quote ("….” He added, “…”).
        let crosses = text.sentenceOf[start] != text.sentenceOf[pair.close]
        if crosses, text.tokens[start].kind != .word { return nil }
        let sentence = text.sentenceOf[start]
        var upper = start
        while upper < min(nextOpen, text.count), upper - start < 30,
              text.sentenceOf[upper] == sentence || (upper == start) {
            upper += 1
        }
        var i = start
        while i < upper, !text.isWordLike(i) {
            if text.isTerminal(i) && !text.isQuote(i) { return nil }
            i += 1
        }
        guard i < upper else { return nil }
        // “Q,” adding that …: the participle belongs to the cue before the quote.
        if mentions.isCueVerb(i), text.folded(i, hasSuffix: "ing") { return nil }
        // Inverted: "said Trump", "says the economist Jared Bernstein".
        if mentions.isCueVerb(i), let m = mentions.mention(startingAt: i + 1, upper: upper) {
            return Attribution(speaker: m.mention, nameEnd: m.nameEnd, cue: (i, i), sieve: .trailingInverted)
        }
        var words = 0
        var j = i
        let maxWords = crosses && text.tokens[start].shape != .lower ? 6 : 18
        while j < upper, words < maxWords {
            if text.isTerminal(j) && !isAbbreviationStop(j) { return nil }
            if text.isWordLike(j) {
                words += 1
                if mentions.isCueVerb(j) {
                    if crosses, nextOpen < text.count, text.sentenceOf[nextOpen] == text.sentenceOf[j] { return nil }
                    if let m = subject(ofCue: j, lower: start) {
                        return Attribution(speaker: m, nameEnd: m.last, cue: (j, j), sieve: .trailingCue)
                    }
                    if let m = mentions.mention(startingAt: j + 1, upper: upper) {
                        return Attribution(speaker: m.mention, nameEnd: m.nameEnd, cue: (j, j), sieve: .trailingInverted)
                    }
                    return nil
                }
                if let a = accordingTo(j, upper: upper) { return a }
            }
            j += 1
        }
        return nil
    }

    /// `X said: "Q"`, `X told Y: "Q"`, `According to X, "Q"`, and the second half of a
    /// split quote (`"Q1," X said, "Q2"`): a cue before the quote in its sentence.
    func leadingCue(_ pair: QuotePairer.Pair, _ window: Window) -> Attribution? {
        let previousClose = window.previousClose
        let open = pair.open
        guard open > 0 else { return nil }
        let sentence = text.sentences[Int(text.sentenceOf[open])]
        let paragraph = text.paragraphs[Int(text.paragraphOf[open])]
        var lower = max(sentence.lowerBound, paragraph.lowerBound)
        var split = false
        if previousClose >= lower {
            lower = previousClose + 1
            split = true
        }
        // A quote opening its own sentence may still follow "X said:" ending the one before.
        if open == sentence.lowerBound, !split, open > paragraph.lowerBound, text.isPunct(open - 1, ":") || text.isPunct(open - 1, ",") {
            let previous = text.sentences[Int(text.sentenceOf[open - 1])]
            lower = max(previous.lowerBound, paragraph.lowerBound, previousClose + 1)
        }
        guard lower < open else { return nil }
        var j = open - 1
        while j >= lower, open - j <= 16 {
            if text.isWordLike(j) {
                if mentions.isCueVerb(j) {
                    let sieve: QuoteRule = split ? .splitQuote : .leadingCue
                    if let m = subject(ofCue: j, lower: lower) {
                        return Attribution(speaker: m, nameEnd: m.last, cue: (j, j), sieve: sieve)
                    }
                    if let m = mentions.mention(startingAt: j + 1, upper: open) {
                        return Attribution(speaker: m.mention, nameEnd: m.nameEnd, cue: (j, j), sieve: sieve)
                    }
                }
                if let a = accordingTo(j, upper: open) { return a }
            }
            j -= 1
        }
        return nil
    }

    /// A quote opening a paragraph or sentence after a sentence that ends in a colon
    /// (`Det Insp Smith said:` ¶ `“Q”`): the cue and speaker of that sentence.
    func introducedQuote(_ pair: QuotePairer.Pair, _ window: Window) -> Attribution? {
        let previousClose = window.previousClose
        let open = pair.open
        guard open > 0, text.tokens[open].flags.contains(.sentenceStart) || text.tokens[open].flags.contains(.paragraphStart),
              text.isPunct(open - 1, ":") else { return nil }
        let sentence = text.sentences[Int(text.sentenceOf[open - 1])]
        let lower = max(sentence.lowerBound, previousClose + 1)
        guard lower < open - 1 else { return nil }
        var j = open - 2
        while j >= lower {
            if text.isWordLike(j), mentions.isCueVerb(j) {
                if let m = subject(ofCue: j, lower: lower) {
                    return Attribution(speaker: m, nameEnd: m.last, cue: (j, j), sieve: .colonIntro)
                }
                if let m = mentions.mention(startingAt: j + 1, upper: open - 1) {
                    return Attribution(speaker: m.mention, nameEnd: m.nameEnd, cue: (j, j), sieve: .colonIntro)
                }
            }
            j -= 1
        }
        return nil
    }

    /// Any reporting cue in the quote's sentence, nearest first (partial quotes:
    /// `Theresa May said that terrorists would “never succeed”`; `an “appalling
    /// incident”, the prime minister said`). A participle after a comma ("…, adding
    /// that") takes the subject of the verb before it.
    func sentenceCue(_ pair: QuotePairer.Pair, _ window: Window) -> Attribution? {
        let previousClose = window.previousClose, nextOpen = window.nextOpen
        let sentence = text.sentences[Int(text.sentenceOf[pair.open])]
        let endSentence = text.sentences[Int(text.sentenceOf[pair.close])]
        let lower = max(sentence.lowerBound, previousClose + 1)
        let upper = min(endSentence.upperBound, nextOpen)
        // Candidates, nearest first: left of the quote, then right of it.
        var best: (Int, Int)? = nil  // (distance, token)
        var j = pair.open - 1
        while j >= lower {
            if !window.isQuoted(j), mentions.isCueVerb(j) || isAccording(j) { best = (pair.open - j, j); break }
            j -= 1
        }
        j = pair.close + 1
        while j < upper {
            if !window.isQuoted(j), mentions.isCueVerb(j) || isAccording(j) {
                if best == nil || j - pair.close < best!.0 { best = (j - pair.close, j) }
                break
            }
            j += 1
        }
        guard let (_, v) = best else { return nil }
        if let a = accordingTo(v, upper: upper) { var c = a; c.sieve = .sentenceCue; return c }
        let floor = v > pair.close ? pair.close + 1 : lower
        if text.folded(v, hasSuffix: "ing"), v - 1 >= floor, text.isPunct(v - 1, ",") {
            // "…, the prime minister said, adding that": the subject of the verb before.
            var k = v - 2
            while k >= lower, !mentions.isCueVerb(k) { k -= 1 }
            if k >= lower, let m = mentions.subject(before: k, lower: lower) ?? mentions.mention(startingAt: k + 1, upper: v - 1)?.mention {
                return Attribution(speaker: m, nameEnd: m.last, cue: (v, v), sieve: .sentenceCue)
            }
        }
        if let m = mentions.subject(before: v, lower: floor) {
            return Attribution(speaker: m, nameEnd: m.last, cue: (v, v), sieve: .sentenceCue)
        }
        if let m = mentions.mention(startingAt: v + 1, upper: v < pair.open ? pair.open : upper) {
            return Attribution(speaker: m.mention, nameEnd: m.nameEnd, cue: (v, v), sieve: .sentenceCue)
        }
        return nil
    }

    // MARK: - Helpers

    /// The subject of a cue verb; a participle ("…, adding", "responded … writing")
    /// takes the subject of the cue verb before it in the window.
    func subject(ofCue v: Int, lower: Int) -> SpeakerMentions.Mention? {
        if text.folded(v, hasSuffix: "ing"), v - 1 >= lower {
            let b = v - 1
            if !text.token(b, isIn: .beForm) {
                var k = v - 1
                while k >= lower, v - k < 25 {
                    if mentions.isCueVerb(k), !text.folded(k, hasSuffix: "ing") {
                        if let m = mentions.subject(before: k, lower: lower) { return m }
                        break
                    }
                    if text.isQuote(k) { break }
                    k -= 1
                }
                // "Weaver didn’t seem impressed …, telling reporters": the clause's subject.
                if let m = firstMention(lower, v) { return m }
                return nil
            }
        }
        return mentions.subject(before: v, lower: lower)
    }

    func firstMention(_ lower: Int, _ upper: Int) -> SpeakerMentions.Mention? {
        mentions.firstMention(lower, upper)
    }

    /// `"Q," he surmised.` / `"Q," reacted Trump.`: a mention and a verb-like word that
    /// is not in the lexicon, alone between the quote and the end of the clause.
    func trailingPattern(_ pair: QuotePairer.Pair, _ window: Window) -> Attribution? {
        let last = pair.innerEnd - 1
        guard pair.closed, last >= pair.innerStart,
              text.isPunct(last, ",") || text.isPunct(last, "?") || text.isPunct(last, "!") || text.isDash(last) else { return nil }
        var i = pair.close + 1
        guard i < text.count, text.paragraphOf[i] == text.paragraphOf[pair.close] else { return nil }
        if text.isPunct(i, ",") { i += 1 }
        guard i + 1 < text.count else { return nil }
        func isVerbLike(_ k: Int) -> Bool {
            let t = text.tokens[k]
            guard t.kind == .word, t.shape == .lower else { return false }
            return (text.folded(k, hasSuffix: "ed") || text.folded(k, hasSuffix: "s"))
                && !text.token(k, isIn: .clauseStop) && text.folded(k).count > 3
        }
        func endsClause(_ k: Int) -> Bool {
            k >= text.count || text.isTerminal(k) || text.isPunct(k, ",") || text.tokens[k].flags.contains(.paragraphStart)
                || text.tokens[k].shape == .lower && text.token(k, isIn: .preposition)
        }
        let limit = min(text.count, i + 8)
        if mentions.isPronoun(i) || mentions.isNameWord(i), let m = mentions.mention(startingAt: i, upper: limit) {
            let v = m.mention.last + 1
            if v < text.count, isVerbLike(v), endsClause(v + 1) {
                return Attribution(speaker: m.mention, nameEnd: m.nameEnd, cue: (v, v), sieve: .trailingPattern)
            }
        }
        if isVerbLike(i), let m = mentions.mention(startingAt: i + 1, upper: limit), endsClause(m.mention.last + 1) {
            return Attribution(speaker: m.mention, nameEnd: m.nameEnd, cue: (i, i), sieve: .trailingPattern)
        }
        return nil
    }

    /// `“Q” ― Oscar P. Quintero` / `"Q" ¶ - Hillary Clinton.`: a dash and a name after
    /// the quote, closing the paragraph.
    func dashByline(_ pair: QuotePairer.Pair, _ window: Window) -> Attribution? {
        var i = pair.close + 1
        guard i < text.count else { return nil }
        if text.tokens[i].flags.contains(.paragraphStart) && text.paragraphOf[i] - text.paragraphOf[pair.close] > 1 { return nil }
        guard text.isDash(i) || text.isPunct(i, "~") else { return nil }
        i += 1
        let paragraph = text.paragraphs[Int(text.paragraphOf[i - 1])]
        guard i < paragraph.upperBound, mentions.isNameWord(i),
              let m = mentions.mention(startingAt: i, upper: min(paragraph.upperBound, i + 8)) else { return nil }
        return Attribution(speaker: m.mention, nameEnd: m.nameEnd, cue: (i - 1, i - 1), sieve: .dashByline)
    }

    /// `…, Schiff said. “Q”`: a quote opening a sentence right after a sentence of
    /// indirect speech that ends with its cue, in the same paragraph.
    func previousSentenceCue(_ pair: QuotePairer.Pair, _ window: Window) -> Attribution? {
        let previousClose = window.previousClose
        let open = pair.open
        guard open > 0, text.tokens[open].flags.contains(.sentenceStart), !text.tokens[open].flags.contains(.paragraphStart),
              text.isTerminal(open - 1), text.isPunct(open - 1, ".") else { return nil }
        let sentence = text.sentences[Int(text.sentenceOf[open - 1])]
        let lower = max(sentence.lowerBound, previousClose + 1)
        var j = open - 2
        var words = 0
        while j >= lower, words < 6 {
            if text.isQuote(j) { return nil }
            if text.isWordLike(j) {
                words += 1
                if mentions.isCueVerb(j), !text.folded(j, hasSuffix: "ing") {
                    if let m = mentions.subject(before: j, lower: lower) ?? mentions.mention(startingAt: j + 1, upper: open - 1)?.mention,
                       mentions.isName(m) || mentions.isPronoun(m.first) {
                        return Attribution(speaker: m, nameEnd: m.last, cue: (j, j), sieve: .previousSentenceCue)
                    }
                    return nil
                }
            }
            j -= 1
        }
        return nil
    }

    /// A quote right after a colon with no cue verb before it ("She then addressed the
    /// supporters again:", "Carly Fiorina:"): the subject of the clause, the colon as cue.
    func colonSubject(_ pair: QuotePairer.Pair, _ window: Window) -> Attribution? {
        let previousClose = window.previousClose
        let open = pair.open
        guard open > 0, text.isPunct(open - 1, ":") || text.isPunct(open - 1, ",") else { return nil }
        let sentence = text.sentences[Int(text.sentenceOf[open - 1])]
        let paragraph = text.paragraphs[Int(text.paragraphOf[open - 1])]
        let lower = max(sentence.lowerBound, paragraph.lowerBound, previousClose + 1)
        guard lower < open - 1, let m = firstMention(lower, open - 1) else { return nil }
        // After a comma the cue is the comma only when the clause has no verb of its own
        // that takes a quote ("Clinton shared her anxiety with an audience, “…”").
        return Attribution(speaker: m, nameEnd: m.last, cue: (open - 1, open - 1),
                           sieve: text.isPunct(open - 1, ":") ? .colonSubject : .commaSubject)
    }

    private func isAccording(_ i: Int) -> Bool {
        text.tokens[i].kind == .word && text.phrase(at: i, .sourcePreposition) > 0
    }

    /// `according to X`: a `source-preposition` phrase and the mention after it.
    private func accordingTo(_ i: Int, upper: Int) -> Attribution? {
        guard text.tokens[i].kind == .word else { return nil }
        let n = text.phrase(at: i, .sourcePreposition)
        guard n > 0, let m = mentions.mention(startingAt: i + n, upper: upper) else { return nil }
        return Attribution(speaker: m.mention, nameEnd: m.nameEnd, cue: (i, i + n - 1), sieve: .accordingTo)
    }

    /// "Mr." or "U.S." style stops inside a sentence.
    private func isAbbreviationStop(_ i: Int) -> Bool {
        i > 0 && text.isPunct(i, ".") && text.tokens[i].start == text.tokens[i - 1].end
            && text.token(i - 1, isIn: .title)
    }
}
