import Foundation

/// Gives a PERSON cluster the gender the text reports, with the evidence it rests
/// on (GENDER.md lists the rules): a title or a role noun next to a mention, a
/// he/she the quote stage resolved to the person, else a first name whose recorded
/// use is at least 95 % one gender. Text evidence outranks first names; text
/// evidence that contradicts itself leaves the gender out; no evidence leaves it out.
///
/// Runs after the quote stage and reads only the annotation, the tokens and the
/// model files: it changes nothing but the clusters' gender fields.
public struct GenderAnnotator: Annotator {
    public let name = "gender"
    public let requires: Set<Layer> = [.tokens, .entities, .clusters, .quotes, .speakers]
    public let produces: Set<Layer> = [.gender]

    let lexicon: GenderLexicon

    public init(lexicon: GenderLexicon) {
        self.lexicon = lexicon
    }

    /// The rules, as `--explain` prints them (`"gender_rule"` on a cluster).
    public enum Rule: String, Sendable, CaseIterable {
        /// "Mrs Jane Doe", "Sir John Smith", "Congresswoman Jane Doe".
        case titleBefore = "title-before"
        /// "spokeswoman Jane Doe", "his wife, Jane Doe".
        case nounBefore = "noun-before"
        /// "Jane Doe, a spokeswoman for the city,"; "John Doe, 52, the father of two,".
        case nounApposition = "noun-apposition"
        /// A quote whose speaker mention is she/he and resolves to the person.
        case pronounSpeaker = "pronoun-speaker"
        /// "Jane Doe" with Jane ≥ 95 % female in names/first-names.tsv.
        case firstName = "first-name"
        /// A he/she after the person in the same sentence or at the next one, when the
        /// span names no other person: the weakest rule, used only when nothing else decides.
        case pronounNearby = "pronoun-nearby"

        var evidence: GenderEvidence {
            switch self {
            case .titleBefore: return .title
            case .nounBefore, .nounApposition: return .noun
            case .pronounSpeaker, .pronounNearby: return .pronoun
            case .firstName: return .firstName
            }
        }
    }

    /// One piece of evidence for one cluster.
    struct Vote {
        var gender: Gender
        var rule: Rule
    }

    public func annotate(_ state: inout AnalysisState) {
        let annotation = state.annotation
        guard annotation.clusters.contains(where: { $0.label == .person }) else { return }
        let reader = GenderTextReader(document: state.document, tokens: state.segmentation.tokens, lexicon: lexicon)
        var votes = [[Vote]](repeating: [], count: annotation.clusters.count)
        for (c, cluster) in annotation.clusters.enumerated() where cluster.label == .person {
            for m in cluster.mentions where annotation.entities.indices.contains(m) {
                reader.addVotes(around: annotation.entities[m], to: &votes[c])
            }
        }
        for quote in annotation.quotes {
            guard let speaker = quote.speaker, let c = speaker.cluster, annotation.clusters.indices.contains(c),
                  annotation.clusters[c].label == .person,
                  let gender = lexicon.pronoun(Fold.fold(state.document.string(speaker.start, speaker.end))) else { continue }
            votes[c].append(Vote(gender: gender, rule: .pronounSpeaker))
        }
        let nearby = reader.nearbyPronouns(annotation, sentences: state.segmentation.sentences, pass: state.lexicalPass())
        for c in annotation.clusters.indices where annotation.clusters[c].label == .person {
            guard let decided = Self.decide(votes[c], nearby: nearby[c] ?? [], name: annotation.clusters[c].name, lexicon: lexicon)
            else { continue }
            state.annotation.clusters[c].gender = decided.gender
            state.annotation.clusters[c].genderEvidence = decided.rule.evidence
            state.annotation.clusters[c].genderRule = decided.rule.rawValue
        }
    }

    /// The text's evidence decides when it agrees; none at all lets a first name
    /// decide; evidence for both genders decides nothing. Of agreeing evidence, the
    /// strongest kind is named (title, then noun, then pronoun).
    /// Pronouns found by proximity (`nearby`) are the weakest evidence: they decide
    /// only when neither the text's other evidence nor the first name does, and only
    /// when they agree.
    static func decide(_ votes: [Vote], nearby: [Gender] = [], name: String, lexicon: GenderLexicon) -> Vote? {
        switch Agreement(votes.lazy.map(\.gender)) {
        case .several: return nil
        case .one(let gender):
            let strongest = votes.min { rank($0.rule.evidence) < rank($1.rule.evidence) }!
            return Vote(gender: gender, rule: strongest.rule)
        case .none: break
        }
        let weak = Agreement(nearby)
        if let first = firstName(of: name), let gender = lexicon.firstNameGender(first) {
            // Pronouns by the person that all say the other gender are text evidence
            // against a name's recorded use ("Meng Wanzhou …, pending her extradition"):
            // they contradict it, so nothing is decided.
            if case .one(let other) = weak, other != gender { return nil }
            return Vote(gender: gender, rule: .firstName)
        }
        guard case .one(let gender) = weak else { return nil }
        return Vote(gender: gender, rule: .pronounNearby)
    }

