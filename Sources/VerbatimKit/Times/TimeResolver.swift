/// Pins a recognised ``TimeValue`` to a reference date (the document's date or
/// dateline) and prints it as a TIMEX3 value.
///
/// Conventions (TimeML, as TimeBank annotates news):
/// - granularity follows the phrase: "last week" is a week (`2018-W32`), "last
///   month" a month (`2018-07`), "two years ago" a year (`2016`);
/// - "last Friday" said on a Friday is the previous week's Friday; a bare weekday is
///   the reference day itself when it matches, else the latest one before it (or the
///   next one in future context);
/// - a month or a day without a year takes the year that puts it nearest the reference;
/// - weeks are ISO 8601 weeks (Monday first; week 1 holds the year's first Thursday).
///
/// A value that needs a reference resolves to nil without one: leaving a value out is
/// better than guessing.
public struct TimeResolver: Sendable {
    public let reference: CalendarDate?
    /// The quarter the text last named ("the third quarter"), for comparisons such as
    /// "a year earlier" in quarterly results, which mean that quarter a year before.
    public var quarterAnchor: (year: Int, quarter: Int)?

    public init(reference: CalendarDate?) {
        self.reference = reference
    }

    /// The last date the text named, at the granularity it was named: the anchor of
    /// anaphoric expressions ("the following year").
    public var focus: (year: Int, month: Int?, day: Int?)?

