import Foundation

/// Read-only helpers over a document's tokens for the quote stage: folded word
/// forms, punctuation tests and sentence lookup. Strings are made only for the
/// few tokens the sieves look at around each quote.
struct QuoteText {
    let document: Document
    let tokens: [Token]
    let sentences: [Range<Int>]
    let paragraphs: [Range<Int>]
    /// Sentence index of every token.
    let sentenceOf: [Int32]
    /// Paragraph index of every token.
    let paragraphOf: [Int32]
    /// ``folded(_:)`` of the tokens asked about so far: the sieves ask for the same
    /// tokens many times, but only for a fraction of the document.
    private let foldedForms: FoldedForms

    private final class FoldedForms {
        // One document on one thread; a checked `var` would cost more than the folding it saves.
        @exclusivity(unchecked) var forms: [String?]
        init(count: Int) { forms = Array(repeating: nil, count: count) }
    }

    init(_ state: AnalysisState) {
        document = state.document
        tokens = state.segmentation.tokens
        sentences = Self.mergeAbbreviationSplits(state.segmentation.sentences, tokens, state.document.utf8)
        paragraphs = state.segmentation.paragraphs
        var s = [Int32](repeating: 0, count: tokens.count)
        for (k, r) in sentences.enumerated() { for i in r { s[i] = Int32(k) } }
        sentenceOf = s
        var p = [Int32](repeating: 0, count: tokens.count)
        for (k, r) in paragraphs.enumerated() { for i in r { p[i] = Int32(k) } }
        paragraphOf = p
        foldedForms = FoldedForms(count: tokens.count)
    }

    var count: Int { tokens.count }

    func string(_ i: Int) -> String { document.string(tokens[i].start, tokens[i].end) }

    func string(_ first: Int, _ last: Int) -> String { document.string(tokens[first].start, tokens[last].end) }

    /// Lower-case form with ’ folded to ' (only for words; punctuation as is).
    func folded(_ i: Int) -> String {
        if let form = foldedForms.forms[i] { return form }
        let form = Self.fold(tokens[i], document)
        foldedForms.forms[i] = form
        return form
    }

    private static func fold(_ t: Token, _ document: Document) -> String {
        let b = document.utf8
        // ASCII fast path: most tokens; short results are small strings (no allocation).
        // ASCII and ’ (don’t, Met’s) take a byte loop; anything else Unicode lower-casing.
        var simple = true
        var k = Int(t.start)
        while k < Int(t.end) {
            if b[k] < 0x80 { k += 1; continue }
            if k + 2 < Int(t.end), b[k] == 0xE2, b[k + 1] == 0x80, b[k + 2] == 0x99 { k += 3; continue }
            simple = false
            break
        }
        if simple {
            return String(unsafeUninitializedCapacity: t.length) { buffer in
                var n = 0
                var k = Int(t.start)
                while k < Int(t.end) {
                    let c = b[k]
                    if c == 0xE2 { buffer[n] = 0x27; k += 3 } else { buffer[n] = c >= 65 && c <= 90 ? c + 32 : c; k += 1 }
                    n += 1
                }
                return n
            }
        }
        let lowered = document.string(t.start, t.end).lowercased()
        guard lowered.utf8.contains(0xE2) else { return lowered }
        var bytes: [UInt8] = []
        var it = Array(lowered.utf8)[...]
        while let c = it.first {
            if c == 0xE2, it.count >= 3, it[it.startIndex + 1] == 0x80, it[it.startIndex + 2] == 0x99 {
                bytes.append(0x27); it = it.dropFirst(3)
            } else {
                bytes.append(c); it = it.dropFirst()
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

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
    static func mergeAbbreviationSplits(_ sentences: [Range<Int>], _ tokens: [Token], _ bytes: [UInt8]) -> [Range<Int>] {
        guard sentences.count > 1 else { return sentences }
        var out: [Range<Int>] = []
        out.reserveCapacity(sentences.count)
        for r in sentences {
            if let last = out.last, last.count >= 2, !tokens[r.lowerBound].flags.contains(.paragraphStart),
               splitsAfterAbbreviation(last.upperBound - 1, tokens, bytes), tokens[r.lowerBound].isCapitalized {
                out[out.count - 1] = last.lowerBound..<r.upperBound
            } else {
                out.append(r)
            }
        }
        return out
    }

    private static func splitsAfterAbbreviation(_ i: Int, _ tokens: [Token], _ bytes: [UInt8]) -> Bool {
        let t = tokens[i]
        guard i > 0, t.end == t.start + 1, bytes[Int(t.start)] == UInt8(ascii: "."), tokens[i - 1].end == t.start else { return false }
        let w = tokens[i - 1]
        guard w.kind == .word else { return false }
        if w.length == 1 && w.shape == .title { return true }
        let word = String(decoding: bytes[Int(w.start)..<Int(w.end)], as: UTF8.self).lowercased()
        return SpeakerMentions.titles.contains(word)
    }
}
