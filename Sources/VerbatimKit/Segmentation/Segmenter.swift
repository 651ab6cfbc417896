import CICU

/// Splits a document into tokens, sentences and paragraphs with ICU.
///
/// Holds two ICU break iterators, which are not thread-safe: give each thread its
/// own `Segmenter` (``makeCopy()`` clones the compiled rules cheaply).
public final class Segmenter {
    private let words: OpaquePointer
    private let sentences: OpaquePointer
    /// The current document in UTF-16, which both iterators read (see ``UTF16Text``).
    private let utf16 = UTF16Text()
    /// Whether ICU reads the UTF-16 copy (else the bytes, as tests compare).
    var readsUTF16 = true
    /// The words that overrule ICU's sentence breaks after abbreviations.
    public let breakWords: SentenceBreakWords

    /// Opens ICU's English word iterator and its sentence iterator with
    /// abbreviation suppressions (`en@ss=standard`); `breakWords` (from the models:
    /// ``SentenceBreakWords/init(lexicon:)``) overrule the breaks ICU still makes
    /// after abbreviations it does not know.
    public init(breakWords: SentenceBreakWords) throws(VerbatimError) {
        var code: Int32 = 0
        guard let w = vb_breaker_open(VB_BREAK_WORD, &code) else { throw .icu(Self.icuName(code)) }
        guard let s = vb_breaker_open(VB_BREAK_SENTENCE, &code) else {
            vb_breaker_close(w)
            throw .icu(Self.icuName(code))
        }
        words = w
        sentences = s
        self.breakWords = breakWords
    }

    private init(words: OpaquePointer, sentences: OpaquePointer, breakWords: SentenceBreakWords) {
        self.words = words
        self.sentences = sentences
        self.breakWords = breakWords
    }

    /// A segmenter for another thread.
    public func makeCopy() throws(VerbatimError) -> Segmenter {
        var code: Int32 = 0
        guard let w = vb_breaker_clone(words, &code) else { throw .icu(Self.icuName(code)) }
        guard let s = vb_breaker_clone(sentences, &code) else {
            vb_breaker_close(w)
            throw .icu(Self.icuName(code))
        }
        return Segmenter(words: w, sentences: s, breakWords: breakWords)
    }

    deinit {
        vb_breaker_close(words)
        vb_breaker_close(sentences)
    }

    private static func icuName(_ code: Int32) -> String {
        String(cString: vb_error_name(code))
    }

