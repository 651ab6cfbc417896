import Testing
@testable import VerbatimKit

/// A small seeded generator, so a failing random case can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// An invented text for the property tests: one to ten of `pieces`, drawn at random,
/// each followed by a space or not, so pieces also glue into longer tokens.
func randomText(from pieces: [String], using rng: inout SplitMix64) -> String {
    var text = ""
    for _ in 0..<Int.random(in: 1...10, using: &rng) {
        text += pieces.randomElement(using: &rng)!
        if Bool.random(using: &rng) { text += " " }
    }
    return text
}

/// Every Unicode scalar (surrogates have none).
private let allScalars: [Unicode.Scalar] = (0...0x10FFFF).compactMap { Unicode.Scalar(UInt32($0)) }

/// The shape as ``WordShape`` documents it, by Unicode case properties alone.
private func referenceShape(_ text: Substring.UnicodeScalarView) -> WordShape {
    var uppers = 0, lowers = 0
    var firstUpper: Bool? = nil
    for s in text {
        // The segmenter counts ASCII letters by their bytes and the rest by property.
        let upper = s.isASCII ? ("A"..."Z").contains(s) : s.properties.isUppercase
        let lower = s.isASCII ? ("a"..."z").contains(s) : !upper && s.properties.isLowercase
        if upper { uppers += 1; if firstUpper == nil { firstUpper = true } }
        if lower { lowers += 1; if firstUpper == nil { firstUpper = false } }
    }
    guard let first = firstUpper else { return .uncased }
    if !first { return uppers > 0 ? .mixed : .lower }
    return lowers == 0 && uppers >= 2 ? .upper : .title
}

/// The token for one ICU segment, as the segmenter read it before its fast paths:
/// Unicode property look-ups throughout and the general shape loop.
private func referenceClassify(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, status: Int32) -> TokenClassifier.Segment {
    if (200..<300).contains(status) { return .token(.word, TokenClassifier.generalShape(b, start, end)) }
    if (100..<200).contains(status) {
        let s = TokenClassifier.generalShape(b, start, end)
        return .token(s == .uncased ? .number : .word, s)
    }
    if (300..<500).contains(status) { return .token(.ideographic, .uncased) }
    let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
    if text.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
        return .space(lineBreak: text.unicodeScalars.contains { UTF8Scalars.isLineBreak($0) })
    }
    let first = text.unicodeScalars.first!
    if "$+<=>^`|~".unicodeScalars.contains(first) { return .token(.symbol, .uncased) }
    switch first.value {
    case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return .token(.punctuation, .uncased)
    default: break
    }
    switch first.properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
         .initialPunctuation, .finalPunctuation, .otherPunctuation:
        return .token(.punctuation, .uncased)
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
        return .token(.word, TokenClassifier.generalShape(b, start, end))
    case .decimalNumber, .letterNumber, .otherNumber:
        return .token(.number, .uncased)
    default:
        return .token(.symbol, .uncased)
    }
}

/// ICU keeps "U.S" and "a.m" together but leaves the final full stop apart: the
/// separate pass that joined them before the segmenter did it as it made tokens.
private func referenceMergeAbbreviationStops(_ tokens: inout [Token], in bytes: [UInt8]) {
    var merged: [Token] = []
    var i = 0
    while i < tokens.count {
        var t = tokens[i]
        if t.kind == .word, i + 1 < tokens.count {
            let next = tokens[i + 1]
            let inner = bytes.withUnsafeBufferPointer { TokenClassifier.hasInnerStop($0, t) }
            if next.start == t.end, next.end == next.start + 1, bytes[Int(next.start)] == UInt8(ascii: "."), inner {
                t.end = next.end
                t.flags.formUnion(next.flags.intersection(.spaceAfter))
                merged.append(t)
                i += 2
                continue
            }
        }
        merged.append(t)
        i += 1
    }
    tokens = merged
}

