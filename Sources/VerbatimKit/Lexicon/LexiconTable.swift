import Foundation

/// One lexicon file held as its raw bytes plus an index of its data lines.
///
/// Files are sorted by key bytes (Models/ FORMAT), so lookups are binary searches
/// over the line index: loading costs one pass over the bytes (no per-entry
/// allocation), and a prefix search tells multi-token matching whether a longer
/// entry could still follow.
public struct LexiconTable: Sendable {
    /// The table's name: its path under Models/ without `.tsv` ("places/cities").
    public let name: String
    /// Where it was read from (for messages).
    public let path: String
    @usableFromInline let bytes: [UInt8]
    /// Start of each data line.
    @usableFromInline let lineStart: [Int32]
    /// End of each line's key (its first tab).
    @usableFromInline let keyEnd: [Int32]
    /// End of each line (before the newline).
    @usableFromInline let lineEnd: [Int32]
    /// First entry of each bucket of keys sharing their first two bytes (a key of
    /// one byte goes to bucket `b0 << 8`), so a search starts from a narrow range
    /// instead of the whole table. Buckets cover only the first bytes from the first
    /// key's to the last key's (256 per first byte, plus one end): all 65,537 cost
    /// every table 256 KB of fresh memory at start-up, 5.8 MB for the models.
    @usableFromInline let bucketStart: [Int32]
    /// The first byte of the first bucket.
    @usableFromInline let bucketBase: Int
    /// Each entry's first eight key bytes, big-endian, zero-padded: binary searches
    /// compare these from one compact array and touch the text of the table only on
    /// ties (the search is bound by cache misses, not by comparisons).
    @usableFromInline let keyPrefix: [UInt64]
    /// Open-addressing hash of keys to their first entry, a power of two in size.
    /// Each slot holds the key's first eight bytes, so that a probe rarely reads the
    /// table's text (keys of up to eight bytes never do), and optionally one numeric
    /// column of the entry, so that a hit need not parse the line either.
    @usableFromInline let slots: [HashSlot]
    /// A bitset of the ``keyHash(_:)`` of every prefix of every key's first word (the
    /// bytes before its first space), indexed by the hash's top bits: a multi-token walk
    /// (``LexiconMatcher``) whose first token's key has no bit set cannot start, and is
    /// refused without the binary search (about three walks in four fail on their first
    /// token). A first token without a space is a prefix of some key exactly when it is
    /// a prefix of that key's first word ("u" of "u.s."), so its hash is in the set.
    /// Built in the loading pass (hashing only the prefixes a first word does not share
    /// with the previous key's), one bit per byte of the file: about ten bits per
    /// distinct prefix, a false pass in ten.
    @usableFromInline let startFilter: [UInt64]
    /// 64 minus the base-2 logarithm of the bitset's size in bits.
    @usableFromInline let startFilterShift: UInt64
    /// How much of a first word the loading pass remembers the prefix hashes of.
    static let hashedWordBytes = 256
    /// The first-word index of a walked table (``withWalkIndex()``; empty without):
    /// open addressing over every distinct first word of a key (the bytes before its
    /// first space), twice as many slots as words, each slot answering
    /// the walk's first step for that word as ``search(_:)`` would. A walk's first step
    /// was a binary search of the whole megabyte table, a cache miss per bisection:
    /// this is one probe, indexed by the token's hash the walk already has.
    @usableFromInline let walkSlots: [WalkSlot]

    /// One first word of the walk index in eight bytes (the index is read once a walk,
    /// each time somewhere else: a cache miss, which a smaller index makes rarer).
    /// Bits 63-40: 24 bits of the word's mixed hash (``walkSlot(_:size:)`` takes the
    /// high bits of the product, this the low), so that a probe of a word that is none
    /// reads no entry; bits 39-16: the first entry whose first word it is, + 1 (0: an
    /// empty slot); bits 15-1: how many entries are the word itself (they come first);
    /// bit 0: whether the entry after those starts with the word.
    @usableFromInline
    struct WalkSlot: Sendable {
        @usableFromInline var bits: UInt64 = 0
        @usableFromInline static let maxEntries = (1 << 24) - 2
        @usableFromInline static let maxExact = (1 << 15) - 1

        @inlinable init() {}

