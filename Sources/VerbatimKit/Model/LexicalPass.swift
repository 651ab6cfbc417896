/// The one lexical pass over a document's tokens, made once after segmentation
/// (``AnalysisState/lexicalPass()``) and read by every stage: each token's case-folded
/// bytes, back to back in one flat buffer, and their FNV-1a hash
/// (``LexiconTable/keyHash(_:)``). Stages test tokens against word lists and tables
/// millions of times per MB; a `String` per token, or a fold per stage, cost more
/// than all the tests together.
///
/// The fold is `String.lowercased()` with ’ → ' (accents kept: "José" stays
/// "josé"). For ASCII text without a backtick (nearly every token) that is the
/// byte-wise lower case every stage's key starts from, so the quote stage reads this
/// pass as it is, and the others derive only what differs for the few tokens listed
/// in ``unusual`` and ``possessives``: the entity stage's model-key fold (``Fold``:
/// accents stripped, typographic punctuation mapped) and its possessive-free keys
/// (``TokenKeys``), the time stage's packed keys (``WordKey``).
public struct LexicalPass: Sendable {
    /// Folded bytes of all tokens, back to back.
    let bytes: [UInt8]
    /// Start of token `i`'s bytes; `starts[i + 1]` is its end.
    let starts: [Int32]
    /// FNV-1a hash of each token's folded bytes.
    let hashes: [UInt64]
    /// The tokens whose text is not ASCII without a backtick, in order: other folds
    /// (``Fold``'s model keys, which strip accents and map ` to ') may differ from
    /// this one only there.
    let unusual: [Int32]
    /// The word tokens whose folded form ends with an apostrophe or with 's, in
    /// order: the only ones a possessive ending may be cut from.
    let possessives: [Int32]

    public init(document: Document, tokens: [Token]) {
        let n = tokens.count
        var bytes: [UInt8] = []
        var hashes: [UInt64] = []
        var unusual: [Int32] = []
        var possessives: [Int32] = []
        // Every element is written below: zero-filling the arrays first cost a memset each.
        let starts = [Int32](unsafeUninitializedCapacity: n + 1) { starts, startsCount in
        hashes = [UInt64](unsafeUninitializedCapacity: n) { hashes, hashesCount in
        document.utf8.withUnsafeBufferPointer { text in
        tokens.withUnsafeBufferPointer { tokens in
            // Locals, not the closures' captures: those were reloaded from memory per token.
            let starts = starts, hashes = hashes
            var out = ByteBuffer(capacity: text.count + 16)
            defer { bytes = out.finish() }
            starts[0] = 0
            // A token starting at or before `wide` can be read sixteen bytes at a time.
            let wide = text.count &- 16
            for i in 0..<n {
                let t = tokens[i]
                let s = Int(t.start), e = Int(t.end)
                let length = e &- s
                let begin = out.count
                // Most tokens: ASCII, one to sixteen bytes, folded and hashed from one or
                // two eight-byte words (the per-byte loop cost twice as much).
                if s <= wide, UInt(bitPattern: length &- 1) < 16, let base = text.baseAddress {
                    let dst = out.end(reserving: 16)
                    if let (h, backtick) = Self.foldShortASCII(base + s, count: length, into: dst) {
                        hashes[i] = h
                        if backtick { unusual.append(Int32(truncatingIfNeeded: i)) }
                        out.count &+= length
                        starts[i &+ 1] = Int32(truncatingIfNeeded: out.count)
                        if t.kind == .word, Self.mayBePossessive(out.base + begin, length) {
                            possessives.append(Int32(truncatingIfNeeded: i))
                        }
                        continue
                    }
                }
                let dst = out.end(reserving: length)
                if let (h, backtick) = Self.foldASCII(text, s, e, into: dst) {
                    out.count &+= length
                    hashes[i] = h
                    if backtick { unusual.append(Int32(truncatingIfNeeded: i)) }
                } else if let (m, h) = Self.foldSimple(text, s, e, into: dst) {
                    out.count += m
                    hashes[i] = h
                    unusual.append(Int32(truncatingIfNeeded: i))
                } else {
                    // Unicode lower-casing, which may grow ("İ" → "i̇").
                    let folded = Self.lowercased(document.string(t.start, t.end))
                    let end = out.end(reserving: folded.count)
                    var h = FNV1a.basis
                    for (k, f) in folded.enumerated() {
                        end[k] = f
                        h = (h ^ UInt64(f)) &* FNV1a.prime
                    }
                    out.count += folded.count
                    hashes[i] = h
                    unusual.append(Int32(truncatingIfNeeded: i))
                }
                if t.kind == .word, Self.mayBePossessive(out.base + begin, out.count &- begin) {
                    possessives.append(Int32(truncatingIfNeeded: i))
                }
                // Token offsets are Int32, so the document and its folded form fit.
                starts[i &+ 1] = Int32(truncatingIfNeeded: out.count)
            }
        }
        }
            hashesCount = n
        }
            startsCount = n + 1
        }
        self.bytes = bytes
        self.starts = starts
        self.hashes = hashes
        self.unusual = unusual
        self.possessives = possessives
    }