/// The word tokens built the plain way: one segment at a time, then the stops merged.
private func referenceWordTokens(_ segmenter: Segmenter, _ bytes: [UInt8]) throws -> [Token] {
    let (ends, statuses) = try segmenter.wordSegments(utf8: bytes)
    var tokens: [Token] = []
    var start: Int32 = 0
    var pending: TokenFlags = [.spaceBefore]
    bytes.withUnsafeBufferPointer { b in
        for (end, status) in zip(ends, statuses) {
            switch referenceClassify(b, Int(start), Int(end), status: status) {
            case .space(let lineBreak):
                pending.insert(.spaceBefore)
                if lineBreak { pending.insert(.lineBreakBefore) }
                if !tokens.isEmpty { tokens[tokens.count - 1].flags.insert(.spaceAfter) }
            case .token(let kind, let shape):
                tokens.append(Token(start: start, end: end, kind: kind, shape: shape, flags: pending))
                pending = []
            }
            start = end
        }
    }
    if !tokens.isEmpty { tokens[tokens.count - 1].flags.insert(.spaceAfter) }
    referenceMergeAbbreviationStops(&tokens, in: bytes)
    return tokens
}

@Suite struct SegmenterFastPathTests {
    /// The spelled-out White_Space list is Unicode's, scalar by scalar.
    @Test func whitespaceListIsUnicodeWhiteSpace() {
        let wrong = allScalars.filter { UTF8Scalars.isWhitespace($0) != $0.properties.isWhitespace }
        #expect(wrong.isEmpty, "\(wrong.prefix(10).map { String($0.value, radix: 16) })")
    }

    /// Every scalar taken for punctuation without a look-up has a punctuation category.
    @Test func commonPunctuationIsPunctuation() {
        let punctuation: Set<Unicode.GeneralCategory> = [.connectorPunctuation, .dashPunctuation, .openPunctuation,
                                                         .closePunctuation, .initialPunctuation, .finalPunctuation,
                                                         .otherPunctuation]
        let taken = allScalars.filter { !$0.isASCII && TokenClassifier.isCommonPunctuation($0) }
        #expect(taken.count == 0x18 + 0x14 + 2)
        let wrong = taken.filter { !punctuation.contains($0.properties.generalCategory) }
        #expect(wrong.isEmpty, "\(wrong.map { String($0.value, radix: 16) })")
    }

    /// The eight-byte shape agrees with the case properties for every one- and
    /// two-byte ASCII word, wherever it sits in the buffer (so also where fewer than
    /// eight bytes follow it and the general loop answers).
    @Test func shortAsciiShapesAgreeWithProperties() {
        for a in UInt8(0)..<0x80 {
            for b in [nil] + (UInt8(0)..<0x80).map(Optional.some) {
                let word: [UInt8] = b.map { [a, $0] } ?? [a]
                let expected = referenceShape(String(decoding: word, as: UTF8.self).unicodeScalars[...])
                for padding in [0, 3, 8] {
                    let buffer = word + [UInt8](repeating: UInt8(ascii: "Q"), count: padding)
                    let shape = buffer.withUnsafeBufferPointer { TokenClassifier.shape($0, 0, word.count) }
                    #expect(shape == expected, "\(word) padding \(padding)")
                }
            }
        }
    }

    /// Random words of one to twenty bytes, ASCII or not, at random places in a
    /// buffer whose other bytes are capitals (which must not leak into the shape).
    @Test func randomWordShapesAgreeWithProperties() {
        var rng = SplitMix64(seed: 7)
        let pieces = ["a", "b", "z", "A", "M", "Z", "0", "9", "'", ".", "-", "@", "`", "[", "{", "é", "É", "ß", "Ω", "ω", "ǅ", "’", "東", "🎉"]
        for _ in 0..<20_000 {
            var word = ""
            while word.utf8.count < Int.random(in: 1...20, using: &rng) { word += pieces.randomElement(using: &rng)! }
            let before = Int.random(in: 0...9, using: &rng), after = Int.random(in: 0...9, using: &rng)
            let buffer = [UInt8](repeating: 0x5A, count: before) + Array(word.utf8) + [UInt8](repeating: 0x5A, count: after)
            let shape = buffer.withUnsafeBufferPointer { TokenClassifier.shape($0, before, before + word.utf8.count) }
            #expect(shape == referenceShape(word.unicodeScalars[...]), "\(word)")
        }
    }

