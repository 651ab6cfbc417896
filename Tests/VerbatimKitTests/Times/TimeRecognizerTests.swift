import Testing
@testable import VerbatimKit

/// A stand-in for the entity recognizer: marks fixed byte spans as ORG.
private struct FixedEntities: Annotator {
    let name = "fixed"
    let requires: Set<Layer> = [.tokens]
    let produces: Set<Layer> = [.entities]
    let spans: [(Int32, Int32)]
    func annotate(_ state: inout AnalysisState) {
        state.annotation.entities = spans.map { Entity(start: $0.0, end: $0.1, label: .organization, rule: "fixed") }
    }
}

@Suite("Time recognizer")
struct TimeRecognizerTests {
    @Test func candidatesOverlappingEntitiesAreDroppedAndOrderIsKept() throws {
        let text = "On Monday, shares of Friday Group rose; on Tuesday they fell."
        let utf8 = Array(text.utf8)
        let org = Int32(text.utf8.count - text.drop(while: { $0 != "F" }).utf8.count)
        let pipeline = try Pipeline(annotators: [FixedEntities(spans: [(org, org + 12)]), TimeRecognizer(lexicon: shippedLexicon)])
        let annotation = try pipeline.annotate(Document(text: text, date: CalendarDate(iso: "2018-08-14")))
        let found = annotation.entities.map { (String(decoding: utf8[Int($0.start)..<Int($0.end)], as: UTF8.self), $0.label) }
        #expect(found.map(\.0) == ["Monday", "Friday Group", "Tuesday"])
        #expect(found.map(\.1) == [.time, .organization, .time])
        for (a, b) in zip(annotation.entities, annotation.entities.dropFirst()) {
            #expect(a.end <= b.start)
        }
    }

    @Test func everyTimeEntityNamesItsRule() throws {
        let annotation = try Pipeline().annotate(Document(text: "He left at 6am on Tuesday.", date: nil))
        #expect(annotation.entities.count == 2)
        #expect(annotation.entities.allSatisfy { $0.rule.hasPrefix("time:") })
    }

    @Test func datelineServesAsReferenceWhenTheDocumentHasNoDate() throws {
        let text = "LONDON, 14 August 2018 - Police said on Monday that the car crashed yesterday."
        let document = Document(text: text, date: nil)
        // Only the times: the dateline's LONDON is a PLACE entity.
        let values = try Pipeline().annotate(document).entities.filter { $0.label == .time }.map(\.value)
        #expect(values == ["2018-08-14", "2018-08-13", "2018-08-13"])
    }

    @Test func noReferenceLeavesRelativeValuesOut() throws {
        let document = Document(text: "Police said on Monday that the car crashed in March 2017.", date: nil)
        let values = try Pipeline().annotate(document).entities.map(\.value)
        #expect(values == [nil, "2017-03"])
    }
}
