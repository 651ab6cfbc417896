import Foundation
import Testing
@testable import VerbatimKit

@Suite struct JSONBatchTests {
    /// Keys of every length a literal copy handles differently (0 to 17 bytes): the
    /// same bytes as the writer's one-call members.
    @Test func keysOfEveryLengthAsTheWriterWritesThem() {
        let keys: [StaticString] = ["", "a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh",
                                    "abcdefghi", "abcdefghij", "abcdefghijk", "abcdefghijkl", "abcdefghijklm",
                                    "abcdefghijklmn", "abcdefghijklmno", "abcdefghijklmnop", "abcdefghijklmnopq"]
        var batched = JSONWriter(), single = JSONWriter()
        batched.beginObject(); single.beginObject()
        for (i, key) in keys.enumerated() {
            batched.batch(room: 256) { b in
                b.field(ascii: key, -i * 12_345)
                b.field(ascii: key, prefix: UInt8(ascii: "e"), i)
                b.field(ascii: key, ascii: key)
            }
            single.field(ascii: key, -i * 12_345)
            single.field(ascii: key, prefix: UInt8(ascii: "e"), i)
            single.field(ascii: key, ascii: key)
        }
        batched.endObject(); single.endObject()
        #expect(batched.bytes == single.bytes)
    }

    /// Brackets, nulls, id lists and short texts (with escapes) inside a batch, between
    /// members the writer writes, give the writer's bytes and commas.
    @Test func nestsAndHandsCommasBackToTheWriter() {
        let texts = ["", "Ana Pell", "say \"hi\"\n", "naïve café", String(repeating: "x\\", count: 32)]
        var batched = JSONWriter(), single = JSONWriter()
        for w in [0, 1] {
            var out = w == 0 ? batched : single
            out.beginArray()
            for (i, text) in texts.enumerated() {
                let bytes = Array(text.utf8)
                if w == 0 {
                    out.batch(room: 512) { b in
                        b.beginObject()
                        b.field(ascii: "id", prefix: UInt8(ascii: "q"), i + 1)
                        bytes.withUnsafeBufferPointer { b.field(ascii: "text", shortUTF8: $0) }
                        b.key(ascii: "speaker")
                        b.null()
                        b.key(ascii: "mentions")
                        b.beginArray()
                        for m in 0..<i { b.string(ascii: UInt8(ascii: "e"), m) }
                        b.endArray()
                    }
                } else {
                    out.beginObject()
                    out.field(ascii: "id", prefix: UInt8(ascii: "q"), i + 1)
                    bytes.withUnsafeBufferPointer { out.field(ascii: "text", utf8: $0) }
                    out.key(ascii: "speaker")
                    out.null()
                    out.key(ascii: "mentions")
                    out.beginArray()
                    for m in 0..<i { out.string(ascii: UInt8(ascii: "e"), m) }
                    out.endArray()
                }
                out.field(ascii: "kind", ascii: "direct")
                out.endObject()
            }
            out.endArray()
            if w == 0 { batched = out } else { single = out }
        }
        #expect(batched.bytes == single.bytes)
        #expect((try? JSONSerialization.jsonObject(with: Data(batched.bytes))) != nil)
    }

    /// A batch hands back what its body returns and writes nothing more than its
    /// members, however much room it was given.
    @Test func returnsItsBodysResult() {
        var out = JSONWriter(capacity: 1)
        let written = out.batch(room: 1000) { b -> Int in
            b.beginArray()
            b.string(ascii: UInt8(ascii: "e"), 7)
            b.endArray()
            return 42
        }
        #expect(written == 42)
        #expect(String(decoding: out.bytes, as: UTF8.self) == #"["e7"]"#)
    }
}
