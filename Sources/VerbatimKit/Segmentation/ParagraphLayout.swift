/// Where paragraphs start, and which line breaks only wrap a paragraph.
///
/// News text marks paragraphs with a blank line or, as often, a single line break.
/// A single break counts as wrapping (soft) only when the line before it does not
/// end a sentence and the next line starts with a lower-case letter, as in
/// hard-wrapped text; everything else starts a paragraph.
struct ParagraphLayout {
    /// UTF-8 offsets of the first non-space byte of each paragraph after the first.
    var paragraphStarts: [Int32] = []
    /// Byte ranges of soft line breaks (the break bytes only).
    var softBreaks: [Range<Int>] = []

    init(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            let n = b.count
            let raw = UnsafeRawPointer(b.baseAddress)
            while i < n {
                // Eight printable ASCII bytes at a time: no byte below 0x20, none from 0x80.
                if let raw, i + 8 <= n {
                    let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let control = (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080
                    if control | (word & 0x8080_8080_8080_8080) == 0 { i += 8; continue }
                }
                // Fast skip to the next possible line break byte.
                let c = b[i]
                // Printable ASCII (0x20…0x7F), nearly every byte, in one unsigned compare.
                if c &- 0x20 < 0x60 { i += 1; continue }
                if c != 0x0A && c != 0x0D && c != 0xC2 && c != 0xE2 && c != 0x0B && c != 0x0C { i += 1; continue }
                guard let (breakLength, isParagraphSeparator) = Self.lineBreak(b, i) else { i += 1; continue }
                // Collect the whole run of whitespace containing this break.
                let runStart = i
                var breaks = 0
                var hard = isParagraphSeparator
                var j = i
                while j < n {
                    if let (len, para) = Self.lineBreak(b, j) {
                        breaks += 1
                        if para { hard = true }
                        j += len
                        continue
                    }
                    let (scalar, len) = UTF8Scalars.decode(b, j)
                    if UTF8Scalars.isWhitespace(scalar) { j += len } else { break }
                }
                if j >= n { break }  // trailing whitespace: no paragraph follows
                if breaks >= 2 { hard = true }
                if !hard {
                    hard = !Self.isSoftBreak(b, lineEnd: runStart, nextLineStart: j)
                }
                if hard {
                    if j > 0 { paragraphStarts.append(Int32(j)) }
                } else {
                    softBreaks.append(runStart..<(runStart + breakLength))
                    // A CR LF pair (already one break) is blanked as a whole.
                }
                i = j
            }
        }
    }

    /// The length of the line break at `i`, and whether it is a paragraph separator (U+2029).
    private static func lineBreak(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Int, Bool)? {
        switch b[i] {
        case 0x0A, 0x0B, 0x0C: return (1, false)
        case 0x0D: return (i + 1 < b.count && b[i + 1] == 0x0A ? 2 : 1, false)
        case 0xC2: return i + 1 < b.count && b[i + 1] == 0x85 ? (2, false) : nil
        case 0xE2:
            guard i + 2 < b.count, b[i + 1] == 0x80 else { return nil }
            if b[i + 2] == 0xA8 { return (3, false) }
            if b[i + 2] == 0xA9 { return (3, true) }
            return nil
        default: return nil
        }
    }

    private static func isSoftBreak(_ b: UnsafeBufferPointer<UInt8>, lineEnd: Int, nextLineStart: Int) -> Bool {
        let next = UTF8Scalars.decode(b, nextLineStart).scalar
        // ASCII answers without the property look-up (a test checks all 128).
        guard next.isASCII ? next.value &- 0x61 < 26 : next.properties.isLowercase else { return false }
        var k = lineEnd
        while k > 0 {
            guard let s = UTF8Scalars.decode(before: k, in: b) else { break }
            if UTF8Scalars.isWhitespace(s) {
                k -= UTF8.width(s)
                continue
            }
            switch s {
            case ".", "!", "?", ":", "\"", "'", "\u{201D}", "\u{2019}", "\u{BB}", ")", "\u{2026}": return false
            default: return true
            }
        }
        return false
    }
}
