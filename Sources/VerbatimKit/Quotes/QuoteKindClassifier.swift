/// Decides whether a paired quote is direct speech, a partial quote, or not speech
/// at all (a title or scare quote).
///
/// Measured on PolNeAR train: quotes that open a sentence or a paragraph, or follow
/// a colon, are direct speech in ~95% of cases; quotes after a comma are direct when
/// they hold more than three words; quotes inside the narrator's syntax (after "the",
/// "called", "that", …) are partial quotes.
///
/// Titles and scare quotes (up to three words, no punctuation of their own, e.g.
/// “Broad City”, “affordable”) are kept as `partial` quotes, and are not given a
/// speaker unless a reporting cue in the same sentence names one. They never count
/// as direct speech.
struct QuoteKindClassifier {
    enum Verdict: Equatable {
        case direct
        case partial
        /// A title or scare quote: partial, and only attributed through a sentence cue.
        case title
        /// Reported speech without quotation marks (``ReportedSpeech``).
        case indirect
        /// Page furniture: a quote inside a "READ MORE:" / "WATCH:" link line. Not
        /// speech: partial, no speaker.
        case furniture
        /// One of a list of words or phrases in quotation marks ("“platform,”
        /// “ghosting,” “yeet” and “crusty”"). Not speech: partial, no speaker.
        case wordList

        /// Quotation marks that hold no speech: never attributed.
        var isSpeech: Bool { self != .furniture && self != .wordList }
    }

    /// Where the quote stands in its sentence.
    enum Position: Equatable { case sentenceStart, afterColon, afterComma, inside }

    func position(_ pair: QuotePairer.Pair, _ text: QuoteText) -> Position {
        let open = pair.open
        let t = text.tokens[open]
        if t.flags.contains(.paragraphStart) || open == 0 { return .sentenceStart }
        // Skip a dash or an opening bracket before the mark.
        var p = open - 1
        if text.isDash(p) || text.isPunct(p, "(") {
            if p == 0 || text.tokens[p].flags.contains(.paragraphStart) { return .sentenceStart }
            p -= 1
        }
        if text.isTerminal(p) { return .sentenceStart }
        // .” “ : the previous quote ended a sentence.
        if text.isQuote(p), p > 0, text.isTerminal(p - 1) { return .sentenceStart }
        if text.isPunct(p, ":") { return .afterColon }
        if text.isPunct(p, ",") || text.isPunct(p, ";") { return .afterComma }
        if t.flags.contains(.sentenceStart) { return .sentenceStart }
        return .inside
    }

    func classify(_ pair: QuotePairer.Pair, _ text: QuoteText) -> Verdict {
        if text.isFurniture(paragraphOf: pair.open) { return .furniture }
        var words = 0
        var lastInner = pair.innerEnd - 1
        var i = pair.innerStart
        while i < pair.innerEnd {
            if text.isWordLike(i) { words += 1 }
            i += 1
        }
        while lastInner >= pair.innerStart, text.isQuote(lastInner) { lastInner -= 1 }
        let endsWithPunct = lastInner >= pair.innerStart
            && (text.isTerminal(lastInner) || text.isPunct(lastInner, ",") || text.isDash(lastInner))
        let endsSentence = lastInner >= pair.innerStart && text.isTerminal(lastInner)
        if words == 0 { return .title }
        // ‘A really tough decision.’ alone in its paragraph: a section heading in single
        // marks; ‘THE OTHER SIDE OF THE PARTY’: an ALL-CAPS headline.
        if words <= 6, isWholeParagraph(pair, text), text.tokens[pair.open].quote?.family == .single { return .title }
        if words >= 2, isAllCaps(pair, text) { return .title }
        // “Make Your Kid a Millionaire,” / ‘All Bets Are Off.’: a title-case title or headline.
        if words >= 2, words <= 8, isTitleCase(pair, text), words >= 3 || !followedByCue(pair, text) { return .title }
        switch position(pair, text) {
        case .sentenceStart, .afterColon:
            if words <= 3 && !endsWithPunct && !followedByCue(pair, text) { return .title }
            // “He can assert it, but it seems unlikely” that Sanders can win …: the
            // narrator's sentence goes on. When it goes on to name the speaker ("“The
            // person driving did not go out” of the vehicle, she said"), the quote is
            // still the reported speech (the project's gold, Corpora/gold).
            if !endsWithPunct && continuesNarration(pair, text) && !cueLaterInSentence(pair, text) { return .partial }
            return .direct
        case .afterComma:
            let comma = pair.open - 1
            // "police officers who, “in fits and starts …”", "said via email that, “Of course …”".
            if comma > 0, text.tokens[comma - 1].kind == .word, text.tokens[comma - 1].shape == .lower,
               text.token(comma - 1, isIn: .clauseWord) { return .partial }
            // "With thousands of systems, “there is no single point of failure,” he said":
            // a lower-case fragment after a comma is speech only right after a cue.
            if text.tokens[pair.innerStart].shape == .lower, !cueBefore(comma, text), !splitAfterCue(pair, text) { return .partial }
            if words > 3 || endsSentence { return .direct }
            return endsWithPunct ? .partial : .title
        case .inside:
            // Trump said “Bush and even Obama sent people back …”: speech right after the
            // verb; "The chief said “we are not there yet.”": a complement quoted whole to
            // the end of its sentence in the speaker's own person is direct speech too (not
            // after a naming or belief verb: called it “our No. 1 foe.”).
            if words > 3, pair.open > 0, text.tokens[pair.open - 1].shape == .lower, text.token(pair.open - 1, isIn: .speechVerb),
               text.tokens[pair.innerStart].isCapitalized
                || text.token(pair.innerStart, isIn: .firstPerson) && (endsSentence || closesSentence(pair, text))
                    && !text.token(pair.open - 1, isIn: .mannerVerb) && !text.token(pair.open - 1, isIn: .beliefVerb) { return .direct }
            return words <= 3 && !endsWithPunct ? .title : .partial
        }
    }