    /// Whether the `count` folded bytes at `form` end with ' or 's.
    @inline(__always)
    static func mayBePossessive(_ form: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        guard count >= 2 else { return false }
        let last = form[count &- 1]
        return last == 0x27 || (last == 0x73 && form[count &- 2] == 0x27)
    }

    /// Folds the `count` (1…16) bytes at `source` into `dst` (room for sixteen) and
    /// returns their hash, and whether one is a backtick, when all are ASCII; nil
    /// otherwise (`dst` then holds garbage). Reads sixteen bytes from `source`. A
    /// backtick folds to itself here (``TokenKeys`` maps it to ').
    @inline(__always)
    static func foldShortASCII(_ source: UnsafePointer<UInt8>, count: Int,
                               into dst: UnsafeMutablePointer<UInt8>) -> (hash: UInt64, backtick: Bool)? {
        func store(_ w: UInt64, _ offset: Int) {
            UnsafeMutableRawPointer(dst + offset).storeBytes(of: w.littleEndian, as: UInt64.self)
        }
        // FNV-1a over the low `n` (1…8) bytes of `w`, first byte lowest. Straight-line
        // steps entered by a jump: a loop's set-up and remainder cost more than the
        // steps for the usual one- to five-byte token.
        func hash(_ w: UInt64, _ n: Int, _ h: UInt64) -> UInt64 {
            var h = h, w = w
            func step() {
                h = (h ^ (w & 0xFF)) &* FNV1a.prime
                w &>>= 8
            }
            switch n {
            case 8: step(); fallthrough
            case 7: step(); fallthrough
            case 6: step(); fallthrough
            case 5: step(); fallthrough
            case 4: step(); fallthrough
            case 3: step(); fallthrough
            case 2: step(); fallthrough
            default: step()
            }
            return h
        }
        // Whether a byte of `w` (ASCII) is a backtick: a zero byte after XOR with 0x60
        // (the exact any-zero-byte test; bytes past the token are zero, not 0x60).
        func backtick(_ w: UInt64) -> Bool {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let x = w ^ (0x60 &* ones)
            return (x &- ones) & ~x & ASCIIWord.high != 0
        }
        if count <= 8 {
            // Bytes past the token become zero: ASCII, and left alone by `lower`.
            let w = ASCIIWord.load(source) & ASCIIWord.lowBytes(count)
            guard w & ASCIIWord.high == 0 else { return nil }
            let f = ASCIIWord.lowercased(w)
            store(f, 0)
            return (hash(f, count, FNV1a.basis), backtick(w))
        }
        let first = ASCIIWord.load(source)
        let second = ASCIIWord.load(source + 8) & ASCIIWord.lowBytes(count &- 8)
        guard (first | second) & ASCIIWord.high == 0 else { return nil }
        let f = ASCIIWord.lowercased(first), g = ASCIIWord.lowercased(second)
        store(f, 0)
        store(g, 8)
        return (hash(g, count &- 8, hash(f, 8, FNV1a.basis)), backtick(first) || backtick(second))
    }

    /// Folds an all-ASCII token into `dst` (room for `e - s` bytes) and returns its
    /// hash and whether it holds a backtick; nil at the first non-ASCII byte.
    @inline(__always)
    private static func foldASCII(_ text: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int,
                                  into dst: UnsafeMutablePointer<UInt8>) -> (hash: UInt64, backtick: Bool)? {
        var h = FNV1a.basis
        var backtick = false
        for j in 0..<(e &- s) {
            let c = text[s &+ j]
            if c >= 0x80 { return nil }
            if c == 0x60 { backtick = true }
            let f = c &- 0x41 < 26 ? c | 0x20 : c
            dst[j] = f
            h = (h ^ UInt64(f)) &* FNV1a.prime
        }
        return (h, backtick)
    }

    /// Folds `text[s..<e]` into `dst` (room for `e - s` bytes) when every character is
    /// ASCII, Latin-1 or general punctuation (’ “ — …), the usual case, exactly as
    /// `lowercased()` would; returns the folded length and hash, or nil for anything
    /// else. A loop over locals: the compiler keeps them in registers.
    @inline(__always)
    private static func foldSimple(_ text: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int,
                                   into dst: UnsafeMutablePointer<UInt8>) -> (Int, UInt64)? {
        var h = FNV1a.basis
        var n = 0
        var k = s
        while k < e {
            let c = text[k]
            if c < 0x80 {
                let f = c &- 0x41 < 26 ? c | 0x20 : c
                dst[n] = f
                n &+= 1
                h = (h ^ UInt64(f)) &* FNV1a.prime
                k &+= 1
            } else if c == 0xE2, k + 2 < e, text[k + 1] == 0x80 {
                // U+2000–U+203F has no case; ’ becomes '.
                if text[k + 2] == 0x99 {
                    dst[n] = 0x27
                    n &+= 1
                    h = (h ^ 0x27) &* FNV1a.prime
                } else {
                    for f in text[k...(k + 2)] {
                        dst[n] = f
                        n &+= 1
                        h = (h ^ UInt64(f)) &* FNV1a.prime
                    }
                }
                k &+= 3
            } else if c == 0xC2 || c == 0xC3, k + 1 < e {
                // U+0080–U+00FF: À–Þ (but ×) lower-case to à–þ, 0x20 further on.
                let d = text[k + 1]
                let f = c == 0xC3 && d >= 0x80 && d <= 0x9E && d != 0x97 ? d + 0x20 : d
                dst[n] = c
                dst[n &+ 1] = f
                n &+= 2
                h = (h ^ UInt64(c)) &* FNV1a.prime
                h = (h ^ UInt64(f)) &* FNV1a.prime
                k &+= 2
            } else {
                return nil
            }
        }
        return (n, h)
    }

