/// Writes entities as CoNLL-2003-style BIO tags, one token per line.
///
/// ```
/// -DOCSTART- -X- -X- O
///
/// Neil	B-PER
/// Basu	I-PER
/// said	O
/// .	O
///
/// ```
///
/// - Each document starts with the CoNLL-2003 document line `-DOCSTART- -X- -X- O`
///   (exactly as in the original data, which readers match or test with
///   `startswith("-DOCSTART-")`) and a blank line; documents follow in input order.
/// - Tokens are Verbatim's ICU tokens, `TOKEN<TAB>TAG`; sentences end with a blank line.
/// - Tags are IOB2 (every entity's first token is `B-`), as `conlleval -r`-style
///   and seqeval readers expect: PERSON → `PER`, ORG → `ORG`, PLACE → `LOC`,
///   TIME → `TIME`. A token that an entity only partly covers belongs to it.
/// - Quotes are not written (CoNLL has no place for them).
public struct BIOTagWriter: Sendable {
    public static let documentStart = "-DOCSTART- -X- -X- O\n\n"

    public init() {}

    /// The CoNLL tag suffix of a label.
    public static func tag(for label: EntityLabel) -> String {
        switch label {
        case .person: return "PER"
        case .organization: return "ORG"
        case .place: return "LOC"
        case .time: return "TIME"
        }
    }

    /// The tag of every token (`O`, `B-PER`, `I-PER`, …).
    public static func tags(tokens: [Token], entities: [Entity]) -> [String] {
        var tags = [String](repeating: "O", count: tokens.count)
        var e = 0
        var lastTagged = -1
        for (i, token) in tokens.enumerated() {
            while e < entities.count, entities[e].end <= token.start { e += 1 }
            guard e < entities.count, entities[e].start < token.end else { continue }
            let suffix = tag(for: entities[e].label)
            tags[i] = (lastTagged == e ? "I-" : "B-") + suffix
            lastTagged = e
        }
        return tags
    }

    /// Appends a token with every white-space character in it (a space before a
    /// combining mark or U+180E can be part of an ICU word) written `_`, so that
    /// readers that split lines on white space always see two columns.
    static func appendToken(_ bytes: ArraySlice<UInt8>, to out: inout [UInt8]) {
        if !bytes.contains(where: { $0 <= 0x20 || $0 >= 0x80 }) {
            out.append(contentsOf: bytes)
            return
        }
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            if scalar.properties.isWhitespace || scalar.value == 0x180E || scalar.value == 0x85 || scalar.value < 0x20 {
                out.append(UInt8(ascii: "_"))
            } else {
                out.append(contentsOf: String(scalar).utf8)
            }
        }
    }

    public func write(_ state: AnalysisState) -> [UInt8] {
        let document = state.document
        let tokens = state.segmentation.tokens
        let tags = Self.tags(tokens: tokens, entities: state.annotation.entities)
        var out: [UInt8] = Array(Self.documentStart.utf8)
        out.reserveCapacity(document.utf8.count * 2 + 64)
        for sentence in state.segmentation.sentences {
            for i in sentence {
                Self.appendToken(document.utf8[Int(tokens[i].start)..<Int(tokens[i].end)], to: &out)
                out.append(0x09)
                out.append(contentsOf: tags[i].utf8)
                out.append(0x0A)
            }
            out.append(0x0A)
        }
        return out
    }
}
