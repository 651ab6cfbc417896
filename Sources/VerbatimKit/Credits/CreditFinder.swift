/// Finds the PERSON clusters that a page names only as the author of the article or
/// of a picture, not as someone the news is about, and takes them out of the
/// clusters (CREDITS.md lists the rules; words from Models/credits/words.tsv). Their entities stay PERSON entities (a
/// credit names a person), without a cluster: people and sources counted from
/// clusters (`verbatim sources`, the gender shares) then leave them out, and no
/// later stage resolves a pronoun or a quote to them.
///
/// Runs after entities (and times, which may drop clusters) and before quotes;
/// reads tokens, paragraphs and entities, and changes only clusters and the
/// entities' cluster indices.
public struct CreditFinder: Annotator {
    public let name = "credits"
    public let requires: Set<Layer> = [.tokens, .paragraphs, .entities, .clusters]
    public let produces: Set<Layer> = []

    /// A byline's tail after the name and comma ("The Associated Press", "Power Play
    /// producer") has at most this many words.
    static let bylineTailWords = 5
    /// A paragraph that opens with a `before` phrase ("With files from …") credits
    /// the names in it when it has at most this many words.
    static let creditParagraphWords = 14
    /// An author note's journalist noun comes within this many words of its verb.
    static let noteReach = 6
    /// A caption (the text beside a picture credit, up to the next credit or the
    /// paragraph's end) has at most this many words: past it, the text is the article's.
    static let captionWords = 60
    /// A bracket that credits a picture by a `picture` word ("( Toronto Star file
    /// photo )", "(Photo: City Hall)") has at most this many words.
    static let pictureBracketWords = 8
    /// A credit outside brackets that closes its paragraph names an outlet of at most
    /// this many words after its slash ("Marlo Quist/The Harbour Press.").
    static let outletWords = 5

    static let wordTable = "credits/words"
    static let classColumn = 2
    /// Phrases by class, each as its folded words.
    let before: [[String]]
    let after: [[String]]
    let openers: Set<String>
    let noteVerbs: Set<String>
    let journalists: Set<String>
    let links: [[String]]
    let pictures: Set<String>

    /// - Throws: ``VerbatimError`` when `credits/words.tsv` is missing or has no entry of a class a rule reads.
    public init(lexicon: Lexicon) throws(VerbatimError) {
        let table = try lexicon.table(Self.wordTable)
        let classes = ["before", "after", "opener", "note-verb", "journalist", "link", "picture"]
        try lexicon.understand(Self.wordTable, classColumn: Self.classColumn, classes: classes)
        var byClass: [String: [[String]]] = [:]
        for e in 0..<table.count {
            if let c = table.field(e, Self.classColumn) {
                byClass[c, default: []].append(table.key(e).split(separator: " ").map(String.init))
            }
        }
        before = byClass["before", default: []].sorted { $0.count > $1.count }
        after = byClass["after", default: []].sorted { $0.count > $1.count }
        openers = Set(byClass["opener", default: []].map { $0.joined(separator: " ") })
        noteVerbs = Set(byClass["note-verb", default: []].map { $0.joined(separator: " ") })
        journalists = Set(byClass["journalist", default: []].map { $0.joined(separator: " ") })
        links = byClass["link", default: []].sorted { $0.count > $1.count }
        pictures = Set(byClass["picture", default: []].map { $0.joined(separator: " ") })
    }

    /// The rules, as CREDITS.md names them.
    public enum Rule: String, Sendable, CaseIterable {
        /// "(Jane Doe/The Canadian Press)", "Jane Doe / AP": a name, then a slash and a capitalised word.
        case pictureCredit = "picture-credit"
        /// A paragraph that is a name, a comma and a short tail without a full stop:
        /// "Jane Doe, The Associated Press".
        case bylineParagraph = "byline-paragraph"
        /// A short paragraph that opens with a `before` phrase: "With files from Jane
        /// Doe and John Roe", "By Jane Doe".
        case creditParagraph = "credit-paragraph"
        /// A name that opens its sentence (or follows an `opener`) and is followed by
        /// an `after` phrase and a stop or comma: "Jane Doe has the latest.", "As Jane Doe reports,".
        case reportCredit = "report-credit"
        /// A name that opens its sentence, then a `note-verb` and a `journalist` noun
        /// within a few words: "Jane Doe is a Toronto-based reporter covering housing."
        case authorNote = "author-note"
        /// A paragraph that opens with a `link` phrase and a colon: the headline of
        /// another article ("READ MORE: Jane Doe says …", "WATCH: …").
        case relatedLink = "related-link"
        /// The text beside a picture credit, between credits or a credit and the
        /// paragraph's edge, of at most ``captionWords`` words: the people a picture
        /// shows ("Jane Doe, left, greets John Roe in Ottawa. (Marlo Quist/HP)").
        case caption = "caption"
    }

