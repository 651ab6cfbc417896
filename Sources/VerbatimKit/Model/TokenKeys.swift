/// The entity stage's key of every token: the models' fold (``Fold``), without a
/// possessive ending where asked, and its FNV-1a hash. Derived from the document's
/// ``LexicalPass``, whose bytes and hashes it shares for every plain token (ASCII
/// without a backtick, where both folds are the byte-wise lower case): only the
/// ``LexicalPass/unusual`` tokens are folded again here, and only the
/// ``LexicalPass/possessives`` shortened and hashed again. The cleaned (case-kept)
/// form is read from the text on demand, as only case-sensitive walks need it.
public struct TokenKeys: Sendable {
    /// The lexical pass's folded bytes, then the keys folded here.
    public private(set) var folded: [UInt8] = []
    /// Where token `i`'s key starts and ends in ``folded``: one element a token, so that
    /// finding a key costs one load.
    public private(set) var keySpans: [KeySpan] = []
    /// FNV-1a hash of each token's key (``LexiconTable/keyHash(_:)``), so that every
    /// table consulted for a token shares one hashing pass.
    public private(set) var hashes: [UInt64] = []
    /// The document's bytes, where the cleaned key of a plain token is found.
    let text: [UInt8]
    /// The tokens, for the cleaned key of a token that is not plain.
    private let tokens: [Token]
    /// Keys from here on in ``folded`` were folded here: their tokens are not plain.
    private let ownKeys: Int32
    private let stripPossessive: Bool

    /// The keys of a document that has no lexical pass yet (tests, tools).
    /// - Parameter stripPossessive: drop a final ’s / 's / ’ from word tokens'
    ///   keys ("Britain’s" looks up "britain").
    public init(document: Document, tokens: [Token], stripPossessive: Bool = false) {
        self.init(pass: LexicalPass(document: document, tokens: tokens), document: document, tokens: tokens,
                  stripPossessive: stripPossessive)
    }

    /// The keys derived from the document's lexical pass (made of the same tokens).
    public init(pass: LexicalPass, document: Document, tokens: [Token], stripPossessive: Bool = false) {
        text = document.utf8
        self.tokens = tokens
        self.stripPossessive = stripPossessive
        // Shared, not copied, until a key differs from the pass's.
        folded = pass.bytes
        hashes = pass.hashes
        keySpans = pass.starts.withUnsafeBufferPointer { starts in
            [KeySpan](unsafeUninitializedCapacity: starts.count - 1) { spans, count in
                for i in 0..<(starts.count - 1) { spans[i] = KeySpan(start: starts[i], end: starts[i + 1]) }
                count = starts.count - 1
            }
        }
        ownKeys = Int32(truncatingIfNeeded: folded.count)
        if stripPossessive {
            for p in pass.possessives {
                let i = Int(p)
                let s = Int(keySpans[i].start), n = Int(keySpans[i].end) - s
                let m = folded.withUnsafeBufferPointer { TokenKeys.lengthWithoutPossessive($0, from: s, length: n) }
                guard m != n else { continue }
                keySpans[i].end = Int32(truncatingIfNeeded: s + m)
                hashes[i] = folded.withUnsafeBufferPointer { LexiconTable.keyHash(UnsafeBufferPointer(rebasing: $0[s..<(s + m)])) }
            }
        }
        // Not plain: the models' fold (accents stripped, ` and typographic marks mapped),
        // appended after the pass's bytes.
        var scratch: [UInt8] = []
        for u in pass.unusual {
            let i = Int(u)
            let t = tokens[i]
            scratch.removeAll(keepingCapacity: true)
            Fold.appendFolded(text[Int(t.start)..<Int(t.end)], to: &scratch)
            let length = scratch.withUnsafeBufferPointer { key in
                stripPossessive && t.kind == .word ? TokenKeys.lengthWithoutPossessive(key, from: 0, length: key.count) : key.count
            }
            let start = Int32(truncatingIfNeeded: folded.count)
            folded.append(contentsOf: scratch[0..<length])
            keySpans[i] = KeySpan(start: start, end: Int32(truncatingIfNeeded: folded.count))
            hashes[i] = scratch.withUnsafeBufferPointer { LexiconTable.keyHash(UnsafeBufferPointer(rebasing: $0[0..<length])) }
        }
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

    /// Where token `i`'s key is in ``folded``.
    @inlinable public func keyRange(_ i: Int) -> Range<Int> {
        let span = keySpans[i]
        return Int(span.start)..<Int(span.end)
    }

    /// The folded bytes of token `i`.
    @inlinable public func foldedKey(_ i: Int) -> ArraySlice<UInt8> { folded[keyRange(i)] }

    /// `body` of token `i`'s key, read in place.
    @inlinable public func withKey<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        folded.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[keyRange(i)])) }
    }

    /// The cleaned bytes of token `i` (case kept, apostrophes ASCII, NFC; without a
    /// possessive ending where the folded key has none), as `body` sees them.
    public func withCleanedKey<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let t = tokens[i]
        let span = keySpans[i]
        if span.start < ownKeys {
            // The text itself, as long as the folded key (the same bytes in another case).
            let length = Int(span.end - span.start)
            return text.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(t.start)..<(Int(t.start) + length)])) }
        }
        var cleaned: [UInt8] = []
        Fold.appendCleaned(text[Int(t.start)..<Int(t.end)], to: &cleaned)
        return cleaned.withUnsafeBufferPointer { c in
            let length = stripPossessive && t.kind == .word ? TokenKeys.lengthWithoutPossessive(c, from: 0, length: c.count) : c.count
            return body(UnsafeBufferPointer(rebasing: c[0..<length]))
        }
    }

    /// Whether token `i` folds to exactly `word` (ASCII, lower case).
    @inlinable public func folded(_ i: Int, is word: StaticString) -> Bool {
        let span = keyRange(i)
        let s = span.lowerBound, e = span.upperBound
        guard e - s == word.utf8CodeUnitCount else { return false }
        let p = word.utf8Start
        for k in 0..<(e - s) where folded[s + k] != p[k] { return false }
        return true
    }
}

/// Where one token's key lies in ``TokenKeys/folded``.
public struct KeySpan: Sendable {
    public var start: Int32
    public var end: Int32
}
