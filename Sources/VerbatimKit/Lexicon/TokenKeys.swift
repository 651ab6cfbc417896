/// The folded and cleaned bytes of every token of one document, built once per
/// document in two flat buffers so that lookups never allocate per token.
public struct TokenKeys: Sendable {
    /// Folded bytes of all tokens, back to back.
    public private(set) var folded: [UInt8] = []
    public private(set) var foldedStart: [Int32] = [0]
    /// Cleaned (case kept, apostrophes ASCII, NFC) bytes of all tokens.
    public private(set) var cleaned: [UInt8] = []
    public private(set) var cleanedStart: [Int32] = [0]
    /// FNV-1a hash of each token's folded key (``LexiconTable/keyHash(_:)``), so
    /// that every table consulted for a token shares one hashing pass.
    public private(set) var hashes: [UInt64] = []

    /// - Parameter stripPossessive: drop a final ’s / 's / ’ from word tokens'
    ///   keys ("Britain’s" looks up "britain").
    public init(document: Document, tokens: [Token], stripPossessive: Bool = false) {
        foldedStart.reserveCapacity(tokens.count + 1)
        cleanedStart.reserveCapacity(tokens.count + 1)
        hashes.reserveCapacity(tokens.count)
        let utf8 = document.utf8
        // Written through pointers into buffers sized for the whole text (appending a
        // few bytes at a time costs a uniqueness and capacity check per call); only a
        // token whose folding expands past the end makes them grow.
        var folded = [UInt8](repeating: 0, count: utf8.count + 16)
        var cleaned = [UInt8](repeating: 0, count: utf8.count + 16)
        var foldedCount = 0, cleanedCount = 0
        var scratchFolded: [UInt8] = [], scratchCleaned: [UInt8] = []
        var next = 0
        while next < tokens.count {
            utf8.withUnsafeBufferPointer { text in
                folded.withUnsafeMutableBufferPointer { f in
                    cleaned.withUnsafeMutableBufferPointer { c in
                        while next < tokens.count {
                            let t = tokens[next]
                            let s = Int(t.start), e = Int(t.end)
                            // Most tokens are ASCII without a backtick: copied, lower-cased on the way.
                            var plain = true
                            for k in s..<e where text[k] >= 0x80 || text[k] == 0x60 { plain = false; break }
                            var foldedLength = e - s, cleanedLength = e - s
                            if !plain {
                                scratchFolded.removeAll(keepingCapacity: true)
                                scratchCleaned.removeAll(keepingCapacity: true)
                                Fold.appendFolded(utf8[s..<e], to: &scratchFolded)
                                Fold.appendCleaned(utf8[s..<e], to: &scratchCleaned)
                                foldedLength = scratchFolded.count
                                cleanedLength = scratchCleaned.count
                            }
                            guard foldedCount + foldedLength <= f.count, cleanedCount + cleanedLength <= c.count else { return }
                            if plain {
                                for k in 0..<(e - s) {
                                    let b = text[s + k]
                                    c[cleanedCount + k] = b
                                    f[foldedCount + k] = b &- 0x41 < 26 ? b | 0x20 : b
                                }
                            } else {
                                for k in 0..<foldedLength { f[foldedCount + k] = scratchFolded[k] }
                                for k in 0..<cleanedLength { c[cleanedCount + k] = scratchCleaned[k] }
                            }
                            if stripPossessive && t.kind == .word {
                                foldedLength = TokenKeys.lengthWithoutPossessive(f, from: foldedCount, length: foldedLength)
                                cleanedLength = TokenKeys.lengthWithoutPossessive(c, from: cleanedCount, length: cleanedLength)
                            }
                            hashes.append(LexiconTable.keyHash(UnsafeBufferPointer(rebasing: f[foldedCount..<(foldedCount + foldedLength)])))
                            foldedCount += foldedLength
                            cleanedCount += cleanedLength
                            foldedStart.append(Int32(foldedCount))
                            cleanedStart.append(Int32(cleanedCount))
                            next += 1
                        }
                    }
                }
            }
            if next < tokens.count {
                folded.append(contentsOf: repeatElement(0, count: folded.count))
                cleaned.append(contentsOf: repeatElement(0, count: cleaned.count))
            }
        }
        folded.removeLast(folded.count - foldedCount)
        cleaned.removeLast(cleaned.count - cleanedCount)
        self.folded = folded
        self.cleaned = cleaned
    }

    /// The length of the key at `start` without a trailing 's / 'S / ' (ASCII
    /// apostrophe; keys are already cleaned) when something remains.
    static func lengthWithoutPossessive(_ buffer: UnsafeMutableBufferPointer<UInt8>, from start: Int, length n: Int) -> Int {
        let end = start + n
        if n > 2, buffer[end - 2] == 0x27, buffer[end - 1] | 0x20 == 0x73 { return n - 2 }
        if n > 1, buffer[end - 1] == 0x27 { return n - 1 }
        return n
    }

    /// The folded bytes of token `i`.
    @inlinable public func foldedKey(_ i: Int) -> ArraySlice<UInt8> {
        folded[Int(foldedStart[i])..<Int(foldedStart[i + 1])]
    }

    /// The cleaned bytes of token `i`.
    @inlinable public func cleanedKey(_ i: Int) -> ArraySlice<UInt8> {
        cleaned[Int(cleanedStart[i])..<Int(cleanedStart[i + 1])]
    }

