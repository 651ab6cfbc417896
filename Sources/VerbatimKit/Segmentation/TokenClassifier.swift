/// Decides what each ICU word segment is, and which quotation marks open or close.
enum TokenClassifier {
    enum Segment {
        case space(lineBreak: Bool)
        case token(TokenKind, WordShape)
    }

    // ICU word-break rule status ranges (ubrk.h, UWordBreak).
    private static let numberStatus: Range<Int32> = 100..<200
    private static let letterStatus: Range<Int32> = 200..<300
    private static let kanaIdeoStatus: Range<Int32> = 300..<500

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
        if lead < 0x80 {
            // ASCII: punctuation unless it is one of the symbol characters.
            switch lead {
            case UInt8(ascii: "$"), UInt8(ascii: "+"), UInt8(ascii: "<"), UInt8(ascii: "="), UInt8(ascii: ">"),
                 UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
                return .token(.symbol, .uncased)
            case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E:
                return .token(.punctuation, .uncased)
            default:
                break
            }
        }
        let first = UTF8Scalars.decode(b, start).scalar
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

    /// The case pattern of the letters in a segment.
    static func shape(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> WordShape {
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

    // MARK: - Abbreviations

    /// ICU keeps "U.S" and "a.m" together but leaves the final full stop apart;
    /// an abbreviation reads as one token ("U.S.", "a.m."), so the stop joins it.
    static func mergeAbbreviationStops(_ tokens: inout [Token], in bytes: [UInt8]) {
        guard tokens.count > 1 else { return }
        var out: [Token] = []
        out.reserveCapacity(tokens.count)
        var i = 0
        while i < tokens.count {
            var t = tokens[i]
            if t.kind == .word, i + 1 < tokens.count {
                let next = tokens[i + 1]
                if next.start == t.end, next.end == next.start + 1, bytes[Int(next.start)] == UInt8(ascii: "."),
                   hasInnerStop(bytes, t) {
                    t.end = next.end
                    t.flags.formUnion(next.flags.intersection(.spaceAfter))
                    out.append(t)
                    i += 2
                    continue
                }
            }
            out.append(t)
            i += 1
        }
        tokens = out
    }

    /// "U.S", "a.m", "e.g": single letters separated by full stops.
    private static func hasInnerStop(_ bytes: [UInt8], _ t: Token) -> Bool {
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
        bytes.withUnsafeBufferPointer { b in
            for i in tokens.indices where tokens[i].kind == .punctuation && tokens[i].length <= 3 {
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
    private static func opensContext(_ s: Unicode.Scalar) -> Bool {
        if UTF8Scalars.isWhitespace(s) { return true }
        switch s.properties.generalCategory {
        case .openPunctuation, .initialPunctuation, .dashPunctuation: return true
        default: return s == "\"" || s == "'" || s == "/"
        }
    }

    /// After a closing mark: text end, space, sentence punctuation, closing brackets.
    private static func closesContext(_ s: Unicode.Scalar) -> Bool {
        if UTF8Scalars.isWhitespace(s) { return true }
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
