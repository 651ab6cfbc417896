/// A read-only view of one sentence's tokens for the time rules: the token keys and
/// time words looked up once per document, and small helpers over them.
struct TimeScanner {
    let bytes: [UInt8]
    let tokens: [Token]
    /// The roles of each token's word in the rules (`time/grammar.tsv`); empty for
    /// tokens outside the lexicon.
    let roles: TimeTokens.Roles
    let words: TimeTokens.Words
    let flags: [Flags]
    /// Each token's value when it is only ASCII digits, else -1 (``TimeTokens/Found/numbers``).
    let numbers: [Int32]

    /// What the recognizer found out about one token, in one byte.
    struct Flags: OptionSet {
        let rawValue: UInt8
        /// A possessive ending ("Friday's"): the key is that of the stem.
        static let possessive = Flags(rawValue: 1)
        /// An expression can begin with it: its key is in the lexicon (a time word or a
        /// starter such as "the", "last", "now"), or it begins with a digit.
        static let starter = Flags(rawValue: 2)
        /// `core`'s function-word rules test for its roles (``TimeScanner/coreRoles``).
        static let ruleWord = Flags(rawValue: 4)
        /// A holiday name can begin here (``HolidayCalendar/firstWordIDs``).
        static let holidayStart = Flags(rawValue: 8)
    }

    /// The holidays, and the country whose dates they take (the record's locale).
    let holidays: HolidayCalendar
    /// Each token's word id in the holiday names (0: none).
    let holidayWords: TimeTokens.HolidayWords
    /// The word table, for words inside a token ("14april").
    let lexicon: TimeLexicon
    var country: String?
    /// How the record writes numeric dates.
    var dateOrder: DateOrder = .monthFirst

    /// Runs every rule without the cheap guards that rule some out (the general path
    /// the guards are tested against: ``TimeRecognizer/candidates(_:_:pass:skipsNonRuleWords:)``).
    var triesEveryRule = false

    /// First token of the sentence being scanned.
    var sentenceStart: Int = 0
    /// One past the last token of the sentence being scanned.
    var limit: Int = 0

    @inline(__always) func inRange(_ i: Int) -> Bool { i >= sentenceStart && i < limit }

    /// Whether token `i` (in the sentence) plays `role`.
    @inline(__always) func has(_ i: Int, _ role: TimeRole) -> Bool { inRange(i) && roles[i].contains(role) }

    @inline(__always) func isPossessive(_ i: Int) -> Bool { flags[i].contains(.possessive) }

    @inline(__always) func word(_ i: Int) -> TimeWord? { inRange(i) ? words[i] : nil }

    /// The token is the single ASCII character `c`.
    /// (A scalar, not a Character: Character.asciiValue costs a grapheme walk per call.)
    @inline(__always) func isChar(_ i: Int, _ c: Unicode.Scalar) -> Bool {
        guard inRange(i) else { return false }
        let t = tokens[i]
        return t.end - t.start == 1 && c.isASCII && bytes[Int(t.start)] == UInt8(c.value)
    }

    /// No whitespace between token `i - 1` and token `i`.
    @inline(__always) func glued(_ i: Int) -> Bool {
        inRange(i) && !tokens[i].flags.contains(.spaceBefore)
    }

    /// Token `i` (in the sentence) has a lexicon entry or begins with a digit: what a
    /// count or rate after "a" needs next.
    @inline(__always) func mayFollowArticle(_ i: Int) -> Bool {
        guard inRange(i) else { return false }
        if roles.ids[i] != 0 { return true }
        let b = bytes[Int(tokens[i].start)]
        return b >= 0x30 && b <= 0x39
    }

    @inline(__always) func isCapitalized(_ i: Int) -> Bool { inRange(i) && tokens[i].isCapitalized }

    /// The value and digit count of a token made only of ASCII digits.
    /// Read from ``numbers``, parsed once per document: the rules ask it of the same
    /// token many times.
    @inline(__always) func digits(_ i: Int) -> (value: Int, count: Int)? {
        guard inRange(i) else { return nil }
        let value = numbers[i]
        guard value >= 0 else { return nil }
        let t = tokens[i]
        return (Int(value), Int(t.end - t.start))
    }

    /// A day of the month: "14", "14th", "fourteenth" (1…31).
    func dayOfMonth(_ i: Int) -> Int? {
        if let d = digits(i), d.count <= 2, (1...31).contains(d.value) { return d.value }
        if case .ordinal(let n)? = word(i), (1...31).contains(n) { return n }
        return digitOrdinal(i).flatMap { (1...31).contains($0) ? $0 : nil }
    }

    /// An ordinal: "third", "14th", and "second" (which the lexicon files as a unit).
    func ordinalAt(_ i: Int) -> Int? {
        if case .ordinal(let n)? = word(i) { return n }
        if case .unit(.second, false)? = word(i) { return 2 }
        return digitOrdinal(i)
    }

