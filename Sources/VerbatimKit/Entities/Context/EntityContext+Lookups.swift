extension EntityContext {
    /// The longest entry of `table` starting at token `i` and ending by `limit`
    /// (not memoised: for tables outside ``EntityLexicon/Walked``, such as the user's list).
    func longest(_ table: LexiconTable, from i: Int, limit: Int, caseSensitive: Bool = false) -> LexiconMatch? {
        matcher.longest(in: table, tokens: tokens, keys: keys, from: i, limit: limit, caseSensitive: caseSensitive)
    }

    /// The longest entry of a walked table starting at token `i` and ending by `limit`.
    /// Look-ups bounded by the end of the token's chunk (what the recognizers ask
    /// most) are memoised per token; a tighter bound is answered from that memo when
    /// the chunk's longest match already ends within it (or there is none).
    func longest(_ walked: EntityLexicon.Walked, from i: Int, limit: Int, caseSensitive: Bool = false) -> LexiconMatch? {
        guard i < chunkEnd.count, walkMemoRow[i] >= 0 else {
            return walk(walked, from: i, limit: limit, caseSensitive: caseSensitive)
        }
        // No key of the table starts with this chunk token: the walk would find nothing.
        guard walkStarts[Int(walkMemoRow[i])] & (1 << UInt8(walked.rawValue)) != 0 else { return nil }
        guard limit <= Int(chunkEnd[i]) else {
            return walk(walked, from: i, limit: limit, caseSensitive: caseSensitive)
        }
        guard let m = chunkLongest(walked, from: i, caseSensitive: caseSensitive) else { return nil }
        if m.end <= limit { return m }
        return walk(walked, from: i, limit: limit, caseSensitive: caseSensitive)
    }

    private func chunkLongest(_ walked: EntityLexicon.Walked, from i: Int, caseSensitive: Bool) -> LexiconMatch? {
        let row = Int(walkMemoRow[i])
        let index = row * EntityContext.walkMemoSlots + walked.rawValue * 2 + (caseSensitive ? 1 : 0)
        let memo = walkMemo[index]
        if memo.end == -1 { return nil }
        if memo.end > 0 { return LexiconMatch(start: i, end: Int(memo.end), entries: Int(memo.entries.lowerBound)..<Int(memo.entries.upperBound)) }
        let m = walk(walked, from: i, limit: Int(chunkEnd[i]), caseSensitive: caseSensitive)
        walkMemo[index] = m.map { WalkMemo(end: Int32($0.end), entries: Int32($0.entries.lowerBound)..<Int32($0.entries.upperBound)) } ?? WalkMemo(end: -1)
        return m
    }

    /// The matcher's longest match in a walked table. The switch hands the matcher the
    /// lexicon's own table: returning it from a function would copy the struct, a
    /// retain and release of each of its arrays per call.
    private func walk(_ walked: EntityLexicon.Walked, from i: Int, limit: Int, caseSensitive: Bool) -> LexiconMatch? {
        switch walked {
        case .cities: matcher.longest(in: lexicon.cities, tokens: tokens, keys: keys, from: i, limit: limit, caseSensitive: caseSensitive)
        case .countries: matcher.longest(in: lexicon.countries, tokens: tokens, keys: keys, from: i, limit: limit, caseSensitive: caseSensitive)
        case .regions: matcher.longest(in: lexicon.regions, tokens: tokens, keys: keys, from: i, limit: limit, caseSensitive: caseSensitive)
        case .companies: matcher.longest(in: lexicon.companies, tokens: tokens, keys: keys, from: i, limit: limit, caseSensitive: caseSensitive)
        case .legalSuffixes: matcher.longest(in: lexicon.legalSuffixes, tokens: tokens, keys: keys, from: i, limit: limit, caseSensitive: caseSensitive)
        }
    }

    /// The longest entry of ``EntityLexicon/phrases`` of class `kind` starting at `i` and ending by `limit`.
    /// One walk answers every phrase class at once, memoised like table walks for
    /// look-ups bounded by the token's chunk (recognizers ask several classes there).
    func longestPhrase(_ kind: EntityLexicon.PhraseKind, from i: Int, limit: Int, caseSensitive: Bool) -> (end: Int, entry: Int)? {
        // Only tokens that start some phrase can match.
        guard i < tokens.count, features[i].contains(.phraseStart) else { return nil }
        guard walkMemoRow[i] >= 0, limit <= Int(chunkEnd[i]) else {
            return phraseMatches(from: i, limit: limit, caseSensitive: caseSensitive).longest(kind)
        }
        let index = Int(walkMemoRow[i]) * 2 + (caseSensitive ? 1 : 0)
        if !phraseMemo[index].known {
            phraseMemo[index] = phraseMatches(from: i, limit: Int(chunkEnd[i]), caseSensitive: caseSensitive)
        }
        guard let m = phraseMemo[index].longest(kind) else { return nil }
        if m.end <= limit { return m }
        return phraseMatches(from: i, limit: limit, caseSensitive: caseSensitive).longest(kind)
    }

    /// The longest phrase of each class starting at `i` and ending by `limit`.
    private func phraseMatches(from i: Int, limit: Int, caseSensitive: Bool) -> PhraseMatches {
        var found = PhraseMatches(known: true)
        let kinds = lexicon.phraseKinds
        matcher.walk(in: lexicon.phrases, tokens: tokens, keys: keys, from: i, limit: limit, caseSensitive: caseSensitive) { end, entries in
            // Matches come shortest first: a later one of a class replaces the earlier.
            var seen: (Bool, Bool, Bool, Bool, Bool, Bool) = (false, false, false, false, false, false)
            for e in entries {
                switch kinds[e] {
                case .countryAlias where !seen.0: seen.0 = true; found.countryAlias = (end, e)
                case .orgKnown where !seen.1: seen.1 = true; found.orgKnown = (end, e)
                case .placeKnown where !seen.2: seen.2 = true; found.placeKnown = (end, e)
                case .orgKnownCommon where !seen.3: seen.3 = true; found.orgKnownCommon = (end, e)
                case .orgKnownInstitution where !seen.4: seen.4 = true; found.orgKnownInstitution = (end, e)
                case .seatOfPower where !seen.5: seen.5 = true; found.seatOfPower = (end, e)
                default: continue
                }
            }
        }
        return found
    }

    // MARK: - Places

    /// Whether a city or a region of the gazetteer starts at token `i` and ends by `limit`.
    func startsTownOrRegion(_ i: Int, limit: Int) -> Bool {
        longest(.cities, from: i, limit: limit) != nil || longest(.regions, from: i, limit: limit) != nil
    }

    /// Whether a city, a region or a country of the gazetteer starts at token `i` and ends by `limit`.
    func startsGazetteerPlace(_ i: Int, limit: Int) -> Bool {
        startsTownOrRegion(i, limit: limit) || longest(.countries, from: i, limit: limit) != nil
    }

    /// Whether tokens `a..<b` spell a country, a region, a well-known place or organisation, or a big city.
    func isPlaceName(_ a: Int, _ b: Int) -> Bool {
        if longest(.countries, from: a, limit: b)?.end == b { return true }
        if longestPhrase(.countryAlias, from: a, limit: b, caseSensitive: true)?.end == b { return true }
        if longestPhrase(.orgKnown, from: a, limit: b, caseSensitive: true)?.end == b { return true }
        if let m = longest(.regions, from: a, limit: b), m.end == b { return true }
        if longestPhrase(.placeKnown, from: a, limit: b, caseSensitive: true)?.end == b { return true }
        if let m = longest(.cities, from: a, limit: b), m.end == b,
           b - a >= 2 || lexicon.cities.number(m.entries.lowerBound, 3) >= PlaceRules.bigCityPopulation && !has(a, .firstName) {
            return true
        }
        return false
    }

    /// The end of a country (or alias) starting at `i`, if one does.
    func countryAt(_ i: Int) -> Int? {
        let limit = sentenceRange(i).upperBound
        if let m = longest(.countries, from: i, limit: limit) { return m.end }
        if let (end, _) = longestPhrase(.countryAlias, from: i, limit: limit, caseSensitive: false) { return end }
        return nil
    }
}