    /// The tokens made in one pass equal those made segment by segment with property
    /// look-ups and the stops merged afterwards, on random text built from pieces that
    /// meet every branch: abbreviations, stops, curly quotes, dashes, odd spaces.
    @Test func onePassTokensEqualThePlainPass() throws {
        let segmenter = try shippedSegmenter()
        var rng = SplitMix64(seed: 11)
        let pieces = ["U.S", "a.m", "e.g", "A.B.C", "x.y.z.w", "Dr", "Mr", "J", ".", ".", "..", ",", " ", " ", "  ", "\n", "\r\n",
                      "\t", "\u{A0}", "\u{2009}", "\u{3000}", "\u{85}", "\u{2028}", "word", "Word", "WORD", "eBay", "Zürich",
                      "ÉCOLE", "Олег", "東京", "🎉", "“", "”", "‘", "’", "«", "»", "—", "–", "…", "•", "£", "$", "3", "1,000",
                      "2.5", "7.40am", "'", "\"", "-", "(", ")", "\u{301}", "ǅ", "§", "×", "‰", "⁄"]
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...30, using: &rng) { text += pieces.randomElement(using: &rng)! }
            let bytes = Array(text.utf8)
            #expect(try segmenter.wordTokens(bytes) == referenceWordTokens(segmenter, bytes), "\(text.debugDescription)")
        }
        let article = try String(contentsOfFile: corpusPath("samples/westminster-2018.txt"), encoding: .utf8)
        #expect(try segmenter.wordTokens(Array(article.utf8)) == referenceWordTokens(segmenter, Array(article.utf8)))
    }
}

/// Sentence and paragraph assembly as a walk over every token, the plain reading of
/// ``Segmenter/assemble(tokens:sentenceStarts:paragraphStarts:bytes:breakWords:)``.
private func referenceAssemble(tokens: inout [Token], sentenceStarts: [Int32], paragraphStarts: [Int32],
                               bytes: [UInt8]) -> (sentences: [Range<Int>], paragraphs: [Range<Int>]) {
    var sentences: [Range<Int>] = []
    var paragraphs: [Range<Int>] = []
    var sentenceIndex = 0, paragraphIndex = 0
    var sentenceOpen = 0, paragraphOpen = 0
    for i in tokens.indices {
        let start = tokens[i].start
        let previous = i == 0 ? -1 : tokens[i - 1].start
        var newSentence = i == 0
        var newParagraph = i == 0
        while sentenceIndex < sentenceStarts.count, sentenceStarts[sentenceIndex] <= start {
            if sentenceStarts[sentenceIndex] > previous { newSentence = true }
            sentenceIndex += 1
        }
        while paragraphIndex < paragraphStarts.count, paragraphStarts[paragraphIndex] <= start {
            if paragraphStarts[paragraphIndex] > previous { newParagraph = true }
            paragraphIndex += 1
        }
        if newSentence && !newParagraph && shippedBreakWords.overrulesBreak(before: i, tokens, bytes) { newSentence = false }
        if newParagraph { newSentence = true }
        if newSentence && i > 0 { sentences.append(sentenceOpen..<i); sentenceOpen = i }
        if newParagraph && i > 0 { paragraphs.append(paragraphOpen..<i); paragraphOpen = i }
        if newSentence { tokens[i].flags.insert(.sentenceStart) }
        if newParagraph { tokens[i].flags.insert(.paragraphStart) }
    }
    if !tokens.isEmpty {
        sentences.append(sentenceOpen..<tokens.count)
        paragraphs.append(paragraphOpen..<tokens.count)
    }
    for sentence in sentences {
        if let i = sentence.first(where: { [.word, .number, .ideographic].contains(tokens[$0].kind) }) {
            tokens[i].flags.insert(.sentenceInitial)
        }
    }
    return (sentences, paragraphs)
}

