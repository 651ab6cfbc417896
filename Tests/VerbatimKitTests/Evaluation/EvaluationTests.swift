import Foundation
import Testing
@testable import VerbatimKit

@Suite struct EvaluationTests {
    private func score(gold: String, predicted: String, partial: Bool = false) throws -> Evaluation {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("eval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let g = dir.appendingPathComponent("g.jsonl"), p = dir.appendingPathComponent("p.jsonl")
        try Data(gold.utf8).write(to: g)
        try Data(predicted.utf8).write(to: p)
        return try Evaluation.score(gold: g.path, predicted: p.path, includePartialQuotes: partial, mistakesPerCategory: 5)
    }

    @Test func entitiesExactAndOverlap() throws {
        // Gold: Neil Basu (PERSON 0-9), Met (ORG 15-18). Predicted: "Neil Basu" exact, "the Met" overlapping, a false London.
        let text = "Neil Basu, the Met said in London"
        let gold = #"{"id": "d1", "text": "\#(text)", "entities": [{"start": 0, "end": 9, "label": "PERSON"}, {"start": 15, "end": 18, "label": "ORG"}]}"#
        let pred = #"{"id": "d1", "text": "\#(text)", "entities": [{"start": 0, "end": 9, "label": "PERSON"}, {"start": 11, "end": 18, "label": "ORG"}, {"start": 27, "end": 33, "label": "PLACE"}]}"#
        let e = try score(gold: gold, predicted: pred)
        #expect(e.entities["PERSON"] == Evaluation.Counts(gold: 1, predicted: 1, exact: 1, overlap: 1))
        #expect(e.entities["ORG"] == Evaluation.Counts(gold: 1, predicted: 1, exact: 0, overlap: 1))
        #expect(e.entities["PLACE"] == Evaluation.Counts(gold: 0, predicted: 1, exact: 0, overlap: 0))
        #expect(e.entityMicro.exact == 1)
        #expect(abs(e.entityMicro.precision - 1.0 / 3.0) < 1e-9)
        #expect(e.mistakes["PLACE false"] == ["London"])
        #expect(e.mistakes["ORG missed"] == ["Met"])
    }

    @Test func timesStrictRelaxedAndValues() throws {
        let text = "on Tuesday afternoon and in March 2017"
        let gold = #"{"id": 1, "text": "\#(text)", "timexes": [{"start": 3, "end": 20, "type": "TIME", "value": "2018-08-14TAF"}, {"start": 28, "end": 38, "type": "DATE", "value": "2017-03"}]}"#
        let pred = #"{"id": 1, "entities": [{"start": 3, "end": 10, "label": "TIME", "value": "2018-08-14"}, {"start": 28, "end": 38, "label": "TIME", "value": "2017-03"}]}"#
        let e = try score(gold: gold, predicted: pred)
        #expect(e.times == Evaluation.Counts(gold: 2, predicted: 2, exact: 1, overlap: 2))
        #expect(e.timeValues.compared == 2)
        #expect(e.timeValues.correct == 1)
        #expect(e.mistakes["time value"]?.first?.contains("2018-08-14 ≠ 2018-08-14TAF") == true)
    }

    @Test func quotesAndLenientSpeakers() throws {
        let gold = #"{"id": "q", "text": "x", "quotes": [{"start": 0, "end": 10, "speaker": "Donald Trump"}, {"start": 20, "end": 30, "speaker": "she"}, {"start": 40, "end": 50, "speaker": null}]}"#
        let pred = #"{"id": "q", "quotes": [{"start": 0, "end": 12, "kind": "direct", "speaker": {"text": "Trump"}}, {"start": 20, "end": 30, "kind": "direct", "speaker": {"text": "Ochab"}}, {"start": 60, "end": 70, "kind": "partial", "speaker": null}]}"#
        let e = try score(gold: gold, predicted: pred)
        #expect(e.quotes == Evaluation.Counts(gold: 3, predicted: 2, exact: 1, overlap: 2))
        #expect(e.speakers.compared == 2)
        #expect(e.speakers.correct == 1)
        #expect(e.quotesWithSpeaker == 1)
        let withPartial = try score(gold: gold, predicted: pred, partial: true)
        #expect(withPartial.quotes.predicted == 3)
    }

    @Test func lenientSpeakerMatching() {
        #expect(SpeakerMatch.lenient("Trump", "Donald J. Trump"))
        #expect(SpeakerMatch.lenient("the Met’s spokesman", "Met"))
        #expect(SpeakerMatch.lenient("she", "She"))
        #expect(!SpeakerMatch.lenient("he", "she"))
        #expect(!SpeakerMatch.lenient("Mr Smith", "Mr Jones"))
    }
}
