/// A lower-cased ASCII word of up to 16 bytes packed into two integers, so the time
/// recognizer can look tokens up without making a String per token. The typographic
/// apostrophe (U+2019) folds to "'".
public struct WordKey: Hashable, Sendable {
    var a: UInt64
    var b: UInt64

    /// The key of `bytes`, or nil when they are longer than 16 bytes or not ASCII.
    init?(_ bytes: ArraySlice<UInt8>) {
        guard let key = bytes.withUnsafeBufferPointer({ WordKey($0, 0, $0.count) }) else { return nil }
        self = key
    }

    /// The key of `bytes[start..<end]` (the per-token path: no slice, no bounds checks
    /// beyond the buffer's).
    @inline(__always)
    init?(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        // Most tokens are short ASCII words away from the end of the text: two 8-byte
        // loads lower-cased eight bytes at a time, instead of a loop with a branch per byte.
        let n = end - start
        if n >= 0, n <= 16, start >= 0, start + 16 <= bytes.count, let base = bytes.baseAddress {
            let a = ASCIIWord.load(base + start) & ASCIIWord.lowBytes(n)
            let b = n > 8 ? ASCIIWord.load(base + start + 8) & ASCIIWord.lowBytes(n - 8) : 0
            if (a | b) & ASCIIWord.high == 0 {
                self.init(packed: ASCIIWord.lowercased(a), ASCIIWord.lowercased(b))
                return
            }
        }
        self.init(byteByByte: bytes, start, end)
    }

    /// The key of `folded[start..<end]`, bytes that are lower-case ASCII already (a
    /// plain token's in the ``LexicalPass``), or nil when they are longer than 16
    /// bytes: the same key as ``init(_:_:_:)`` of the token's text, without folding again.
    @inline(__always)
    init?(lowerCaseASCII folded: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        let n = end - start
        guard n <= 16 else { return nil }
        if n >= 0, start >= 0, start + 16 <= folded.count, let base = folded.baseAddress {
            let a = ASCIIWord.load(base + start) & ASCIIWord.lowBytes(n)
            let b = n > 8 ? ASCIIWord.load(base + start + 8) & ASCIIWord.lowBytes(n - 8) : 0
            self.init(packed: a, b)
            return
        }
        // The last tokens of the pass, where sixteen bytes cannot be read.
        self.init(byteByByte: folded, start, end)
    }

    /// The general path: non-ASCII bytes (the typographic apostrophe folds, anything
    /// else has no key), tokens near the end of the text, and long ones.
    init?(byteByByte bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        guard end - start <= 48 else { return nil }
        var a: UInt64 = 0
        var b: UInt64 = 0
        var n: UInt64 = 0
        var i = start
        while i < end {
            var byte = bytes[i]
            if byte >= 0x80 {
                // ’ (E2 80 99) folds to an ASCII apostrophe; other non-ASCII: no key.
                guard byte == 0xE2, i + 2 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 else { return nil }
                byte = UInt8(ascii: "'")
                i += 2
            } else if byte >= 65, byte <= 90 {
                byte += 32
            }
            if n < 8 {
                a |= UInt64(byte) << (8 * n)
            } else if n < 16 {
                b |= UInt64(byte) << (8 * (n - 8))
            } else {
                return nil
            }
            n += 1
            i += 1
        }
        self.a = a
        self.b = b
    }

    /// A key from its packed bytes (the constants in `K`, so that testing a token
    /// against a function word costs one comparison).
    @inline(__always)
    init(packed a: UInt64, _ b: UInt64) {
        self.a = a
        self.b = b
    }

    /// No key: the all-zero key, which no token has (a token has at least one byte, and
    /// a NUL byte is no word).
    static let none = WordKey(packed: 0, 0)

    /// The key's bytes: the lower-cased word it was made of.
    var bytes: [UInt8] {
        var out: [UInt8] = []
        for word in [a, b] {
            var w = word
            while w != 0 {
                out.append(UInt8(truncatingIfNeeded: w))
                w >>= 8
            }
        }
        return out
    }

