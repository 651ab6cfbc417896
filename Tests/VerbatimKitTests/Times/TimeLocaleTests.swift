import Testing
@testable import VerbatimKit

/// The record's locale decides the order of numeric dates and whose holiday dates apply.
@Suite("Time locale")
struct TimeLocaleTests {
    func values(_ text: String, region: String?, order: DateOrder? = nil) throws -> [String?] {
        var document = Document(id: "t", text: text, date: timeReference)
        document.region = region
        document.dateOrder = order ?? region.map(DateOrder.init(region:))
        return try Pipeline(lexicon: shippedLexicon).annotate(document).entities.filter { $0.label == .time }.map(\.value)
    }

    @Test func dayAndMonthFollowTheRegion() throws {
        #expect(try values("The fee was paid on 3/4.", region: "GB").first == "2018-04-03")
        #expect(try values("The fee was paid on 3/4.", region: "US").first == "2018-03-04")
        #expect(try values("The fee was paid on 3/4.", region: nil, order: .dayFirst).first == "2018-04-03")
        // Unambiguous whatever the order.
        #expect(try values("It was signed on 28/2/2011.", region: "US") == ["2011-02-28"])
        #expect(try values("It was signed on 2/28/2011.", region: "GB") == ["2011-02-28"])
    }

    @Test func holidaysTakeTheRegionsDate() throws {
        #expect(try values("Stores open late on Thanksgiving 2019.", region: "US") == ["2019-11-28"])
        #expect(try values("Stores open late on Thanksgiving 2019.", region: "CA") == ["2019-10-14"])
        #expect(try values("The parade is on Father's Day 2019.", region: "NZ") == ["2019-09-01"])
        #expect(try values("The parade is on Father's Day 2019.", region: "US") == ["2019-06-16"])
    }

    @Test func localeNamesGiveRegions() {
        #expect(DateOrder.region(ofLocale: "EN_GB") == "GB")
        #expect(DateOrder.region(ofLocale: "en-us") == "US")
        #expect(DateOrder.region(ofLocale: "english") == nil)
        #expect(DateOrder(region: "PH") == .monthFirst)
        #expect(DateOrder(region: "IN") == .dayFirst)
    }
}
