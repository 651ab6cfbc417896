import Testing
@testable import VerbatimKit

private func fields(_ json: String) throws(VerbatimError) -> [JSONObjectReader.Field] {
    try JSONObjectReader.fields(of: Array(json.utf8))
}

@Suite struct JSONObjectReaderTests {
    @Test func keepsRawValuesAndOrder() throws {
        let f = try fields(#"{"id": 7, "meta": {"a": [1.0, true, null]}, "text": "Hi \"you\"\n", "score": -1.5e3}"#)
        #expect(f.map(\.key) == ["id", "meta", "text", "score"])
        #expect(String(decoding: f[0].raw, as: UTF8.self) == "7")
        #expect(String(decoding: f[1].raw, as: UTF8.self) == #"{"a": [1.0, true, null]}"#)
        #expect(f[1].kind == .object)
        #expect(JSONObjectReader.decodeString(f[2].raw) == "Hi \"you\"\n")
        #expect(f[3].kind == .number)
    }

    @Test func decodesEscapesAndSurrogates() {
        func decode(_ s: String) -> String { JSONObjectReader.decodeString(Array(s.utf8)[...]) }
        #expect(decode(#""caf\u00e9 \ud83d\ude00 \/ \\ \t""#) == "café 😀 / \\ \t")
        // A lone surrogate cannot be a Swift scalar: it becomes U+FFFD, one code point as in Python.
        #expect(decode(#""a\ud800b""#) == "a\u{FFFD}b")
        #expect(decode(#""\udc00""#) == "\u{FFFD}")
    }

    /// The bytes the document is made from are the UTF-8 of the decoded string,
    /// escapes, surrogate pairs and lone surrogates included.
    @Test func decodesToTheBytesOfTheDecodedString() {
        let raws = [#""caf\u00e9 \ud83d\ude00 \/ \\ \t\n\r\b\f \"q\"""#, #""a\ud800b\udc00""#, "\"\"",
                    #""plain text, no escape — at all""#, #""\u0000\u007f\u0080\u07ff\u0800\uffff""#]
        for raw in raws {
            let bytes = Array(raw.utf8)[...]
            #expect(JSONObjectReader.decodeBytes(bytes) == Array(JSONObjectReader.decodeString(bytes).utf8), "\(raw)")
        }
        #expect(JSONObjectReader.decodeBytes(Array(#""x\ud83d\ude00y""#.utf8)[...]) == Array("x😀y".utf8))
    }

    @Test func duplicateKeysKeepFirstPositionAndLastValue() throws {
        let f = try fields(#"{"text": "one", "id": 1, "text": "two"}"#)
        #expect(f.map(\.key) == ["text", "id"])
        #expect(JSONObjectReader.decodeString(f[0].raw) == "two")
    }

    @Test(arguments: [
        (#"{"text": "a""#, "invalid_json"),
        (#"{"text": "a",}"#, "invalid_json"),
        (#"{text: "a"}"#, "invalid_json"),
        (#"{"a": 01}"#, "invalid_json"),
        (#"{"a": "\x"}"#, "invalid_json"),
        ("{\"a\": \"tab\there\"}", "invalid_json"),
        (#"{"a": 1} {"b": 2}"#, "invalid_json"),
        ("", "invalid_json"),
        ("[1, 2]", "not_an_object"),
        (#""text""#, "not_an_object"),
        ("42", "not_an_object"),
        ("null", "not_an_object"),
    ])
    func rejectsWithSpecificCodes(json: String, code: String) {
        #expect(throws: VerbatimError.self) { try fields(json) }
        do {
            _ = try fields(json)
        } catch {
            #expect(error.code == code)
        }
    }

    @Test func deepNestingIsRefusedNotCrashed() {
        let deep = #"{"a": "# + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        #expect(throws: VerbatimError.self) { try fields(deep) }
    }

    @Test func utf8Validation() {
        #expect(UTF8Validation.firstInvalidByte(Array("plain ascii and café 😀".utf8)) == nil)
        #expect(UTF8Validation.firstInvalidByte([0x61, 0x62, 0xFF, 0x63]) == 2)
        #expect(UTF8Validation.firstInvalidByte([0x61, 0xC3]) == 1)               // truncated
        #expect(UTF8Validation.firstInvalidByte([0xED, 0xA0, 0x80]) == 0)         // encoded surrogate
        #expect(UTF8Validation.firstInvalidByte([0xC0, 0xAF]) == 0)               // overlong
        #expect(UTF8Validation.firstInvalidByte(Array(repeating: 0x41, count: 37) + [0x80]) == 37)
    }

    /// The word-at-a-time skip inside strings (the writer's escape test) agrees with a byte-by-byte test, and
    /// long strings still stop at quotes, escapes and control characters in any lane.
    @Test func plainRunsAgreeWithBytes() throws {
        var generator = SystemRandomNumberGenerator()
        let special: [UInt8] = [0x00, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0xA2, 0xDC, 0xFF]
        for _ in 0..<5000 {
            let bytes = (0..<8).map { _ in Bool.random(using: &generator) ? special.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator) }
            let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            let expected = !bytes.contains { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }
            #expect(!JSONWriter.hasByteToEscape(word) == expected, "\(bytes)")
        }
        let long = String(repeating: "abcdefgh", count: 9)
        for lane in 0..<16 {
            let head = String(long.prefix(40 + lane))
            let fields = try JSONObjectReader.fields(of: Array("{\"t\": \"\(head)\\\"q\", \"n\": 1}".utf8))
            #expect(JSONObjectReader.decodeString(fields[0].raw) == head + "\"q")
            #expect(throws: VerbatimError.self) { try JSONObjectReader.fields(of: Array("{\"t\": \"\(head)\u{1}x\"}".utf8)) }
        }
    }
}
