extension EntityContext {
    /// Runs of name-like tokens within a sentence, joined by glued hyphens and
    /// full stops (initials, "St."), "&", and lower-case name particles followed by
    /// a name; a possessive ends a run.
    func buildChunks() {
        var i = 0
        let n = tokens.count
        while i < n {
            guard features[i].contains(.nameLike) else { i += 1; continue }
            let start = i
            var end = i + 1
            while end < n, sameSentence(start, end), !features[end - 1].contains(.possessive) {
                let t = tokens[end]
                if t.flags.contains(.lineBreakBefore) { break }
                // "… Ahmed Pellow Image: Twitter": a caption's label before its colon ends the name.
                if isA(end, .captionLabel), isPunct(end + 1, 0x3A) { break }
                if features[end].contains(.nameLike) { end += 1; continue }
                // glued hyphen or full stop: Jean-Pierre, J. K., St. Louis (not across a
                // line: "X.⏎⏎Talbot" is a paragraph of its own, then a name)
                // "Mr. de Vries": particles may follow a title's stop.
                if t.kind == .punctuation, end + 1 < n,
                   features[end + 1].contains(.nameLike) || isPunct(end, 0x2E) && afterParticles(end + 1).map({ $0 < n && features[$0].contains(.nameLike) }) == true,
                   !tokens[end + 1].flags.contains(.lineBreakBefore),
                   isPunct(end, 0x2D) && !t.flags.contains(.spaceBefore) && !tokens[end + 1].flags.contains(.spaceBefore)
                    || isPunct(end, 0x2E) && !t.flags.contains(.spaceBefore) && (features[end - 1].contains(.initial) || features[end - 1].contains(.title) || isA(end - 1, .nameAbbreviation)) {
                    end += 2; continue
                }
                // "Lee Cheuk-yan", "Inzamam-ul-Haq": lower-case parts glued by hyphens inside a name.
                if isPunct(end, 0x2D), end + 1 < n, !t.flags.contains(.spaceBefore), !tokens[end + 1].flags.contains(.spaceBefore),
                   tokens[end + 1].kind == .word, tokens[end + 1].shape == .lower, features[end - 1].contains(.capitalized),
                   !(end + 2 < n && isPunct(end + 2, 0x2D) == false && tokens[end + 2].kind == .word && !tokens[end + 2].flags.contains(.spaceBefore)) {
                    var k = end + 2
                    // take further glued "-Part" pieces
                    while k + 1 < n, isPunct(k, 0x2D), !tokens[k].flags.contains(.spaceBefore), !tokens[k + 1].flags.contains(.spaceBefore),
                          tokens[k + 1].kind == .word {
                        k += 2
                    }
                    if !lowerHyphenCompound(end + 1) { end = k; continue }
                }
                if isPunct(end, 0x26), end + 1 < n, features[end + 1].contains(.nameLike) { end += 2; continue }
                // "Jan van Rijn", "Joost van der Berg": one or two lower-case particles before a name.
                if let next = afterParticles(end), next < n, sameSentence(start, next), features[next].contains(.nameLike),
                   !tokens[next].flags.contains(.lineBreakBefore) {
                    end = next; continue
                }
                break
            }
            // A trailing initial's full stop stays outside; a leading "The" is dropped.
            var s = start
            if isA(s, .definiteArticle) && end - s > 1 { s += 1 }
            // "said de Klerk", "van der Sar": lower-case particles no other name holds open
            // the name (the name before them, if any, would have run on over them).
            if s == start, end - s == 1, s > 0, tokens[s].flags.contains(.spaceBefore), !tokens[s].flags.contains(.lineBreakBefore) {
                if s > 1, afterParticles(s - 2) == s, sameSentence(s - 2, s), isLoneParticle(s - 2, pair: true) {
                    s -= 2
                } else if afterParticles(s - 1) == s, sameSentence(s - 1, s), isLoneParticle(s - 1, pair: false) {
                    s -= 1
                }
            }
            chunks.append(s..<end)
            i = end
        }
    }

    /// The token after one or two lower-case name particles starting at `i` ("van",
    /// "van der", "arap"), or nil when `i` is no such particle.
    private func afterParticles(_ i: Int) -> Int? {
        let n = tokens.count
        guard i < n, tokens[i].shape == .lower, features[i].contains(.particle) else { return nil }
        if i + 2 < n, tokens[i + 1].shape == .lower, features[i + 1].contains(.particle), !features[i + 1].contains(.nameLike) { return i + 2 }
        return i + 1
    }

    /// Whether the lower-case particle at `i` (with the one after it: `pair`) stands
    /// alone before a one-word name, not after a word it could belong to as a
    /// preposition ("Musée de Cluny" runs on already): the token before it is no
    /// capitalised word and, when a lower-case word, an English one (not foreign text:
    /// "et al Morinville"), and a single particle is no English word ("van", "bin",
    /// "bar"; "van der" is a pair of particles).
    private func isLoneParticle(_ i: Int, pair: Bool) -> Bool {
        if i > 0 {
            if features[i - 1].contains(.nameLike) || features[i - 1].contains(.particle) { return false }
            if tokens[i - 1].kind == .word, keys.lookupFirst(i - 1, in: lexicon.commonWords) == nil { return false }
        }
        return pair || keys.lookupFirst(i, in: lexicon.commonWords) == nil
    }

    /// "-led", "-based", "-born", "-backed": a hyphenated adjective, not part of a name.
    /// A short lower-case syllable glued to a capitalised word ("Wai-ching",
    /// "Yiu-chung", "Kwok-hung", "In-so") continues a given name instead.
    private func lowerHyphenCompound(_ i: Int) -> Bool {
        if features[i].contains(.word) { return true }
        if isA(i, .compoundHead) { return true }
        guard keys.foldedKey(i).count >= 6 else { return false }
        return endsWith(i, oneOf: lexicon.compoundEndings, stem: 1)
    }
}
