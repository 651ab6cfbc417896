import Foundation

/// Finds direct and partial quotes and their speakers (issue 6).
///
/// Steps: ``QuotePairer`` pairs the quotation marks of the whole document;
/// ``QuoteKindClassifier`` keeps direct speech apart from partial quotes, titles and
/// scare quotes; ``SpeakerAttributor`` runs the ordered sieves of SIEVES.md; and
/// ``SpeakerNameResolver`` resolves pronouns, surnames and role descriptions.
/// When an earlier stage produced PERSON/ORG entities, a speaker mention that
/// overlaps one takes its cluster and the cluster's name.
///
/// Every word it reads comes from the loaded models (``QuoteVocabulary``); person
/// genders from `names/first-names.tsv`.
public struct QuoteAnnotator: Annotator {
    public let name = "quotes"
    public let requires: Set<Layer> = [.tokens, .sentences, .paragraphs]
    public let produces: Set<Layer> = [.quotes, .speakers]

    let vocabulary: QuoteVocabulary
    let firstNames: FirstNameGenders
    let pairer = QuotePairer()
    /// Lists every pair of quotation marks, speech or not (titles, scare quotes, page
    /// furniture, word lists, fragments inside reported speech), as before speech-only
    /// listing (SIEVES.md §6); `verbatim annotate --all-quotations`. Off by default:
    /// the stage lists somebody's speech only (``listing(_:)``).
    public var listsEveryQuotation = false
    /// The table of single words this stage shares with the time stage, made of this
    /// stage's ``vocabulary`` (``Pipeline/init(lexicon:listsEveryQuotation:)``): the
    /// tokens' classes then come from the document's one probe of it. Nil: the stage
    /// probes its own table.
    var tokenClasses: TokenClassTable?

    /// From loaded models.
    /// - Throws: ``VerbatimError/model(path:reason:)`` when a file the stage reads is
    ///   missing or lacks a class a rule reads.
    public init(lexicon: Lexicon) throws(VerbatimError) {
        try self.init(lexicon: lexicon, firstNames: nil)
    }

    /// With the models found by ``Lexicon/locateModels(explicit:)`` (`models`, else
    /// `$VERBATIM_MODELS`, else beside the executable or in the current directory).
    public init(models: String? = nil) throws(VerbatimError) {
        try self.init(lexicon: Lexicon(locating: models))
    }

    /// From loaded models, sharing the first-name table that the entity stage already
    /// hash-indexed (`nil` takes it from `lexicon`).
    init(lexicon: Lexicon, firstNames: LexiconTable?) throws(VerbatimError) {
        vocabulary = try QuoteVocabulary(lexicon: lexicon)
        if let firstNames {
            self.firstNames = FirstNameGenders(table: firstNames)
        } else {
            self.firstNames = FirstNameGenders(table: try lexicon.table(FirstNameGenders.tableName))
        }
    }

    public func annotate(_ state: inout AnalysisState) {
        let classes = tokenClasses.map { state.tokenClasses($0).quote }
        let text = QuoteText(state, keys: state.lexicalPass(), classes: classes, vocabulary: vocabulary)
        let pairs = pairer.pair(text.tokens, paragraphs: text.paragraphs, utf8: state.document.utf8)
        let classifier = QuoteKindClassifier()
        var items = pairs.map { SpeakerAttributor.Item(pair: $0, verdict: classifier.classify($0, text), attribution: nil) }
        let attributor = SpeakerAttributor(text: text)
        attributor.attribute(&items)
        classifier.markWordLists(&items, text, attributor.mentions)
        let reported = ReportedSpeech(text: text, attributor: attributor).find(items)
        if !reported.isEmpty { items = Self.merge(items, reported) }
        attributor.continueSpeakers(&items)
        var names: [String?] = Array(repeating: nil, count: items.count)
        // Most documents quote nobody: no people to find then.
        if items.contains(where: { $0.attribution != nil }) {
            var resolver = SpeakerNameResolver(text: text, mentions: attributor.mentions, firstNames: firstNames)
            resolver.entities = SpeakerNameResolver.EntitySpan.withoutTimes(state.annotation.entities)
            names = resolver.resolve(items)
        }
        let annotation = state.annotation
        var quotes: [Quote] = []
        quotes.reserveCapacity(items.count)
        let listing = Self.listing(items)
        for (k, item) in items.enumerated() where listsEveryQuotation || listing.listed[k] {
            let t = text.tokens
            let kind: Quote.Kind = item.verdict == .direct ? .direct : item.verdict == .indirect ? .indirect : .partial
            var quote = Quote(start: t[item.pair.open].start, end: t[item.pair.close].end, kind: kind,
                              rule: Self.rule(unattributed: item.verdict).rawValue)
            if let a = item.attribution {
                var speaker = Speaker(start: t[a.speaker.first].start, end: t[a.speaker.last].end, name: names[k])
                if let c = Self.cluster(overlapping: speaker, in: annotation) {
                    speaker.cluster = c
                    speaker.name = annotation.clusters[c].name
                } else if let nm = names[k], let c = Self.cluster(named: nm, in: annotation) {
                    speaker.cluster = c
                }
                quote.speaker = speaker
                if let cue = a.cue { quote.cue = Span(start: t[cue.first].start, end: t[cue.last].end) }
                quote.rule = a.sieve.rawValue
            }
            quote.fragments = listing.fragments[k].map { Span(start: t[items[$0].pair.open].start, end: t[items[$0].pair.close].end) }
            quotes.append(quote)
        }
        state.annotation.quotes = quotes
    }

