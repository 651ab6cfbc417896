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

    init(_ string: StaticString) {
        let bytes = Array(UnsafeBufferPointer(start: string.utf8Start, count: string.utf8CodeUnitCount))
        self = WordKey(bytes[...])!
    }
}

/// The closed-class words time expressions are built from.
public enum TimeWord: Sendable, Hashable {
    /// A month name or abbreviation (1…12); `abbreviated` for "Aug", "Sept".
    case month(Int, abbreviated: Bool)
    /// A weekday name (ISO 1 = Monday); `plural` for "Mondays".
    case weekday(Int, plural: Bool)
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
    /// A quantity word with no exact value ("several", "few", "many").
    case vagueNumber
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
    /// Whether an expression can begin with it (every time word, and some function words).
    var starter: Bool
    /// Whether `TimeScanner.core`'s function-word rules test for it ("last", "now",
    /// "Christmas"…): for the other starters ("the", months, numbers) those rules cannot
    /// match, and "the" alone starts a fifth of all tries.
    var ruleWord = false
}

/// An open-addressing hash table from ``WordKey`` to ``TimeLexiconEntry``, looked up
/// once per token: a multiply-shift hash instead of the standard library's seeded
/// SipHash, which dominated the stage's profile.
struct WordTable: Sendable {
    private var keys: [WordKey]
    private var entries: [TimeLexiconEntry]
    private var used: [Bool]
    private let mask: Int

    init(_ items: [WordKey: TimeLexiconEntry]) {
        var capacity = 16
        while capacity < items.count * 4 { capacity <<= 1 }
        mask = capacity - 1
        keys = Array(repeating: WordKey(packed: 0, 0), count: capacity)
        entries = Array(repeating: TimeLexiconEntry(word: nil, starter: false), count: capacity)
        used = Array(repeating: false, count: capacity)
        for (k, e) in items {
            var slot = Self.hash(k) & mask
            while used[slot] { slot = (slot + 1) & mask }
            used[slot] = true
            keys[slot] = k
            entries[slot] = e
        }
    }

    @inline(__always)
    static func hash(_ k: WordKey) -> Int {
        let h = (k.a &* 0x9E37_79B9_7F4A_7C15) ^ (k.b &* 0xC2B2_AE3D_27D4_EB4F)
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    @inline(__always)
    func lookup(_ k: WordKey) -> TimeLexiconEntry? {
        var slot = Self.hash(k) & mask
        while used[slot] {
            if keys[slot] == k { return entries[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }
}

/// The word table of the time recognizer, built once.
public struct TimeLexicon: Sendable {
    let table: WordTable

    public init() {
        var w: [WordKey: TimeWord] = [:]
        func add(_ forms: [String], _ word: TimeWord) {
            for f in forms { w[WordKey(Array(f.utf8)[...])!] = word }
        }
        let months = ["january", "february", "march", "april", "may", "june", "july", "august",
                      "september", "october", "november", "december"]
        let monthAbbreviations = [["jan"], ["feb"], ["mar"], ["apr"], [], ["jun"], ["jul"], ["aug"],
                                  ["sep", "sept"], ["oct"], ["nov"], ["dec"]]
        for (i, m) in months.enumerated() {
            add([m], .month(i + 1, abbreviated: false))
            add(monthAbbreviations[i], .month(i + 1, abbreviated: true))
        }
        let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        for (i, d) in weekdays.enumerated() {
            add([d], .weekday(i + 1, plural: false))
            add([d + "s"], .weekday(i + 1, plural: true))
        }
        let numbers = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                       "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                       "eighteen", "nineteen"]
        for (i, n) in numbers.enumerated() { add([n], .number(i + 1)) }
        let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        for (i, n) in tens.enumerated() { add([n], .number((i + 2) * 10)) }
        add(["hundred"], .number(100))
        add(["thousand"], .number(1000))
        add(["dozen"], .number(12))
        let ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                        "ninth", "tenth", "eleventh", "twelfth"]
        for (i, n) in ordinals.enumerated() { add([n], .ordinal(i + 1)) }
        add(["twentieth"], .ordinal(20))
        add(["twenty-first"], .ordinal(21))
        let units: [(String, String, TimeUnit)] = [
            ("second", "seconds", .second), ("minute", "minutes", .minute), ("hour", "hours", .hour),
            ("day", "days", .day), ("week", "weeks", .week), ("month", "months", .month),
            ("quarter", "quarters", .quarter), ("year", "years", .year), ("decade", "decades", .decade),
            ("century", "centuries", .century),
        ]
        for (singular, plural, unit) in units {
            add([singular], .unit(unit, plural: false))
            add([plural], .unit(unit, plural: true))
        }
        add(["min", "mins"], .unit(.minute, plural: true))
        add(["hr", "hrs"], .unit(.hour, plural: true))
        add(["yr", "yrs"], .unit(.year, plural: true))
        add(["morning", "mornings"], .partOfDay(.morning))
        add(["afternoon", "afternoons"], .partOfDay(.afternoon))
        add(["evening", "evenings"], .partOfDay(.evening))
        add(["night", "nights"], .partOfDay(.night))
        add(["spring"], .season(.spring))
        add(["summer"], .season(.summer))
        add(["autumn", "fall"], .season(.fall))
        add(["winter"], .season(.winter))
        add(["today"], .relativeDay(0))
        add(["yesterday"], .relativeDay(-1))
        add(["tomorrow"], .relativeDay(1))
        add(["hourly"], .frequency(.hour))
        add(["daily"], .frequency(.day))
        add(["weekly"], .frequency(.week))
        add(["monthly"], .frequency(.month))
        add(["quarterly"], .frequency(.quarter))
        add(["annually", "yearly", "annual"], .frequency(.year))
        add(["noon", "midday"], .clockWord(12))
        add(["midnight"], .clockWord(24))
        add(["am", "a.m."], .meridiem(pm: false))
        add(["pm", "p.m."], .meridiem(pm: true))
        add(["est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "bst", "utc", "cet", "cest"], .zone)
        add(["several", "few", "many", "some", "couple"], .vagueNumber)
        // Function words that can begin an expression; any other token without a time
        // word or a digit is skipped without running the rules.
        let starterWords = [
            "the", "a", "an", "early", "late", "mid", "earlier", "later", "around", "nearly",
            "roughly", "approximately", "more", "less", "no", "at", "up", "last", "past", "previous",
            "this", "current", "next", "coming", "following", "first", "latest", "recent", "most",
            "every", "each", "per", "fiscal", "tonight", "overnight", "weekend", "quarter", "half",
            "year", "now", "currently", "recently", "lately", "soon", "these", "nineties", "eighties",
            "seventies", "sixties", "fifties", "christmas", "new", "halloween", "thanksgiving",
            "near", "present", "future", "nowadays", "second", "'",
        ]
        var items: [WordKey: TimeLexiconEntry] = [:]
        for (k, word) in w { items[k] = TimeLexiconEntry(word: word, starter: true) }
        for f in starterWords {
            let k = WordKey(Array(f.utf8)[...])!
            items[k] = TimeLexiconEntry(word: w[k], starter: true)
        }
        for k in K.coreRuleWords { items[k]?.ruleWord = true }
        self.table = WordTable(items)
    }


    func word(_ key: WordKey) -> TimeWord? { table.lookup(key)?.word }

    func entry(_ key: WordKey) -> TimeLexiconEntry? { table.lookup(key) }
}
