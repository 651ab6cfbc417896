/// When a holiday falls in a given year: one date rule of `Models/time/holidays.tsv`.
public enum HolidayRule: Sendable, Hashable {
    /// The same day every year ("12-25").
    case fixed(month: Int, day: Int)
    /// Days from Western Easter Sunday ("easter-2": Good Friday).
    case easter(offset: Int)
    /// The `n`th `weekday` (ISO, Monday 1) of `month`, shifted by `offset` days
    /// ("11-4thu": US Thanksgiving; "11-4thu+1": the day after).
    case nthWeekday(month: Int, n: Int, weekday: Int, offset: Int)
    /// The last `weekday` of `month`, shifted by `offset` days ("05-lastmon").
    case lastWeekday(month: Int, weekday: Int, offset: Int)
    /// Dates no rule describes (lunar calendars), one a year.
    case dates([CalendarDate])

    /// Parses a rule of the file's grammar (see Models/SOURCES.md); nil for `-` or a
    /// malformed rule.
    init?(_ text: String) {
        if text.hasPrefix("dates:") {
            let dates = text.dropFirst(6).split(separator: ",").compactMap { CalendarDate(iso: String($0)) }
            guard !dates.isEmpty else { return nil }
            self = .dates(dates.sorted())
            return
        }
        if text.hasPrefix("easter") {
            let rest = text.dropFirst(6)
            guard let offset = rest.isEmpty ? 0 : Int(rest) else { return nil }
            self = .easter(offset: offset)
            return
        }
        let parts = text.split(separator: "-", maxSplits: 1)
        guard parts.count == 2, let month = Int(parts[0]), (1...12).contains(month) else { return nil }
        var rest = Substring(parts[1])
        if let day = Int(rest) {
            self = .fixed(month: month, day: day)
            return
        }
        // "<n><dow>[+-N]" or "last<dow>[+-N]"
        var offset = 0
        if let sign = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            guard let o = Int(rest[sign...]) else { return nil }
            offset = o
            rest = rest[..<sign]
        }
        let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        guard rest.count >= 4, let weekday = names.firstIndex(of: String(rest.suffix(3))) else { return nil }
        let which = rest.dropLast(3)
        if which == "last" {
            self = .lastWeekday(month: month, weekday: weekday + 1, offset: offset)
        } else if let n = Int(which), (1...5).contains(n) {
            self = .nthWeekday(month: month, n: n, weekday: weekday + 1, offset: offset)
        } else {
            return nil
        }
    }

    /// The holiday's date in `year`, or nil when the rule gives none that year.
    func date(in year: Int) -> CalendarDate? {
        switch self {
        case .fixed(let month, let day):
            return CalendarDate(year: year, month: month, day: day)
        case .easter(let offset):
            return Self.easterSunday(year).adding(days: offset)
        case .nthWeekday(let month, let n, let weekday, let offset):
            guard let first = CalendarDate(year: year, month: month, day: 1) else { return nil }
            let shift = ((weekday - first.weekday) % 7 + 7) % 7
            return first.adding(days: shift + 7 * (n - 1) + offset)
        case .lastWeekday(let month, let weekday, let offset):
            guard let last = CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year)) else { return nil }
            let back = ((last.weekday - weekday) % 7 + 7) % 7
            return last.adding(days: -back + offset)
        case .dates(let dates):
            return dates.first { $0.year == year }
        }
    }

    /// Western Easter Sunday (the anonymous Gregorian algorithm).
    static func easterSunday(_ year: Int) -> CalendarDate {
        let a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDate(year: year, month: month, day: day)!
    }
}

/// The holidays of `Models/time/holidays.tsv` by name, each with its date rules and the
/// countries that keep each rule. Names are matched token by token on a normal form
/// that ignores case, apostrophes, one final "s" and British -our ("Father's Day",
/// "fathers day", "Presidents' Day", "Labour Day"), skipping the dots and hyphens between words ("St. Patrick's").
struct HolidayCalendar: Sendable {
    struct Entry: Sendable {
        var rule: HolidayRule?
        /// ISO country codes; empty for "everywhere else" (`-`).
        var countries: [String]
    }

    struct Name: Sendable {
        var entries: [Entry]
        /// A one-word name that is also a common lower-case word ("Lent", "Advent")
        /// counts only capitalised.
        var needsCapital: Bool
    }

    /// The names, by the trie node their last word ends on.
    private(set) var names: [Name] = []
    /// For each trie node, its name (an index into `names`) or -1.
    private var nodeName: [Int32] = [-1]
    /// Trie edges: (node << 16 | word id) → child node. The root is node 0.
    private var edges: [UInt64: Int32] = [:]
    /// The root's children by word id (-1: none): every try of a name starts there, and
    /// most stop after its first word ("new", "good"), so that step reads an array
    /// instead of hashing into `edges`.
    private var rootChildren: [Int32] = []
    /// Each word of a name by the per-token keys it may be written with ("father",
    /// "fathers", "father's"; "labour", "labor"), to its word id (from 1).
    private(set) var wordIDs: [WordKey: UInt16] = [:]
    /// The word ids that can begin a name.
    private(set) var firstWordIDs: Set<UInt16> = []

