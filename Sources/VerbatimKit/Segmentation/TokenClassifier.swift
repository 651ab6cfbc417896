/// Decides what each ICU word segment is, and which quotation marks open or close.
enum TokenClassifier {
    enum Segment {
        case space(lineBreak: Bool)
        case token(TokenKind, WordShape)
    }

    // ICU word-break rule status ranges (ubrk.h, UWordBreak).
    // (Compared as literals: a `static let` range costs a lazy-global check per segment.)
    private static var numberStatus: Range<Int32> { 100..<200 }
    private static var letterStatus: Range<Int32> { 200..<300 }
    private static var kanaIdeoStatus: Range<Int32> { 300..<500 }

    /// Punctuation or symbol for a printable ASCII byte that is neither a letter nor a
    /// digit nor a space; nil for every other byte.
    @inline(__always)
    static func asciiPunctuationKind(_ c: UInt8) -> TokenKind? {
        switch c {
        case UInt8(ascii: "$"), UInt8(ascii: "+"), UInt8(ascii: "<"), UInt8(ascii: "="), UInt8(ascii: ">"),
             UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            return .symbol
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E:
            return .punctuation
        default:
            return nil
        }
    }

    /// What one ICU segment is. The segmenter's loop settles the commonest segments
    /// itself (words, numbers, one space, one ASCII punctuation byte) and calls this
    /// for the rest. (Out of line: the general-category switch sets up stack space on
    /// every entry, which the common segments should not pay for.)
    @inline(never)
    static func classify(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, status: Int32) -> Segment {
        if letterStatus.contains(status) {
            return .token(.word, shape(b, start, end))
        }
        if numberStatus.contains(status) {
            let s = shape(b, start, end)
            return .token(s == .uncased ? .number : .word, s)
        }
        if kanaIdeoStatus.contains(status) {
            return .token(.ideographic, .uncased)
        }
        if end - start == 1, b[start] == 0x20 { return .space(lineBreak: false) }
        // Status "none": whitespace, punctuation, symbols, emoji.
        var i = start
        var allSpace = true
        var lineBreak = false
        while i < end {
            let (scalar, length) = UTF8Scalars.decode(b, i)
            if UTF8Scalars.isWhitespace(scalar) {
                if UTF8Scalars.isLineBreak(scalar) { lineBreak = true }
            } else {
                allSpace = false
                break
            }
            i += length
        }
        if allSpace { return .space(lineBreak: lineBreak) }
        let lead = b[start]
        if lead < 0x80, let kind = asciiPunctuationKind(lead) { return .token(kind, .uncased) }
        let first = UTF8Scalars.decode(b, start).scalar
        // Curly quotes, dashes and guillemets, the usual non-ASCII segments of news
        // text, skip the general-category look-up (some 300 instructions each).
        if isCommonPunctuation(first) { return .token(.punctuation, .uncased) }
        switch first.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return .token(.punctuation, .uncased)
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            // Letters ICU gave no letter status (rare scripts): still words.
            return .token(.word, shape(b, start, end))
        case .decimalNumber, .letterNumber, .otherNumber:
            return .token(.number, .uncased)
        default:
            return .token(.symbol, .uncased)
        }
    }

    /// Non-ASCII scalars known to be punctuation (general category P*): « » and
    /// U+2010–U+2027, U+2030–U+2043 (dashes, quotation marks, daggers, ellipsis, primes).
    @inline(__always)
    static func isCommonPunctuation(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v &- 0x2010 < 0x18 || v &- 0x2030 < 0x14 || v == 0xAB || v == 0xBB
    }

    /// The case pattern of the letters in a segment.
    @inline(__always)
    static func shape(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> WordShape {
        // Words of up to sixteen ASCII bytes (nearly all) in one or two eight-byte
        // loads, each ending inside the buffer; a load that starts before the word
        // (near the buffer's end) is shifted, bytes outside the word are masked off.
        let n = end - start
        if n <= 16, let base = b.baseAddress {
            if n <= 8 {
                let word: UInt64
                if start + 8 <= b.count {
                    word = ASCIIWord.load(base + start) & ASCIIWord.lowBytes(n)
                } else if end >= 8 {
                    word = ASCIIWord.load(base + end - 8) &>> UInt64(truncatingIfNeeded: (8 - n) &* 8)
                } else {
                    return generalShape(b, start, end)
                }
                if let s = shapeOfASCII(word, 0) { return s }
            } else {
                let first = ASCIIWord.load(base + start)
                let second = ASCIIWord.load(base + end - 8) & ~ASCIIWord.lowBytes(16 - n)
                if let s = shapeOfASCII(first, second) { return s }
            }
        }
        return generalShape(b, start, end)
    }

    /// The shape of the bytes of `first` then `second` (little-endian words, bytes
    /// outside the segment zero), or nil when one of them is not ASCII.
    @inline(__always)
    static func shapeOfASCII(_ first: UInt64, _ second: UInt64) -> WordShape? {
        if (first | second) & ASCIIWord.high != 0 { return nil }
        let upper1 = ASCIIWord.capitals(first), lower1 = ASCIIWord.smalls(first)
        let upper2 = ASCIIWord.capitals(second), lower2 = ASCIIWord.smalls(second)
        // The first cased letter: little-endian, so the lowest set bit of a word.
        let firstUpper: Bool
        if upper1 | lower1 != 0 {
            firstUpper = upper1 & (0 &- (upper1 | lower1)) != 0
        } else if upper2 | lower2 != 0 {
            firstUpper = upper2 & (0 &- (upper2 | lower2)) != 0
        } else {
            return .uncased
        }
        let uppers = upper1.nonzeroBitCount + upper2.nonzeroBitCount
        if !firstUpper { return uppers > 0 ? .mixed : .lower }
        return lower1 | lower2 == 0 && uppers >= 2 ? .upper : .title
    }

    /// ``shape(_:_:_:)`` by the general scalar loop (any length, any script).
    static func generalShape(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> WordShape {
        // ASCII words (nearly all): the first letter decides most of it, and the scan
        // stops as soon as the answer is known.
        if let s = asciiShape(b, start, end) { return s }
        var uppers = 0
        var lowers = 0
        var firstCased: Bool? = nil  // true = upper
        var i = start
        while i < end {
            let byte = b[i]
            if byte < 0x80 {
                if byte >= 65 && byte <= 90 {
                    uppers += 1
                    if firstCased == nil { firstCased = true }
                } else if byte >= 97 && byte <= 122 {
                    lowers += 1
                    if firstCased == nil { firstCased = false }
                }
                i += 1
            } else {
                let (scalar, length) = UTF8Scalars.decode(b, i)
                let p = scalar.properties
                if p.isUppercase {
                    uppers += 1
                    if firstCased == nil { firstCased = true }
                } else if p.isLowercase {
                    lowers += 1
                    if firstCased == nil { firstCased = false }
                }
                i += length
            }
        }
        guard let firstUpper = firstCased else { return .uncased }
        if !firstUpper { return uppers > 0 ? .mixed : .lower }
        if lowers == 0 && uppers >= 2 { return .upper }
        return .title
    }

    /// The shape of an all-ASCII segment, or nil when it holds a non-ASCII byte
    /// before its shape is settled (the general loop then decides).
    @inline(__always)
    private static func asciiShape(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> WordShape? {
        var i = start
        // Up to the first cased letter.
        var firstUpper = false
        while true {
            guard i < end else { return .uncased }
            let c = b[i]
            if c >= 0x80 { return nil }
            i += 1
            if c &- 65 < 26 { firstUpper = true; break }
            if c &- 97 < 26 { break }
        }
        if !firstUpper {
            // lower unless an upper-case letter follows (mixed).
            while i < end {
                let c = b[i]
                if c >= 0x80 { return nil }
                if c &- 65 < 26 { return .mixed }
                i += 1
            }
            return .lower
        }
        // Upper first: title once a lower-case letter appears; upper with two or more capitals and no lower case.
        var uppers = 1
        while i < end {
            let c = b[i]
            if c >= 0x80 { return nil }
            if c &- 97 < 26 { return .title }
            if c &- 65 < 26 { uppers += 1 }
            i += 1
        }
        return uppers >= 2 ? .upper : .title
    }

    // MARK: - Abbreviations

    // ICU keeps "U.S" and "a.m" together but leaves the final full stop apart; an
    // abbreviation reads as one token ("U.S.", "a.m."), so the segmenter joins the
    // stop to it as the tokens are made.

    /// "U.S", "a.m", "e.g": single letters separated by full stops.
    static func hasInnerStop(_ bytes: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        let s = Int(t.start), e = Int(t.end)
        guard e - s >= 3, e - s <= 12 else { return false }
        var sawStop = false
        var run = 0
        for k in s..<e {
            let c = bytes[k]
            if c == UInt8(ascii: ".") {
                if run == 0 || run > 2 { return false }
                sawStop = true
                run = 0
            } else if (c >= 65 && c <= 90) || (c >= 97 && c <= 122) {
                run += 1
            } else {
                return false
            }
        }
        return sawStop && run >= 1 && run <= 2
    }

    // MARK: - Quotation marks

    static func quoteMark(_ scalar: Unicode.Scalar) -> QuoteMark? {
        switch scalar.value {
        case 0x22: return QuoteMark(role: .ambiguous, family: .double, typographic: false)
        case 0x27: return QuoteMark(role: .ambiguous, family: .single, typographic: false)
        case 0x201C, 0x201E, 0x201F: return QuoteMark(role: .opening, family: .double, typographic: true)
        case 0x201D: return QuoteMark(role: .closing, family: .double, typographic: true)
        case 0x2018, 0x201A, 0x201B: return QuoteMark(role: .opening, family: .single, typographic: true)
        case 0x2019: return QuoteMark(role: .closing, family: .single, typographic: true)
        case 0xAB, 0x2039: return QuoteMark(role: .opening, family: .guillemet, typographic: true)
        case 0xBB, 0x203A: return QuoteMark(role: .closing, family: .guillemet, typographic: true)
        default: return nil
        }
    }

    /// Gives every quotation-mark token its class. Straight marks take their role
    /// from what flanks them; single marks that elide ('90s, rock 'n' roll) are apostrophes.
    static func classifyQuotes(_ tokens: inout [Token], in bytes: [UInt8]) {
        // First the few tokens that may be marks, by their lead byte (" ' « » and
        // U+2018–U+203A start with 0x22, 0x27, 0xC2, 0xE2), in a tight pass over raw
        // storage; the array is then touched only at those.
        var candidates: [Int] = []
        tokens.withUnsafeBufferPointer { t in
            bytes.withUnsafeBufferPointer { b in
                for i in 0..<t.count where t[i].kind == .punctuation && t[i].end &- t[i].start <= 3 {
                    let lead = b[Int(t[i].start)]
                    if lead == 0x22 || lead == 0x27 || lead == 0xC2 || lead == 0xE2 { candidates.append(i) }
                }
            }
        }
        bytes.withUnsafeBufferPointer { b in
            for i in candidates {
                let t = tokens[i]
                guard var mark = quoteMark(UTF8Scalars.decode(b, Int(t.start)).scalar) else { continue }
                let before = UTF8Scalars.decode(before: Int(t.start), in: b)
                let after: Unicode.Scalar? = Int(t.end) < b.count ? UTF8Scalars.decode(b, Int(t.end)).scalar : nil
                let leftFlank = before.map(opensContext) ?? true
                let rightFlank = after.map(closesContext) ?? true
                if mark.family == .single, isElision(tokens, i, b, before: before, after: after) {
                    mark.role = .apostrophe
                } else if !mark.typographic {
                    if leftFlank && !rightFlank { mark.role = .opening }
                    else if rightFlank && !leftFlank { mark.role = .closing }
                    else { mark.role = .ambiguous }
                }
                tokens[i].quote = mark
            }
        }
    }

    /// Before an opening mark: text start, space, opening brackets, dashes, other opening marks.
    static func opensContext(_ s: Unicode.Scalar) -> Bool {
        if UTF8Scalars.isWhitespace(s) { return true }
        // ASCII, the usual neighbour, without a general-category look-up: ( [ { are
        // Ps, - is Pd, and no other ASCII character is Ps, Pi or Pd.
        if s.isASCII { return s == "(" || s == "[" || s == "{" || s == "-" || s == "\"" || s == "'" || s == "/" }
        switch s.properties.generalCategory {
        case .openPunctuation, .initialPunctuation, .dashPunctuation: return true
        default: return s == "\"" || s == "'" || s == "/"
        }
    }

    /// After a closing mark: text end, space, sentence punctuation, closing brackets.
    static func closesContext(_ s: Unicode.Scalar) -> Bool {
        if UTF8Scalars.isWhitespace(s) { return true }
        // ASCII without a look-up: the Pe, Pd and Po characters but @ and #.
        if s.isASCII {
            switch s {
            case ")", "]", "}", "-", "!", "\"", "%", "&", "'", "*", ",", ".", "/", ":", ";", "?", "\\": return true
            default: return false
            }
        }
        switch s.properties.generalCategory {
        case .closePunctuation, .finalPunctuation, .dashPunctuation, .otherPunctuation: return s != "@" && s != "#"
        default: return s == "\"" || s == "'"
        }
    }

    private static func isElision(_ tokens: [Token], _ i: Int, _ b: UnsafeBufferPointer<UInt8>,
                                  before: Unicode.Scalar?, after: Unicode.Scalar?) -> Bool {
        // ’90s, '60s: a mark glued to the front of a decade.
        if let a = after, a.properties.numericType != nil, i + 1 < tokens.count,
           tokens[i + 1].start == tokens[i].end, before.map(UTF8Scalars.isWhitespace) ?? true {
            let next = tokens[i + 1]
            let last = b[Int(next.end) - 1]
            if last == UInt8(ascii: "s") || next.length == 2 { return true }
        }
        // rock ’n’ roll: marks around a lone "n".
        func isLoneN(_ k: Int) -> Bool {
            guard k >= 0, k < tokens.count, tokens[k].length == 1 else { return false }
            let c = b[Int(tokens[k].start)]
            return c == UInt8(ascii: "n") || c == UInt8(ascii: "N")
        }
        if isLoneN(i + 1), tokens[i + 1].start == tokens[i].end, i + 2 < tokens.count,
           tokens[i + 2].start == tokens[i + 1].end, tokens[i + 2].quote != nil || quoteMark(UTF8Scalars.decode(b, Int(tokens[i + 2].start)).scalar)?.family == .single {
            return true
        }
        if isLoneN(i - 1), i >= 2, tokens[i - 1].end == tokens[i].start, tokens[i - 2].end == tokens[i - 1].start,
           tokens[i - 2].quote?.role == .apostrophe {
            return true
        }
        return false
    }
}