    /// The sentence ends right after the closing mark (`said “we are not there yet”.`).
    private func closesSentence(_ pair: QuotePairer.Pair, _ text: QuoteText) -> Bool {
        let i = pair.close + 1
        return i >= text.count || text.tokens[i].flags.contains(.paragraphStart) || text.isTerminal(i)
    }

    /// The fewest quotes that make a list of words.
    static let wordListLength = 3
    /// The most words a quote in a list of words holds.
    static let wordListWords = 4

    /// Marks runs of at least three short quotes separated only by commas and list
    /// conjunctions ("“wrap my head around,” “grapple,” “optics” and “eschew”") as
    /// lists of words, after the sieves: not when one is direct speech, nor when a cue
    /// gives them a person as speaker ("Trump called him “unstable,” “weak” and
    /// “sick”" is speech).
    func markWordLists(_ items: inout [SpeakerAttributor.Item], _ text: QuoteText, _ mentions: SpeakerMentions) {
        var k = 0
        while k < items.count {
            var e = k
            while e + 1 < items.count, isShort(items[e].pair, text), isShort(items[e + 1].pair, text),
                  onlyListSeparators(from: items[e].pair.close + 1, to: items[e + 1].pair.open, text) { e += 1 }
            if e - k + 1 >= Self.wordListLength, !items[k...e].contains(where: { item in
                item.verdict == .direct || item.attribution.map { a in
                    mentions.isName(a.speaker) || mentions.isPronoun(a.speaker.first) || text.token(a.speaker.last, isIn: .roleNoun)
                } ?? false
            }) {
                for j in k...e {
                    items[j].verdict = .wordList
                    items[j].attribution = nil
                }
            }
            k = e + 1
        }
    }

    private func isShort(_ pair: QuotePairer.Pair, _ text: QuoteText) -> Bool {
        var words = 0
        for i in pair.innerStart..<pair.innerEnd where text.isWordLike(i) { words += 1 }
        return words >= 1 && words <= Self.wordListWords
    }

    /// Only commas, "and"/"or" between two quotes of one paragraph.
    private func onlyListSeparators(from s: Int, to e: Int, _ text: QuoteText) -> Bool {
        guard e - s <= 2, text.paragraphOf[s < e ? s : e] == text.paragraphOf[e] else { return false }
        for i in s..<e where !(text.isPunct(i, ",") || text.token(i, isIn: .listConjunction)) { return false }
        return true
    }