    /// Remembers a resolved calendar value ("1995", "1989-10", "1989-10-27") as the focus.
    public mutating func noteDate(_ value: String) {
        let b = Array(value.utf8)
        func number(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= b.count else { return nil }
            var v = 0
            for c in b[r] {
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        guard let y = number(0..<4) else { return }
        if b.count == 4 {
            focus = (y, nil, nil)
        } else if b.count == 7, b[4] == UInt8(ascii: "-"), let m = number(5..<7) {
            focus = (y, m, nil)
        } else if b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), let m = number(5..<7), let d = number(8..<10) {
            focus = (y, m, d)
        }
    }

    /// Remembers an explicit quarter value ("1989-Q3") as the anchor for later comparisons.
    public mutating func noteQuarter(_ value: String) {
        let b = Array(value.utf8)
        guard b.count == 7, b[4] == UInt8(ascii: "-"), b[5] == UInt8(ascii: "Q"), let y = Int(String(value.prefix(4))),
              let q = Int(String(value.suffix(1))), (1...4).contains(q) else { return }
        quarterAnchor = (y, q)
    }

    /// The TIMEX3 value, or nil when it cannot be resolved.
    public func resolve(_ value: TimeValue) -> String? {
        switch value {
        case .fixed(let s):
            return s
        case .date(let year, let month, let day, let direction):
            return resolveDate(year: year, month: month, day: day, direction: direction)
        case .shift(let unit, let amount):
            guard let ref = reference else { return nil }
            return Self.shifted(ref, unit: unit, amount: amount)
        case .monthOfShiftedYear(let month, let years):
            guard let ref = reference else { return nil }
            return "\(Self.pad(ref.year + years, 4))-\(Self.pad(month, 2))"
        case .anaphoric(let unit, let amount):
            if let f = focus {
                switch unit {
                case .year:
                    return Self.pad(f.year + amount, 4)
                case .month:
                    if let m = f.month { return Self.shifted(CalendarDate(year: f.year, month: m, day: 1)!, unit: .month, amount: amount) }
                case .week, .day:
                    if let m = f.month, let d = f.day, let date = CalendarDate(year: f.year, month: m, day: d) {
                        return Self.shifted(date, unit: unit, amount: amount)
                    }
                default:
                    break
                }
            }
            guard let ref = reference else { return nil }
            return Self.shifted(ref, unit: unit, amount: amount)
        case .anaphoricWeekday(let weekday, let direction):
            if let f = focus, let m = f.month, let d = f.day, let date = CalendarDate(year: f.year, month: m, day: d) {
                return Self.weekday(weekday, direction: direction, from: date).description
            }
            guard let ref = reference else { return nil }
            return Self.weekday(weekday, direction: direction, from: ref).description
        case .weekday(let weekday, let direction):
            guard let ref = reference else { return nil }
            return Self.weekday(weekday, direction: direction, from: ref).description
        case .season(let season, let year, let direction):
            if let year { return "\(Self.pad(year, 4))-\(season)" }
            guard let ref = reference else { return nil }
            return Self.season(season, direction: direction, from: ref)
        case .quarter(let n, let year, let shift):
            guard let y = year ?? reference.map({ $0.year + shift }) else { return nil }
            return "\(Self.pad(y, 4))-Q\(n)"
        case .previousQuarter:
            guard let ref = reference else { return nil }
            let q = (ref.month - 1) / 3
            return q == 0 ? "\(Self.pad(ref.year - 1, 4))-Q4" : "\(Self.pad(ref.year, 4))-Q\(q)"
        case .half(let n, let year, let shift):
            guard let y = year ?? reference.map({ $0.year + shift }) else { return nil }
            return "\(Self.pad(y, 4))-H\(n)"
        case .anchoredQuarter(let shift, let year):
            if let anchor = quarterAnchor {
                return "\(Self.pad(year ?? anchor.year + shift, 4))-Q\(anchor.quarter)"
            }
            if let year { return Self.pad(year, 4) }
            guard let ref = reference else { return nil }
            return Self.pad(ref.year + shift, 4)
        case .weekend(let weeks):
            guard let ref = reference else { return nil }
            return Self.isoWeekString(ref.adding(days: 7 * weeks)) + "-WE"
        case .namedWeekend(let direction):
            guard let ref = reference else { return nil }
            let inWeekend = ref.weekday >= 6
            let weeks = inWeekend ? 0 : (direction == .futureOrSame || direction == .following ? 0 : -1)
            return Self.isoWeekString(ref.adding(days: 7 * weeks)) + "-WE"
        case .partOfDay(let base, let part):
            guard let day = resolve(base) else { return nil }
            // Parts of a day attach to a day; "this week's nights" keeps no value.
            guard day.utf8.count == 10 else { return nil }
            return day + "T" + part
        case .dateOnWeekday(let month, let day, let weekday, let direction):
            guard let ref = reference else { return nil }
            // The year the tense picks for the date, else the nearest year before it
            // (after it in future context) in which the date is that weekday.
            guard let first = resolveDate(year: nil, month: month, day: day, direction: direction), let start = Int(first.prefix(4)) else { return nil }
            let step = direction == .futureOrSame || direction == .following ? 1 : -1
            for k in 0...11 {
                if let date = CalendarDate(year: start + step * k, month: month, day: day), date.weekday == weekday { return date.description }
            }
            _ = ref
            return nil
        case .weekdayDay(let weekday, let day, let direction):
            guard let ref = reference else { return nil }
            var dates: [CalendarDate] = []
            for shift in -14...14 {
                let index = ref.year * 12 + ref.month - 1 + shift
                if let date = CalendarDate(year: index / 12, month: index % 12 + 1, day: day), date.weekday == weekday { dates.append(date) }
            }
            return Self.pick(dates, direction: direction, from: ref)?.description
        case .holiday(let rule, let year, let shift, let direction):
            return resolveHoliday(rule, year: year, yearShift: shift, direction: direction)?.description
        case .clock(let base, let hour, let minute):
            guard let day = base.flatMap({ resolve($0) }) ?? reference?.description, day.utf8.count == 10 else { return nil }
            return day + "T" + Self.pad(hour, 2) + ":" + Self.pad(minute, 2)
        }
    }

    // MARK: - Dates

    private func resolveDate(year: Int?, month: Int, day: Int?, direction: TimeDirection) -> String? {
        if let year {
            if let day {
                return CalendarDate(year: year, month: month, day: day)?.description
            }
            return "\(Self.pad(year, 4))-\(Self.pad(month, 2))"
        }
        guard let ref = reference else { return nil }
        let y: Int
        switch direction {
        case .current:
            y = ref.year
        case .previous:
            if let day {
                y = (month, day) < (ref.month, ref.day) ? ref.year : ref.year - 1
            } else {
                y = month < ref.month ? ref.year : ref.year - 1
            }
        case .following:
            if let day {
                y = (month, day) > (ref.month, ref.day) ? ref.year : ref.year + 1
            } else {
                y = month > ref.month ? ref.year : ref.year + 1
            }
        case .pastOrSame, .futureOrSame:
            // News reports the past: the latest occurrence, unless the next one is at most
            // about three months ahead; in future context, the next occurrence.
            let probe = day ?? 15
            let refKey = (ref.month * 32 + ref.day)
            let key = month * 32 + probe
            let pastYear = key <= refKey ? ref.year : ref.year - 1
            let nextYear = key >= refKey ? ref.year : ref.year + 1
            if direction == .futureOrSame || key == refKey {
                y = direction == .futureOrSame ? nextYear : ref.year
            } else {
                let next = CalendarDate(year: nextYear, month: month, day: min(probe, 28))!
                y = next.dayNumber - ref.dayNumber <= 92 ? nextYear : pastYear
            }
        }
        if let day {
            // 29 February in a year without it: no value rather than a wrong one.
            return CalendarDate(year: y, month: month, day: day)?.description
        }
        return "\(Self.pad(y, 4))-\(Self.pad(month, 2))"
    }

    /// A holiday's date: in the year named, in the reference's year shifted, or the
    /// occurrence the direction picks (as for a date without a year).
    private func resolveHoliday(_ rule: HolidayRule, year: Int?, yearShift: Int?, direction: TimeDirection) -> CalendarDate? {
        if let year { return rule.date(in: year) }
        guard let ref = reference else { return nil }
        if let shift = yearShift { return rule.date(in: ref.year + shift) }
        return Self.pick((ref.year - 1...ref.year + 1).compactMap { rule.date(in: $0) }, direction: direction, from: ref)
    }

    /// The occurrence among sorted `around` that `direction` picks.
    static func pick(_ around: [CalendarDate], direction: TimeDirection, from ref: CalendarDate) -> CalendarDate? {
        switch direction {
        case .current: return around.first { $0.year == ref.year }
        case .previous: return around.last { $0 < ref }
        case .following: return around.first { $0 > ref }
        case .futureOrSame: return around.first { $0 >= ref }
        case .pastOrSame:
            // News reports the past: the latest occurrence, unless the next one is at most
            // about three months ahead.
            if let next = around.first(where: { $0 >= ref }), next.dayNumber - ref.dayNumber <= 92 { return next }
            return around.last { $0 <= ref }
        }
    }

    // MARK: - Arithmetic

    /// The reference moved by `amount` units, printed at the unit's granularity.
    static func shifted(_ ref: CalendarDate, unit: TimeUnit, amount: Int) -> String {
        switch unit {
        case .second, .minute, .hour, .day:
            let days = unit == .day ? amount : 0
            return ref.adding(days: days).description
        case .week:
            return isoWeekString(ref.adding(days: 7 * amount))
        case .month:
            let index = ref.year * 12 + ref.month - 1 + amount
            let y = index >= 0 ? index / 12 : (index - 11) / 12
            return "\(pad(y, 4))-\(pad(index - y * 12 + 1, 2))"
        case .quarter:
            let index = ref.year * 4 + (ref.month - 1) / 3 + amount
            let y = index >= 0 ? index / 4 : (index - 3) / 4
            return "\(pad(y, 4))-Q\(index - y * 4 + 1)"
        case .year:
            return pad(ref.year + amount, 4)
        case .decade:
            return pad((ref.year + 10 * amount) / 10, 3)
        case .century:
            return pad((ref.year + 100 * amount) / 100, 2)
        }
    }

    /// The named weekday relative to the reference.
    static func weekday(_ weekday: Int, direction: TimeDirection, from ref: CalendarDate) -> CalendarDate {
        let delta = weekday - ref.weekday
        let days: Int
        switch direction {
        case .previous: days = delta < 0 ? delta : delta - 7
        case .following: days = delta > 0 ? delta : delta + 7
        case .current: days = delta
        case .pastOrSame: days = delta <= 0 ? delta : delta - 7
        case .futureOrSame: days = delta >= 0 ? delta : delta + 7
        }
        return ref.adding(days: days)
    }

    /// ISO 8601 week-numbering year and week of a date.
    public static func isoWeek(_ date: CalendarDate) -> (year: Int, week: Int) {
        let thursday = date.adding(days: 4 - date.weekday)
        let january1 = CalendarDate(year: thursday.year, month: 1, day: 1)!
        return (thursday.year, (thursday.dayNumber - january1.dayNumber) / 7 + 1)
    }

    static func isoWeekString(_ date: CalendarDate) -> String {
        let (year, week) = isoWeek(date)
        return "\(pad(year, 4))-W\(pad(week, 2))"
    }

    private static let seasons = ["SP", "SU", "FA", "WI"]

    /// A season relative to the reference. Winter belongs to the year of its December.
    static func season(_ season: String, direction: TimeDirection, from ref: CalendarDate) -> String? {
        guard let target = seasons.firstIndex(of: season) else { return nil }
        let (currentSeason, seasonYear): (Int, Int)
        switch ref.month {
        case 3...5: (currentSeason, seasonYear) = (0, ref.year)
        case 6...8: (currentSeason, seasonYear) = (1, ref.year)
        case 9...11: (currentSeason, seasonYear) = (2, ref.year)
        case 12: (currentSeason, seasonYear) = (3, ref.year)
        default: (currentSeason, seasonYear) = (3, ref.year - 1)
        }
        let current = seasonYear * 4 + currentSeason
        var year: Int
        switch direction {
        case .current:
            year = ref.year
        case .previous, .pastOrSame:
            var k = current - ((current - target) % 4 + 4) % 4
            if direction == .previous, k == current { k -= 4 }
            year = k / 4
        case .following, .futureOrSame:
            var k = current + ((target - current) % 4 + 4) % 4
            if direction == .following, k == current { k += 4 }
            year = k / 4
        }
        if year < 0 { year = 0 }
        return "\(pad(year, 4))-\(season)"
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
