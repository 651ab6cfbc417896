import Foundation
import Testing
@testable import VerbatimKit

/// Long documents are annotated in windows cut at paragraph, line or word breaks,
/// and the windows' annotations are joined with shifted offsets and indices.
@Suite struct DocumentWindowsTests {
    @Test func windowsPreferParagraphThenLineThenSpaceBreaks() {
        let paragraphs = Array("aaaa bbbb\n\ncccc dddd\neeee".utf8)
        #expect(DocumentWindows.ranges(paragraphs, window: 14) == [0..<11, 11..<25])
        #expect(DocumentWindows.ranges(paragraphs, window: 8) == [0..<5, 5..<11, 11..<16, 16..<21, 21..<25])
        let noBreak = Array("ééééééé".utf8)  // two bytes each: never cut inside one
        for range in DocumentWindows.ranges(noBreak, window: 5) {
            #expect(range.lowerBound % 2 == 0 && range.upperBound % 2 == 0)
        }
        #expect(DocumentWindows.ranges(Array("short".utf8)) == [0..<5])
    }

    @Test func joinedWindowsKeepEntitiesClustersAndQuotesConsistent() throws {
        let paragraph = "“We will rebuild the bridge,” Mara Quill said in Oslo on Tuesday. Quill added that the council agreed.\n\n"
        let text = String(repeating: paragraph, count: DocumentWindows.windowBytes / paragraph.utf8.count * 2 + 3)
        let worker = try Pipeline().makeWorker()
        let state = try worker.analyze(Document(id: "long", text: text, date: CalendarDate(year: 2021, month: 3, day: 4)))
        let annotation = state.annotation
        #expect(annotation.quotes.count > 2 * DocumentWindows.windowBytes / paragraph.utf8.count)
        var previousStart: Int32 = -1
        for entity in annotation.entities {
            #expect(entity.start >= previousStart)
            previousStart = entity.start
            let words = state.document.string(entity.start, entity.end)
            #expect(words == "Mara Quill" || words == "Quill" || words == "Oslo" || words == "Tuesday" || words == "council", "\(words)")
            if let cluster = entity.cluster {
                #expect(annotation.clusters[cluster].mentions.contains { annotation.entities[$0].start == entity.start })
            }
        }
        // Each paragraph: the direct quote, and the reported speech 'Quill added that …'.
        for quote in annotation.quotes {
            let speaker = try #require(quote.speaker)
            if quote.kind == .indirect {
                #expect(state.document.string(quote.start, quote.end) == "that the council agreed")
                #expect(state.document.string(speaker.start, speaker.end) == "Quill")
            } else {
                #expect(state.document.string(quote.start, quote.end) == "“We will rebuild the bridge,”")
                #expect(state.document.string(speaker.start, speaker.end) == "Mara Quill")
            }
            if let cluster = speaker.cluster { #expect(annotation.clusters[cluster].name == "Mara Quill") }
        }
        #expect(annotation.quotes.filter { $0.kind == .indirect }.count == annotation.quotes.filter { $0.kind == .direct }.count)
        #expect(state.segmentation.invariantViolations(textLength: state.document.utf8.count).isEmpty)
        let dropped = try worker.analyze(Document(id: "long", text: text), keepingSegmentation: false)
        #expect(dropped.segmentation.tokens.isEmpty)
        #expect(dropped.annotation.quotes.count == annotation.quotes.count)
    }

    /// A record in windows is read with its own locale in every window: its numeric
    /// dates day first, as a short record of the same locale would be.
    @Test func everyWindowKeepsTheRecordsLocale() throws {
        let paragraph = "The ferry sailed on 3/4/2021 from the harbour.\n\n"
        let text = String(repeating: paragraph, count: DocumentWindows.windowBytes / paragraph.utf8.count * 2 + 3)
        var document = Document(id: "long", text: text, date: CalendarDate(year: 2021, month: 5, day: 4))
        document.region = "GB"
        document.dateOrder = .dayFirst
        let state = try Pipeline().makeWorker().analyze(document, keepingSegmentation: false)
        let dates = state.annotation.entities.filter { state.document.string($0.start, $0.end) == "3/4/2021" }
        #expect(dates.count == 2 * DocumentWindows.windowBytes / paragraph.utf8.count + 3)
        #expect(dates.allSatisfy { $0.value == "2021-04-03" })
    }
}

/// A line written piece by piece is the line written whole.
@Suite struct StreamedLineTests {
    @Test func streamedLineEqualsTheWholeLine() throws {
        let paragraph = "“We will \\ rebuild\tthe bridge,” Mara Quill said in Oslo on Tuesday.\n\n"
        let text = String(repeating: paragraph, count: DocumentWindows.windowBytes / paragraph.utf8.count + 40)
        let record = try JSONSerialization.data(withJSONObject: ["id": "long", "meta": [1, 2], "text": text], options: [.sortedKeys])
        for explain in [false, true] {
            var options = RecordOptions()
            options.explain = explain
            let processor = RecordProcessor(worker: try Pipeline().makeWorker(), options: options)
            let result = processor.analyze(InputRecord(payload: .json(Array(record)), fallbackID: "x"))
            #expect(RecordWriter.shouldStream(result))
            guard case .annotated(let annotated) = result else { Issue.record("not annotated"); return }
            var pieces: [[UInt8]] = []
            RecordWriter(options: options).streamLine(annotated) { pieces.append($0); return true }
            #expect(pieces.count > 2)
            #expect(pieces.allSatisfy { $0.count < 2 * AnnotationEncoder.drainThreshold + 100_000 })
            #expect(Array(pieces.joined()) == processor.jsonLine(result))
        }
    }
}
