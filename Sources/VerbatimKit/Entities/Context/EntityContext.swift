/// Per-document facts shared by the rules and the resolver: token facts
/// (``TokenFacts``, computed in one pass), name hashes, the capitalised chunks
/// candidates are built from, and memoised table walks.
final class EntityContext {
    let document: Document
    let tokens: [Token]
    let sentences: [Range<Int>]
    let keys: TokenKeys
    let lexicon: EntityLexicon
    let matcher = LexiconMatcher()
    // The per-token arrays below are read millions of times per MB; a class's `var`
    // would pay a dynamic exclusivity check on every read (about a tenth of the
    // run time). They are written only while the context is built, on one thread.
    @exclusivity(unchecked) var features: [TokenFeatures]
    /// The word classes of each token (``WordClasses``).
    @exclusivity(unchecked) var classes: [WordClasses]
    /// Sentence index of each token.
    @exclusivity(unchecked) var sentenceOf: [Int32]
    /// Whether the token's sentence is written in capitals (a headline).
    @exclusivity(unchecked) var capsSentence: [Bool]
    /// Hardly any capitals in the whole document.
    let lowerDocument: Bool
    /// A sports report (results, tables): place names there usually name teams.
    let sportsDocument: Bool
    /// Runs of name-like tokens (token ranges), in text order.
    @exclusivity(unchecked) var chunks: [Range<Int>] = []
    /// The parts of chunks that name events or market indices (``OtherNames``): no name is kept inside them.
    @exclusivity(unchecked) var otherNames: [Range<Int>] = []
    /// End of the chunk each token belongs to (0 outside chunks).
    @exclusivity(unchecked) var chunkEnd: [Int32] = []
    /// Memoised longest matches of chunk tokens, a row of `walkMemoSlots` per token
    /// (rows for chunk tokens only: most tokens are in no chunk, and a row per token
    /// made every document clear about 120 bytes per token).
    static let walkMemoSlots = EntityLexicon.Walked.allCases.count * 2
    @exclusivity(unchecked) var walkMemo: [WalkMemo] = []
    /// Each token's row in `walkMemo` and `phraseMemo` (-1 outside chunks).
    @exclusivity(unchecked) var walkMemoRow: [Int32] = []
    /// For each chunk token (by its `walkMemoRow`), one bit per walked table (bit
    /// `Walked.rawValue`): whether some key of that table may start with the token's
    /// key (``TokenKeys/mayStart(_:in:)``, the matcher's own first test). A walk from
    /// a token without its bit ends before its first search, so it is not made: two
    /// walks in three, each some 330 instructions through the memo, the matcher and
    /// its start test, where the bits cost about 100 instructions a chunk token
    /// (``EntityLexicon/walkStartBits(_:_:)``). Most chunk tokens are capitalised words,
    /// whose bits the word cache keeps (``TokenFacts/walkStarts``): only the others
    /// (punctuation, lower-case particles) read the five tables' start filters here.
    @exclusivity(unchecked) var walkStarts: [UInt8] = []
    /// Memoised phrases of chunk tokens, two per row (folded, case-sensitive).
    @exclusivity(unchecked) var phraseMemo: [PhraseMatches] = []
    /// Facts about the chunk whose rules run, computed on first use (``ChunkSite/bareName``).
    @exclusivity(unchecked) var chunkFacts: (chunk: Int, bareName: Range<Int>?) = (-1, nil)
    /// The first word token at or after each token (and at the end, `n`) written with a
    /// capital (shape title, upper or mixed): whole-document scans that can only start
    /// a name on such a word jump from one to the next (``capitalWord(from:)``).
    @exclusivity(unchecked) var nextCapitalWord: [Int32] = []
    /// Strings the candidates refer to (``KeptText``), the fixed vocabulary first.
    @exclusivity(unchecked) var keptTexts: [String] = KeptText.vocabulary

