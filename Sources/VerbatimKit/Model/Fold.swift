import Foundation

/// The key folding shared by every lexicon file and the runtime (the Python
/// `fold()` in Models/build/build_models.py): NFC; ’ ‘ ʼ ` ´ ′ → '; “ ” „ « » → ";
/// hyphens and dashes ‐ ‑ ‒ – — − → -; combining marks stripped (after NFD);
/// whitespace runs collapsed to one space and trimmed; lower case.
public enum Fold {
    /// Folds a whole string.
    public static func fold(_ s: String) -> String {
        // Stages fold names and words by the thousand per MB: an ASCII string is folded
        // from its own storage straight into the result's (the byte array and its copy
        // back to a String cost ten times the fold).
        if let ascii = s.utf8.withContiguousStorageIfAvailable({ foldASCII($0) }), let ascii { return ascii }
        var out: [UInt8] = []
        appendFolded(Array(s.utf8)[...], to: &out)
        while out.last == 0x20 { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    /// ``fold(_:)`` of all-ASCII `bytes`, as ``appendFolded(_:to:)`` folds them and
    /// trimmed; nil when a byte is not ASCII.
    static func foldASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        for b in bytes where b >= 0x80 { return nil }
        return String(unsafeUninitializedCapacity: bytes.count) { out in
            var k = 0
            var lastSpace = true
            for b in bytes {
                if let folded = foldedASCII(b, lastSpace: &lastSpace) { out[k] = folded; k += 1 }
            }
            while k > 0, out[k - 1] == 0x20 { k -= 1 }
            return k
        }
    }

    /// The folded form of one ASCII byte: upper case lowered, the backtick an apostrophe,
    /// white space one space after a non-space (nil: the byte is dropped).
    @inlinable @inline(__always)
    static func foldedASCII(_ b: UInt8, lastSpace: inout Bool) -> UInt8? {
        switch b {
        case 0x41...0x5A: lastSpace = false; return b | 0x20
        case 0x60: lastSpace = false; return 0x27
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D:
            if lastSpace { return nil }
            lastSpace = true
            return 0x20
        default: lastSpace = false; return b
        }
    }

    /// Appends the folded form of `bytes` (valid UTF-8) to `out`. Pure ASCII takes
    /// a byte loop with no allocation; anything else goes through Unicode normalisation.
    @inlinable
    public static func appendFolded(_ bytes: ArraySlice<UInt8>, to out: inout [UInt8]) {
        var ascii = true
        for b in bytes where b >= 0x80 { ascii = false; break }
        if ascii {
            var lastSpace = out.last == 0x20 || out.isEmpty
            for b in bytes {
                if let folded = foldedASCII(b, lastSpace: &lastSpace) { out.append(folded) }
            }
            return
        }
        if appendFoldedCommon(bytes, to: &out) { return }
        appendFoldedSlow(String(decoding: bytes, as: UTF8.self), to: &out)
    }

    /// Latin-1 letters and the usual typographic punctuation without Unicode
    /// normalisation; false (having appended nothing) for anything else.
    @usableFromInline
    static func appendFoldedCommon(_ bytes: ArraySlice<UInt8>, to out: inout [UInt8]) -> Bool {
        let mark = out.count
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0x20 || b >= 0x09 && b <= 0x0D { out.removeSubrange(mark...); return false }
                out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b == 0x60 ? 0x27 : b)
                i += 1
            } else if b == 0xC3, i + 1 < bytes.endIndex {
                let folded = latin1[Int(bytes[i + 1] & 0x3F)]
                if folded == 0 { out.removeSubrange(mark...); return false }
                out.append(folded)
                i += 2
            } else if b == 0xC2, i + 1 < bytes.endIndex, bytes[i + 1] >= 0xA1 {
                // U+00A1–U+00BF (£ ° § © « »): no decomposition, no case, no mark;
                // only the guillemets and the acute accent map.
                switch bytes[i + 1] {
                case 0xAB, 0xBB: out.append(0x22)
                case 0xB4: out.append(0x27)
                default: out.append(b); out.append(bytes[i + 1])
                }
                i += 2
            } else if b == 0xE2, i + 2 < bytes.endIndex, bytes[i + 1] == 0x80 {
                switch bytes[i + 2] {
                case 0x98, 0x99, 0xB2: out.append(0x27)
                case 0x9C, 0x9D, 0x9E: out.append(0x22)
                case 0x90, 0x91, 0x92, 0x93, 0x94: out.append(0x2D)
                // The spaces U+2000–U+200A, U+2028, U+2029, U+202F collapse: the slow path.
                case 0x80...0x8A, 0xA8, 0xA9, 0xAF: out.removeSubrange(mark...); return false
                // The rest of U+2000–U+203F (… • † ‹ › ‰): no decomposition, case or mark.
                default: out.append(contentsOf: bytes[i..<(i + 3)])
                }
                i += 3
            } else if b == 0xE2, i + 2 < bytes.endIndex, bytes[i + 1] == 0x82, bytes[i + 2] >= 0xA0 {
                // Currency signs U+20A0–U+20BF (€ ₹ ₽): kept as they are.
                out.append(contentsOf: bytes[i..<(i + 3)])
                i += 3
            } else if b == 0xD0 || (b == 0xD1 && i + 1 < bytes.endIndex && bytes[i + 1] < 0xA0), i + 1 < bytes.endIndex {
                // Cyrillic U+0400–U+045F (Russian, Ukrainian, Serbian…): lower case, and
                // the letters with a diacritic lose it as full decomposition would.
                var v = (UInt32(b & 0x1F) << 6) | UInt32(bytes[i + 1] & 0x3F)
                if v < 0x410 { v += 0x50 } else if v < 0x430 { v += 0x20 }
                switch v {
                case 0x450, 0x451: v = 0x435
                case 0x453: v = 0x433
                case 0x457: v = 0x456
                case 0x45C: v = 0x43A
                case 0x439, 0x45D: v = 0x438
                case 0x45E: v = 0x443
                default: break
                }
                out.append(UInt8(0xC0 | (v >> 6)))
                out.append(UInt8(0x80 | (v & 0x3F)))
                i += 2
            } else if b == 0xF0, i + 3 < bytes.endIndex, bytes[i + 1] == 0x9F {
                // Emoji and other symbols U+1F000–U+1FFFF: kept as they are.
                out.append(contentsOf: bytes[i..<(i + 4)])
                i += 4
            } else if b == 0xEF, i + 2 < bytes.endIndex, bytes[i + 1] == 0xB8, bytes[i + 2] < 0x90 {
                // Variation selectors U+FE00–U+FE0F (the emoji style of ❤️): combining
                // marks, which folding strips.
                i += 3
            } else {
                out.removeSubrange(mark...)
                return false
            }
        }
        return true
    }

    /// Second byte (low six bits) of U+00C0–U+00FF → folded ASCII letter; 0 = no
    /// simple fold (Æ, Ø, ß, Þ, Ð, ×, ÷ take the slow path).
    @usableFromInline
    static let latin1: [UInt8] = Array("aaaaaa?ceeeeiiii?nooooo??uuuuy??aaaaaa?ceeeeiiii?nooooo??uuuuy?y".utf8).map { $0 == UInt8(ascii: "?") ? 0 : $0 }

    @usableFromInline
    static func appendFoldedSlow(_ s: String, to out: inout [UInt8]) {
        var mapped = String.UnicodeScalarView()
        for scalar in s.precomposedStringWithCanonicalMapping.unicodeScalars {
            mapped.append(mapScalar(scalar))
        }
        var lastSpace = out.last == 0x20 || out.isEmpty
        var stripped = String.UnicodeScalarView()
        for scalar in String(mapped).decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if scalar.properties.isWhitespace {
                if !lastSpace { stripped.append(" ") ; lastSpace = true }
                continue
            }
            lastSpace = false
            stripped.append(scalar)
        }
        // Lower-case after stripping, as Python does ("İ" → "I" → "i").
        out.append(contentsOf: String(stripped).lowercased().utf8)
    }

    /// The apostrophe, double-quote and dash mappings applied before stripping marks.
    @inline(__always)
    static func mapScalar(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s.value {
        case 0x2019, 0x2018, 0x02BC, 0x0060, 0x00B4, 0x2032: return "'"
        case 0x201C, 0x201D, 0x201E, 0x00AB, 0x00BB: return "\""
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212: return "-"
        default: return s
        }
    }

    /// The surface form as files write it (`clean_form` in build_models.py): NFC and
    /// typographic apostrophes → ASCII, case kept. Used for case-sensitive lookups.
    @inlinable
    public static func appendCleaned(_ bytes: ArraySlice<UInt8>, to out: inout [UInt8]) {
        var ascii = true
        for b in bytes where b >= 0x80 { ascii = false; break }
        if ascii {
            for b in bytes { out.append(b == 0x60 ? 0x27 : b) }
            return
        }
        if appendCleanedCommon(bytes, to: &out) { return }
        appendCleanedSlow(String(decoding: bytes, as: UTF8.self), to: &out)
    }

    /// Latin-1 and the usual typographic punctuation, which NFC leaves as they are;
    /// false (having appended nothing) for anything that needs normalisation.
    @usableFromInline
    static func appendCleanedCommon(_ bytes: ArraySlice<UInt8>, to out: inout [UInt8]) -> Bool {
        let mark = out.count
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b < 0x80 {
                out.append(b == 0x60 ? 0x27 : b)
                i += 1
            } else if b == 0xC3 || b == 0xC2, i + 1 < bytes.endIndex {
                // A combining mark after it (0xCC/0xCD lead bytes) falls to the slow path below.
                if b == 0xC2 && bytes[i + 1] == 0xB4 { out.append(0x27) } else { out.append(b); out.append(bytes[i + 1]) }
                i += 2
            } else if b == 0xE2, i + 2 < bytes.endIndex, bytes[i + 1] == 0x80 {
                switch bytes[i + 2] {
                case 0x98, 0x99, 0xB2: out.append(0x27)
                case 0x90, 0x91, 0x92, 0x93, 0x94, 0x9C, 0x9D, 0x9E: out.append(contentsOf: bytes[i..<(i + 3)])
                default: out.removeSubrange(mark...); return false
                }
                i += 3
            } else {
                out.removeSubrange(mark...)
                return false
            }
        }
        return true
    }

    @usableFromInline
    static func appendCleanedSlow(_ s: String, to out: inout [UInt8]) {
        var mapped = String.UnicodeScalarView()
        for scalar in s.precomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x2019, 0x2018, 0x02BC, 0x0060, 0x00B4, 0x2032: mapped.append("'")
            default: mapped.append(scalar)
            }
        }
        out.append(contentsOf: String(mapped).utf8)
    }
}
