import Foundation
import Testing
@testable import VerbatimKit

/// The scanner tries only tokens whose roles are in `TimeScanner.startRoles`, and runs
/// `core`'s function-word rules only for `TimeScanner.coreRoles`; these check both skips
/// against trying every lexicon word with every rule.
@Suite("Time rule-word skip")
struct TimeRuleWordSkipTests {
    /// Every starter word of the lexicon in the contexts its rules look for.
    static let crafted = """
        The third quarter rose; a year earlier the quarter fell. Last week, this month and next year. \
        The past two months, the next few days, the first nine months, recent years, most recently. \
        Every Tuesday, each year, $100 a year, twice per week, a week, an hour, half an hour. \
        The last half, the ’90s, last Christmas, this Thanksgiving, next Halloween, New Year's Day. \
        Fiscal 1990, tonight, overnight, the weekend, the year-end, year-ago, now, currently, nowadays. \
        Recently, lately, soon, as soon as, these days, the past, the future, the near future, the present. \
        The nineties, the eighties, the seventies, the sixties, the fifties, the early 1980s, mid-November. \
        Around 7:15 p.m., nearly an hour, roughly two years, approximately six weeks, more than four hours. \
        No less than 20 years, at least 20 years, up to a decade, a second betrayal, the second quarter. \
        The current fiscal year, the latest quarter, the following year, the previous Friday, coming months. \
        A man, a 1/2 hour, a 3/4 mile, a dozen years, $5 a month, an oak, a 10-day trip, a quarter of an hour.
        """

    static func documents() throws -> [Document] {
        var texts = [crafted]
        let samples = packageRoot.appendingPathComponent("Corpora/samples")
        for name in try FileManager.default.contentsOfDirectory(atPath: samples.path).sorted() where name.hasSuffix(".txt") {
            texts.append(try String(contentsOf: samples.appendingPathComponent(name), encoding: .utf8))
        }
        return texts.map { Document(text: $0, date: timeReference) }
    }

    @Test func skippingNonRuleWordsFindsTheSameCandidates() throws {
        let recognizer = try TimeRecognizer(lexicon: shippedLexicon)
        let segmenter = try shippedSegmenter()
        var total = 0
        for document in try Self.documents() {
            let segmentation = try segmenter.segment(document)
            let fast = recognizer.candidates(document, segmentation, skipsNonRuleWords: true)
            let general = recognizer.candidates(document, segmentation, skipsNonRuleWords: false)
            #expect(fast.count == general.count, "\(document.text.prefix(60))")
            let mismatch = zip(fast, general).first { $0 != $1 }
            #expect(mismatch == nil, "skip: \(String(describing: mismatch?.0)), general: \(String(describing: mismatch?.1))")
            total += fast.count
        }
        // The texts do exercise the rules.
        #expect(total > 60)
    }

    @Test func startersAndRuleWordsFollowTheirRoles() throws {
        let lexicon = try TimeLexicon(lexicon: shippedLexicon)
        #expect(lexicon.entry(WordKey("last"))?.ruleWord == true)
        #expect(lexicon.entry(WordKey("the"))?.starter == true)
        #expect(lexicon.entry(WordKey("the"))?.ruleWord == false)
        #expect(lexicon.entry(WordKey("august"))?.ruleWord == false)
        // "of" plays roles after a start ("the end of"), never at one.
        #expect(lexicon.entry(WordKey("of"))?.starter == false)
        #expect(lexicon.entry(WordKey("of"))?.roles.contains(.linkingOf) == true)
    }

    /// `halfAt` looks at the first byte before parsing digits: "1/2" and "01/2" still count.
    @Test func halvesAfterACountAreStillFound() throws {
        let recognizer = try TimeRecognizer(lexicon: shippedLexicon)
        let segmenter = try shippedSegmenter()
        let cases: [(String, String)] = [
            ("It took 2 1/2 years.", "P2Y6M"), ("It took 2 01/2 years.", "P2Y6M"),
            ("It took two and a half years.", "P2Y6M"), ("It took 2 3/2 years.", "P2Y"),
        ]
        for (text, expected) in cases {
            let document = Document(text: text, date: timeReference)
            let found = recognizer.candidates(document, try segmenter.segment(document))
            #expect(found.map(\.value) == [.fixed(expected)], "\(text)")
        }
    }
}