    /// What a list says of its values: none, one value (however often), or several.
    /// Counted in place: a `Set` of the genders, or of the clusters before a pronoun,
    /// cost an allocation for every person cluster and every pronoun (issue 25).
    enum Agreement<Value: Equatable>: Equatable {
        case none, one(Value), several

        init<S: Sequence>(_ values: S) where S.Element == Value {
            self = .none
            for v in values {
                if case .one(let first) = self {
                    if first != v { self = .several; return }
                } else {
                    self = .one(v)
                }
            }
        }
    }

    static func rank(_ evidence: GenderEvidence) -> Int {
        GenderEvidence.allCases.firstIndex(of: evidence)!
    }

    /// The folded first name of a full name: its first word that is not an initial,
    /// when a surname follows it ("J. Scott Applewhite" → "scott"). A single word
    /// may be a surname, so it gives none.
    static func firstName(of name: String) -> String? {
        // Most names are ASCII without a carriage return: there every byte is a Character,
        // and the words are found in the bytes (splitting the String cost ~6,000
        // instructions a name).
        if let ascii = name.utf8.withContiguousStorageIfAvailable({ asciiFirstName($0) }), ascii.handled { return ascii.first }
        let words = name.split(whereSeparator: { $0 == " " })
        guard words.count >= 2 else { return nil }
        for word in words.dropLast() {
            let bare = word.hasSuffix(".") ? word.dropLast() : word[...]
            if bare.count <= 1 { continue }
            return Fold.fold(String(bare))
        }
        return nil
    }

    /// ``firstName(of:)`` of an ASCII name without a carriage return; not `handled` for
    /// any other name.
    static func asciiFirstName(_ name: UnsafeBufferPointer<UInt8>) -> (handled: Bool, first: String?) {
        for b in name where b >= 0x80 || b == 0x0D { return (false, nil) }
        // The words between spaces, empty ones left out, as `split` gives them, read in
        // one pass without listing them (an array per name cost ~7 allocations per
        // article): the first word longer than an initial is the first name once
        // another word follows it.
        var candidate: Range<Int>? = nil
        var start = 0
        for k in 0...name.count where k == name.count || name[k] == 0x20 {
            defer { start = k + 1 }
            guard k > start else { continue }
            if let first = candidate {
                return (true, Fold.fold(String(decoding: UnsafeBufferPointer(rebasing: name[first]), as: UTF8.self)))
            }
            let bare = name[k - 1] == 0x2E ? start..<(k - 1) : start..<k
            if bare.count > 1 { candidate = bare }
        }
        return (true, nil)
    }
}

/// Reads the words around one mention: titles and role nouns before it, a role
/// noun in an apposition after it.
struct GenderTextReader {
    let document: Document
    let tokens: [Token]
    let lexicon: GenderLexicon

    /// How many words may stand between an apposition's start and its role noun
    /// ("the company's chief spokeswoman").
    static let appositionReach = 4

    func votes(around entity: Entity) -> [GenderAnnotator.Vote] {
        var votes: [GenderAnnotator.Vote] = []
        addVotes(around: entity, to: &votes)
        return votes
    }

    /// ``votes(around:)`` appended to a cluster's votes (no array per mention).
    func addVotes(around entity: Entity, to votes: inout [GenderAnnotator.Vote]) {
        let first = firstToken(atOrAfter: entity.start)
        guard first < tokens.count, tokens[first].start < entity.end else { return }
        if let vote = voteBefore(first) { votes.append(vote) }
        var last = first
        while last + 1 < tokens.count, tokens[last + 1].end <= entity.end { last += 1 }
        if let vote = voteInApposition(after: last) { votes.append(vote) }
    }

    // MARK: - Pronouns nearby