    /// The longest phrase of each phrase class from one start (``longestPhrase(_:from:limit:caseSensitive:)``).
    struct PhraseMatches {
        /// Whether the walk was made (memo entries start unknown).
        var known = false
        var countryAlias: (end: Int, entry: Int)? = nil
        var orgKnown: (end: Int, entry: Int)? = nil
        var orgKnownCommon: (end: Int, entry: Int)? = nil
        var orgKnownInstitution: (end: Int, entry: Int)? = nil
        var placeKnown: (end: Int, entry: Int)? = nil
        var seatOfPower: (end: Int, entry: Int)? = nil

        func longest(_ kind: EntityLexicon.PhraseKind) -> (end: Int, entry: Int)? {
            switch kind {
            case .countryAlias: countryAlias
            case .orgKnown: orgKnown
            case .orgKnownCommon: orgKnownCommon
            case .orgKnownInstitution: orgKnownInstitution
            case .placeKnown: placeKnown
            case .seatOfPower: seatOfPower
            }
        }
    }

    struct WalkMemo {
        /// End of the longest match (0 = not looked up yet, -1 = none).
        var end: Int32 = 0
        var entries: Range<Int32> = 0..<0
    }

    convenience init(document: Document, segmentation: Segmentation, lexicon: EntityLexicon) {
        // One document's words: the small cache a state outside a worker has.
        var words = WordFactsCache(sets: WorkerMemory.oneDocumentWordSets)
        self.init(document: document, segmentation: segmentation, lexicon: lexicon,
                  keys: TokenKeys(document: document, tokens: segmentation.tokens, stripPossessive: true), words: &words)
    }

    /// - Parameters:
    ///   - keys: the document's token keys, with possessive endings stripped.
    ///   - words: the worker's word facts from earlier documents (``WordFactsCache``), added to here.
    init(document: Document, segmentation: Segmentation, lexicon: EntityLexicon, keys: TokenKeys, words: inout WordFactsCache) {
        self.document = document
        self.tokens = segmentation.tokens
        self.sentences = segmentation.sentences
        self.lexicon = lexicon
        self.keys = keys
        let facts = TokenFacts(document: document, tokens: segmentation.tokens, sentences: segmentation.sentences,
                               keys: keys, lexicon: lexicon, matcher: matcher, words: &words)
        features = facts.features
        classes = facts.classes
        sentenceOf = facts.sentenceOf
        capsSentence = facts.capsSentence
        lowerDocument = facts.lowerDocument
        sportsDocument = facts.sportsDocument
        buildChunks()
        otherNames = chunks.compactMap { OtherNames.otherName(self, $0) }
        let n = tokens.count
        chunkEnd = Array(repeating: 0, count: n)
        walkMemoRow = Array(repeating: -1, count: n)
        var rows: Int32 = 0
        walkStarts = Array(repeating: 0, count: chunks.reduce(0) { $0 + $1.count })
        for c in chunks {
            for i in c {
                chunkEnd[i] = Int32(c.upperBound)
                walkMemoRow[i] = rows
                let cached = facts.walkStarts[i]
                walkStarts[Int(rows)] = cached != TokenFacts.unknownWalkStarts ? cached : lexicon.walkStartBits(keys, i)
                rows += 1
            }
        }
        nextCapitalWord = [Int32](unsafeUninitializedCapacity: n + 1) { next, count in
            var following = Int32(truncatingIfNeeded: n)
            next[n] = following
            for i in stride(from: n - 1, through: 0, by: -1) {
                let t = tokens[i]
                if t.kind == .word && (t.shape == .title || t.shape == .upper || t.shape == .mixed) { following = Int32(truncatingIfNeeded: i) }
                next[i] = following
            }
            count = n + 1
        }
        walkMemo = Array(repeating: WalkMemo(), count: Int(rows) * EntityContext.walkMemoSlots)
        phraseMemo = Array(repeating: PhraseMatches(), count: Int(rows) * 2)
    }

    // MARK: - Token queries

    /// FNV-1a hash of word token `i`'s folded key without a possessive ending; 0 for other tokens.
    func wordHash(_ i: Int) -> UInt64 { tokens[i].kind == .word ? keys.hashes[i] : 0 }

    /// The first word written with a capital (title, upper or mixed case) at or after
    /// token `i` (0...n), or the token count when none is.
    @inline(__always)
    func capitalWord(from i: Int) -> Int { Int(nextCapitalWord[i]) }