    init() {}

    /// Reads `time/holidays` (key, form, rule, countries); `common-words` tells which
    /// one-word names need a capital.
    init(lexicon: Lexicon) throws(VerbatimError) {
        let table = try lexicon.table("time/holidays")
        let common = try lexicon.table("common-words")
        var idsByNormal: [WordKey: UInt16] = [:]
        var nameByWords: [[UInt16]: Int] = [:]
        for e in 0..<table.count {
            let key = table.key(e)
            let words = key.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "." }).map { Array($0.utf8) }
                .filter { !$0.allSatisfy { $0 == UInt8(ascii: "'") } }
            var path: [UInt16] = []
            for w in words {
                guard let normal = Self.normalKey(w[...]) else { break }
                let id: UInt16
                if let known = idsByNormal[normal] {
                    id = known
                } else {
                    id = UInt16(idsByNormal.count + 1)
                    idsByNormal[normal] = id
                }
                for variant in Self.spellings(w) { if let k = WordKey(variant[...]) { wordIDs[k] = id } }
                path.append(id)
            }
            guard path.count == words.count, !path.isEmpty else { continue }  // not ASCII: no token matches it
            let rule = table.field(e, 2).flatMap { HolidayRule($0) }
            let countries = (table.field(e, 3) ?? "-").split(separator: ",").map(String.init).filter { $0 != "-" }
            let entry = Entry(rule: rule, countries: countries)
            if let n = nameByWords[path] {
                names[n].entries.append(entry)
                continue
            }
            var node: Int32 = 0
            for id in path {
                let edge = UInt64(node) << 16 | UInt64(id)
                if let child = edges[edge] {
                    node = child
                } else {
                    let child = Int32(nodeName.count)
                    nodeName.append(-1)
                    edges[edge] = child
                    node = child
                }
            }
            nameByWords[path] = names.count
            nodeName[Int(node)] = Int32(names.count)
            names.append(Name(entries: [entry], needsCapital: words.count == 1 && common.contains(key: key)))
            firstWordIDs.insert(path[0])
        }
        rootChildren = [Int32](repeating: -1, count: idsByNormal.count + 1)
        for (edge, child) in edges where edge >> 16 == 0 { rootChildren[Int(edge & 0xFFFF)] = child }
    }

    /// The child of `node` by word `id`, or nil.
    @inline(__always)
    func child(_ node: Int32, _ id: UInt16) -> Int32? {
        if node == 0 {
            let child = Int(id) < rootChildren.count ? rootChildren[Int(id)] : -1
            return child < 0 ? nil : child
        }
        return edges[UInt64(node) << 16 | UInt64(id)]
    }

    /// The name ending at `node`, if any.
    @inline(__always)
    func name(at node: Int32) -> Name? {
        let n = nodeName[Int(node)]
        return n < 0 ? nil : names[Int(n)]
    }

    /// The per-token keys a name word may be written with: without apostrophes, with
    /// and without a plural or possessive "s", in British and American spelling.
    static func spellings(_ word: [UInt8]) -> [[UInt8]] {
        var base = word.filter { $0 != UInt8(ascii: "'") }.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        if base.count > 2, base.last == UInt8(ascii: "s") { base.removeLast() }
        var stems = [base]
        let our: [UInt8] = Array("our".utf8), or: [UInt8] = Array("or".utf8)
        if base.count > 4, base.suffix(3) == our[...] { stems.append(base.dropLast(3) + or) }
        if base.count > 3, base.suffix(2) == or[...], base.suffix(3) != our[...] { stems.append(base.dropLast(2) + our) }
        var out: [[UInt8]] = []
        for stem in stems {
            out += [stem, stem + [UInt8(ascii: "s")], stem + [UInt8(ascii: "'")], stem + Array("s'".utf8)]
        }
        return out
    }

    /// A word's normal form: lower case, apostrophes (’ too) dropped, one final "s" dropped.
    static func normalKey(_ bytes: ArraySlice<UInt8>) -> WordKey? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == UInt8(ascii: "'") { i += 1; continue }
            if b == 0xE2, i + 2 < bytes.endIndex, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 { i += 3; continue }
            guard b < 0x80 else { return nil }
            out.append(b >= 65 && b <= 90 ? b + 32 : b)
            i += 1
        }
        if out.count > 2, out.last == UInt8(ascii: "s") { out.removeLast() }
        // British and American spellings are one name: "Labour Day", "Labor Day".
        if out.count > 4, out.suffix(3) == [UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "r")] { out.remove(at: out.count - 2) }
        guard !out.isEmpty else { return nil }
        return WordKey(out[...])
    }

    /// The rule a country keeps for a name: its own, else the one for everywhere else,
    /// else the one the United States keeps (the default for news), else the first.
    static func rule(_ name: Name, country: String?) -> HolidayRule? {
        if let country, let own = name.entries.first(where: { $0.countries.contains(country) }) { return own.rule }
        if let general = name.entries.first(where: { $0.countries.isEmpty }) { return general.rule }
        if let us = name.entries.first(where: { $0.countries.contains("US") }) { return us.rule }
        return name.entries.first?.rule
    }
}