    /// For each PERSON cluster, the genders of the he/she (his, her…) that follow one
    /// of its mentions in the same sentence or open the next sentence, when no other
    /// person is named from the start of the mention's sentence to the pronoun.
    /// Every token is read through the document's lexical pass: a plain token's pass form
    /// is its folded form (one probe); only the pass's unusual tokens are folded here.
    func nearbyPronouns(_ annotation: Annotation, sentences: [Range<Int>], pass: LexicalPass) -> [Int: [Gender]] {
        var result: [Int: [Gender]] = [:]
        // PERSON clusters named in each sentence, as (first token, cluster), in one list
        // by sentence and, within a sentence, in text order; `namedStart[s]..<namedStart[s + 1]`
        // are sentence `s`'s (one list, not an array per sentence: issue 25).
        // A name's sentence is looked up by halving, for the names only: an index of the
        // sentence of every token was zeroed and filled for every document (issue 25).
        var byEntity: [(sentence: Int32, token: Int, cluster: Int)] = []
        for e in annotation.entities.indices where annotation.entities[e].label == .person {
            guard let c = annotation.entities[e].cluster else { continue }
            let t = firstToken(atOrAfter: annotation.entities[e].start)
            guard t < tokens.count else { continue }
            byEntity.append((Int32(Segmentation.index(of: t, in: sentences)), t, c))
        }
        guard !byEntity.isEmpty else { return result }
        // Stable by sentence: entities in the annotation's order within a sentence.
        var namedStart = [Int](repeating: 0, count: sentences.count + 1)
        for n in byEntity { namedStart[Int(n.sentence) + 1] += 1 }
        for s in sentences.indices { namedStart[s + 1] += namedStart[s] }
        var named = [(token: Int, cluster: Int)](repeating: (0, 0), count: byEntity.count)
        var fill = namedStart
        for n in byEntity {
            named[fill[Int(n.sentence)]] = (n.token, n.cluster)
            fill[Int(n.sentence)] += 1
        }
        func namedIn(_ s: Int) -> Range<Int> { namedStart[s]..<namedStart[s + 1] }
        // The pass's unusual tokens are in order, as the sentences and their tokens are
        // read: the next one's index is the only one to compare a token with (a flag for
        // every token was zeroed and filled for every document).
        let unusual = pass.unusual
        var nextUnusual = 0
        for (s, range) in sentences.enumerated() {
            // A pronoun counts only for a person named in its sentence or the one before:
            // most sentences have neither, and their words need no look-up.
            if namedIn(s).isEmpty && (s == 0 || namedIn(s - 1).isEmpty) { continue }
            for t in range where t < tokens.count && tokens[t].isWord {
                while nextUnusual < unusual.count && Int(unusual[nextUnusual]) < t { nextUnusual += 1 }
                let isUnusual = nextUnusual < unusual.count && Int(unusual[nextUnusual]) == t
                // The filter turns away nearly every plain word before the table is probed.
                guard let gender = isUnusual ? unusualPronoun(t)
                        : lexicon.pronounFilter.mayContain(pass.hash(t)) ? pass.withFolded(t, { lexicon.pronounTable.value($0, hash: $1) }) : nil
                else { continue }
                var clusters = GenderAnnotator.Agreement(named[namedIn(s)].lazy.filter { $0.token < t }.map(\.cluster))
                // At the opening of a sentence that names nobody before it, the previous sentence counts.
                if clusters == .none, s > 0, t == range.lowerBound || tokens[t].flags.contains(.sentenceInitial) {
                    clusters = GenderAnnotator.Agreement(named[namedIn(s - 1)].lazy.map(\.cluster))
                }
                if case .one(let c) = clusters { result[c, default: []].append(gender) }
            }
        }
        return result
    }

    /// The gender of token `t` as a pronoun, folded from its text (not ASCII, or a backtick).
    private func unusualPronoun(_ t: Int) -> Gender? {
        // Most words cannot be a pronoun: tell from the first byte and the length before folding.
        guard lexicon.mayBePronoun(document.utf8[Int(tokens[t].start)..<Int(tokens[t].end)]) else { return nil }
        return lexicon.pronoun(Fold.fold(text(tokens[t].start, tokens[t].end)))
    }

    // MARK: - Before the mention

    /// "Mrs Jane Doe", "Crown Princess Jane", "spokeswoman Jane Doe", "his wife,
    /// Jane Doe"; one title that gives no gender may stand between ("spokeswoman
    /// Dr. Jane Doe").
    private func voteBefore(_ first: Int) -> GenderAnnotator.Vote? {
        var end = first
        var skippedNeutral = false
        while let word = chain(endingBefore: end) {
            // Two-word titles first ("First Lady", "Crown Prince").
            if let previous = chain(endingBefore: word.lowerBound), tokens[word.lowerBound].flags.contains(.spaceBefore) {
                let surface = text(previous.lowerBound, word.upperBound)
                let title = lexicon.title(Fold.fold(surface), surface: surface)
                if title.isTitle {
                    if let g = title.gender { return .init(gender: g, rule: .titleBefore) }
                    if skippedNeutral { return nil }
                    skippedNeutral = true
                    end = previous.lowerBound
                    continue
                }
            }
            let surface = text(word.lowerBound, word.upperBound)
            let folded = Fold.fold(surface)
            let title = lexicon.title(folded, surface: surface)
            if let g = title.gender { return .init(gender: g, rule: .titleBefore) }
            if let g = lexicon.roleNouns[folded] { return .init(gender: g, rule: .nounBefore) }
            guard title.isTitle, !skippedNeutral else { break }
            skippedNeutral = true
            end = word.lowerBound
        }
        // "his wife, Jane Doe": a role noun, a comma, the name.
        if !skippedNeutral, first >= 2, isPunct(first - 1, ","), let word = chain(endingBefore: first - 1),
           let g = lexicon.roleNouns[Fold.fold(text(word.lowerBound, word.upperBound))] {
            return .init(gender: g, rule: .nounBefore)
        }
        return nil
    }