    init(_ string: StaticString) {
        let bytes = Array(UnsafeBufferPointer(start: string.utf8Start, count: string.utf8CodeUnitCount))
        self = WordKey(bytes[...])!
    }
}

/// The closed-class words time expressions are built from (`Models/time/words.tsv`,
/// one class a word; the class names are in ``TimeLexicon/wordClasses``).
public enum TimeWord: Sendable, Hashable {
    /// A month name or abbreviation (1…12); `abbreviated` for "Aug", "Sept".
    case month(Int, abbreviated: Bool)
    /// A weekday name (ISO 1 = Monday); `plural` for "Mondays".
    case weekday(Int, plural: Bool)
    /// A weekday abbreviation ("Fri", "Tues"): a weekday only before a date.
    case weekdayAbbreviation(Int)
    /// A cardinal number word ("five", "twenty").
    case number(Int)
    /// An ordinal word ("third") or a digit ordinal token ("14th").
    case ordinal(Int)
    /// A calendar unit ("minute", "years").
    case unit(TimeUnit, plural: Bool)
    /// A part of the day ("afternoon" -> `.afternoon`, TIMEX3 "AF").
    case partOfDay(DayPart)
    /// A season ("summer" -> `.summer`, TIMEX3 "SU").
    case season(Season)
    /// today 0, yesterday -1, tomorrow +1.
    case relativeDay(Int)
    /// A frequency adverb: daily, weekly…
    case frequency(TimeUnit)
    /// noon (12) and midnight (24).
    case clockWord(Int)
    /// am / a.m. (false), pm / p.m. (true).
    case meridiem(pm: Bool)
    /// A time zone abbreviation (EST, GMT…), kept inside a clock time's span.
    case zone
    /// A quantity word with no exact value ("several", "few", "many"); "a couple" counts 2.
    case vagueNumber(afterArticle: Int?)
    /// A decade named in words ("the nineties"): its TIMEX3 value, the first three digits.
    case decade(Int)
}

/// A part of the day, by its TIMEX3 code. The time words carry this rather than the
/// code as a String so that ``TimeWord`` is a plain value: the recognizer's per-token
/// word array is then filled, copied and freed without reference counting.
public enum DayPart: String, Sendable, Hashable {
    case morning = "MO", afternoon = "AF", evening = "EV", night = "NI"

    /// The TIMEX3 code ("AF").
    public var code: String { rawValue }
}

/// A season, by its TIMEX3 code (a plain value for the same reason as ``DayPart``).
public enum Season: String, Sendable, Hashable {
    case spring = "SP", summer = "SU", fall = "FA", winter = "WI"

    /// The TIMEX3 code ("SU").
    public var code: String { rawValue }
}

/// What the lexicon knows about one word.
struct TimeLexiconEntry: Sendable {
    /// The word's class, when it is a time word.
    var word: TimeWord?
    /// The roles it plays in the rules (`time/grammar.tsv`).
    var roles = RoleSet.empty
    /// Whether an expression can begin with it: every time word, and the function words
    /// of the roles the rules test at a start token (``TimeScanner/startRoles``).
    var starter = false
    /// Whether `TimeScanner.core`'s function-word rules test for it
    /// (``TimeScanner/coreRoles``): for the other starters ("the", months, numbers)
    /// those rules cannot match, and "the" alone starts a fifth of all tries.
    var ruleWord = false
    /// Its word id in the holiday names of `time/holidays.tsv` (0: none).
    var holidayWord: UInt16 = 0
    /// Whether a holiday name can begin with it.
    var holidayStart = false
}

/// An open-addressing hash table from ``WordKey`` to ``TimeLexiconEntry``: a
/// multiply-shift hash instead of the standard library's seeded SipHash, which
/// dominated the stage's profile. An empty slot holds ``WordKey/none``, which no token
/// has, so a probe reads one array until it meets its key or an empty slot. The entries
/// are numbered (``entries``, id 0 the empty entry of a word outside the table), so that
/// a token's entry costs the recognizer two bytes instead of a copy of its fields.
struct WordTable: Sendable {
    private var keys: [WordKey]
    private var ids: [UInt16]
    /// The entries by id; id 0 is the empty entry.
    let entries: [TimeLexiconEntry]
    /// Each entry's starter, rule-word and holiday-start flags by id: the token pass reads
    /// this byte a word instead of the entry's forty (perf: loading entries stalled it).
    let flags: [TimeScanner.Flags]
    private let mask: Int

