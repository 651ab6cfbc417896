import Foundation
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

@Suite struct JSONWriterByteTests {
    /// The escaping as a byte loop, to compare the word-at-a-time scan with.
    static func escapedByByte(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        let hex = Array("0123456789abcdef".utf8)
        for c in bytes {
            switch c {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += Array(#"\n"#.utf8)
            case 0x0D: out += Array(#"\r"#.utf8)
            case 0x09: out += Array(#"\t"#.utf8)
            case ..<0x20: out += Array(#"\u00"#.utf8) + [hex[Int(c >> 4)], hex[Int(c & 0xF)]]
            default: out.append(c)
            }
        }
        return out + [UInt8(ascii: "\"")]
    }

    @Test func wordTestFlagsExactlyTheBytesToEscape() {
        for position in 0..<8 {
            for value in 0...255 {
                var word: UInt64 = 0x6161_6161_6161_6161  // "aaaaaaaa"
                word &= ~(0xFF << UInt64(8 * position))
                word |= UInt64(value) << UInt64(8 * position)
                let expected = value < 0x20 || value == 0x22 || value == 0x5C
                #expect(JSONWriter.hasByteToEscape(word) == expected, "byte \(value) at \(position)")
            }
        }
        // Neighbours that would borrow or carry: high bytes, 0x21, 0x23, 0x5B, 0x5D.
        for filler: UInt8 in [0x21, 0x23, 0x5B, 0x5D, 0x7F, 0x80, 0xE2, 0xFF] {
            let word = UInt64(filler) &* 0x0101_0101_0101_0101
            #expect(!JSONWriter.hasByteToEscape(word), "filler \(filler)")
        }
    }

    @Test func escapingMatchesTheByteLoopAtEveryOffset() {
        // Texts of every length up to 40 with a byte to escape (or a multi-byte
        // character) at every offset, so that it falls in each place of a word and in the tail.
        let specials: [[UInt8]] = [[0x22], [0x5C], [0x0A], [0x00], [0x1F], [0x09], [0x0D], Array("é".utf8), Array("😀".utf8)]
        for length in 0...40 {
            let plain = (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) }
            var texts = [plain]
            for offset in 0...length {
                for s in specials { texts.append(Array(plain[..<offset]) + s + Array(plain[offset...])) }
            }
            for text in texts {
                var out: [UInt8] = []
                JSONWriter.appendString(String(decoding: text, as: UTF8.self), to: &out)
                #expect(out == Self.escapedByByte(text))
            }
        }
    }

    @Test func numbersAreSpelledAsStringSpellsThem() {
        var values = [0, 1, -1, 9, 10, -10, 99, 100, 12345, Int.max, Int.min, Int.max - 1, Int.min + 1]
        var power = 1
        for _ in 0..<18 {
            power *= 10
            values += [power - 1, power, power + 1, -power]
        }
        for v in values {
            var w = JSONWriter()
            w.int(v)
            #expect(String(decoding: w.bytes, as: UTF8.self) == String(v))
            var s = JSONWriter()
            s.string(ascii: UInt8(ascii: "e"), v)
            #expect(String(decoding: s.bytes, as: UTF8.self) == "\"e\(v)\"")
        }
    }

    @Test func growsPastItsInitialCapacity() {
        var w = JSONWriter(capacity: 1)
        var expected = "["
        w.beginArray()
        for i in 0..<500 {
            w.int(i)
            w.string("x\(i)\"")
            w.bool(i % 2 == 0)
            w.raw(Array("{\"r\":\(i)}".utf8))
            expected += "\(i),\"x\(i)\\\"\",\(i % 2 == 0),{\"r\":\(i)},"
        }
        w.null()
        w.endArray()
        w.newline()
        expected += "null]\n"
        #expect(String(decoding: w.bytes, as: UTF8.self) == expected)
        #expect(String(decoding: w.takeBytes(), as: UTF8.self) == expected)
        // Taken, the writer starts over.
        #expect(w.bytes.isEmpty)
        w.beginObject(); w.field(ascii: "k", 1); w.endObject()
        #expect(String(decoding: w.takeBytes(), as: UTF8.self) == #"{"k":1}"#)
    }
}

@Suite struct JSONWriterFieldTests {
    /// The one-piece members write what a key followed by its value writes, short
    /// strings and long ones (past the one-piece limit), first members and later ones.
    @Test func fieldsEqualKeyThenValue() {
        let texts = ["", "a", "say \"hi\"\n", String(repeating: "é\"x\\", count: 30), String(repeating: "plain ", count: 40)]
        var oneStep = JSONWriter(), twoSteps = JSONWriter()
        oneStep.beginObject(); twoSteps.beginObject()
        for (i, text) in texts.enumerated() {
            oneStep.field(ascii: "text", text)
            twoSteps.key(ascii: "text"); twoSteps.string(text)
            Array(text.utf8).withUnsafeBufferPointer { oneStep.field(ascii: "bytes", utf8: $0) }
            twoSteps.key(ascii: "bytes"); Array(text.utf8).withUnsafeBufferPointer { twoSteps.string(utf8: $0) }
            oneStep.field(ascii: "n", -i * 1000)
            twoSteps.key(ascii: "n"); twoSteps.int(-i * 1000)
            oneStep.field(ascii: "id", prefix: UInt8(ascii: "e"), i)
            twoSteps.key(ascii: "id"); twoSteps.string(ascii: UInt8(ascii: "e"), i)
            oneStep.field(ascii: "label", ascii: "PERSON")
            twoSteps.key(ascii: "label"); twoSteps.string("PERSON")
            oneStep.key(text); twoSteps.key(text)
            oneStep.null(); twoSteps.null()
        }
        oneStep.endObject(); twoSteps.endObject()
        #expect(oneStep.bytes == twoSteps.bytes)
        let parsed = try? JSONSerialization.jsonObject(with: Data(oneStep.bytes))
        #expect(parsed != nil)
    }
}