    public func annotate(_ state: inout AnalysisState) {
        guard state.annotation.clusters.contains(where: { $0.label == .person }) else { return }
        let page = CreditPage(state)
        let (creditParagraphs, linkParagraphs) = creditAndLinkParagraphs(page)
        let inCaption = captions(page)
        let annotation = state.annotation
        var rules = [Rule?](repeating: nil, count: annotation.entities.count)
        // The surnames (last words) of the names the news itself gives, outside credits
        // and captions, and its names of one word ("Kim", which may open a full name).
        var newsWords: Set<String> = []
        for m in annotation.entities.indices where annotation.entities[m].label == .person {
            let entity = annotation.entities[m]
            guard let (first, last) = page.tokenRange(entity) else { continue }
            if creditsPicture(page, last) { rules[m] = .pictureCredit }
            else if creditParagraphs.contains(page.paragraph(of: first)) { rules[m] = .creditParagraph }
            else if linkParagraphs.contains(page.paragraph(of: first)) { rules[m] = .relatedLink }
            else if inCaption.contains(first) { rules[m] = .caption }
            else { rules[m] = sentenceCredit(page, first, last) ?? bylineParagraph(page, first, last) }
            if rules[m] == nil, let word = page.lastNameWord(first: first, last: last) { newsWords.insert(word) }
        }
        let dropped = droppedClusters(annotation, rules, newsWords: newsWords, page)
        guard dropped.contains(true) else { return }
        Self.removeClusters(dropped, from: &state.annotation)
    }

    // MARK: - The rules

    /// Paragraphs that credit every name in them (a `before` phrase first, few words:
    /// `credit-paragraph`) and paragraphs that open with a link to another article
    /// ("READ MORE:", "WATCH:": `related-link`), told apart by the paragraph's first
    /// word, found and folded once.
    func creditAndLinkParagraphs(_ page: CreditPage) -> (credits: Set<Int>, links: Set<Int>) {
        let tokens = page.tokens
        var creditParagraphs: Set<Int> = []
        var linkParagraphs: Set<Int> = []
        for (p, range) in page.paragraphs.enumerated() {
            guard let w = range.first(where: { tokens[$0].isWord }),
                  range[range.lowerBound..<w].allSatisfy({ tokens[$0].kind == .punctuation }),
                  let first = page.word(w) else { continue }
            if page.phrase(before, at: w, first: first) != nil, range.filter({ tokens[$0].isWord }).count <= Self.creditParagraphWords {
                creditParagraphs.insert(p)
            }
            if let end = page.phrase(links, at: w, first: first), page.mark(end, ":") { linkParagraphs.insert(p) }
        }
        return (creditParagraphs, linkParagraphs)
    }

    /// `picture-credit`: the name's last token is followed by "/" and a capitalised
    /// word (an outlet or agency) that opens no PERSON name: two people joined by a
    /// slash ("Yap Kim Hock / Cheah Soon Kit", a pair in a sports result) credit no one.
    func creditsPicture(_ page: CreditPage, _ last: Int) -> Bool {
        page.mark(last + 1, "/") && last + 2 < page.tokens.count && page.tokens[last + 2].isCapitalized
            && !page.opensPerson(page.tokens[last + 2].start)
    }

    /// `report-credit` and `author-note`: a name that opens its sentence (after
    /// punctuation, or after an `opener` such as "As") and is followed by an `after`
    /// phrase and a stop or comma, or by a `note-verb` and a `journalist` noun within
    /// ``noteReach`` words.
    func sentenceCredit(_ page: CreditPage, _ first: Int, _ last: Int) -> Rule? {
        let tokens = page.tokens, start = page.sentenceStart(of: first)
        let opensSentence = (start..<first).allSatisfy { tokens[$0].kind == .punctuation }
            || (page.word(first - 1).map(openers.contains) ?? false) && (start..<(first - 1)).allSatisfy { tokens[$0].kind == .punctuation }
        guard opensSentence else { return nil }
        if let end = page.phrase(after, at: last + 1),
           end >= tokens.count || page.paragraph(of: end) != page.paragraph(of: first) || page.mark(end, ".") || page.mark(end, ",") || page.mark(end, "(") {
            return .reportCredit
        }
        if let verb = page.word(last + 1), noteVerbs.contains(verb) {
            var k = last + 2
            var words = 0
            while k < tokens.count, words < Self.noteReach, page.sentenceStart(of: k) == start {
                if let w = page.word(k) {
                    // "Toronto-based": the noun is the last part of a hyphenated word.
                    if journalists.contains(w) || journalists.contains(String(w.split(separator: "-").last ?? "")) { return .authorNote }
                    words += 1
                }
                k += 1
            }
        }
        return nil
    }