    /// "14th", "1st", "22nd", "3rd".
    func digitOrdinal(_ i: Int) -> Int? {
        guard inRange(i) else { return nil }
        let t = tokens[i]
        var value = 0
        var p = Int(t.start)
        let end = Int(t.end)
        var count = 0
        // At most five digits are read: a longer run is no ordinal, and cannot overflow.
        while p < end, bytes[p] >= 48, bytes[p] <= 57, count <= 4 {
            value = value * 10 + Int(bytes[p] - 48)
            p += 1
            count += 1
        }
        guard count >= 1, count <= 4, end - p == 2 else { return nil }
        let s0 = bytes[p] | 0x20, s1 = bytes[p + 1] | 0x20
        switch (s0, s1) {
        case (UInt8(ascii: "s"), UInt8(ascii: "t")), (UInt8(ascii: "n"), UInt8(ascii: "d")),
             (UInt8(ascii: "r"), UInt8(ascii: "d")), (UInt8(ascii: "t"), UInt8(ascii: "h")):
            return value
        default:
            return nil
        }
    }

    /// A year written in digits or in words ("1994", "nineteen ninety-four",
    /// "two thousand"); returns the year and the token after it.
    func yearAt(_ i: Int) -> (year: Int, end: Int)? {
        if let y = yearNumber(i) { return (y, i + 1) }
        guard case .number(let century)? = word(i) else { return nil }
        if century == 2, case .number(1000)? = word(i + 1) {
            return (2000, i + 2)
        }
        guard (11...20).contains(century), case .number(let tens)? = word(i + 1), tens >= 10, tens < 100 else { return nil }
        var year = century * 100 + tens
        var end = i + 2
        if tens >= 20, tens % 10 == 0 {
            if isChar(end, "-"), glued(end), case .number(let u)? = word(end + 1), u < 10 {
                year += u
                end += 2
            } else if case .number(let u)? = word(end), u < 10 {
                year += u
                end += 1
            }
        }
        return (year, end)
    }

    /// A plausible year: four digits, 1000…2099.
    func yearNumber(_ i: Int) -> Int? {
        guard let d = digits(i), d.count == 4, (1000...2099).contains(d.value) else { return nil }
        return d.value
    }

    /// A decade token such as "1990s" or "90s" (returns the decade's first year or two digits).
    func decadeToken(_ i: Int) -> (value: Int, digits: Int)? {
        guard inRange(i) else { return nil }
        let t = tokens[i]
        let end = Int(t.end)
        guard end - Int(t.start) >= 3, end - Int(t.start) <= 5, bytes[end - 1] | 0x20 == UInt8(ascii: "s") else { return nil }
        var value = 0
        var count = 0
        for p in Int(t.start)..<(end - 1) {
            let b = bytes[p]
            guard b >= 48, b <= 57 else { return nil }
            value = value * 10 + Int(b - 48)
            count += 1
        }
        guard (count == 4 || count == 2), value % 10 == 0 else { return nil }
        return (value, count)
    }

    /// A clock time written as one token: "7.40am", "6am", "10pm", "1.25a.m.".
    func clockToken(_ i: Int) -> (hour: Int, minute: Int)? {
        guard inRange(i) else { return nil }
        let t = tokens[i]
        var p = Int(t.start)
        let end = Int(t.end)
        var hour = 0
        var n = 0
        while p < end, bytes[p] >= 48, bytes[p] <= 57, n < 2 {
            hour = hour * 10 + Int(bytes[p] - 48)
            p += 1
            n += 1
        }
        guard n >= 1 else { return nil }
        var minute = 0
        if p < end, bytes[p] == UInt8(ascii: ".") || bytes[p] == UInt8(ascii: ":") {
            guard p + 2 < end, bytes[p + 1] >= 48, bytes[p + 1] <= 57, bytes[p + 2] >= 48, bytes[p + 2] <= 57 else { return nil }
            minute = Int(bytes[p + 1] - 48) * 10 + Int(bytes[p + 2] - 48)
            p += 3
        }
        guard let pm = meridiemSuffix(p, end) else { return nil }
        return Self.clock(hour: hour, minute: minute, pm: pm)
    }

    /// Whether the bytes from `start` to `end`, dots aside, are "am" (false) or "pm"
    /// (true) in any case; nil for anything else. Two locals, not an array of the
    /// letters: it is asked of every digit token, and the array was a malloc each time.
    private func meridiemSuffix(_ start: Int, _ end: Int) -> Bool? {
        var first: UInt8 = 0
        var second: UInt8 = 0
        var count = 0
        var p = start
        while p < end {
            let b = bytes[p] | 0x20
            if b != UInt8(ascii: ".") {
                if count == 0 { first = b } else if count == 1 { second = b }
                count += 1
            }
            p += 1
        }
        guard count == 2, second == UInt8(ascii: "m") else { return nil }
        if first == UInt8(ascii: "a") { return false }
        if first == UInt8(ascii: "p") { return true }
        return nil
    }

    /// A 12-hour clock reading in 24-hour form, or nil when impossible.
    static func clock(hour: Int, minute: Int, pm: Bool?) -> (hour: Int, minute: Int)? {
        guard minute < 60 else { return nil }
        guard let pm else { return hour <= 24 ? (hour, minute) : nil }
        guard (1...12).contains(hour) else { return nil }
        if pm { return (hour == 12 ? 12 : hour + 12, minute) }
        return (hour == 12 ? 0 : hour, minute)
    }
}
