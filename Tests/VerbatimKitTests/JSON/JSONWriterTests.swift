import Testing
@testable import VerbatimKit

@Suite struct JSONWriterTests {
    @Test func escapesWhatJSONRequiresAndNothingMore() {
        var out: [UInt8] = []
        JSONWriter.appendString("a\"b\\c\n\t\u{0}\u{1F} é “x” 😀", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == #""a\"b\\c\n\t\u0000\u001f é “x” 😀""#)
    }

    @Test func nestsWithCommas() {
        var w = JSONWriter()
        w.beginObject()
        w.field("a", 1)
        w.key("b")
        w.beginArray()
        w.string("x")
        w.null()
        w.beginObject()
        w.endObject()
        w.endArray()
        w.field("c", nil as String?)
        w.endObject()
        #expect(String(decoding: w.bytes, as: UTF8.self) == #"{"a":1,"b":["x",null,{}],"c":null}"#)
    }
}