    /// Lower case with ’ folded to '.
    private static func lowercased(_ s: String) -> [UInt8] {
        let lowered = Array(s.lowercased().utf8)
        var out: [UInt8] = []
        out.reserveCapacity(lowered.count)
        var k = 0
        while k < lowered.count {
            if lowered[k] == 0xE2, k + 2 < lowered.count, lowered[k + 1] == 0x80, lowered[k + 2] == 0x99 {
                out.append(0x27); k += 3
            } else {
                out.append(lowered[k]); k += 1
            }
        }
        return out
    }

    var count: Int { hashes.count }

    /// Token `i`'s folded bytes and hash.
    @inline(__always)
    func word(_ i: Int) -> FoldedWord {
        FoldedWord(bytes: bytes[Int(starts[i])..<Int(starts[i + 1])], hash: hashes[i])
    }

    /// `body(i, bytes, hash)` of every token `i` for which `include(i)` holds, its
    /// folded bytes read in place: one pass for look-ups of whole documents.
    @inline(__always)
    func forEach(where include: (Int) -> Bool, _ body: (Int, UnsafeBufferPointer<UInt8>, UInt64) -> Void) {
        bytes.withUnsafeBufferPointer { b in
        starts.withUnsafeBufferPointer { starts in
        hashes.withUnsafeBufferPointer { hashes in
            for i in 0..<hashes.count where include(i) {
                body(i, UnsafeBufferPointer(rebasing: b[Int(starts[i])..<Int(starts[i &+ 1])]), hashes[i])
            }
        }
        }
        }
    }

    /// `body` of token `i`'s folded bytes, read in place, and their hash.
    @inline(__always)
    func withFolded<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>, UInt64) -> R) -> R {
        bytes.withUnsafeBufferPointer { b in
            body(UnsafeBufferPointer(rebasing: b[Int(starts[i])..<Int(starts[i + 1])]), hashes[i])
        }
    }

    /// Whether token `i` folds to `word`.
    func folded(_ i: Int, equals word: FoldedWord) -> Bool {
        let s = Int(starts[i]), n = Int(starts[i + 1]) - s
        guard n == word.bytes.count, hashes[i] == word.hash else { return false }
        var k = s
        for b in word.bytes {
            if bytes[k] != b { return false }
            k += 1
        }
        return true
    }

    /// The hash of token `i`'s folded form.
    func hash(_ i: Int) -> UInt64 { hashes[i] }

    /// Whether token `i`'s folded form is all ASCII.
    func isASCII(_ i: Int) -> Bool {
        for k in Int(starts[i])..<Int(starts[i + 1]) where bytes[k] >= 0x80 { return false }
        return true
    }

    /// Whether tokens `i` and `j` have the same folded bytes.
    func folded(_ i: Int, equals j: Int) -> Bool {
        let s = Int(starts[i]), n = Int(starts[i + 1]) - s
        let t = Int(starts[j])
        guard Int(starts[j + 1]) - t == n, hashes[i] == hashes[j] else { return false }
        for k in 0..<n where bytes[s + k] != bytes[t + k] { return false }
        return true
    }

    /// Token `i`'s folded form as a string (for dictionaries keyed by name).
    func string(_ i: Int) -> String {
        String(decoding: bytes[Int(starts[i])..<Int(starts[i + 1])], as: UTF8.self)
    }

    /// Whether token `i`'s folded form ends with `suffix` (ASCII), as `String.hasSuffix`
    /// decides it: bytes for an ASCII form, characters otherwise.
    func folded(_ i: Int, hasSuffix suffix: StaticString) -> Bool {
        let s = Int(starts[i]), e = Int(starts[i + 1])
        let n = suffix.utf8CodeUnitCount
        // Last bytes first: when they differ, no character-wise comparison can match an
        // ASCII suffix either (ASCII letters have no other canonical form); most tests
        // end here.
        guard e - s >= n else { return false }
        let p = suffix.utf8Start
        for k in 0..<n where bytes[e - n + k] != p[k] { return false }
        for k in s..<e where bytes[k] >= 0x80 { return string(i).hasSuffix(suffix.description) }
        return true
    }
}
