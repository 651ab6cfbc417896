import Testing
import VerbatimKit

/// Positive cases: every class of expression the recognizer handles, in a sentence,
/// resolved against Tuesday 2018-08-14.
let positiveTimeCorpus: [TimeCase] = [
    // Calendar dates
    TimeCase("The report was published on ⟦14 August 2018⟧.", "DATE", "2018-08-14"),
    TimeCase("It was filed on ⟦Aug. 14⟧ and approved later.", "DATE", "2018-08-14"),
    TimeCase("The deadline is ⟦August 14, 2019⟧, officials said.", "DATE", "2019-08-14"),
    TimeCase("Records dated ⟦2018-08-14⟧ were released.", "DATE", "2018-08-14"),
    TimeCase("The letter, dated ⟦14/08/2018⟧, arrived.", "DATE", "2018-08-14"),
    TimeCase("The attack in ⟦March 2017⟧ killed four people.", "DATE", "2017-03"),
    TimeCase("Sales fell in ⟦February⟧.", "DATE", "2018-02"),
    TimeCase("Sales will recover in ⟦January⟧.", "DATE", "2019-01"),
    TimeCase("Prices rose in ⟦May⟧, the survey found.", "DATE", "2018-05"),
    TimeCase("The plant opened in ⟦1990⟧.", "DATE", "1990"),
    TimeCase("Profits peaked in ⟦the 1990s⟧.", "DATE", "199"),
    TimeCase("He played bass through ⟦the ’90s⟧.", "DATE", "199"),
    TimeCase("The cathedral dates from ⟦the 12th century⟧.", "DATE", "11"),
    TimeCase("The talks ended on ⟦Saturday, April 25⟧.", "DATE", "2015-04-25"),
    TimeCase("The vote is due ⟦mid-November⟧.", "DATE", "2018-11"),
    // Clock times
    TimeCase("Officers arrived at about ⟦7.40am⟧ on ⟦Tuesday⟧.", [("TIME", "2018-08-14T07:40"), ("DATE", "2018-08-14")]),
    TimeCase("The car was seen at ⟦1.25am⟧ and left at ⟦6am⟧.", [("TIME", "2018-08-14T01:25"), ("TIME", "2018-08-14T06:00")]),
    TimeCase("The meeting starts at ⟦13:00⟧ sharp.", "TIME", "2018-08-14T13:00"),
    TimeCase("Lunch is served at ⟦noon⟧.", "TIME", "2018-08-14T12:00"),
    TimeCase("The polls closed at ⟦8 p.m. EST yesterday⟧.", "TIME", "2018-08-13T20:00"),
    TimeCase("The blast came at ⟦10 p.m. Wednesday⟧, police said.", "TIME", "2018-08-08T22:00"),
    // Days and parts of day
    TimeCase("Raids took place on ⟦Tuesday afternoon⟧.", "TIME", "2018-08-14TAF"),
    TimeCase("The car was driven to London ⟦overnight⟧.", "TIME", "2018-08-13TNI"),
    TimeCase("He spoke to reporters ⟦this morning⟧.", "TIME", "2018-08-14TMO"),
    TimeCase("Shots were heard ⟦last night⟧.", "TIME", "2018-08-13TNI"),
    TimeCase("The company said on ⟦Friday⟧ it would cut jobs.", "DATE", "2018-08-10"),
    TimeCase("The minister will visit on ⟦Friday⟧.", "DATE", "2018-08-17"),
    // Relative expressions
    TimeCase("Police arrested him ⟦yesterday⟧.", "DATE", "2018-08-13"),
    TimeCase("The trial opens ⟦tomorrow⟧.", "DATE", "2018-08-15"),
    TimeCase("Markets fell ⟦last week⟧.", "DATE", "2018-W32"),
    TimeCase("Results are due ⟦next month⟧.", "DATE", "2018-09"),
    TimeCase("The firm was sold ⟦two years ago⟧.", "DATE", "2016"),
    TimeCase("Talks stalled ⟦earlier this month⟧.", "DATE", "2018-08"),
    TimeCase("Sales rose ⟦last year⟧.", "DATE", "2017"),
    TimeCase("Sales rose ⟦last Friday⟧.", "DATE", "2018-08-10"),
    TimeCase("The bridge reopened ⟦last June⟧.", "DATE", "2018-06"),
    TimeCase("Earnings rose in ⟦the third quarter⟧.", "DATE", "2018-Q3"),
    TimeCase("Parliament is in ⟦summer⟧ recess.", "DATE", "2018-SU"),
    TimeCase("Growth slowed ⟦last fall⟧.", "DATE", "2017-FA"),
    TimeCase("The plan was agreed ⟦this week⟧.", "DATE", "2018-W33"),
    TimeCase("Crowds gathered over ⟦the weekend⟧.", "DATE", "2018-W32-WE"),
    TimeCase("The festival will open at ⟦the weekend⟧.", "DATE", "2018-W33-WE"),
    TimeCase("Profits fell in ⟦the 2017 second quarter⟧.", "DATE", "2017-Q2"),
    TimeCase("Net income rose in ⟦the second quarter⟧, from $5 million ⟦a year earlier⟧.", [("DATE", "2018-Q2"), ("DATE", "2017-Q2")]),
    TimeCase("Sales were flat ⟦a year ago⟧; ⟦the second quarter⟧ was better.", [("DATE", "2017-Q2"), ("DATE", "2018-Q2")]),
    TimeCase("It expects a profit in ⟦the fourth quarter⟧, after a loss ⟦a year earlier⟧.", [("DATE", "2018-Q4"), ("DATE", "2017")]),
    TimeCase("Shares rose on ⟦Friday⟧’s news.", "DATE", "2018-08-10"),
    TimeCase("The bomb exploded in ⟦nineteen ninety-six⟧.", "DATE", "1996"),
    TimeCase("The boy was found on ⟦Thanksgiving Day⟧.", "DATE", "2017-11-23"),
    TimeCase("The shop opened ⟦last Christmas⟧.", "DATE", "2017-12-25"),
    // Holidays: fixed, Easter-based, n-th and last weekdays, with a year or relative to one
    TimeCase("The mill closed on ⟦Good Friday⟧, staff said.", "DATE", "2018-03-30"),
    TimeCase("The fair reopens on ⟦Labor Day⟧.", "DATE", "2018-09-03"),
    TimeCase("Crowds lined the route on ⟦Memorial Day 2015⟧.", "DATE", "2015-05-25"),
    TimeCase("The strike began on ⟦Boxing Day of last year⟧.", "DATE", "2017-12-26"),
    TimeCase("Her shop was busiest ⟦last mothers day⟧.", "DATE", "2018-05-13"),
    TimeCase("Sales peaked ⟦Thanksgiving 2016⟧.", "DATE", "2016-11-24"),
    TimeCase("A vigil was held on ⟦Easter Monday⟧.", "DATE", "2018-04-02"),
    TimeCase("The shop reopens after ⟦Memorial Day of next year⟧.", "DATE", "2019-05-27"),
    TimeCase("The rally is planned for ⟦this Thanksgiving⟧.", "DATE", "2018-11-22"),
    // Numeric and compact dates (month first by default)
    TimeCase("The accord was signed on ⟦3-9-97⟧ in Oslo.", "DATE", "1997-03-09"),
    TimeCase("The permit, stamped ⟦22.6.1981⟧, was forged.", "DATE", "1981-06-22"),
    TimeCase("The invoices were paid by ⟦4/23⟧ at the latest.", "DATE", "2018-04-23"),
    TimeCase("The race was run on ⟦27/Sep/2009⟧.", "DATE", "2009-09-27"),
    TimeCase("She was born on ⟦9june 1990⟧ in Leeds.", "DATE", "1990-06-09"),
    TimeCase("The ferry will leave on ⟦12/3 at 6:00pm⟧.", "TIME", "2018-12-03T18:00"),
    // Clock phrasing
    TimeCase("The vote closed at ⟦half past nine⟧.", "TIME", "2018-08-14T09:30"),
    TimeCase("He called at ⟦a quarter past midnight⟧.", "TIME", "2018-08-14T00:15"),
    TimeCase("The train left at ⟦25 minutes past 4pm⟧.", "TIME", "2018-08-14T16:25"),
    TimeCase("Guests arrive at ⟦ten to seven⟧.", "TIME", "2018-08-14T06:50"),
    TimeCase("Doors open at ⟦7 o'clock⟧.", "TIME", "2018-08-14T07:00"),
    TimeCase("Meet me at ⟦nine tonight⟧.", "TIME", "2018-08-14T21:00"),
    TimeCase("The ferry sailed at ⟦5 in the morning⟧.", "TIME", "2018-08-14T05:00"),
    TimeCase("Parades were held on ⟦Martin Luther King Day⟧.", "DATE", "2018-01-15"),
    TimeCase("The convoy will set off at ⟦5 in the morning⟧.", "TIME", "2018-08-15T05:00"),
    TimeCase("The band will play at ⟦9 in the evening⟧.", "TIME", "2018-08-14T21:00"),
    TimeCase("The shift starts at ⟦1145⟧.", "TIME", "2018-08-14T11:45"),
    TimeCase("The call is at ⟦6:15pm AEST⟧.", "TIME", "2018-08-14T18:15"),
    // A weekday with a day of the month; a weekday and a date give the year
    TimeCase("The board meets on ⟦Thursday 16th⟧.", "DATE", "2018-08-16"),
    TimeCase("The notice was dated ⟦Sat, Nov 14⟧.", "DATE", "2015-11-14"),
    // Fractions and sums of units
    TimeCase("The hearing lasted ⟦half an hour⟧.", "DURATION", "PT30M"),
    TimeCase("The climb took ⟦3.5 hrs⟧.", "DURATION", "PT3H30M"),
    TimeCase("The drive takes ⟦two and a quarter hours⟧.", "DURATION", "PT2H15M"),
    TimeCase("The match ran ⟦four and a half minutes⟧ over.", "DURATION", "PT4M30S"),
    TimeCase("She served ⟦3 years and 4 months⟧.", "DURATION", "P3Y4M"),
    TimeCase("Give it ⟦five more minutes⟧.", "DURATION", "PT5M"),
    TimeCase("They saw one ⟦this morning⟧.", "TIME", "2018-08-14TMO"),
    TimeCase("Sales will rise in ⟦the current fiscal year⟧.", "DATE", "2018"),
    TimeCase("Sales fell in ⟦the latest fiscal year⟧.", "DATE", "2017"),
    TimeCase("The polls close ⟦around 7:15 p.m.⟧ local time.", "TIME", "2018-08-14T19:15"),
    TimeCase("Lawyers sought a way around ⟦Wednesday⟧’s ruling.", "DATE", "2018-08-08"),
    TimeCase("Prices peaked in ⟦the mid-1990s⟧.", "DATE", "199"),
    TimeCase("Sales rose in ⟦the fiscal first quarter⟧ and in ⟦the last half of 2017⟧.", [("DATE", "2018-Q1"), ("DATE", "2017-H2")]),
    TimeCase("The company posted ⟦third-quarter⟧ results.".replacingOccurrences(of: "posted ⟦", with: "posted ⟦"), "DATE", "2018-Q3"),
    TimeCase("Analysts expect the ⟦third-quarter⟧ results to improve.", "DATE", "2018-Q3"),
    // Durations
    TimeCase("The rescue took ⟦five minutes⟧.", "DURATION", "PT5M"),
    TimeCase("The cordon is ⟦a five-minute⟧ walk away.".replacingOccurrences(of: "⟦a ", with: "a ⟦"), "DURATION", "PT5M"),
    TimeCase("Prices doubled over ⟦the last three years⟧.", "DURATION", "P3Y"),
    TimeCase("He was held for ⟦24 hours⟧.", "DURATION", "PT24H"),
    TimeCase("The strike lasted ⟦several weeks⟧.", "DURATION", "PXW"),
    TimeCase("She waited ⟦nearly an hour⟧.", "DURATION", "PT1H"),
    TimeCase("Output fell in ⟦the first nine months⟧.", "DURATION", "P9M"),
    TimeCase("He signed ⟦a two-year⟧ deal.".replacingOccurrences(of: "⟦a ", with: "a ⟦"), "DURATION", "P2Y"),
    TimeCase("The feud has lasted ⟦two decades⟧.", "DURATION", "P2E"),
    TimeCase("They lived in camps for ⟦2 1/2 years⟧.", "DURATION", "P2Y6M"),
    TimeCase("The pilot landed ⟦a minute and a half⟧ later.", "DURATION", "PT1M30S"),
    TimeCase("The flight took ⟦five and a half hours⟧.", "DURATION", "PT5H30M"),
    TimeCase("Growth should pick up in ⟦coming months⟧.", "DATE", "FUTURE_REF"),
    // Anaphoric expressions take the date last named
    TimeCase("The firm was founded in ⟦1995⟧ and listed ⟦the following year⟧.", [("DATE", "1995"), ("DATE", "1996")]),
    TimeCase("Shares closed at 100 on ⟦Friday⟧, up from 90 ⟦the previous Friday⟧.", [("DATE", "2018-08-10"), ("DATE", "2018-08-03")]),
    // Sets
    TimeCase("The market opens ⟦every Tuesday⟧.", "SET", "XXXX-WXX-2"),
    TimeCase("The newsletter is published ⟦weekly⟧.", "SET", "P1W"),
    TimeCase("Fees rise by $100 ⟦a year⟧.", "SET", "P1Y"),
    TimeCase("Trains run ⟦every five minutes⟧.", "SET", "PT5M"),
    // Vague references
    TimeCase("The station has ⟦now⟧ been shut.", "DATE", "PRESENT_REF"),
    TimeCase("The Commons is ⟦currently⟧ in recess.", "DATE", "PRESENT_REF"),
    TimeCase("Crime has ⟦recently⟧ fallen.", "DATE", "PAST_REF"),
    TimeCase("More cuts are likely in ⟦the future⟧.", "DATE", "FUTURE_REF"),
    // No document date: relative values are left out, absolute ones kept.
    TimeCase("Police arrested him ⟦yesterday⟧.", "DATE", nil, date: nil),
    TimeCase("The plant opened in ⟦1990⟧.", "DATE", "1990", date: nil),
    TimeCase("LONDON, ⟦Aug. 14, 2018⟧ - Police arrested a man ⟦yesterday⟧.", [("DATE", "2018-08-14"), ("DATE", "2018-08-13")], date: nil),
]