    // MARK: - After the mention

    /// "Jane Doe, a spokeswoman for the city": after a comma (and an age between
    /// commas), a determiner or a capitalised word opens the apposition; its role
    /// noun comes within ``appositionReach`` words, before any linking word, and
    /// ends it or is followed by a linking word ("the mother of two").
    private func voteInApposition(after last: Int) -> GenderAnnotator.Vote? {
        var k = last + 1
        guard k < tokens.count, isPunct(k, ",") else { return nil }
        k += 1
        // "John Doe, 52, …"
        if k + 1 < tokens.count, tokens[k].kind == .number, isPunct(k + 1, ",") { k += 2 }
        guard k < tokens.count, tokens[k].isWord else { return nil }
        let opening = Fold.fold(text(tokens[k].start, tokens[k].end))
        guard lexicon.determiners.contains(opening) || tokens[k].isCapitalized || lexicon.roleNouns[opening] != nil else { return nil }
        var words = 0
        var i = k
        while i < tokens.count, words <= Self.appositionReach {
            guard tokens[i].isWord else { return nil }
            guard let word = chain(startingAt: i) else { return nil }
            let folded = Fold.fold(text(tokens[word.lowerBound].start, tokens[word.upperBound - 1].end))
            if i > k, lexicon.links.contains(folded) { return nil }
            if let g = lexicon.roleNouns[folded] {
                let next = word.upperBound
                let ends = next >= tokens.count || (tokens[next].kind == .punctuation && !isHyphen(next))
                    || lexicon.links.contains(Fold.fold(text(tokens[next].start, tokens[next].end)))
                return ends ? .init(gender: g, rule: .nounApposition) : nil
            }
            i = word.upperBound
            words += 1
        }
        return nil
    }

    // MARK: - Tokens

    /// The index of the first token that starts at or after `offset`.
    func firstToken(atOrAfter offset: Int32) -> Int {
        tokens.partitioningIndex { $0.start >= offset }
    }

    /// The written word that ends just before token `end`: word tokens joined with
    /// no space by hyphens or an abbreviation's full stop ("Mr.", "sister-in-law").
    private func chain(endingBefore end: Int) -> Range<Int>? {
        var s = end - 1
        // A line break ends the phrase: a heading or a caption is not the name's title.
        guard s >= 0, end >= tokens.count || !tokens[end].flags.contains(.lineBreakBefore) else { return nil }
        // An abbreviation's stop: "Mr." (a stop after a space is no part of a word).
        if isPunct(s, "."), s >= 1, tokens[s - 1].isWord, tokens[s - 1].end == tokens[s].start { s -= 1 }
        guard tokens[s].isWord else { return nil }
        while s >= 2, isHyphen(s - 1), tokens[s - 1].start == tokens[s - 2].end, tokens[s].start == tokens[s - 1].end,
              tokens[s - 2].isWord {
            s -= 2
        }
        return s..<end
    }

    /// The hyphenated word that starts at token `start` ("sister-in-law").
    private func chain(startingAt start: Int) -> Range<Int>? {
        guard start < tokens.count, tokens[start].isWord else { return nil }
        var e = start + 1
        while e + 1 < tokens.count, isHyphen(e), tokens[e].start == tokens[e - 1].end, tokens[e + 1].start == tokens[e].end,
              tokens[e + 1].isWord {
            e += 2
        }
        return start..<e
    }

    private func text(_ start: Int32, _ end: Int32) -> String { document.string(start, end) }

    private func text(_ first: Int, _ end: Int) -> String { document.string(tokens[first].start, tokens[end - 1].end) }

    private func isPunct(_ i: Int, _ mark: StaticString) -> Bool {
        let t = tokens[i]
        guard t.kind == .punctuation, t.length == mark.utf8CodeUnitCount else { return false }
        return document.utf8.withUnsafeBufferPointer { memcmp($0.baseAddress! + Int(t.start), mark.utf8Start, t.length) == 0 }
    }

    private func isHyphen(_ i: Int) -> Bool { isPunct(i, "-") }
}