@Suite struct SentenceAssemblyTests {
    /// Visiting only the tokens that start offsets open gives the ranges and flags of
    /// the walk over every token, for ascending offsets anywhere (inside tokens, in
    /// spaces, repeated, past the end) and titles or initials before a break.
    @Test func openedTokensGiveTheSameRangesAsTheWalk() throws {
        let segmenter = try shippedSegmenter()
        var rng = SplitMix64(seed: 17)
        let pieces = ["Dr", ".", " ", "Smith", "J", "K", "Rowling", "“", "”", "said", "U.S.", "\n", "\n\n", "(", "3", "—", "東京"]
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...25, using: &rng) { text += pieces.randomElement(using: &rng)! }
            let bytes = Array(text.utf8)
            let tokens = try segmenter.wordTokens(bytes)
            func offsets() -> [Int32] {
                (0..<Int.random(in: 0...8, using: &rng)).map { _ in Int32.random(in: 0...Int32(bytes.count + 2), using: &rng) }.sorted()
            }
            let sentenceStarts = offsets(), paragraphStarts = offsets()
            var fast = tokens, plain = tokens
            let got = Segmenter.assemble(tokens: &fast, sentenceStarts: sentenceStarts, paragraphStarts: paragraphStarts, bytes: bytes, breakWords: shippedBreakWords)
            let want = referenceAssemble(tokens: &plain, sentenceStarts: sentenceStarts, paragraphStarts: paragraphStarts, bytes: bytes)
            #expect(got.sentences == want.sentences, "\(text.debugDescription) \(sentenceStarts) \(paragraphStarts)")
            #expect(got.paragraphs == want.paragraphs, "\(text.debugDescription) \(sentenceStarts) \(paragraphStarts)")
            #expect(fast == plain, "\(text.debugDescription) \(sentenceStarts) \(paragraphStarts)")
        }
    }
}

@Suite struct QuoteContextTests {
    /// The ASCII answers of the mark-context tests are what the general categories
    /// give, for every ASCII scalar (the rest still asks the category).
    @Test func asciiContextsAgreeWithGeneralCategories() {
        func opens(_ s: Unicode.Scalar) -> Bool {
            if UTF8Scalars.isWhitespace(s) { return true }
            switch s.properties.generalCategory {
            case .openPunctuation, .initialPunctuation, .dashPunctuation: return true
            default: return s == "\"" || s == "'" || s == "/"
            }
        }
        func closes(_ s: Unicode.Scalar) -> Bool {
            if UTF8Scalars.isWhitespace(s) { return true }
            switch s.properties.generalCategory {
            case .closePunctuation, .finalPunctuation, .dashPunctuation, .otherPunctuation: return s != "@" && s != "#"
            default: return s == "\"" || s == "'"
            }
        }
        for value in UInt8(0)..<0x80 {
            let s = Unicode.Scalar(value)
            #expect(TokenClassifier.opensContext(s) == opens(s), "opens \(value)")
            #expect(TokenClassifier.closesContext(s) == closes(s), "closes \(value)")
        }
    }
}

@Suite struct SoftBreakTests {
    /// A single break is soft only before a lower-case letter: for every printable
    /// ASCII character the answer is the Unicode property's (and so for "é").
    @Test func nextLineLowerCaseByProperty() {
        for value in UInt8(0x21)...0x7E {
            let text = "It went on\n" + String(UnicodeScalar(value)) + "ward"
            let soft = !ParagraphLayout(Array(text.utf8)).softBreaks.isEmpty
            #expect(soft == Unicode.Scalar(value).properties.isLowercase, "\(text.debugDescription)")
        }
        #expect(!ParagraphLayout(Array("It went on\néward".utf8)).softBreaks.isEmpty)
    }

    /// Spaces of any width before the break are stepped over to find how the line ends.
    @Test func spacesBeforeTheBreakAreSkipped() {
        #expect(!ParagraphLayout(Array("It went on \u{A0}\u{3000}\nward".utf8)).softBreaks.isEmpty)
        #expect(ParagraphLayout(Array("It went on.\u{3000}\u{A0} \nward".utf8)).softBreaks.isEmpty)
        #expect(ParagraphLayout(Array("It went “on”\u{2009}\nward".utf8)).softBreaks.isEmpty)
    }
}
