/// The folded bytes of every token of one document, built once per document in one
/// flat buffer so that lookups never allocate per token; the cleaned (case-kept)
/// form is read from the text on demand, as only case-sensitive walks need it.
public struct TokenKeys: Sendable {
    /// Folded bytes of all tokens, back to back.
    public private(set) var folded: [UInt8] = []
    public private(set) var foldedStart: [Int32] = [0]
    /// FNV-1a hash of each token's folded key (``LexiconTable/keyHash(_:)``), so
    /// that every table consulted for a token shares one hashing pass.
    public private(set) var hashes: [UInt64] = []
    /// The document's bytes, where the cleaned key of a plain token is found.
    let text: [UInt8]
    /// Where each token's cleaned key comes from.
    private var spans: [Span] = []
    private let stripPossessive: Bool

    private struct Span {
        var start: Int32
        var end: Int32
        /// ASCII without a backtick: the cleaned key is the text itself.
        var plain: Bool
        /// A word, whose possessive ending the keys leave out (with `stripPossessive`).
        var word: Bool
    }

    /// - Parameter stripPossessive: drop a final ’s / 's / ’ from word tokens'
    ///   keys ("Britain’s" looks up "britain").
    public init(document: Document, tokens: [Token], stripPossessive: Bool = false) {
        let utf8 = document.utf8
        text = utf8
        self.stripPossessive = stripPossessive
        // Every output is written through pointers (appending a few bytes or one
        // element at a time costs a uniqueness and capacity check per call): the
        // per-token arrays are made uninitialised at their final size (every element is
        // written below; zero-filling them first cost a memset per array), the folded
        // bytes go to a ByteBuffer.
        let n = tokens.count
        var hashes: [UInt64] = []
        var spans: [Span] = []
        var out = ByteBuffer(capacity: utf8.count + 16)
        var scratch: [UInt8] = []
        let starts = [Int32](unsafeUninitializedCapacity: n + 1) { starts, startsCount in
        hashes = [UInt64](unsafeUninitializedCapacity: n) { hashes, hashesCount in
        spans = [Span](unsafeUninitializedCapacity: n) { spans, spansCount in
        utf8.withUnsafeBufferPointer { text in
        tokens.withUnsafeBufferPointer { tokens in
            starts[0] = 0
            for next in 0..<n {
                let t = tokens[next]
                let s = Int(t.start), e = Int(t.end)
                var length = e - s
                // Most tokens are ASCII without a backtick: copied, lower-cased on the way;
                // up to sixteen bytes as two eight-byte words (16 bytes of room for them).
                let plainEnd = out.end(reserving: length + 16)
                var plain = true
                if length <= 16, s + 16 <= text.count, let base = text.baseAddress {
                    plain = TokenKeys.lowerPlain(base + s, count: length, to: plainEnd)
                } else {
                    for k in 0..<length {
                        let b = text[s + k]
                        if b >= 0x80 || b == 0x60 { plain = false; break }
                        plainEnd[k] = b &- 0x41 < 26 ? b | 0x20 : b
                    }
                }
                if !plain {
                    scratch.removeAll(keepingCapacity: true)
                    Fold.appendFolded(utf8[s..<e], to: &scratch)
                    length = scratch.count
                    let end = out.end(reserving: length)
                    for k in 0..<length { end[k] = scratch[k] }
                }
                let key = UnsafeBufferPointer(start: out.base + out.count, count: length)
                if stripPossessive && t.kind == .word {
                    length = TokenKeys.lengthWithoutPossessive(key, from: 0, length: length)
                }
                hashes[next] = LexiconTable.keyHash(UnsafeBufferPointer(rebasing: key[0..<length]))
                spans[next] = Span(start: t.start, end: t.end, plain: plain, word: t.kind == .word)
                out.count += length
                starts[next + 1] = Int32(out.count)
            }
        }
        }
            spansCount = n
        }
            hashesCount = n
        }
            startsCount = n + 1
        }
        self.folded = out.finish()
        self.foldedStart = starts
        self.hashes = hashes
        self.spans = spans
    }

    /// Copies the `count` (0…16) bytes at `source`, ASCII capitals lower-cased, to
    /// `target` (which has room for 16) and returns true, when they are all ASCII
    /// and none is a backtick; false otherwise (what was stored is then garbage).
    /// Reads sixteen bytes from `source`, writes up to sixteen to `target`.
    @inline(__always)
    static func lowerPlain(_ source: UnsafePointer<UInt8>, count: Int, to target: UnsafeMutablePointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        // Bytes past the token become zero, which is ASCII and no backtick. A backtick
        // is a zero byte after XOR with 0x60 (the exact any-zero-byte test).
        func plain(_ w: UInt64) -> Bool {
            let x = w ^ (0x60 &* ones)
            return (w | ((x &- ones) & ~x)) & ASCIIWord.high == 0
        }
        func store(_ w: UInt64, _ offset: Int) {
            UnsafeMutableRawPointer(target + offset).storeBytes(of: w.littleEndian, as: UInt64.self)
        }
        let first = ASCIIWord.load(source) & ASCIIWord.lowBytes(count)
        if count <= 8 {
            guard plain(first) else { return false }
            store(ASCIIWord.lowercased(first), 0)
            return true
        }
        let second = ASCIIWord.load(source + 8) & ASCIIWord.lowBytes(count &- 8)
        guard plain(first), plain(second) else { return false }
        store(ASCIIWord.lowercased(first), 0)
        store(ASCIIWord.lowercased(second), 8)
        return true
    }

    /// The length of the key at `start` without a trailing 's / 'S / ' (ASCII
    /// apostrophe; keys are already cleaned) when something remains.
    @inline(__always)
    static func lengthWithoutPossessive(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, length n: Int) -> Int {
        let end = start + n
        if n > 2, buffer[end - 2] == 0x27, buffer[end - 1] | 0x20 == 0x73 { return n - 2 }
        if n > 1, buffer[end - 1] == 0x27 { return n - 1 }
        return n
    }

    /// The folded bytes of token `i`.
    @inlinable public func foldedKey(_ i: Int) -> ArraySlice<UInt8> {
        folded[Int(foldedStart[i])..<Int(foldedStart[i + 1])]
    }

    /// The cleaned bytes of token `i` (case kept, apostrophes ASCII, NFC; without a
    /// possessive ending where the folded key has none), as `body` sees them.
    public func withCleanedKey<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let span = spans[i]
        if span.plain {
            // The text itself, as long as the folded key (the same bytes in another case).
            let length = Int(foldedStart[i + 1] - foldedStart[i])
            return text.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(span.start)..<(Int(span.start) + length)])) }
        }
        var cleaned: [UInt8] = []
        Fold.appendCleaned(text[Int(span.start)..<Int(span.end)], to: &cleaned)
        return cleaned.withUnsafeBufferPointer { c in
            let length = stripPossessive && span.word ? TokenKeys.lengthWithoutPossessive(c, from: 0, length: c.count) : c.count
            return body(UnsafeBufferPointer(rebasing: c[0..<length]))
        }
    }

    /// Whether token `i` folds to exactly `word` (ASCII, lower case).
    @inlinable public func folded(_ i: Int, is word: StaticString) -> Bool {
        let s = Int(foldedStart[i]), e = Int(foldedStart[i + 1])
        guard e - s == word.utf8CodeUnitCount else { return false }
        let p = word.utf8Start
        for k in 0..<(e - s) where folded[s + k] != p[k] { return false }
        return true
    }
}