/// Text that contains no time expression.
let negativeTimeCorpus: [String] = [
    "Call us at 650-650-6500 for details.",
    "United won 3-1 at home.",
    "Theresa May said the plan would work.",
    "Thousands will march on the capital.",
    "More than 1,000 people attended.",
    "The ratio was 3:1 against.",
    "Version 2.5 fixed the bug.",
    "He scored 2000 points in his career.",
    "The 29-year-old man was arrested.",
    "Prices may fall further.",
    "The fall in prices surprised analysts.",
    "Call 0800 123 456 now.".replacingOccurrences(of: " now", with: ""),
    "She took the second place.",
    "He earned $2012 from the sale.",
    "She is in her 90s and still works.",
    "She lent him the car.",
    "The home side won 2-1 on a wet night.",
    "About 3/4 of voters backed the plan.",
    "The helpline is staffed 24/7 by volunteers.",
    "Version 1.5.2 of the app fixed the crash.",
    "The office is at 405 Harbour Road.",
    "Sat outside, he waited.",
    "Ten to twelve people were hurt.",
]

@Suite("Time corpus")
struct TimeCorpusTests {
    @Test("positive corpus", arguments: positiveTimeCorpus)
    func positive(_ c: TimeCase) throws {
        let found = try annotateTimes(c.plain.text, date: c.date)
        let expected = c.expectedTimes
        #expect(found.map(\.text) == expected.map(\.text), "spans in: \(c.plain.text)")
        #expect(found.map(\.type) == expected.map(\.type), "types in: \(c.plain.text)")
        #expect(found.map(\.value) == expected.map(\.value), "values in: \(c.plain.text)")
    }

    @Test("negative corpus", arguments: negativeTimeCorpus)
    func negative(_ text: String) throws {
        let found = try annotateTimes(text)
        #expect(found.isEmpty, "unexpected: \(found)")
    }
}
