import Testing
@testable import VerbatimKit

/// The segmenter hands ICU a UTF-16 copy of the text and maps ICU's offsets back to
/// bytes: tokens, sentences and paragraphs must be exactly those ICU gives over the
/// bytes themselves.
@Suite struct UTF16TextTests {
    /// Both readings of one text.
    private func bothReadings(_ bytes: [UInt8]) throws -> (utf16: Segmentation, utf8: Segmentation) {
        let viaUTF16 = try shippedSegmenter()
        let viaUTF8 = try shippedSegmenter()
        viaUTF8.readsUTF16 = false
        return (try viaUTF16.segment(utf8: bytes), try viaUTF8.segment(utf8: bytes))
    }

    private func expectSame(_ bytes: [UInt8], _ label: String) throws {
        let (a, b) = try bothReadings(bytes)
        #expect(a.tokens == b.tokens, "\(label)")
        #expect(a.sentences == b.sentences, "\(label)")
        #expect(a.paragraphs == b.paragraphs, "\(label)")
    }

    /// Random invented text from pieces of one to four bytes a character (emoji make
    /// surrogate pairs), with hard and soft line breaks in ASCII and not (U+2028, NEL),
    /// so that the offsets table, the in-place blanking and the re-conversion all run.
    @Test func randomTextSegmentsAsOverTheBytes() throws {
        var rng = SplitMix64(seed: 23)
        let pieces = ["Dr", ".", " ", "Ana", "Pell", "said", "U.S.", "the", "talks", "ended", "?", "!", "“", "”", "’", "é",
                      "Zürich", "Олег", "東京", "🎉", "👩‍👩‍👧", "\n", "\n\n", "\r\n", "\u{2028}", "\u{85}", "\u{A0}", "—", "…",
                      "3", "1,000", "(", ")", "a", "wrapped", "line", "\u{301}", "ǅ", "𝔄"]
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...40, using: &rng) { text += pieces.randomElement(using: &rng)! }
            try expectSame(Array(text.utf8), text.debugDescription)
        }
    }

    /// Text that is not valid UTF-8 is given to ICU as bytes, as before.
    @Test func invalidBytesFallBackToTheBytes() throws {
        let cases: [[UInt8]] = [
            Array("Ana Pell said ".utf8) + [0xFF] + Array(" the talks ended.".utf8),
            Array("Café".utf8).dropLast() + Array(" in Selby.".utf8),            // a lead byte without its tail
            Array("x ".utf8) + [0xED, 0xA0, 0x80] + Array(" y.".utf8),            // an encoded surrogate
            Array("x ".utf8) + [0xC0, 0xAF] + Array(" y.".utf8),                  // an overlong slash
            Array("x ".utf8) + [0xF4, 0x90, 0x80, 0x80] + Array(" y.".utf8),      // past U+10FFFF
        ]
        for bytes in cases {
            let text = UTF16Text()
            #expect(!bytes.withUnsafeBufferPointer { text.load($0) }, "\(bytes)")
            try expectSame(bytes, "\(bytes)")
        }
    }

    /// The conversion itself: units as Swift's, and each unit's byte offset.
    @Test func unitsAndOffsetsMatchSwift() {
        let text = UTF16Text()
        for sample in ["", "plain ASCII text of more than eight bytes", "é", "a😀b", "Zürich 東京 🎉 done",
                       String(repeating: "abcdefgh", count: 700) + "é"] {
            let bytes = Array(sample.utf8)
            #expect(bytes.withUnsafeBufferPointer { text.load($0) })
            let units = Array(UnsafeBufferPointer(start: text.units, count: text.count))
            #expect(units == Array(sample.utf16), "\(sample.prefix(20))")
            // Each unit's character's first byte (both halves of a pair: the character's).
            var expectedOffsets: [Int32] = []
            var byte = 0
            for scalar in sample.unicodeScalars {
                for _ in 0..<scalar.utf16.count { expectedOffsets.append(Int32(byte)) }
                byte += scalar.utf8.count
            }
            for (u, offset) in expectedOffsets.enumerated() where u == 0 || expectedOffsets[u - 1] != offset {
                #expect(text.utf16Offset(ofUTF8: Int(offset)) == u, "\(sample.prefix(20)) \(offset)")
            }
            if text.mapsOffsets, let offsets = text.utf8Offsets {
                #expect(Array(UnsafeBufferPointer(start: offsets, count: text.count + 1)) == expectedOffsets + [Int32(bytes.count)],
                        "\(sample.prefix(20))")
            } else {
                #expect(bytes.allSatisfy { $0 < 0x80 })
            }
        }
    }
}