    init(_ items: [WordKey: TimeLexiconEntry]) {
        // At most half the slots used: the keys a document's tokens probe stay in fewer
        // cache lines than at a quarter, and linear probing stays short.
        var capacity = 16
        while capacity < items.count * 2 { capacity <<= 1 }
        mask = capacity - 1
        keys = Array(repeating: WordKey.none, count: capacity)
        ids = Array(repeating: 0, count: capacity)
        var entries = [TimeLexiconEntry()]
        precondition(items.count < Int(UInt16.max), "the time lexicon has too many words for two-byte ids")
        for (k, e) in items where k != .none {
            var slot = Self.hash(k) & mask
            while keys[slot] != .none { slot = (slot + 1) & mask }
            keys[slot] = k
            ids[slot] = UInt16(entries.count)
            entries.append(e)
        }
        self.entries = entries
        flags = entries.map { e in
            var f: TimeScanner.Flags = []
            if e.starter { f.insert(.starter) }
            if e.ruleWord { f.insert(.ruleWord) }
            if e.holidayStart { f.insert(.holidayStart) }
            return f
        }
    }

    /// Every key in the table.
    var allKeys: [WordKey] { keys.filter { $0 != .none } }

    /// Every key in the table with its entry's id.
    var allEntries: [(key: WordKey, id: UInt16)] {
        zip(keys, ids).filter { $0.0 != .none }.map { (key: $0.0, id: $0.1) }
    }