    /// The ICU library version, e.g. "72.1".
    public static var icuVersion: String {
        var buffer = [CChar](repeating: 0, count: 32)
        vb_icu_version(&buffer, 32)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    // MARK: - Segmenting

    /// Segments a document.
    public func segment(_ document: Document) throws(VerbatimError) -> Segmentation {
        try segment(utf8: document.utf8)
    }

    /// Segments UTF-8 text (which must be valid UTF-8).
    public func segment(utf8 bytes: [UInt8]) throws(VerbatimError) -> Segmentation {
        guard bytes.count < Int(Int32.max) else { throw .recordTooLarge(bytes: bytes.count, limit: Int(Int32.max) - 1) }
        let layout = ParagraphLayout(bytes)
        let converted = loadUTF16(bytes)
        var tokens = try wordTokens(bytes, converted: converted)
        TokenClassifier.classifyQuotes(&tokens, in: bytes)

        // ICU breaks sentences at every line break; soft (wrapped) line breaks are
        // blanked out so a wrapped sentence stays whole: in the UTF-16 copy, which the
        // word iterator is done with, where each break byte is one unit (\n, \r\n);
        // otherwise in a copy of the bytes.
        let sentenceStarts: [Int32]
        if layout.softBreaks.isEmpty {
            sentenceStarts = try boundaries(sentences, bytes, converted: converted)
        } else {
            if converted, layout.softBreaks.allSatisfy({ range in range.allSatisfy { bytes[$0] < 0x80 } }) {
                for range in layout.softBreaks {
                    let u = utf16.utf16Offset(ofUTF8: range.lowerBound)
                    for k in 0..<range.count { utf16.set(u + k, 0x20) }
                }
                sentenceStarts = try boundaries(sentences, bytes, converted: true)
            } else {
                var blanked = bytes
                for range in layout.softBreaks {
                    for i in range { blanked[i] = 0x20 }
                }
                sentenceStarts = try boundaries(sentences, blanked, converted: loadUTF16(blanked))
            }
        }
        let (sentenceRanges, paragraphRanges) = Self.assemble(tokens: &tokens, sentenceStarts: sentenceStarts,
                                                              paragraphStarts: layout.paragraphStarts, bytes: bytes,
                                                              breakWords: breakWords)
        return Segmentation(tokens: tokens, sentences: sentenceRanges, paragraphs: paragraphRanges)
    }

    /// Runs ICU's word and sentence iterators over the text and only counts the
    /// boundaries: the floor every other stage is measured against (`verbatim bench`).
    public func countBoundaries(utf8 bytes: [UInt8]) throws(VerbatimError) -> (words: Int, sentences: Int) {
        var ends = [Int32](repeating: 0, count: 512)
        var statuses = [Int32](repeating: 0, count: 512)
        var counts = [0, 0]
        // The same input as ``segment(utf8:)`` gives ICU: the UTF-16 conversion is part of the floor.
        let converted = loadUTF16(bytes)
        for (k, breaker) in [words, sentences].enumerated() {
            let code = setText(breaker, bytes, converted: converted)
            if code != 0 { throw .icu(Self.icuName(code)) }
            while true {
                let n = vb_breaker_next(breaker, &ends, &statuses, 512)
                if n == 0 { break }
                counts[k] += Int(n)
            }
        }
        return (counts[0], counts[1])
    }

    /// Loads ``utf16`` with `bytes` when ICU is to read UTF-16; false when it reads the
    /// bytes (``readsUTF16`` off, or text that is not valid UTF-8).
    private func loadUTF16(_ bytes: [UInt8]) -> Bool {
        readsUTF16 && bytes.withUnsafeBufferPointer { utf16.load($0) }
    }

    /// Points `breaker` at the document: its UTF-16 copy when `converted` (``utf16``
    /// holds `bytes` converted), else the bytes themselves (text that is not valid UTF-8).
    private func setText(_ breaker: OpaquePointer, _ bytes: [UInt8], converted: Bool) -> Int32 {
        if converted { return vb_breaker_set_utf16(breaker, utf16.units, Int32(utf16.count)) }
        return bytes.withUnsafeBufferPointer { vb_breaker_set_utf8(breaker, $0.baseAddress, Int64($0.count)) }
    }

    /// Segment start offsets in bytes (the text start included, the end excluded).
    private func boundaries(_ breaker: OpaquePointer, _ bytes: [UInt8], converted: Bool) throws(VerbatimError) -> [Int32] {
        var result: [Int32] = [0]
        var ends = [Int32](repeating: 0, count: 256)
        var statuses = [Int32](repeating: 0, count: 256)
        let code = setText(breaker, bytes, converted: converted)
        if code != 0 { throw .icu(Self.icuName(code)) }
        while true {
            let n = vb_breaker_next(breaker, &ends, &statuses, 256)
            if n == 0 { break }
            if converted { ends.withUnsafeMutableBufferPointer { utf16.mapToUTF8($0.baseAddress!, Int(n)) } }
            result.append(contentsOf: ends[0..<Int(n)])
        }
        if result.last == Int32(bytes.count) { result.removeLast() }
        return result
    }

    /// The ICU word segments as tokens, whitespace folded into their flags, and
    /// abbreviation stops joined to "U.S" and "a.m".
    func wordTokens(_ bytes: [UInt8]) throws(VerbatimError) -> [Token] {
        let converted = loadUTF16(bytes)
        return try wordTokens(bytes, converted: converted)
    }

    /// ``wordTokens(_:)`` with ``utf16`` already loaded from `bytes` (`converted`).
    private func wordTokens(_ bytes: [UInt8], converted: Bool) throws(VerbatimError) -> [Token] {
        let code = setText(words, bytes, converted: converted)
        let utf16 = converted ? self.utf16 : nil
        let tokens = bytes.withUnsafeBufferPointer { text in
            code == 0 ? Self.tokens(words, text, utf16: utf16) : []
        }
        if code != 0 { throw .icu(Self.icuName(code)) }
        return tokens
    }

    /// The tokens of `text`, which `breaker` has just been set to (to `utf16`, the
    /// same text in UTF-16, when given: its offsets are mapped back to bytes).
    private static func tokens(_ breaker: OpaquePointer, _ text: UnsafeBufferPointer<UInt8>, utf16: UTF16Text?) -> [Token] {
        let batch = 512
        let ends = UnsafeMutablePointer<Int32>.allocate(capacity: 2 * batch)
        let statuses = ends + batch
        defer { ends.deallocate() }
        // Tokens are stored through a pointer, with one capacity check per ICU batch:
        // appending to an array costs a uniqueness and capacity check per token.
        var capacity = text.count / 4 + 64
        var tokens = UnsafeMutablePointer<Token>.allocate(capacity: capacity)
        defer { tokens.deallocate() }
        var count = 0
        var start: Int32 = 0
        var pending: TokenFlags = [.spaceBefore]
        while true {
            let n = Int(vb_breaker_next(breaker, ends, statuses, Int32(batch)))
            if n == 0 { break }
            utf16?.mapToUTF8(ends, n)
            if count + n > capacity {
                capacity = max(2 * capacity, count + n)
                let grown = UnsafeMutablePointer<Token>.allocate(capacity: capacity)
                grown.moveInitialize(from: tokens, count: count)
                tokens.deallocate()
                tokens = grown
            }
            for k in 0..<n {
                let end = ends[k]
                let status = statuses[k]
                // The commonest segments are settled here, the rest by `classify`
                // (whose answers for these are the same).
                let segment: TokenClassifier.Segment
                if UInt32(bitPattern: status &- 100) < 200 {
                    // Numbers and letters (ICU status 100..<300) in one unsigned compare.
                    let shape = TokenClassifier.shape(text, Int(start), Int(end))
                    segment = .token(status >= 200 || shape != .uncased ? .word : .number, shape)
                } else if end == start + 1, status < 100, text[Int(start)] == 0x20 {
                    segment = .space(lineBreak: false)
                } else if end == start + 1, status < 100, let kind = TokenClassifier.asciiPunctuationKind(text[Int(start)]) {
                    segment = .token(kind, .uncased)
                } else {
                    segment = TokenClassifier.classify(text, Int(start), Int(end), status: status)
                }
                switch segment {
                case .space(let lineBreak):
                    pending.insert(.spaceBefore)
                    if lineBreak { pending.insert(.lineBreakBefore) }
                    if count > 0 { tokens[count - 1].flags.insert(.spaceAfter) }
                case .token(let kind, let shape):
                    // A full stop glued to "U.S" or "a.m" joins it; what follows the
                    // joined token sets its spaceAfter as it would the stop's.
                    if end == start + 1, text[Int(start)] == UInt8(ascii: "."), count > 0,
                       tokens[count - 1].end == start, tokens[count - 1].kind == .word,
                       TokenClassifier.hasInnerStop(text, tokens[count - 1]) {
                        tokens[count - 1].end = end
                    } else {
                        (tokens + count).initialize(to: Token(start: start, end: end, kind: kind, shape: shape, flags: pending))
                        count += 1
                        pending = []
                    }
                }
                start = end
            }
        }
        if count > 0 { tokens[count - 1].flags.insert(.spaceAfter) }
        return Array(UnsafeBufferPointer(start: tokens, count: count))
    }

    /// ICU's word segments (end offset and rule status of each), for tests that
    /// rebuild the tokens the plain way and compare.
    func wordSegments(utf8 bytes: [UInt8]) throws(VerbatimError) -> (ends: [Int32], statuses: [Int32]) {
        var ends = [Int32](repeating: 0, count: bytes.count + 1)
        var statuses = [Int32](repeating: 0, count: bytes.count + 1)
        var count = 0
        let code = bytes.withUnsafeBufferPointer { vb_breaker_set_utf8(words, $0.baseAddress, Int64($0.count)) }
        if code != 0 { throw .icu(Self.icuName(code)) }
        ends.withUnsafeMutableBufferPointer { e in
            statuses.withUnsafeMutableBufferPointer { s in
                while true {
                    let n = Int(vb_breaker_next(words, e.baseAddress! + count, s.baseAddress! + count, Int32(e.count - count)))
                    if n == 0 { break }
                    count += n
                }
            }
        }
        return (Array(ends[..<count]), Array(statuses[..<count]))
    }

    /// Maps sentence and paragraph start offsets onto token ranges, forcing a
    /// sentence break at every paragraph start.
    static func assemble(tokens: [Token], sentenceStarts: [Int32], paragraphStarts: [Int32], bytes: [UInt8],
                         breakWords: SentenceBreakWords) -> Segmentation {
        var tokens = tokens
        let (sentences, paragraphs) = assemble(tokens: &tokens, sentenceStarts: sentenceStarts, paragraphStarts: paragraphStarts, bytes: bytes,
                                               breakWords: breakWords)
        return Segmentation(tokens: tokens, sentences: sentences, paragraphs: paragraphs)
    }

    /// The same, setting the flags on the caller's tokens in place (no copy of the array).
    /// Both offset lists ascend (as ICU and ``ParagraphLayout`` give them).
    static func assemble(tokens: inout [Token], sentenceStarts: [Int32], paragraphStarts: [Int32],
                         bytes: [UInt8], breakWords: SentenceBreakWords) -> (sentences: [Range<Int>], paragraphs: [Range<Int>]) {
        let n = tokens.count
        guard n > 0 else { return ([], []) }
        // A start offset opens the first token that starts at or after it (none when
        // it lies past the last token's start). Only opened tokens need a visit, so
        // each offset's token is found by binary search instead of walking every
        // token: an article has some 25 sentences among 500 tokens.
        func opened(_ offsets: [Int32]) -> [Int] {
            var result: [Int] = [0]
            result.reserveCapacity(offsets.count + 1)
            var low = 0
            for offset in offsets {
                var high = n
                while low < high {
                    let mid = (low + high) / 2
                    if tokens[mid].start < offset { low = mid + 1 } else { high = mid }
                }
                if low == n { break }
                if low != result[result.count - 1] { result.append(low) }
            }
            return result
        }
        let sentenceTokens = opened(sentenceStarts)
        let paragraphTokens = opened(paragraphStarts)
        var sentences: [Range<Int>] = []
        var paragraphs: [Range<Int>] = []
        sentences.reserveCapacity(sentenceTokens.count + paragraphTokens.count)
        paragraphs.reserveCapacity(paragraphTokens.count)
        var sentenceOpen = 0
        var paragraphOpen = 0
        var s = 0, p = 0
        // The opened tokens of both lists in order, each once.
        while s < sentenceTokens.count || p < paragraphTokens.count {
            let i = min(s < sentenceTokens.count ? sentenceTokens[s] : n, p < paragraphTokens.count ? paragraphTokens[p] : n)
            var newSentence = false, newParagraph = false
            if s < sentenceTokens.count, sentenceTokens[s] == i { newSentence = true; s += 1 }
            if p < paragraphTokens.count, paragraphTokens[p] == i { newParagraph = true; p += 1 }
            if newSentence && !newParagraph && breakWords.overrulesBreak(before: i, tokens, bytes) { newSentence = false }
            if newParagraph { newSentence = true }
            if newSentence && i > 0 {
                sentences.append(sentenceOpen..<i)
                sentenceOpen = i
            }
            if newParagraph && i > 0 {
                paragraphs.append(paragraphOpen..<i)
                paragraphOpen = i
            }
            if newSentence { tokens[i].flags.insert(.sentenceStart) }
            if newParagraph { tokens[i].flags.insert(.paragraphStart) }
        }
        sentences.append(sentenceOpen..<n)
        paragraphs.append(paragraphOpen..<n)
        for sentence in sentences {
            for i in sentence {
                let kind = tokens[i].kind
                if kind == .word || kind == .number || kind == .ideographic {
                    tokens[i].flags.insert(.sentenceInitial)
                    break
                }
            }
        }
        return (sentences, paragraphs)
    }
}
