import Foundation

/// Read-only helpers over a document's tokens for the quote stage: folded word
/// forms, word classes, punctuation tests and sentence lookup.
struct QuoteText {
    let document: Document
    let tokens: [Token]
    let sentences: [Range<Int>]
    let paragraphs: [Range<Int>]
    /// Sentence index of every token.
    let sentenceOf: [Int32]
    /// Paragraph index of every token.
    let paragraphOf: [Int32]
    /// The folded form of every token, with its hash (the document's shared
    /// ``LexicalPass``, read as it is), and the word classes of every token
    /// (``QuoteVocabulary/WordClass`` bits).
    let keys: LexicalPass
    let classes: [UInt64]
    let vocabulary: QuoteVocabulary

    /// - Parameters:
    ///   - keys: the document's lexical pass (``AnalysisState/lexicalPass()``); nil makes one.
    ///   - classes: the tokens' classes from the document's ``TokenClasses``; nil looks
    ///     them up in `vocabulary`.
    init(_ state: AnalysisState, keys: LexicalPass? = nil, classes: [UInt64]? = nil, vocabulary: QuoteVocabulary) {
        document = state.document
        tokens = state.segmentation.tokens
        self.keys = keys ?? LexicalPass(document: state.document, tokens: tokens)
        self.vocabulary = vocabulary
        self.classes = classes ?? vocabulary.classes(of: self.keys, tokens: tokens)
        sentences = Self.mergeAbbreviationSplits(state.segmentation.sentences, tokens, state.document.utf8, self.classes)
        paragraphs = state.segmentation.paragraphs
        sentenceOf = Self.indexOfRange(sentences, count: tokens.count)
        paragraphOf = Self.indexOfRange(paragraphs, count: tokens.count)
    }

    /// For every token, the index of the range (sentence, paragraph) that holds it.
    /// Filled through a buffer pointer: a checked store per token cost more than the
    /// rest of the loop. The ranges are in order, inside `0..<count`; when they cover
    /// every token (as segmentation's do), each element is written once, without
    /// zero-filling the array first.
    static func indexOfRange(_ ranges: [Range<Int>], count: Int) -> [Int32] {
        var next = 0
        for r in ranges {
            guard r.lowerBound == next else { next = -1; break }
            next = r.upperBound
        }
        if next == count {
            return [Int32](unsafeUninitializedCapacity: count) { index, written in
                for (k, r) in ranges.enumerated() {
                    (index.baseAddress! + r.lowerBound).initialize(repeating: Int32(truncatingIfNeeded: k), count: r.count)
                }
                written = count
            }
        }
        var index = [Int32](repeating: 0, count: count)
        index.withUnsafeMutableBufferPointer { index in
            for (k, r) in ranges.enumerated() where r.lowerBound >= 0 && r.upperBound <= count {
                let value = Int32(k)
                for i in r { index[i] = value }
            }
        }
        return index
    }

    var count: Int { tokens.count }

    func string(_ i: Int) -> String { document.string(tokens[i].start, tokens[i].end) }

    func string(_ first: Int, _ last: Int) -> String { document.string(tokens[first].start, tokens[last].end) }

    /// Token `i` lower-cased with ’ folded to ', for the word lists.
    @inline(__always)
    func word(_ i: Int) -> FoldedWord { keys.word(i) }

    /// ``word(_:)`` as a string.
    func folded(_ i: Int) -> String { keys.string(i) }

    /// Whether token `i` is a word of class `c`.
    @inline(__always)
    func token(_ i: Int, isIn c: QuoteVocabulary.WordClass) -> Bool { classes[i] & c.bit != 0 }

    /// The number of tokens of the phrase of class `c` that starts at token `i`
    /// ("according to"), or 0.
    @inline(__always)
    func phrase(at i: Int, _ c: QuoteVocabulary.PhraseClass) -> Int {
        token(i, isIn: c.start) ? matchPhrase(at: i, c) : 0
    }

    /// ``phrase(at:_:)`` for a token that starts a phrase of class `c`.
    private func matchPhrase(at i: Int, _ c: QuoteVocabulary.PhraseClass) -> Int {
        guard let candidates = vocabulary.phrasesByFirstWord[c.rawValue][keys.hash(i)] else { return 0 }
        let phrases = vocabulary.phrases[c.rawValue]
        for p in candidates {
            let words = phrases[Int(p)]
            guard i + words.count <= count else { continue }
            // The words after the first, then the first: every candidate's first word
            // has token `i`'s hash (that found it), and its bytes are compared only for
            // a candidate whose other words match. A first word starts dozens of
            // phrases ("in a statement", "in an interview"), which compared its
            // bytes again for each (issue 25).
            var k = 1
            while k < words.count, keys.folded(i + k, equals: words[k]) { k += 1 }
            if k == words.count, keys.folded(i, equals: words[0]) { return k }
        }
        return 0
    }