    @inline(__always)
    static func hash(_ k: WordKey) -> Int {
        let h = FibonacciHash.mix(k.a) ^ (k.b &* 0xC2B2_AE3D_27D4_EB4F)
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// The id of `k`'s entry, or 0 when it has none.
    @inline(__always)
    func id(_ k: WordKey) -> UInt16 {
        var slot = Self.hash(k) & mask
        while true {
            let key = keys[slot]
            if key == k, k != .none { return ids[slot] }
            if key == .none { return 0 }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    func lookup(_ k: WordKey) -> TimeLexiconEntry? {
        let id = id(k)
        return id == 0 ? nil : entries[Int(id)]
    }
}

/// The word table of the time recognizer, built once from the models: the time words
/// of `time/words.tsv` by class and value, and the function words of
/// `time/grammar.tsv` by role, merged into one entry per key so that a token costs one
/// probe.
public struct TimeLexicon: Sendable {
    let table: WordTable
    /// Which folded-token hashes may be keys of `table` (4 KB: the table is ~100 KB,
    /// and most tokens of news are no time word).
    let filter: HashBitFilter
    /// The holidays of `time/holidays.tsv`.
    let holidays: HolidayCalendar

    /// The classes of `time/words.tsv` (column 3); column 4 holds the value.
    static let wordClasses = [
        "month", "month-abbreviation", "weekday", "weekday-plural", "weekday-abbreviation", "number", "ordinal", "unit", "unit-plural",
        "part-of-day", "season", "relative-day", "frequency", "clock-word", "meridiem", "zone", "vague-number",
        "decade-name",
    ]

    /// Reads `time/words`, `time/grammar` and `time/holidays` from `lexicon`.
    /// - Throws: ``VerbatimError/model(path:reason:)`` for a missing file, a class or
    ///   role no entry has, an unknown class or role, a bad value, a word in two
    ///   classes, or a word the per-token key cannot hold (over 16 bytes, not ASCII).
    public init(lexicon: Lexicon) throws(VerbatimError) {
        var items: [WordKey: TimeLexiconEntry] = [:]
        let words = try lexicon.table("time/words")
        try lexicon.understand("time/words", classColumn: 2, classes: Self.wordClasses)
        for e in 0..<words.count {
            let key = try Self.key(words, e)
            guard let word = Self.word(class: words.field(e, 2) ?? "", value: words.field(e, 3) ?? "") else {
                throw VerbatimError.model(path: words.path, reason: "\"\(words.form(e))\": unknown class or bad value \"\(words.field(e, 2) ?? "")\t\(words.field(e, 3) ?? "")\"")
            }
            if let other = items[key]?.word, other != word {
                throw VerbatimError.model(path: words.path, reason: "\"\(words.form(e))\" is in two classes: a time word has one")
            }
            items[key] = TimeLexiconEntry(word: word)
        }
        let grammar = try lexicon.table("time/grammar")
        let roles = Dictionary(uniqueKeysWithValues: TimeRole.allCases.map { ($0.name, $0) })
        try lexicon.understand("time/grammar", classColumn: 2, classes: TimeRole.allCases.map(\.name))
        for e in 0..<grammar.count {
            let key = try Self.key(grammar, e)
            guard let role = roles[grammar.field(e, 2) ?? ""] else {
                throw VerbatimError.model(path: grammar.path, reason: "\"\(grammar.form(e))\": no rule reads the role \"\(grammar.field(e, 2) ?? "")\"")
            }
            items[key, default: TimeLexiconEntry()].roles.insert(role)
        }
        let holidays = try HolidayCalendar(lexicon: lexicon)
        for (k, id) in holidays.wordIDs {
            items[k, default: TimeLexiconEntry()].holidayWord = id
            if holidays.firstWordIDs.contains(id) { items[k]!.holidayStart = true }
        }
        self.holidays = holidays
        for (k, var entry) in items {
            entry.starter = entry.word != nil || entry.holidayStart || entry.roles.intersects(TimeScanner.startRoles)
            entry.ruleWord = entry.roles.intersects(TimeScanner.coreRoles)
            items[k] = entry
        }
        self.table = WordTable(items)
        var filter = HashBitFilter(bits: 1 << 15)
        for key in items.keys { filter.insert(hash: key.bytes.withUnsafeBufferPointer { FNV1a.hash($0) }) }
        self.filter = filter
    }

    /// The per-token key of entry `e`'s key column.
    private static func key(_ table: LexiconTable, _ e: Int) throws(VerbatimError) -> WordKey {
        guard let key = WordKey(Array(table.key(e).utf8)[...]) else {
            throw VerbatimError.model(path: table.path, reason: "\"\(table.form(e))\": a time word is one ASCII token of at most 16 bytes")
        }
        return key
    }

    /// The time word of a class and value, or nil when they make none.
    static func word(class name: String, value: String) -> TimeWord? {
        let number = Int(value)
        switch name {
        case "month", "month-abbreviation":
            guard let n = number, (1...12).contains(n) else { return nil }
            return .month(n, abbreviated: name == "month-abbreviation")
        case "weekday", "weekday-plural":
            guard let n = number, (1...7).contains(n) else { return nil }
            return .weekday(n, plural: name == "weekday-plural")
        case "weekday-abbreviation":
            guard let n = number, (1...7).contains(n) else { return nil }
            return .weekdayAbbreviation(n)
        case "number": return number.map { .number($0) }
        case "ordinal": return number.map { .ordinal($0) }
        case "unit", "unit-plural": return TimeUnit(name: value).map { .unit($0, plural: name == "unit-plural") }
        case "frequency": return TimeUnit(name: value).map { .frequency($0) }
        case "part-of-day": return DayPart(rawValue: value).map { .partOfDay($0) }
        case "season": return Season(rawValue: value).map { .season($0) }
        case "relative-day": return number.map { .relativeDay($0) }
        case "clock-word": return number.map { .clockWord($0) }
        case "meridiem": return value == "am" || value == "pm" ? .meridiem(pm: value == "pm") : nil
        case "zone": return .zone
        case "vague-number": return value == "-" ? .vagueNumber(afterArticle: nil) : number.map { .vagueNumber(afterArticle: $0) }
        case "decade-name": return number.map { .decade($0) }
        default: return nil
        }
    }

    func word(_ key: WordKey) -> TimeWord? { table.lookup(key)?.word }

    @inline(__always)
    func entry(_ key: WordKey) -> TimeLexiconEntry? { table.lookup(key) }
}
