import Foundation

/// What the entity lexicons say about a word, kept by one worker from document to
/// document (``WorkerMemory``), so that "the", "said", "Mr" and the names in the news
/// are looked up in the megabyte tables once per worker, not once per article (those
/// probes are cache misses; a per-document memo made every article pay them again:
/// news articles are short, and half their tokens were a word's first in the article).
///
/// It holds only what depends on the folded key alone: the cue features and word
/// classes (``WordClassIndex``), the name features (phrase start, common word,
/// first name, surname, demonym; ``LexicalLookup``) and the walk-start bits of the
/// walked tables (``EntityLexicon/walkStartBits(_:_:)``). Whatever reads the token, its
/// shape or its context is worked out outside, per token. Its answers are therefore
/// the lexicons' whatever the worker read before, and output does not depend on it.
///
/// Bounded and small enough to stay in the processor's cache: two-way set-associative,
/// each set one 64-byte cache line of two 32-byte entries that hold their key (up to
/// ``longestKey`` bytes) in place, so that a hit reads one line. A new word takes the
/// set's first way and moves the other word to the second, dropping the word there
/// (the one used least recently); a word found in the second way moves to the first.
/// On real news (each article once) this misses about 10% of words with 8,192 sets,
/// where a table cleared when half full missed twice as many. A longer key goes to
/// a scratch entry, filled afresh each time.
struct WordFactsCache: Sendable {
    /// Keys longer than this are not kept (they are rare); one byte of the 16 holds the length.
    static let longestKey = 15
    /// 8,192 sets of two entries: 512 KB.
    static let defaultSets = 8192
    /// In the key's last byte, beside the length: the name facts are there.
    private static let namesKnownFlag: UInt64 = 0x80 << 56
    /// Where the walk-start bits sit in the name half of an entry's last word, above
    /// the name features (which use the bits below: checked when they are stored).
    private static let walkStartsShift: UInt32 = 27

    /// The name facts of a word: its name features (``TokenFeatures``, read from the
    /// name tables) and its walk-start bits (``EntityLexicon/walkStartBits(_:_:)``, read
    /// from the walked tables' start filters), worked out together on the word's first
    /// capitalised appearance, so that a word met before touches no megabyte table.
    struct NameFacts: Equatable {
        var features: TokenFeatures
        var walkStarts: UInt8
    }

    /// Four words an entry: the key's bytes, then (last byte of the second word) its
    /// length + 1 and ``namesKnownFlag``, all zero when empty; the word classes; the
    /// cue features, and in the high half the name facts (meaningful once known): the
    /// name features, and from bit ``walkStartsShift`` the walk-start bits.
    /// The sets start `skew` words in, on a cache line; the scratch entry for long
    /// keys comes last.
    private var words: [UInt64] = []
    private let sets: Int
    private var skew = 0
    /// Words taken in, and words dropped for newer ones (tests check the bound).
    private(set) var added = 0
    private(set) var dropped = 0
    /// What ``warm(_:_:)`` read (summed), kept only so that its loads stay.
    private var warmed: UInt64 = 0

    /// - Parameter sets: sets of two words, a power of two. Nothing is allocated before the first word.
    init(sets: Int = WordFactsCache.defaultSets) {
        precondition(sets >= 1 && sets & (sets - 1) == 0, "the number of sets must be a power of two")
        self.sets = sets
    }

    /// How many words the cache holds at most.
    var capacity: Int { 2 * sets }

    /// The entry of the word `key` (FNV-1a hash `hash`): the one that holds it, or a
    /// new one whose cue classes `cue` gives (names not known yet). Good until the next call.
    @inline(__always)
    mutating func entry(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64, cue: () -> WordClassIndex.Classes) -> Int {
        let (e, new) = place(key, hash: hash)
        if let new { store(cue(), key: new, at: e) }
        return e
    }

    /// ``entry(_:hash:cue:)`` for a word whose name facts are wanted too: a new entry takes
    /// both from `cueAndNames`, which can then overlap the cache misses of their tables.
    @inline(__always)
    mutating func entry(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64,
                        cueAndNames: () -> (WordClassIndex.Classes, NameFacts)) -> Int {
        let (e, new) = place(key, hash: hash)
        if let new {
            let (cue, names) = cueAndNames()
            store(cue, key: new, at: e)
            store(names, at: e)
        }
        return e
    }

