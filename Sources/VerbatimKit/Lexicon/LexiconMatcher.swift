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
    @exclusivity(unchecked) private var key = ByteBuffer(capacity: 128)
    @exclusivity(unchecked) private var surface = ByteBuffer(capacity: 128)

    public init() {}

    deinit {
        key.deallocate()
        surface.deallocate()
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
        let stop = min(limit, start + maxTokens)
        // A table with a first-word index answers the first step by one probe, which
        // stands in for the start filter too (``LexiconTable/firstWord(_:hash:)``).
        let indexed = table.hasWalkIndex
        guard start < stop, indexed || keys.mayStart(start, in: table) else { return }
        key.count = 0
        surface.count = 0
        var i = start
        // Where the previous step's key would be: every entry before it is less than
        // that key, so less than its extension too (``LexiconTable/search(_:from:)``).
        var from = -1
        while i < stop {
            if i > start, tokens[i].flags.contains(.spaceBefore) {
                if tokens[i].flags.contains(.lineBreakBefore) { break }
                key.append(0x20)
                if caseSensitive { surface.append(0x20) }
            }
            keys.withKey(i) { key.append($0) }
            if caseSensitive {
                keys.withCleanedKey(i) { surface.append($0) }
            }
            let entries: Range<Int>, longer: Bool
            if from >= 0 {
                (entries, longer) = table.search(key.bytes, from: from)
            } else if indexed {
                if let found = table.firstWord(key.bytes, hash: keys.hashes[start]) {
                    (entries, longer) = found
                } else {
                    // No first word: only a key holding a space, or a token joined to
                    // this one without a space, can still spell a key (which the start
                    // filter may rule out).
                    let joined = i + 1 < stop && !tokens[i + 1].flags.contains(.spaceBefore)
                    guard keys.keyHoldsSpace(start) || joined && keys.mayStart(start, in: table) else { return }
                    (entries, longer) = table.search(key.bytes)
                }
            } else {
                (entries, longer) = table.search(key.bytes)
            }
            from = entries.lowerBound
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