    /// The entries of `table` whose key is token `i`'s folded key (one hash probe,
    /// reusing the token's hash).
    @inlinable
    public func lookup(_ i: Int, in table: LexiconTable) -> Range<Int> {
        folded.withUnsafeBufferPointer { f in
            let key = UnsafeBufferPointer(rebasing: f[Int(foldedStart[i])..<Int(foldedStart[i + 1])])
            return table.exact(key, hash: hashes[i])
        }
    }

    /// The first entry of `table` (hash-indexed with a value column) whose key is
    /// token `i`'s folded key, and that entry's value.
    @inlinable
    public func lookupFirst(_ i: Int, in table: LexiconTable) -> (entry: Int, value: Float32)? {
        folded.withUnsafeBufferPointer { f in
            let key = UnsafeBufferPointer(rebasing: f[Int(foldedStart[i])..<Int(foldedStart[i + 1])])
            return table.exactFirst(key, hash: hashes[i])
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

/// A lexicon hit over tokens `start..<end`.
public struct LexiconMatch: Sendable, Equatable {
    public var start: Int
    public var end: Int
    /// Entry indices in the table.
    public var entries: Range<Int>
}

/// Longest-match lookup of token sequences in a table; reuses its key buffers.
public final class LexiconMatcher {
    // Scratch bytes reused by every walk: most walks stop after a token or two, so
    // an array's append and removeAll (uniqueness and capacity checks, a retain)
    // cost more than the table search; a matcher is never shared between threads.
    @exclusivity(unchecked) private var key = ScratchBytes()
    @exclusivity(unchecked) private var surface = ScratchBytes()

    public init() {}

    deinit {
        key.deallocate()
        surface.deallocate()
    }

    /// A growable byte buffer owned by the matcher.
    private struct ScratchBytes {
        var base = UnsafeMutablePointer<UInt8>.allocate(capacity: 128)
        var capacity = 128
        var count = 0

        var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

        mutating func append(_ piece: UnsafeBufferPointer<UInt8>) {
            if count + piece.count > capacity {
                let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: max(2 * capacity, count + piece.count))
                grown.update(from: base, count: count)
                base.deallocate()
                base = grown
                capacity = max(2 * capacity, count + piece.count)
            }
            if let source = piece.baseAddress { (base + count).update(from: source, count: piece.count) }
            count += piece.count
        }

        mutating func append(_ byte: UInt8) {
            withUnsafePointer(to: byte) { append(UnsafeBufferPointer(start: $0, count: 1)) }
        }

        func deallocate() { base.deallocate() }
    }

    /// The longest entry of `table` spelled by tokens `start..<end` with
    /// `end <= limit` (at most `maxTokens` tokens). Tokens join with one space where
    /// the text has whitespace between them and directly otherwise ("A. O. Smith",
    /// "U.S."). With `caseSensitive`, an entry's form must equal the text (apostrophes
    /// and normalisation aside), and `entries` holds only those entries.
    public func longest(in table: LexiconTable, tokens: [Token], keys: TokenKeys, from start: Int, limit: Int,
                                 maxTokens: Int = 8, caseSensitive: Bool = false) -> LexiconMatch? {
        // The walk reports matches shortest first, so the last one is the longest.
        var best: LexiconMatch? = nil
        walk(in: table, tokens: tokens, keys: keys, from: start, limit: limit, maxTokens: maxTokens,
             caseSensitive: caseSensitive) { end, entries in
            best = LexiconMatch(start: start, end: end, entries: entries)
        }
        return best
    }

    /// Calls `body(end, entries)` for every entry of `table` spelled by tokens
    /// `start..<end`, shortest first (same joining and case rules as ``longest(in:tokens:keys:from:limit:maxTokens:caseSensitive:)``).
    public func walk(in table: LexiconTable, tokens: [Token], keys: TokenKeys, from start: Int, limit: Int,
                     maxTokens: Int = 8, caseSensitive: Bool = false, _ body: (Int, Range<Int>) -> Void) {
        key.count = 0
        surface.count = 0
        var i = start
        let stop = min(limit, start + maxTokens)
        while i < stop {
            if i > start, tokens[i].flags.contains(.spaceBefore) {
                if tokens[i].flags.contains(.lineBreakBefore) { break }
                key.append(0x20)
                if caseSensitive { surface.append(0x20) }
            }
            keys.folded.withUnsafeBufferPointer { key.append(UnsafeBufferPointer(rebasing: $0[Int(keys.foldedStart[i])..<Int(keys.foldedStart[i + 1])])) }
            if caseSensitive {
                keys.cleaned.withUnsafeBufferPointer { surface.append(UnsafeBufferPointer(rebasing: $0[Int(keys.cleanedStart[i])..<Int(keys.cleanedStart[i + 1])])) }
            }
            let (entries, longer) = table.search(key.bytes)
            if !entries.isEmpty {
                if caseSensitive {
                    // From the first to the last entry whose form is the text (no array of them).
                    let s = surface.bytes
                    if let first = entries.first(where: { table.formEquals($0, s) }) {
                        let last = entries.last(where: { table.formEquals($0, s) }) ?? first
                        body(i + 1, first..<(last + 1))
                    }
                } else {
                    body(i + 1, entries)
                }
            }
            if !longer { break }
            i += 1
        }
    }
}