    /// A paragraph of page furniture: an upper-case label and a colon ("READ MORE:",
    /// "WATCH:") before a headline with no closing full stop: a link, not speech.
    func isFurniture(paragraphOf i: Int) -> Bool {
        let p = paragraphs[Int(paragraphOf[i])]
        var j = p.lowerBound
        var upperWords = 0
        while j < p.upperBound, tokens[j].kind == .word, tokens[j].shape == .upper { upperWords += 1; j += 1 }
        guard upperWords > 0, j < p.upperBound, isPunct(j, ":") else { return false }
        var last = p.upperBound - 1
        while last > j, isQuote(last) { last -= 1 }
        return !isTerminal(last)
    }

    /// Whether token `i`'s folded form ends with `suffix` (ASCII).
    func folded(_ i: Int, hasSuffix suffix: StaticString) -> Bool { keys.folded(i, hasSuffix: suffix) }

    /// The single byte of a one-byte punctuation token, or 0.
    func punct(_ i: Int) -> UInt8 {
        let t = tokens[i]
        guard t.kind == .punctuation || t.kind == .symbol, t.end == t.start + 1 else { return 0 }
        return document.utf8[Int(t.start)]
    }

    // A scalar, not a Character: Character.asciiValue costs a grapheme walk per call.
    func isPunct(_ i: Int, _ c: Unicode.Scalar) -> Bool { c.isASCII && punct(i) == UInt8(c.value) }

    /// . ! ? or … ending a sentence.
    func isTerminal(_ i: Int) -> Bool {
        let c = punct(i)
        if c == UInt8(ascii: ".") || c == UInt8(ascii: "!") || c == UInt8(ascii: "?") { return true }
        let t = tokens[i]
        return t.kind == .punctuation && t.end == t.start + 3 && document.utf8[Int(t.start)] == 0xE2
            && document.utf8[Int(t.start) + 1] == 0x80 && document.utf8[Int(t.start) + 2] == 0xA6
    }

    func isQuote(_ i: Int) -> Bool {
        guard let q = tokens[i].quote, q.role != .apostrophe else { return false }
        return !(q.family == .single && q.role == .closing && QuotePairer.isPossessive(tokens, i, document.utf8))
    }

    /// A dash token (-, –, —).
    func isDash(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.kind == .punctuation else { return false }
        let b = document.utf8
        if t.end == t.start + 1 { return b[Int(t.start)] == UInt8(ascii: "-") }
        return t.end == t.start + 3 && b[Int(t.start)] == 0xE2 && b[Int(t.start) + 1] == 0x80
            && (b[Int(t.start) + 2] == 0x93 || b[Int(t.start) + 2] == 0x94 || b[Int(t.start) + 2] == 0x95)
    }

    func isWordLike(_ i: Int) -> Bool { tokens[i].kind == .word || tokens[i].kind == .number }

    /// Joins sentences that ICU split after a title or an initial ("said Sen." | "Lindsey
    /// Graham", "Terry E." | "Branstad"): the speaker mention must stay in one sentence.
    static func mergeAbbreviationSplits(_ sentences: [Range<Int>], _ tokens: [Token], _ bytes: [UInt8],
                                        _ classes: [UInt64]) -> [Range<Int>] {
        guard sentences.count > 1 else { return sentences }
        var out: [Range<Int>] = []
        out.reserveCapacity(sentences.count)
        for r in sentences {
            if let last = out.last, last.count >= 2, !tokens[r.lowerBound].flags.contains(.paragraphStart),
               splitsAfterAbbreviation(last.upperBound - 1, tokens, bytes, classes), tokens[r.lowerBound].isCapitalized {
                out[out.count - 1] = last.lowerBound..<r.upperBound
            } else {
                out.append(r)
            }
        }
        return out
    }

    private static func splitsAfterAbbreviation(_ i: Int, _ tokens: [Token], _ bytes: [UInt8], _ classes: [UInt64]) -> Bool {
        let t = tokens[i]
        guard i > 0, t.end == t.start + 1, bytes[Int(t.start)] == UInt8(ascii: "."), tokens[i - 1].end == t.start else { return false }
        let w = tokens[i - 1]
        guard w.kind == .word else { return false }
        if w.length == 1 && w.shape == .title { return true }
        return classes[i - 1] & QuoteVocabulary.WordClass.title.bit != 0
    }
}