    /// The entry that holds `key`, or the entry a new word takes (its packed key
    /// returned, for ``store(_:key:at:)``), the word there moved to the second way.
    @inline(__always)
    private mutating func place(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (entry: Int, new: (UInt64, UInt64)?) {
        if words.isEmpty { allocate() }
        guard key.count <= Self.longestKey else { return (words.count - 4, (0, 0)) }
        let packed = Self.pack(key)
        let first = skew + 8 * (Int(truncatingIfNeeded: hash ^ (hash >> 32)) & (sets - 1))
        let second = first + 4
        // Found (first way), or whether a word was dropped to make room.
        let (found, drops): (Bool, Bool) = words.withUnsafeMutableBufferPointer { w in
            if w[first] == packed.0, w[first + 1] & ~Self.namesKnownFlag == packed.1 { return (true, false) }
            if w[second] == packed.0, w[second + 1] & ~Self.namesKnownFlag == packed.1 {
                for k in 0..<4 { w.swapAt(first + k, second + k) }
                return (true, false)
            }
            let drops = w[second + 1] != 0
            for k in 0..<4 { w[second + k] = w[first + k] }
            return (false, drops)
        }
        if found { return (first, nil) }
        if drops { dropped += 1 }
        added += 1
        return (first, packed)
    }

    /// Reads the set of every word token's hash once, in a loop of loads that do not
    /// wait for each other, so that the processor fetches many of the table's lines at
    /// once: between two documents the other stages push the table out of the
    /// processor's caches, and looked up one token at a time each line was a wait of
    /// its own (two thirds of the look-up's time on real news).
    mutating func warm(_ hashes: [UInt64], _ tokens: [Token]) {
        if words.isEmpty { allocate() }
        var sum: UInt64 = 0
        words.withUnsafeBufferPointer { w in
            hashes.withUnsafeBufferPointer { hashes in
                for i in hashes.indices where tokens[i].kind == .word {
                    sum &+= w[skew + 8 * (Int(truncatingIfNeeded: hashes[i] ^ (hashes[i] >> 32)) & (sets - 1))]
                }
            }
        }
        // Kept, so that the loads are not optimised away.
        warmed = sum
    }

    /// The cue features of entry `e`.
    @inline(__always)
    func cueFeatures(_ e: Int) -> TokenFeatures { TokenFeatures(rawValue: UInt32(truncatingIfNeeded: words[e + 3])) }

    /// The word classes of entry `e`.
    @inline(__always)
    func classes(_ e: Int) -> WordClasses { WordClasses(rawValue: words[e + 2]) }

    /// The name facts of entry `e` (from ``entry(_:hash:cue:)``), from `names` the first time.
    @inline(__always)
    mutating func names(_ e: Int, _ names: () -> NameFacts) -> NameFacts {
        if words[e + 1] & Self.namesKnownFlag == 0 {
            let facts = names()
            store(facts, at: e)
            return facts
        }
        let half = UInt32(truncatingIfNeeded: words[e + 3] >> 32)
        return NameFacts(features: TokenFeatures(rawValue: half & (1 << Self.walkStartsShift - 1)),
                         walkStarts: UInt8(truncatingIfNeeded: half >> Self.walkStartsShift))
    }

    /// Stores the name facts of entry `e` and marks them known (the scratch entry, which
    /// keeps no key, is asked afresh each time).
    @inline(__always)
    private mutating func store(_ facts: NameFacts, at e: Int) {
        precondition(facts.features.rawValue >> Self.walkStartsShift == 0
                     && UInt32(facts.walkStarts) >> (32 - Self.walkStartsShift) == 0,
                     "the name facts no longer fit in half a word")
        let half = facts.features.rawValue | UInt32(facts.walkStarts) << Self.walkStartsShift
        words[e + 3] = words[e + 3] & 0xFFFF_FFFF | UInt64(half) << 32
        if e != words.count - 4 { words[e + 1] |= Self.namesKnownFlag }
    }

    private mutating func store(_ c: WordClassIndex.Classes, key: (UInt64, UInt64), at e: Int) {
        words[e] = key.0
        words[e + 1] = key.1
        words[e + 2] = c.classes.rawValue
        words[e + 3] = UInt64(c.features.rawValue)
    }

    /// The key's bytes in place, little-endian, with its length + 1 in the last byte
    /// (so that no key packs to an empty entry's zeros); `key` has at most
    /// ``longestKey`` bytes. Read with loads of the key's own bytes that may overlap
    /// (the bytes they share are the same): copied into the pair with memcpy, the pair
    /// was read back before the copy's small stores had reached it, a stall of its own
    /// on every word (a sixth of the look-up's time on real news).
    /// (``TokenClassTable`` packs its words' first sixteen bytes with masked loads where
    /// it knows sixteen bytes can be read.)
    @inline(__always)
    static func pack(_ key: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        let n = key.count
        var packed: (UInt64, UInt64) = (0, 0)
        if let base = key.baseAddress, n > 0 {
            let raw = UnsafeRawPointer(base)
            @inline(__always) func load64(_ at: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
            @inline(__always) func load32(_ at: Int) -> UInt64 { UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self))) }
            if n >= 8 {
                packed.0 = load64(0)
                // Bytes 8..<n: the last eight bytes, shifted down past those of the first load.
                if n > 8 { packed.1 = load64(n - 8) >> UInt64(8 * (16 - n)) }
            } else if n >= 4 {
                packed.0 = load32(0) | load32(n - 4) << UInt64(8 * (n - 4))
            } else {
                packed.0 = UInt64(base[0]) | UInt64(base[n >> 1]) << UInt64(8 * (n >> 1)) | UInt64(base[n - 1]) << UInt64(8 * (n - 1))
            }
        }
        packed.1 = (packed.1 & 0x00FF_FFFF_FFFF_FFFF) | UInt64(n + 1) << 56
        return packed
    }

    /// The sets, up to seven words more so that they start on a cache line, and the scratch entry.
    private mutating func allocate() {
        words = Array(repeating: 0, count: 8 * sets + 8 + 4)
        let address = words.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        skew = Int((64 - address % 64) % 64) / 8
    }
}
