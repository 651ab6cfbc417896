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
                if features[end].contains(.nameLike) { end += 1; continue }
                // glued hyphen or full stop: Jean-Pierre, J. K., St. Louis (not across a
                // line: "X.⏎⏎Talbot" is a paragraph of its own, then a name)
                if t.kind == .punctuation, end + 1 < n, features[end + 1].contains(.nameLike), !tokens[end + 1].flags.contains(.lineBreakBefore),
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
                if t.shape == .lower, features[end].contains(.particle), end + 1 < n, features[end + 1].contains(.nameLike) {
                    end += 1; continue
                }
                break
            }
            // A trailing initial's full stop stays outside; a leading "The" is dropped.
            var s = start
            if isA(s, .definiteArticle) && end - s > 1 { s += 1 }
            chunks.append(s..<end)
            i = end
        }
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