        @inlinable init(mixed: UInt64, first: Int, exact: Int, longer: Bool) {
            bits = (mixed & 0xFF_FFFF) << 40 | UInt64(first + 1) << 16 | UInt64(exact) << 1 | (longer ? 1 : 0)
        }

        @inlinable var isEmpty: Bool { bits == 0 }
        /// Whether the word's mixed hash may be `mixed` (false: the slot holds another word).
        @inlinable func mayHold(mixed: UInt64) -> Bool { bits >> 40 == mixed & 0xFF_FFFF }
        @inlinable var first: Int { Int(truncatingIfNeeded: (bits >> 16) & 0xFF_FFFF) - 1 }
        @inlinable var exact: Int { Int(truncatingIfNeeded: (bits >> 1) & 0x7FFF) }
        @inlinable var longer: Bool { bits & 1 != 0 }
    }

    @usableFromInline
    struct HashSlot: Sendable {
        @usableFromInline var prefix: UInt64 = 0
        /// Entry + 1; 0 = empty.
        @usableFromInline var entry: Int32 = 0
        @usableFromInline var value: Float32 = 0
    }

    /// The number of entries.
    public var count: Int { lineStart.count }

    /// Reads and indexes a file.
    /// - Throws: ``VerbatimError/model(path:reason:)`` naming the file when it is
    ///   missing, unreadable, not UTF-8, has a line without key and form, or is not sorted.
    public init(contentsOf path: String, name: String) throws(VerbatimError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw VerbatimError.model(path: path, reason: exists ? "cannot be read" : "missing")
        }
        try self.init(bytes: [UInt8](data), name: name, path: path)
    }

    /// Indexes bytes already in memory (validated like a file).
    public init(bytes: [UInt8], name: String, path: String) throws(VerbatimError) {
        self.name = name
        self.path = path
        self.bytes = bytes
        // Start-up time is a target and the largest file has 160,000 lines: the line
        // index is written through pointers into scratch buffers that can hold every
        // possible line (a data line has at least four bytes), then copied to its size.
        let bound = bytes.count / 4 + 1
        let starts = UnsafeMutableBufferPointer<Int32>.allocate(capacity: bound)
        let keyEnds = UnsafeMutableBufferPointer<Int32>.allocate(capacity: bound)
        let ends = UnsafeMutableBufferPointer<Int32>.allocate(capacity: bound)
        let prefixes = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: bound)
        defer { starts.deallocate(); keyEnds.deallocate(); ends.deallocate(); prefixes.deallocate() }
        // The start filter: one bit per byte of the file, a power of two (about ten
        // bits per distinct first-word prefix in the models), set in the same pass.
        var logBits: UInt64 = 6
        while (1 << logBits) < bytes.count { logBits += 1 }
        let filterShift = 64 - logBits
        let filter = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: 1 << (logBits - 6))
        filter.initialize(repeating: 0)
        // Keys are sorted: a first word's prefixes that it shares with the previous
        // one's are set already, so hashing starts from the shared prefix's hash
        // (`wordHashes[n]`: the hash of the previous first word's first n bytes).
        let wordHashes = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: LexiconTable.hashedWordBytes + 1)
        wordHashes[0] = FNV1a.basis
        var previousWord = 0..<0
        defer { filter.deallocate(); wordHashes.deallocate() }
        var entries = 0
        let failure: (line: Int, reason: String)? = bytes.withUnsafeBufferPointer { b -> (Int, String)? in
            guard let base = b.baseAddress else { return nil }
            if UTF8Validation.firstInvalidByte(b) != nil { return (0, "not valid UTF-8") }
            var i = 0, lineNumber = 0
            var previousKey: Range<Int>? = nil
            while i < b.count {
                lineNumber += 1
                let nl = memchr(base + i, 0x0A, b.count - i).map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base } ?? b.count
                var end = nl
                if end > i, b[end - 1] == 0x0D { end -= 1 }
                defer { i = nl + 1 }
                if end == i || b[i] == 0x23 { continue }   // blank or # header
                guard let tab = memchr(base + i, 0x09, end - i) else {
                    return (lineNumber, "no tab between key and form")
                }
                let keyEnd = UnsafePointer<UInt8>(tab.assumingMemoryBound(to: UInt8.self)) - base
                if keyEnd == i { return (lineNumber, "empty key") }
                // Look-ups rely on keys without NUL (see isDecidedByPrefix).
                if memchr(base + i, 0, keyEnd - i) != nil { return (lineNumber, "NUL byte in key") }
                if keyEnd + 1 >= end || b[keyEnd + 1] == 0x09 { return (lineNumber, "empty form") }
                if let p = previousKey {
                    let n = min(p.count, keyEnd - i)
                    let c = memcmp(base + p.lowerBound, base + i, n)
                    if c > 0 || (c == 0 && p.count > keyEnd - i) {
                        return (lineNumber, "keys are not sorted (\"\(String(decoding: b[i..<keyEnd], as: UTF8.self))\" after \"\(String(decoding: b[p], as: UTF8.self))\")")
                    }
                }
                previousKey = i..<keyEnd
                starts[entries] = Int32(i); keyEnds[entries] = Int32(keyEnd); ends[entries] = Int32(end)
                prefixes[entries] = LexiconTable.packPrefix(UnsafeBufferPointer(rebasing: b[i..<keyEnd]))
                entries += 1
                var shared = 0
                let bound = min(previousWord.count, keyEnd - i)
                while shared < bound && base[previousWord.lowerBound + shared] == base[i + shared] { shared += 1 }
                var h = wordHashes[shared]
                var k = i + shared
                while k < keyEnd && base[k] != 0x20 {
                    h = FNV1a.step(h, base[k])
                    let bit = Int(truncatingIfNeeded: h >> filterShift)
                    filter[bit &>> 6] |= 1 &<< UInt64(bit & 63)
                    k += 1
                    if k - i <= LexiconTable.hashedWordBytes { wordHashes[k - i] = h }
                }
                previousWord = i..<min(k, i + LexiconTable.hashedWordBytes)
            }
            return nil
        }
        if let failure {
            throw VerbatimError.model(path: path, reason: failure.line == 0 ? failure.reason : "line \(failure.line): \(failure.reason)")
        }
        self.lineStart = Array(UnsafeBufferPointer(rebasing: starts[0..<entries]))
        self.keyEnd = Array(UnsafeBufferPointer(rebasing: keyEnds[0..<entries]))
        self.lineEnd = Array(UnsafeBufferPointer(rebasing: ends[0..<entries]))
        self.keyPrefix = Array(UnsafeBufferPointer(rebasing: prefixes[0..<entries]))
        // A key's bucket is its first two bytes (the top sixteen bits of its packed
        // prefix), counted from the smallest first byte; keys are sorted, so that is
        // the first key's and the largest is the last key's.
        let base = entries > 0 ? Int(keyPrefix[0] >> 56) : 0
        let last = entries > 0 ? (Int(keyPrefix[entries - 1] >> 56) - base + 1) << 8 : 0
        var buckets = [Int32](repeating: 0, count: last + 1)
        var next = 0
        for (i, prefix) in keyPrefix.enumerated() {
            let b = Int(prefix >> 48) - (base << 8)
            while next <= b { buckets[next] = Int32(i); next += 1 }
        }
        while next <= last { buckets[next] = Int32(entries); next += 1 }
        self.bucketStart = buckets
        self.bucketBase = base
        self.slots = []
        self.walkSlots = []
        self.startFilter = Array(filter)
        self.startFilterShift = filterShift
    }

    /// Whether some key may start with the token key whose ``keyHash(_:)`` is `hash`
    /// (false: none does), for a key without a space (see ``startFilter``). Always
    /// inlined: a handful of instructions, asked per token and table, where the call
    /// cost as much again.
    @inlinable @inline(__always)
    public func mayStart(withKeyHash hash: UInt64) -> Bool {
        let bit = Int(truncatingIfNeeded: hash >> startFilterShift)
        return startFilter[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    private init(_ table: LexiconTable, slots: [HashSlot]? = nil, walkSlots: [WalkSlot]? = nil) {
        name = table.name; path = table.path; bytes = table.bytes
        lineStart = table.lineStart; keyEnd = table.keyEnd; lineEnd = table.lineEnd
        bucketStart = table.bucketStart; bucketBase = table.bucketBase; keyPrefix = table.keyPrefix
        startFilter = table.startFilter; startFilterShift = table.startFilterShift
        self.slots = slots ?? table.slots
        self.walkSlots = walkSlots ?? table.walkSlots
    }

    /// Whether an entry whose packed prefix equals `key`'s is `key` itself: true for keys
    /// shorter than eight bytes without NUL, because entries hold no NUL (the padding
    /// then pins the entry's length). Longer keys, or a NUL given by a caller, need the
    /// full comparison.
    @inlinable
    static func isDecidedByPrefix(_ key: UnsafeBufferPointer<UInt8>) -> Bool { pack(key).decided }

    /// The first eight bytes of `key`, big-endian, zero-padded. Keys hold no NUL, so
    /// two keys whose packed prefixes differ compare as those prefixes do.
    @inlinable
    static func packPrefix(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 { pack(key).prefix }

    /// ``packPrefix(_:)`` and ``isDecidedByPrefix(_:)`` of `key` from one loop over a
    /// short key's bytes (none for a long one): every probe and search starts with both,
    /// and their two loops, eight steps with a bounds check each for the packing, were
    /// some 120 of a hash probe's 210 instructions.
    @inlinable @inline(__always)
    static func pack(_ key: UnsafeBufferPointer<UInt8>) -> (prefix: UInt64, decided: Bool) {
        let n = key.count
        guard n > 0, let base = key.baseAddress else { return (0, true) }
        if n >= 8 {
            return (UInt64(bigEndian: UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)), false)
        }
        var v: UInt64 = 0
        // The smallest byte: zero exactly when the key holds a NUL.
        var least: UInt8 = 0xFF
        var j = 0
        while j < n {
            let b = base[j]
            v = v &<< 8 | UInt64(b)
            least = min(least, b)
            j &+= 1
        }
        return (v &<< UInt64(8 &* (8 &- n)), least != 0)
    }


    /// The same table with a hash index for exact look-ups (``exact(_:)``); built
    /// on request for the tables consulted for every token, to keep loading cheap.
    /// `valueColumn` is a numeric column kept in the index (``exactFirst(_:hash:)``).
    public func withHashIndex(valueColumn: Int? = nil) -> LexiconTable {
        if !slots.isEmpty { return self }
        let starts = lineStart, keyEnds = keyEnd
        // Exact-key hash index: one probe sequence per distinct key.
        var size = 1
        while size < starts.count + starts.count / 2 { size <<= 1 }   // at most two thirds full
        var slots = [HashSlot](repeating: HashSlot(), count: max(size, 2))
        let mask = slots.count - 1
        bytes.withUnsafeBufferPointer { b in
            var previous: Range<Int>? = nil
            for i in 0..<starts.count {
                let s = Int(starts[i]), e = Int(keyEnds[i])
                if let p = previous, p.count == e - s, memcmp(b.baseAddress! + p.lowerBound, b.baseAddress! + s, e - s) == 0 { continue }
                previous = s..<e
                let keyHash = LexiconTable.keyHash(UnsafeBufferPointer(rebasing: b[s..<e]))
                var h = Int(truncatingIfNeeded: keyHash ^ (keyHash >> 29)) & mask
                while slots[h].entry != 0 { h = (h + 1) & mask }
                let value = valueColumn.map { LexiconTable.parseNumber(b, line: s, keyEnd: e, end: Int(lineEnd[i]), column: $0) } ?? 0
                slots[h] = HashSlot(prefix: keyPrefix[i], entry: Int32(i + 1), value: Float32(value))
            }
        }
        return LexiconTable(self, slots: slots)
    }
    /// Whether the table has a first-word index (``withWalkIndex()``).
    @inlinable
    public var hasWalkIndex: Bool { !walkSlots.isEmpty }

    /// The same table with a first-word index for the first step of multi-token walks
    /// (``firstWord(_:hash:)``); built on request for the tables walked per chunk token.
    /// A table with a key whose first word holds a control byte (below the space) gets
    /// none: such a key ("york\u{1}") would sort between a word and its multi-word keys
    /// ("york", "york city"), which the index takes to be neighbours.
    public func withWalkIndex() -> LexiconTable {
        if !walkSlots.isEmpty || count == 0 || count > WalkSlot.maxEntries { return self }
        // Start-up time is a target: one pass over the entries through pointers, each
        // first word's run of entries taken at once, its slot written to a scratch list
        // (the number of words, which sizes the index, is known only at the end).
        let n = count
        let built: [WalkSlot]? = bytes.withUnsafeBufferPointer { b in
            lineStart.withUnsafeBufferPointer { starts in
                keyEnd.withUnsafeBufferPointer { ends -> [WalkSlot]? in
                    let base = b.baseAddress!
                    let words = UnsafeMutableBufferPointer<(mixed: UInt64, slot: WalkSlot)>.allocate(capacity: n)
                    defer { words.deallocate() }
                    var wordCount = 0
                    var i = 0
                    while i < n {
                        let s = Int(starts[i]), e = Int(ends[i])
                        var w = s
                        while w < e && base[w] != 0x20 {
                            if base[w] < 0x20 { return nil }
                            w += 1
                        }
                        let word = UnsafeBufferPointer(start: base + s, count: w - s)
                        let length = word.count
                        // The keys that are the word itself (the first, when key i is),
                        // then those holding it and a space: the word's run.
                        var j = w == e ? i + 1 : i
                        while j < n && Int(ends[j] - starts[j]) == length && memcmp(base + Int(starts[j]), base + s, length) == 0 { j += 1 }
                        var g = j
                        while g < n {
                            let gs = Int(starts[g])
                            guard Int(ends[g]) - gs > length, base[gs + length] == 0x20, memcmp(base + gs, base + s, length) == 0 else { break }
                            g += 1
                        }
                        let longer = g > j || (j < n && Int(ends[j] - starts[j]) > length && memcmp(base + Int(starts[j]), base + s, length) == 0)
                        if j - i > WalkSlot.maxExact { return nil }
                        let mixed = LexiconTable.mixWalkHash(FNV1a.hash(word))
                        words[wordCount] = (mixed, WalkSlot(mixed: mixed, first: i, exact: j - i, longer: longer))
                        wordCount += 1
                        i = g
                    }
                    // Twice the words: a probe that finds no word reads 2.5 slots on average.
                    let size = 2 * wordCount + 1
                    return [WalkSlot](unsafeUninitializedCapacity: size) { slots, initialized in
                        slots.initialize(repeating: WalkSlot())
                        for (mixed, slot) in words[0..<wordCount] {
                            var h = LexiconTable.walkSlot(mixed, size: size)
                            while !slots[h].isEmpty { h = h + 1 == size ? 0 : h + 1 }
                            slots[h] = slot
                        }
                        initialized = size
                    }
                }
            }
        }
        guard let built else { return self }
        return LexiconTable(self, walkSlots: built)
    }

    /// A word's FNV-1a hash mixed for the walk index: the top bits of FNV-1a cluster
    /// similar words in linear probing.
    @inlinable @inline(__always)
    static func mixWalkHash(_ hash: UInt64) -> UInt64 {
        FibonacciHash.mix(hash ^ (hash >> 32))
    }

    /// The walk index's first slot for a word's mixed hash: its high bits scaled to the
    /// size, which need not be a power of two.
    @inlinable @inline(__always)
    static func walkSlot(_ mixed: UInt64, size: Int) -> Int {
        Int(truncatingIfNeeded: mixed.multipliedFullWidth(by: UInt64(size)).high)
    }

    /// What ``search(_:)`` gives for `key` (whose ``keyHash(_:)`` is `hash`) when it is
    /// the first word of some key, from one probe of the walk index; nil when it is none
    /// or the table has no index. A key without a space that is no first word is no key,
    /// and no key continues it after a space: only a token joined to it without a space
    /// ("u" "." of "u.s.") could still make one.
    @inlinable
    public func firstWord(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (entries: Range<Int>, longer: Bool)? {
        let size = walkSlots.count
        guard size > 0, key.count > 0 else { return nil }
        let mixed = LexiconTable.mixWalkHash(hash)
        return walkSlots.withUnsafeBufferPointer { slots in
            var h = LexiconTable.walkSlot(mixed, size: size)
            while true {
                let slot = slots[h]
                if slot.isEmpty { return nil }
                if slot.mayHold(mixed: mixed) && isFirstWord(slot.first, key) {
                    return (slot.first..<(slot.first + slot.exact), slot.longer)
                }
                h = h + 1 == size ? 0 : h + 1
            }
        }
    }

    /// Whether entry `i`'s key starts with `key` followed by a space or its end.
    @inlinable
    func isFirstWord(_ i: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = key.count
        let (packed, short) = LexiconTable.pack(key)
        if short {
            // Settled by the entry's packed prefix: the key's bytes, then the end of the
            // entry's key (zero padding) or a space.
            let p = keyPrefix[i]
            let shift = UInt64(8 * (8 - n))
            let next = (p >> (shift - 8)) & 0xFF
            return p >> shift == packed >> shift && (next == 0 || next == 0x20)
        }
        guard compare(i, key, prefixOnly: true) == 0 else { return false }
        let s = Int(lineStart[i])
        return Int(keyEnd[i]) - s == key.count || bytes[s + key.count] == 0x20
    }

    /// Column `column` of the line `line..<end` (its key ending at `keyEnd`) parsed as a
    /// number: what ``number(_:_:)`` reads, over raw bytes so that building an index can
    /// parse every entry cheaply (tabs found with memchr).
    static func parseNumber(_ b: UnsafeBufferPointer<UInt8>, line: Int, keyEnd: Int, end: Int, column: Int) -> Double {
        var s = column == 0 ? line : keyEnd + 1
        for _ in 1..<max(column, 1) {
            guard s < end, let tab = memchr(b.baseAddress! + s, 0x09, end - s) else { return 0 }
            s = UnsafePointer<UInt8>(tab.assumingMemoryBound(to: UInt8.self)) - b.baseAddress! + 1
        }
        var v = 0.0, frac = 0.0, scale = 1.0
        while s < end {
            let c = b[s]
            if c == 0x2E { frac = 1 } else if c >= 0x30 && c <= 0x39 {
                if frac > 0 { scale /= 10; v += Double(c - 0x30) * scale } else { v = v * 10 + Double(c - 0x30) }
            } else { break }
            s += 1
        }
        return v
    }

    /// FNV-1a over key bytes (what ``TokenKeys/hashes`` holds per token).
    @inlinable
    public static func keyHash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        FNV1a.hash(key)
    }

    /// The slot hash: FNV-1a with its high bits folded down (the mask keeps low bits).
    @inlinable
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let h = keyHash(key)
        return h ^ (h >> 29)
    }

    /// The entries whose key is exactly `key`, through the hash index.
    @inlinable
    public func exact(_ key: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        exact(key, hash: LexiconTable.keyHash(key))
    }

    /// ``exact(_:)`` with the key's ``keyHash(_:)`` already computed.
    @inlinable
    public func exact(_ key: UnsafeBufferPointer<UInt8>, hash keyHash: UInt64) -> Range<Int> {
        guard key.count > 0, count > 0 else { return 0..<0 }
        if slots.isEmpty { return search(key).entries }
        let (packed, short) = LexiconTable.pack(key)
        guard let slot = probe(key, hash: keyHash, packed: packed, short: short) else { return 0..<0 }
        let first = Int(slot.entry) - 1
        var hi = first + 1
        // The packed prefixes settle most of it without reading the table's text
        // (three cache misses: line start, key end and the bytes).
        while hi < count && keyPrefix[hi] == packed && (short || compare(hi, key) == 0) { hi += 1 }
        return first..<hi
    }

    /// The first entry whose key is exactly `key`, and its value column (see
    /// ``withHashIndex(valueColumn:)``); needs the hash index.
    @inlinable
    public func exactFirst(_ key: UnsafeBufferPointer<UInt8>, hash keyHash: UInt64) -> (entry: Int, value: Float32)? {
        guard key.count > 0, !slots.isEmpty else { return nil }
        let (packed, short) = LexiconTable.pack(key)
        return probe(key, hash: keyHash, packed: packed, short: short).map { (Int($0.entry) - 1, $0.value) }
    }

    /// The slot of `key`, whose ``pack(_:)`` is `packed` and `short`.
    @inlinable
    func probe(_ key: UnsafeBufferPointer<UInt8>, hash keyHash: UInt64, packed: UInt64, short: Bool) -> HashSlot? {
        let start = readAhead(hash: keyHash)
        return probe(key, packed: packed, short: short, at: start.slot, first: start.contents)
    }

    /// ``probe(_:hash:packed:short:)`` from slot `h`, whose contents `first` were read already.
    @inlinable @inline(__always)
    func probe(_ key: UnsafeBufferPointer<UInt8>, packed: UInt64, short: Bool, at start: Int, first: HashSlot) -> HashSlot? {
        let mask = slots.count - 1
        var h = start, slot = first
        while true {
            if slot.entry == 0 { return nil }
            if slot.prefix == packed && (short || compare(Int(slot.entry) - 1, key) == 0) { return slot }
            h = (h + 1) & mask
            slot = slots[h]
        }
    }

    /// Where the hash index's probe for a key whose ``keyHash(_:)`` is `hash` starts, and
    /// what that slot holds, for ``exactFirst(_:hash:readAhead:)``: a word's look-ups in
    /// several tables read their first slots one after the other, so that their cache
    /// misses overlap instead of each waiting for the one before. Needs the hash index.
    @inlinable @inline(__always)
    func readAhead(hash keyHash: UInt64) -> (slot: Int, contents: HashSlot) {
        let h = Int(truncatingIfNeeded: keyHash ^ (keyHash >> 29)) & (slots.count - 1)
        return (h, slots[h])
    }

    /// ``exactFirst(_:hash:)`` from the first slot already read (``readAhead(hash:)``).
    @inlinable
    func exactFirst(_ key: UnsafeBufferPointer<UInt8>, readAhead start: (slot: Int, contents: HashSlot)) -> (entry: Int, value: Float32)? {
        guard key.count > 0 else { return nil }
        let (packed, short) = LexiconTable.pack(key)
        return probe(key, packed: packed, short: short, at: start.slot, first: start.contents).map { (Int($0.entry) - 1, $0.value) }
    }

    // MARK: - Search

    /// Compares entry `i`'s key with `key`: <0, 0, >0.
    @inlinable
    func compare(_ i: Int, _ key: UnsafeBufferPointer<UInt8>, prefixOnly: Bool = false) -> Int {
        bytes.withUnsafeBufferPointer { b in
            let s = Int(lineStart[i]), n = Int(keyEnd[i]) - s
            let m = prefixOnly ? min(n, key.count) : n
            let p = b.baseAddress! + s, q = key.baseAddress!
            let length = min(m, key.count)
            var j = 0
            while j < length {
                if p[j] != q[j] { return Int(p[j]) - Int(q[j]) }
                j += 1
            }
            return m - key.count
        }
    }

    /// The first entry at or after `start` whose key is not less than `key`, given that
    /// every entry before `start` is less than `key`. A multi-token walk asks this for
    /// "new york" from where "new" was found: the entries it looks for lie a few
    /// places on, so the search gallops from `start` (probing 1, 2, 4, … entries on,
    /// reading neighbouring cache lines) before bisecting, where a search of the whole
    /// bucket (``lowerBound(_:)``) starts again with its cache misses far away.
    @inlinable
    public func lowerBound(_ key: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let (packed, short) = LexiconTable.pack(key)
        @inline(__always) func less(_ i: Int) -> Bool {
            let p = keyPrefix[i]
            return p != packed ? p < packed : !short && compare(i, key) < 0
        }
        // Invariant: entries before `lo` are less than `key`; `hi` is count or not less.
        var lo = start, step = 1, hi = start
        while hi < count && less(hi) {
            lo = hi + 1
            hi = lo + step - 1
            step <<= 1
        }
        hi = min(hi, count)
        while lo < hi {
            let mid = (lo + hi) >> 1
            if less(mid) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The first entry whose key is not less than `key`.
    @inlinable
    public func lowerBound(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        guard key.count > 0 else { return 0 }
        let first = Int(key[0]) - bucketBase
        // Before the first key's first byte, or after the last key's.
        if first < 0 { return 0 }
        if first << 8 >= bucketStart.count - 1 { return count }
        let b = first << 8 | (key.count > 1 ? Int(key[1]) : 0)
        var lo = Int(bucketStart[b]), hi = Int(bucketStart[b + 1])
        let (packed, short) = LexiconTable.pack(key)
        while lo < hi {
            let mid = (lo + hi) >> 1
            let p = keyPrefix[mid]
            let less = p != packed ? p < packed : !short && compare(mid, key) < 0
            if less { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The entries whose key is exactly `key` (folded bytes), and whether some
    /// longer key starts with `key`.
    @inlinable
    public func search(_ key: UnsafeBufferPointer<UInt8>) -> (entries: Range<Int>, longer: Bool) {
        guard key.count > 0, count > 0 else { return (0..<0, false) }
        return entries(key, from: lowerBound(key))
    }

    /// ``search(_:)`` when every entry before `start` is known to be less than `key`
    /// (see ``lowerBound(_:from:)``): a walk's next step, `start` being where the
    /// step before found its key, of which `key` is an extension.
    @inlinable
    public func search(_ key: UnsafeBufferPointer<UInt8>, from start: Int) -> (entries: Range<Int>, longer: Bool) {
        guard key.count > 0, count > 0 else { return (0..<0, false) }
        return entries(key, from: lowerBound(key, from: start))
    }

    /// The entries from `lo` (the key's lower bound) whose key is `key`, and whether
    /// the entry after them starts with it.
    @inlinable
    func entries(_ key: UnsafeBufferPointer<UInt8>, from lo: Int) -> (entries: Range<Int>, longer: Bool) {
        var hi = lo
        let (packed, short) = LexiconTable.pack(key)
        while hi < count, keyPrefix[hi] == packed, short || compare(hi, key) == 0 { hi += 1 }
        return (lo..<hi, hi < count && startsWith(hi, key, packed: packed))
    }

    /// Whether entry `i`'s key starts with `key` (whose ``packPrefix(_:)`` is `packed`):
    /// decided by the packed prefixes when `key` has at most eight bytes, so that the
    /// table's text is read only for longer keys sharing their first eight bytes.
    @inlinable
    func startsWith(_ i: Int, _ key: UnsafeBufferPointer<UInt8>, packed: UInt64) -> Bool {
        let n = key.count
        // Entries hold no NUL, so their zero padding never matches a key byte; a NUL
        // given by a caller would, so such keys take the full comparison.
        for b in key.prefix(8) where b == 0 { return compare(i, key, prefixOnly: true) == 0 }
        if n >= 8 {
            return keyPrefix[i] == packed && (n == 8 || compare(i, key, prefixOnly: true) == 0)
        }
        let mask: UInt64 = ~0 << UInt64(8 * (8 - n))
        return (keyPrefix[i] ^ packed) & mask == 0
    }

    /// Whether some entry's key equals `key` or starts with it.
    public func search(prefixOf key: ArraySlice<UInt8>) -> Bool {
        guard !key.isEmpty else { return false }
        return key.withUnsafeBufferPointer { k in
            let i = lowerBound(k)
            return i < count && startsWith(i, k, packed: LexiconTable.packPrefix(k))
        }
    }

    /// Entries for a folded key given as a string: one probe of the hash index when the
    /// table has one (the gender stage asks the first-name table for every name), else
    /// a binary search.
    public func entries(forKey key: String) -> Range<Int> {
        var k = Array(key.utf8)
        return k.withUnsafeMutableBufferPointer { exact(UnsafeBufferPointer($0)) }
    }

    /// Whether the table holds `key` (folded).
    public func contains(key: String) -> Bool { !entries(forKey: key).isEmpty }

    // MARK: - Fields

    /// Column `column` of entry `i` (0 = key, 1 = form, …), or nil past the last column.
    public func field(_ i: Int, _ column: Int) -> String? {
        fieldRange(i, column).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// The form (column 1) of entry `i`.
    public func form(_ i: Int) -> String { field(i, 1) ?? "" }

    /// The folded key of entry `i` (column 0).
    public func key(_ i: Int) -> String { field(i, 0) ?? "" }

    @inlinable
    func fieldRange(_ i: Int, _ column: Int) -> Range<Int>? {
        var s = Int(lineStart[i]); let end = Int(lineEnd[i])
        var col = 0
        while true {
            var e = s
            while e < end, bytes[e] != 0x09 { e += 1 }
            if col == column { return s..<e }
            if e >= end { return nil }
            col += 1; s = e + 1
        }
    }

    /// Whether entry `i`'s form equals `surface` (cleaned bytes) exactly.
    @inlinable
    public func formEquals(_ i: Int, _ surface: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let r = fieldRange(i, 1), r.count == surface.count else { return false }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + r.lowerBound, surface.baseAddress!, r.count) == 0 }
    }

    /// Column `column` of entry `i` compared with an ASCII string, without allocating.
    @inlinable
    public func field(_ i: Int, _ column: Int, equals value: StaticString) -> Bool {
        guard let r = fieldRange(i, column), r.count == value.utf8CodeUnitCount else { return false }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + r.lowerBound, value.utf8Start, r.count) == 0 }
    }

    /// Column `column` of entry `i` parsed as a number (0 when absent).
    public func number(_ i: Int, _ column: Int) -> Double {
        bytes.withUnsafeBufferPointer {
            LexiconTable.parseNumber($0, line: Int(lineStart[i]), keyEnd: Int(keyEnd[i]), end: Int(lineEnd[i]), column: column)
        }
    }
}
