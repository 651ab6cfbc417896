/// The TIMEX3 types of schema 1's TIME entities.
public enum TimexType: String, Sendable, Hashable {
    case date = "DATE"
    case time = "TIME"
    case duration = "DURATION"
    case set = "SET"
}

/// Calendar units, from the smallest. `code` is the TIMEX3 duration letter(s).
public enum TimeUnit: UInt8, Sendable, Hashable, Comparable {
    case second, minute, hour, day, week, month, quarter, year, decade, century

    /// The letters of a TIMEX3 duration in this unit ("PT5M", "P2Y", "P1E"); decades and
    /// centuries use TimeBank's E and C.
    public var durationCode: String {
        switch self {
        case .second: return "S"
        case .minute: return "M"
        case .hour: return "H"
        case .day: return "D"
        case .week: return "W"
        case .month: return "M"
        case .quarter: return "Q"
        case .year: return "Y"
        case .decade: return "E"
        case .century: return "C"
        }
    }

    /// The unit a model file names ("minute", "century"), or nil.
    init?(name: String) {
        switch name {
        case "second": self = .second
        case "minute": self = .minute
        case "hour": self = .hour
        case "day": self = .day
        case "week": self = .week
        case "month": self = .month
        case "quarter": self = .quarter
        case "year": self = .year
        case "decade": self = .decade
        case "century": self = .century
        default: return nil
        }
    }

    /// Whether TIMEX3 writes the duration after a `T` (clock units).
    public var isClockUnit: Bool { self <= .hour }

    public static func < (a: TimeUnit, b: TimeUnit) -> Bool { a.rawValue < b.rawValue }
}

/// Which occurrence of a named day, month or season a phrase means.
public enum TimeDirection: UInt8, Sendable, Hashable {
    /// "last Friday": the latest one strictly before the reference (on a Friday, the
    /// previous week's Friday).
    case previous
    /// "next Friday": the first one strictly after the reference.
    case following
    /// "this Friday", "this June": the one in the reference's week, year.
    case current
    /// A bare name in past-tense reporting: the reference itself if it matches, else the latest before.
    case pastOrSame
    /// A bare name in future-tense context: the reference itself if it matches, else the next.
    case futureOrSame
}

/// What the recognizer understood, before it is pinned to the document date.
///
/// Values that need no reference (`fixed`, a date with a year) resolve without one;
/// the others resolve only against the document date and are left out otherwise.
public indirect enum TimeValue: Sendable, Hashable {
    /// Already normalised: "PRESENT_REF", "P5Y", "1998", "XXXX-WXX-2", "199".
    case fixed(String)
    /// A calendar date; without a year, the year nearest the reference (by tense).
    case date(year: Int?, month: Int, day: Int?, direction: TimeDirection)
    /// The reference shifted by `amount` units, printed at that unit's granularity:
    /// today (.day, 0), last week (.week, -1), two years ago (.year, -2).
    case shift(TimeUnit, Int)
    /// A month of the reference year shifted by `years` ("June last year").
    case monthOfShiftedYear(Int, years: Int)
    /// The date in focus (the last one the text named) shifted by `amount` units:
    /// "the following year", "the previous day"; without one, the reference.
    case anaphoric(TimeUnit, Int)
    /// A weekday before or after the day in focus: "the previous Friday".
    case anaphoricWeekday(Int, TimeDirection)
    /// A month and day said with their weekday ("Fri, Jul 18"): the nearest year, in
    /// the direction of the clause's tense, in which that day is that weekday.
    case dateOnWeekday(month: Int, day: Int, weekday: Int, direction: TimeDirection)
    /// A weekday with a day of the month ("Tuesday 19th"): the month in which they meet
    /// that `direction` picks.
    case weekdayDay(Int, day: Int, direction: TimeDirection)
    /// A named weekday (ISO 1 = Monday).
    case weekday(Int, TimeDirection)
    /// A named season ("SP", "SU", "FA", "WI").
    case season(String, year: Int?, direction: TimeDirection)
    /// A quarter of the reference year shifted by `yearShift` years, or of `year`.
    case quarter(Int, year: Int?, yearShift: Int)
    /// The latest quarter that has ended before the reference ("the latest quarter").
    case previousQuarter
    /// In quarterly results, the quarter last named shifted by `yearShift` years, or put
    /// in `year` ("a year earlier", "the year-ago quarter", "the 1988 period"); without a
    /// quarter named before, the year.
    case anchoredQuarter(yearShift: Int, year: Int?)
    /// A half year (1 or 2).
    case half(Int, year: Int?, yearShift: Int)
    /// The weekend of the reference's week shifted by `weeks`.
    case weekend(Int)
    /// "the weekend": in past context the latest weekend (this one on a Saturday or
    /// Sunday), in future context the coming one.
    case namedWeekend(TimeDirection)
    /// A day plus a part of it: "Tuesday afternoon" -> (weekday, "AF").
    case partOfDay(TimeValue, String)
    /// A holiday by its date rule: in `year`, in the reference's year shifted by
    /// `yearShift`, or the occurrence `direction` picks.
    case holiday(HolidayRule, year: Int?, yearShift: Int?, direction: TimeDirection)
    /// A clock time on a day (nil: the reference day).
    case clock(TimeValue?, hour: Int, minute: Int)
}

/// A recognised time expression: token range, TIMEX3 type, unresolved value and rule.
public struct TimeCandidate: Sendable, Hashable {
    /// First token index.
    public var first: Int
    /// One past the last token index.
    public var end: Int
    public var type: TimexType
    public var value: TimeValue?
    public var rule: String
    /// Built on a holiday's name ("Labour Day 2012", "last Victoria Day"): the name is
    /// the day's, so a person, place or organisation found inside it gives way.
    public var namesADay: Bool

    public init(first: Int, end: Int, type: TimexType, value: TimeValue?, rule: String, namesADay: Bool = false) {
        self.first = first
        self.end = end
        self.type = type
        self.value = value
        self.rule = rule
        self.namesADay = namesADay
    }
}