    /// The narrator's sentence runs on after the closing mark with a lower-case word
    /// that is neither a pronoun nor a reporting verb ("that", "for", "of").
    private func continuesNarration(_ pair: QuotePairer.Pair, _ text: QuoteText) -> Bool {
        let i = pair.close + 1
        guard i < text.count, text.tokens[i].kind == .word, text.tokens[i].shape == .lower,
              !text.tokens[i].flags.contains(.paragraphStart) else { return false }
        if text.token(i, isIn: .subjectPronoun) || text.token(i, isIn: .determiner) { return false }
        return !text.token(i, isIn: .speechVerb)
    }

    /// `"The risk," said Edward Leamer, an economist, "is that …"`: the second half of a
    /// split quote (a quote ending in a comma, then a cue, in the same sentence).
    private func splitAfterCue(_ pair: QuotePairer.Pair, _ text: QuoteText) -> Bool {
        var k = pair.open - 1
        var sawCue = false
        while k >= 0, pair.open - k < 30, !text.isTerminal(k) || text.isQuote(k + 1) {
            if text.isQuote(k) {
                // The previous quote must end in a comma: ,” or ,"
                return sawCue && k > 0 && (text.isPunct(k - 1, ",") || text.isPunct(k + 1, ","))
            }
            if text.tokens[k].kind == .word, text.tokens[k].shape == .lower, text.token(k, isIn: .speechVerb) { sawCue = true }
            k -= 1
        }
        return false
    }

    private func isWholeParagraph(_ pair: QuotePairer.Pair, _ text: QuoteText) -> Bool {
        let p = text.paragraphs[Int(text.paragraphOf[pair.open])]
        guard pair.open == p.lowerBound else { return false }
        var end = pair.close + 1
        while end < p.upperBound, text.isTerminal(end) { end += 1 }
        return end == p.upperBound
    }

    private func isAllCaps(_ pair: QuotePairer.Pair, _ text: QuoteText) -> Bool {
        var i = pair.innerStart
        var upper = 0
        while i < pair.innerEnd {
            let t = text.tokens[i]
            if t.kind == .word {
                if t.shape == .lower || t.shape == .title && t.length > 1 || t.shape == .mixed { return false }
                if t.shape == .upper { upper += 1 }
            }
            i += 1
        }
        return upper >= 2
    }


    /// A reporting verb within the three words before `i` ("said,", "told reporters,").
    private func cueBefore(_ i: Int, _ text: QuoteText) -> Bool {
        var k = i - 1
        var words = 0
        while k >= 0, words < 3, !text.isQuote(k), !text.isTerminal(k) {
            if text.tokens[k].kind == .word {
                if text.tokens[k].shape == .lower, text.token(k, isIn: .speechVerb) { return true }
                words += 1
            }
            k -= 1
        }
        return false
    }

    /// Every word capitalised except short function words.
    private func isTitleCase(_ pair: QuotePairer.Pair, _ text: QuoteText) -> Bool {
        var i = pair.innerStart
        while i < pair.innerEnd {
            let t = text.tokens[i]
            if t.kind == .word, !t.isCapitalized {
                if !text.token(i, isIn: .titleSmallWord) { return false }
            }
            if text.isTerminal(i), i + 1 < pair.innerEnd, !text.isQuote(i + 1) { return false }
            i += 1
        }
        return text.tokens[pair.innerStart].isCapitalized
    }


    /// A reporting verb after a comma later in the quote's sentence.
    private func cueLaterInSentence(_ pair: QuotePairer.Pair, _ text: QuoteText) -> Bool {
        var i = pair.close + 1
        var sawComma = false
        while i < text.count, i - pair.close < 40, !text.tokens[i].flags.contains(.paragraphStart) {
            if text.isQuote(i) || text.isTerminal(i) { return false }
            if text.isPunct(i, ",") { sawComma = true }
            if sawComma, text.tokens[i].kind == .word, text.tokens[i].shape == .lower, text.token(i, isIn: .speechVerb) { return true }
            i += 1
        }
        return false
    }

    /// “No,” he said / “Yes” said Smith: a cue right after a short quote makes it speech.
    private func followedByCue(_ pair: QuotePairer.Pair, _ text: QuoteText) -> Bool {
        var i = pair.close + 1
        var seen = 0
        while i < text.count, seen < 4 {
            if text.tokens[i].flags.contains(.paragraphStart) || text.isQuote(i) { return false }
            if text.isWordLike(i) {
                if text.tokens[i].shape == .lower, text.token(i, isIn: .speechVerb) { return true }
                seen += 1
            } else if text.isTerminal(i) {
                return false
            }
            i += 1
        }
        return false
    }
}