    /// Which quotes the stage lists (SIEVES.md §6, **speech-only**): what is somebody's
    /// speech. A quoted fragment that no cue gives a speaker (a title, a scare quote,
    /// page furniture, a word list, a fragment in the narrator's sentence) is nobody's
    /// speech; a fragment inside reported speech is part of that indirect quote (`said
    /// the plan was “a disaster”` is one quote, as the Gender Gap Tracker's "mixed"),
    /// which names it among its `fragments` (item indices). Direct quotes are always
    /// listed, with or without a speaker.
    static func listing(_ items: [SpeakerAttributor.Item]) -> (listed: [Bool], fragments: [[Int]]) {
        var listed = Array(repeating: true, count: items.count)
        var fragments: [[Int]] = Array(repeating: [], count: items.count)
        // The reported clause that is open at this point of the text (`merge` puts it
        // before the fragments inside it): the innermost one that holds the fragment.
        var reported: [Int] = []
        for (k, item) in items.enumerated() {
            while let r = reported.last, items[r].pair.close < item.pair.open { reported.removeLast() }
            switch item.verdict {
            case .direct: continue
            case .indirect: reported.append(k)
            case .partial, .title, .furniture, .wordList:
                if let r = reported.last(where: { items[$0].pair.close >= item.pair.close }) {
                    listed[k] = false
                    fragments[r].append(k)
                } else {
                    listed[k] = item.attribution != nil
                }
            }
        }
        return (listed, fragments)
    }

    /// The rule name of a quote no sieve attributed.
    static func rule(unattributed verdict: QuoteKindClassifier.Verdict) -> QuoteRule {
        switch verdict {
        case .title: return .titleOrScareQuote
        case .furniture: return .pageFurniture
        case .wordList: return .wordList
        case .direct, .partial, .indirect: return .unattributed
        }
    }

    /// Quotes and reported speech in one list in text order (a reported clause before
    /// the partial quotes inside it).
    static func merge(_ quotes: [SpeakerAttributor.Item], _ reported: [SpeakerAttributor.Item]) -> [SpeakerAttributor.Item] {
        var out: [SpeakerAttributor.Item] = []
        out.reserveCapacity(quotes.count + reported.count)
        var r = 0
        for q in quotes {
            while r < reported.count, reported[r].pair.open <= q.pair.open { out.append(reported[r]); r += 1 }
            out.append(q)
        }
        out.append(contentsOf: reported[r...])
        return out
    }

    /// The first PERSON or ORG cluster with this name, for speakers resolved by name
    /// (pronouns, surnames). A scan rather than a dictionary of all clusters: few
    /// speakers need it, and hashing every cluster name of every document cost more.
    ///
    /// By index, reading the label and name in place: `firstIndex(where:)` handed
    /// its test a copy of each cluster (name, mentions and rule retained and
    /// released), 140 instructions a cluster (issue 25).
    static func cluster(named name: String, in annotation: Annotation) -> Int? {
        let clusters = annotation.clusters
        for k in clusters.indices where clusters[k].label == .person || clusters[k].label == .organization {
            if clusters[k].name == name { return k }
        }
        return nil
    }

    /// The PERSON or ORG entity cluster a speaker mention overlaps.
    static func cluster(overlapping s: Speaker, in annotation: Annotation) -> Int? {
        let entities = annotation.entities
        guard !entities.isEmpty else { return nil }
        var lo = 0, hi = entities.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if entities[mid].end <= s.start { lo = mid + 1 } else { hi = mid }
        }
        var k = lo
        while k < entities.count, entities[k].start < s.end {
            let e = entities[k]
            if e.label == .person || e.label == .organization, let c = e.cluster { return c }
            k += 1
        }
        return nil
    }
}
