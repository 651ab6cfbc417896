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

    /// Commas stay right below and beyond the 64 levels kept in a bit set, and when
    /// closing back out through them: the text equals the same structure spelled by hand.
    @Test func nestsDeeplyWithCommas() {
        for depth in [1, 63, 64, 65, 130] {
            var w = JSONWriter()
            var open = "", close = ""
            for level in 0..<depth {
                w.beginArray(); w.int(level)
                open += "[\(level),"
                if level % 2 == 0 { w.beginObject(); w.field("k", level); w.endObject(); open += "{\"k\":\(level)}," }
            }
            w.string("deep")
            for level in (0..<depth).reversed() {
                w.endArray()
                close += "]"
                if level > 0 { w.int(100 + level); close += ",\(100 + level)" }
            }
            let text = String(decoding: w.bytes, as: UTF8.self)
            #expect(text == open + "\"deep\"" + close, "depth \(depth)")
        }
    }
}