    /// Whether token `i` is a word of one of the classes `c` (``WordClasses``).
    @inline(__always)
    func isA(_ i: Int, _ c: WordClasses) -> Bool {
        i >= 0 && i < tokens.count && !classes[i].isDisjoint(with: c)
    }

    /// Whether token `i` is a punctuation token starting with byte `b`.
    func isPunct(_ i: Int, _ b: UInt8) -> Bool {
        guard i >= 0, i < tokens.count else { return false }
        let t = tokens[i]
        return (t.kind == .punctuation || t.kind == .symbol) && document.utf8[Int(t.start)] == b
    }

    func sameSentence(_ a: Int, _ b: Int) -> Bool {
        a >= 0 && b >= 0 && a < tokens.count && b < tokens.count && sentenceOf[a] == sentenceOf[b]
    }

    func has(_ i: Int, _ f: TokenFeatures) -> Bool {
        i >= 0 && i < tokens.count && features[i].contains(f)
    }

    func hasAny(_ i: Int, _ f: TokenFeatures) -> Bool {
        i >= 0 && i < tokens.count && !features[i].isDisjoint(with: f)
    }

    /// Whether any token of `a..<b` has one of `f`.
    func anyToken(_ a: Int, _ b: Int, _ f: TokenFeatures) -> Bool {
        for i in a..<b where !features[i].isDisjoint(with: f) { return true }
        return false
    }

    /// Whether token `i`'s folded key ends with one of `endings` and keeps more than
    /// `stem` bytes before it.
    func endsWith(_ i: Int, oneOf endings: [[UInt8]], stem: Int) -> Bool {
        let key = keys.foldedKey(i)
        for ending in endings where key.count > ending.count + stem && key.reversed().starts(with: ending.reversed()) {
            return true
        }
        return false
    }

    /// Whether the text is written in its usual case here (not a headline, not a lower-case document).
    func normalCase(_ i: Int) -> Bool { !capsSentence[i] && !lowerDocument }

    /// The first token of the sentence containing `i`, and the end of that sentence.
    func sentenceRange(_ i: Int) -> Range<Int> { sentences[Int(sentenceOf[i])] }

    /// The word token before `i` in the same sentence, skipping nothing.
    func previous(_ i: Int) -> Int? { i > 0 && sameSentence(i - 1, i) ? i - 1 : nil }

    /// Byte end of token `i` as a name (before a possessive ending).
    func nameEnd(_ i: Int) -> Int32 {
        let t = tokens[i]
        guard features[i].contains(.possessive) else { return t.end }
        return TokenFacts.nameEndBytes(t, document.utf8)
    }

    /// Byte end of token `i` closing a name of the form `form`: a name that ends in its
    /// own 's keeps it ("Moody's"), others end before a possessive ending.
    func nameEnd(_ i: Int, _ form: NameForm) -> Int32 {
        form == .possessiveName ? tokens[i].end : nameEnd(i)
    }

    /// The text of tokens `a..<b` as a name of the form `form` (a plain name ends
    /// before a possessive ending).
    func text(_ a: Int, _ b: Int, _ form: NameForm = .plain) -> String {
        document.string(tokens[a].start, nameEnd(b - 1, form))
    }

    /// The capital letters A–Z of token `i` ("U.S." → "US").
    func capitals(_ i: Int) -> [UInt8] {
        let bytes = document.utf8
        var letters: [UInt8] = []
        for k in Int(tokens[i].start)..<Int(tokens[i].end) where bytes[k] >= 0x41 && bytes[k] <= 0x5A { letters.append(bytes[k]) }
        return letters
    }

    /// The first bytes of the capitalised words of `a..<b` ("Press Association" → "PA").
    func initials(_ a: Int, _ b: Int) -> [UInt8] {
        var initials: [UInt8] = []
        for i in a..<b where tokens[i].kind == .word && tokens[i].shape != .lower {
            initials.append(document.utf8[Int(tokens[i].start)])
            if initials.count > 12 { break }
        }
        return initials
    }
}
