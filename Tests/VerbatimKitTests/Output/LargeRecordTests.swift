import Testing
@testable import VerbatimKit

/// A large record's fields are copied out of its bytes, so that the batch loop can
/// let the bytes go before analysis (peak memory of a 100 MB record).
@Suite struct LargeRecordTests {
    private func record(textRepeats: Int) -> (InputRecord, String) {
        let text = String(repeating: "Mara Quill spoke in Harlow on Tuesday. ", count: textRepeats)
        let line = #"{"id":"r1","extra":{"n":[1,2]},"text":""# + text + #"","tail":"x\u00e9"}"#
        return (InputRecord(payload: .json(Array(line.utf8)), fallbackID: "f:1", byteCount: line.utf8.count), text)
    }

    @Test func largeRecordFieldsNoLongerShareItsBytes() throws {
        let (input, text) = record(textRepeats: 30_000)   // about 1.2 MB
        #expect(input.byteCount >= RecordParser.detachedBytes)
        let parsed = try RecordParser(options: RecordOptions()).parse(input).get()
        #expect(parsed.detached)
        #expect(parsed.document.utf8 == Array(text.utf8))
        let byKey = Dictionary(uniqueKeysWithValues: parsed.fields.map { ($0.key, $0) })
        // Copies start at 0; slices of the record would start at their offset in it.
        #expect(byKey["extra"]?.raw.startIndex == 0)
        #expect(byKey["extra"].map { Array($0.raw) } == Array(#"{"n":[1,2]}"#.utf8))
        #expect(byKey["tail"].map { Array($0.raw) } == Array(#""x\u00e9""#.utf8))
        #expect(byKey["text"]?.raw.isEmpty == true)
        #expect(parsed.idField.map { Array($0.raw) } == Array(#""r1""#.utf8))
        #expect(parsed.idField?.raw.startIndex == 0)
    }

    @Test func smallRecordKeepsItsFieldsAsSlices() throws {
        let (input, text) = record(textRepeats: 3)
        let parsed = try RecordParser(options: RecordOptions()).parse(input).get()
        #expect(!parsed.detached)
        #expect(parsed.document.text == text)
        #expect(parsed.fields.first { $0.key == "extra" }.map { $0.raw.startIndex > 0 } == true)
    }

    /// A plain-text article's document is a copy of its own: its bytes can always go.
    @Test func textRecordIsDetached() throws {
        let input = InputRecord(payload: .text(Array("Mara Quill spoke.".utf8)), fallbackID: "a.txt")
        let parsed = try RecordParser(options: RecordOptions()).parse(input).get()
        #expect(parsed.detached)
        #expect(parsed.document.text == "Mara Quill spoke.")
    }
}