    /// `byline-paragraph`: the paragraph opens with the name, a comma follows, then a
    /// few words (at most ``bylineTailWords``) and no sentence end or quotation mark.
    func bylineParagraph(_ page: CreditPage, _ first: Int, _ last: Int) -> Rule? {
        let tokens = page.tokens
        let paragraph = page.paragraphs[page.paragraph(of: first)]
        guard paragraph.lowerBound == first, page.mark(last + 1, ",") else { return nil }
        let tail = (last + 2)..<max(last + 2, paragraph.upperBound)   // a paragraph may end at the comma
        let words = tail.filter { tokens[$0].isWord || tokens[$0].kind == .number }.count
        let stops = tail.contains { tokens[$0].kind == .punctuation && tokens[$0].quote == nil
            ? [".", "!", "?", ":", ";"].contains(page.text.string(tokens[$0].start, tokens[$0].end)) : tokens[$0].quote != nil }
        return words > 0 && words <= Self.bylineTailWords && !stops ? .bylineParagraph : nil
    }

    // MARK: - Clusters

    /// The PERSON clusters every mention of which is a credit. A person of a caption
    /// whose surname the text also gives, or a word of whose name the text gives alone
    /// ("Kim Jong-un" under a picture, "Kim" in the text), is a person of the news; a
    /// shared first name proves nothing.
    func droppedClusters(_ annotation: Annotation, _ rules: [Rule?], newsWords: Set<String>, _ page: CreditPage) -> [Bool] {
        var dropped = [Bool](repeating: false, count: annotation.clusters.count)
        for (c, cluster) in annotation.clusters.enumerated() where cluster.label == .person && !cluster.mentions.isEmpty {
            guard cluster.mentions.allSatisfy({ annotation.entities.indices.contains($0) && rules[$0] != nil }) else { continue }
            dropped[c] = !cluster.mentions.contains { m in
                rules[m] == .caption && !newsWords.isDisjoint(with: page.nameWords(annotation.entities[m]))
            }
        }
        return dropped
    }

    /// Takes the `dropped` clusters out and renumbers the entities' cluster indices.
    static func removeClusters(_ dropped: [Bool], from annotation: inout Annotation) {
        var renumbered = [Int?](repeating: nil, count: annotation.clusters.count)
        var clusters: [Cluster] = []
        for (c, cluster) in annotation.clusters.enumerated() where !dropped[c] {
            renumbered[c] = clusters.count
            clusters.append(cluster)
        }
        for e in annotation.entities.indices {
            if let c = annotation.entities[e].cluster { annotation.entities[e].cluster = renumbered[c] }
        }
        annotation.clusters = clusters
    }

