extension Resolver {
    /// Organisations named by their tie to a person: "FTU's Alice Mak", "Demosisto's
    /// Nathan Law", "Gary Chan of the DAB". The name before a possessive right in front
    /// of a trusted person, or an acronym after "Person of (the)", is taken as an
    /// organisation unless it is a known place or person or something better already
    /// claims it. Runs after the overlap policy and before the document senses, so
    /// that later bare mentions ("DAB won") follow. Work is bounded by the mentions.
    static func affiliations(_ ctx: EntityContext, _ mentions: inout [Candidate], _ owner: inout [Int32]) {
        let n = ctx.tokens.count
        let count = mentions.count
        /// Labels `a..<b` ORG when it is free or held by one weak guess spanning exactly it.
        func claim(_ a: Int, _ b: Int, _ score: Int, _ rule: Rule) {
            guard a < b, b - a <= 4, ctx.normalCase(a), !ctx.anyToken(a, b, [.title, .role, .demonym, .notName, .month]) else { return }
            if PersonRecognizer().isPlaceName(ctx, a, b) { return }
            let held = owner[a]
            if held < 0 {
                for k in a..<b where owner[k] >= 0 { return }
                for k in a..<b { owner[k] = Int32(mentions.count) }
                mentions.append(Candidate(start: a, end: b, label: .organization, type: nil, score: score, rule: rule))
            } else {
                let h = Int(held)
                guard mentions[h].start == a, mentions[h].end == b, mentions[h].label != .person, mentions[h].score < 60 else { return }
                mentions[Int(held)].label = .organization
                mentions[Int(held)].type = nil
                mentions[Int(held)].score = score
                mentions[Int(held)].rule = rule
            }
        }
        for p in 0..<count where mentions[p].label == .person && mentions[p].score >= Resolver.trusted {
            let m = (start: mentions[p].start, end: mentions[p].end)
            // "FTU's Alice Mak": a possessive name right before the person.
            let x = m.start - 1
            if x >= 0, ctx.has(x, .possessive), ctx.sameSentence(x, m.start), x < ctx.chunkEnd.count, Int(ctx.chunkEnd[x]) == x + 1 {
                var a = x
                while a > 0, a > x - 4, Int(ctx.chunkEnd[a - 1]) == x + 1 { a -= 1 }
                if !ctx.has(a, .firstName) || ctx.has(x, .acronym) {
                    claim(a, x + 1, ctx.has(x, .acronym) ? 62 : 55, "affiliation")
                }
            }
            // "Gary Chan of DAB", "Wong Kwok-kin of the FTU".
            var y = m.end
            guard y + 1 < n, ctx.isWord(y, "of"), ctx.sameSentence(m.start, y + 1) else { continue }
            y += 1
            if ctx.isWord(y, "the"), y + 1 < n { y += 1 }
            if ctx.has(y, .acronym), Int(ctx.chunkEnd[y]) == y + 1 {
                claim(y, y + 1, 62, "affiliation")
            }
        }
    }
}
