import Testing
@testable import VerbatimKit

@Suite("Time resolver")
struct TimeResolverTests {
    func resolve(_ value: TimeValue, on date: String) -> String? {
        TimeResolver(reference: CalendarDate(iso: date)).resolve(value)
    }

    @Test func lastWeekdayOnTheSameWeekdayIsThePreviousWeek() {
        // 2018-08-17 is a Friday.
        #expect(resolve(.weekday(5, .previous), on: "2018-08-17") == "2018-08-10")
        #expect(resolve(.weekday(5, .pastOrSame), on: "2018-08-17") == "2018-08-17")
        #expect(resolve(.weekday(5, .following), on: "2018-08-17") == "2018-08-24")
        #expect(resolve(.weekday(5, .futureOrSame), on: "2018-08-14") == "2018-08-17")
        #expect(resolve(.weekday(1, .current), on: "2018-08-19") == "2018-08-13")
    }

    @Test func yearBoundaries() {
        #expect(resolve(.shift(.day, -1), on: "2019-01-01") == "2018-12-31")
        #expect(resolve(.shift(.month, -1), on: "2019-01-15") == "2018-12")
        #expect(resolve(.shift(.month, 1), on: "2018-12-15") == "2019-01")
        #expect(resolve(.shift(.quarter, -1), on: "2019-02-01") == "2018-Q4")
        #expect(resolve(.previousQuarter, on: "2019-02-01") == "2018-Q4")
        #expect(resolve(.weekday(3, .previous), on: "2019-01-01") == "2018-12-26")
        // "December" said in January is last December; "January" said in December is next January.
        #expect(resolve(.date(year: nil, month: 12, day: nil, direction: .pastOrSame), on: "2019-01-10") == "2018-12")
        #expect(resolve(.date(year: nil, month: 1, day: 5, direction: .pastOrSame), on: "2018-12-28") == "2019-01-05")
        #expect(resolve(.season("WI", year: nil, direction: .previous), on: "2019-01-10") == "2017-WI")
        #expect(resolve(.season("WI", year: nil, direction: .pastOrSame), on: "2019-01-10") == "2018-WI")
    }

    @Test func leapDays() {
        #expect(resolve(.date(year: 2016, month: 2, day: 29, direction: .pastOrSame), on: "2018-08-14") == "2016-02-29")
        #expect(resolve(.date(year: 2018, month: 2, day: 29, direction: .pastOrSame), on: "2018-08-14") == nil)
        // 29 February without a year resolves only in a leap year.
        #expect(resolve(.date(year: nil, month: 2, day: 29, direction: .pastOrSame), on: "2020-03-02") == "2020-02-29")
        #expect(resolve(.date(year: nil, month: 2, day: 29, direction: .pastOrSame), on: "2019-03-02") == nil)
        #expect(resolve(.shift(.day, 1), on: "2020-02-28") == "2020-02-29")
        #expect(resolve(.shift(.day, -1), on: "2021-03-01") == "2021-02-28")
    }

    @Test func isoWeekNumbers() {
        #expect(resolve(.shift(.week, 0), on: "2018-08-14") == "2018-W33")
        // 2021-01-03 (a Sunday) belongs to 2020's week 53; 2018-12-31 to 2019's week 1.
        #expect(resolve(.shift(.week, 0), on: "2021-01-03") == "2020-W53")
        #expect(resolve(.shift(.week, 0), on: "2018-12-31") == "2019-W01")
        #expect(resolve(.shift(.week, -1), on: "2019-01-02") == "2018-W52")
        #expect(resolve(.weekend(0), on: "2018-08-14") == "2018-W33-WE")
    }

    @Test func granularityAndReferenceFreeValues() {
        #expect(resolve(.shift(.year, -2), on: "2018-08-14") == "2016")
        #expect(resolve(.shift(.decade, 0), on: "2018-08-14") == "201")
        #expect(resolve(.partOfDay(.shift(.day, -1), "NI"), on: "2018-08-14") == "2018-08-13TNI")
        #expect(resolve(.clock(nil, hour: 7, minute: 40), on: "2018-08-14") == "2018-08-14T07:40")
        let none = TimeResolver(reference: nil)
        #expect(none.resolve(.shift(.day, -1)) == nil)
        #expect(none.resolve(.weekday(2, .pastOrSame)) == nil)
        #expect(none.resolve(.fixed("P5Y")) == "P5Y")
        #expect(none.resolve(.quarter(3, year: 1989, yearShift: 0)) == "1989-Q3")
    }
}