    // MARK: - Captions
    /// Which tokens are in a caption: the text of a paragraph beside a picture credit
    /// (a PERSON name of two words or more before "/" and a capitalised word that
    /// opens no PERSON name, in brackets, or opening the paragraph, or after a
    /// sentence's end closing it with at most ``outletWords`` capitalised words; or a bracket of at most ``pictureBracketWords`` words holding
    /// a `picture` word), between two credits or a credit and the paragraph's edge, when
    /// that text has at most ``captionWords`` words.
    func captions(_ page: CreditPage) -> Captions {
        let tokens = page.tokens, annotation = page.annotation
        var inCaption = Captions()
        // Credits by their tokens: a photographer's full name before a slash and a
        // capitalised word, with its slash ("a Walker/Cruz ticket" credits no one).
        // Few documents have one: a list by first token, not a word for every token.
        var byFirst: [(first: Int, end: Int)] = []
        for e in annotation.entities.indices where annotation.entities[e].label == .person {
            if let (first, last) = page.tokenRange(annotation.entities[e]), creditsPicture(page, last), (first...last).filter({ tokens[$0].isWord }).count >= 2 {
                byFirst.append((first, last + 2))
            }
        }
        let creditEnds = CreditEnds(byFirst)
        /// Whether an open credit (not in brackets) from `first` to its slash before
        /// `after` opens its paragraph, or follows the end of a sentence and its
        /// outlet's capitalised words end the paragraph.
        func openCreditAtEdge(_ first: Int, _ after: Int, _ paragraph: Range<Int>) -> Bool {
            if paragraph[paragraph.lowerBound..<first].allSatisfy({ tokens[$0].kind == .punctuation }) { return true }
            guard page.mark(first - 1, ".") || page.mark(first - 1, "!") || page.mark(first - 1, "?") else { return false }
            let tail = after..<paragraph.upperBound
            return tail.count <= Self.outletWords + 1 && tail.allSatisfy { tokens[$0].isCapitalized || tokens[$0].kind == .punctuation }
        }
        // Only an opening bracket or a credit's first token can start a credit: the scan
        // jumps from one to the next instead of asking every token.
        let openings = page.openingBrackets()
        for paragraph in page.paragraphs {
            var credits: [Range<Int>] = []
            var k = paragraph.lowerBound
            while true {
                let opening = openings.partitioningIndex { $0 >= k }
                k = min(opening < openings.count ? openings[opening] : tokens.count, creditEnds.first(atOrAfter: k) ?? tokens.count)
                guard k < paragraph.upperBound else { break }
                if page.mark(k, "(") {
                    var close = k + 1
                    while close < paragraph.upperBound, !page.mark(close, ")"), !page.mark(close, "(") { close += 1 }
                    if close < paragraph.upperBound, page.mark(close, ")") {
                        let inside = (k + 1)..<close
                        let words = inside.filter { tokens[$0].isWord }.count
                        let credited = creditEnds.any(in: inside)
                            || words <= Self.pictureBracketWords && inside.contains { page.word($0).map(pictures.contains) ?? false }
                        if credited { credits.append(k..<(close + 1)); k = close + 1; continue }
                    }
                } else if let end = creditEnds.end(startingAt: k), openCreditAtEdge(k, end, paragraph) {
                    credits.append(k..<min(end, paragraph.upperBound)); k = end; continue
                }
                k += 1
            }
            guard !credits.isEmpty else { continue }
            var start = paragraph.lowerBound
            for edge in credits.map(\.lowerBound) + [paragraph.upperBound] {
                let text = start..<max(start, edge)
                if text.filter({ tokens[$0].isWord }).count <= Self.captionWords { inCaption.append(text) }
                if let credit = credits.first(where: { $0.lowerBound == edge }) { start = credit.upperBound }
            }
        }
        return inCaption
    }

    /// The picture credits of a document by their first token, each with the token
    /// after its slash: sorted, searched by halving.
    struct CreditEnds {
        private var firsts: [Int] = []
        private var ends: [Int] = []

        /// From credits in any order; of two with one first token, the later one counts.
        init(_ credits: [(first: Int, end: Int)]) {
            for (first, end) in credits.enumerated().sorted(by: { ($0.element.first, $0.offset) < ($1.element.first, $1.offset) }).map(\.element) {
                if firsts.last == first { ends[ends.count - 1] = end; continue }
                firsts.append(first)
                ends.append(end)
            }
        }

        /// The first credit starting at or after token `t` (its index in the lists).
        private func firstIndex(atOrAfter t: Int) -> Int {
            firsts.partitioningIndex { $0 >= t }
        }

        /// The first token at or after `t` where a credit starts, or nil.
        func first(atOrAfter t: Int) -> Int? {
            let k = firstIndex(atOrAfter: t)
            return k < firsts.count ? firsts[k] : nil
        }

        /// Where the credit whose name starts at token `t` ends (the token after its slash), or nil.
        func end(startingAt t: Int) -> Int? {
            guard !firsts.isEmpty else { return nil }
            let k = firstIndex(atOrAfter: t)
            return k < firsts.count && firsts[k] == t ? ends[k] : nil
        }

        /// Whether a credit starts inside `range`.
        func any(in range: Range<Int>) -> Bool {
            guard !firsts.isEmpty else { return false }
            let k = firstIndex(atOrAfter: range.lowerBound)
            return k < firsts.count && firsts[k] < range.upperBound
        }
    }

    /// The tokens in captions, as ranges in text order: what ``captions(_:)`` finds, asked
    /// of each PERSON name's first token (a flag for every token was zeroed for every
    /// document, and few have a caption).
    struct Captions {
        private(set) var ranges: [Range<Int>] = []

        mutating func append(_ range: Range<Int>) {
            if !range.isEmpty { ranges.append(range) }
        }

        /// Whether token `t` is in a caption.
        func contains(_ t: Int) -> Bool {
            guard !ranges.isEmpty else { return false }
            let low = ranges.partitioningIndex { $0.upperBound > t }
            return low < ranges.count && ranges[low].contains(t)
        }
    }
}
