import Testing
@testable import VerbatimKit

@Suite struct CodePointIndexTests {
    @Test func matchesScalarCountsEverywhere() {
        let text = String(repeating: "Zürich 😀 Олег “q” e\u{301} ", count: 40) + "end"
        let bytes = Array(text.utf8)
        let index = CodePointIndex(bytes)
        var scalars = 0
        var offset = 0
        for scalar in text.unicodeScalars {
            #expect(index.codePoints(atByte: Int32(offset)) == scalars)
            offset += String(scalar).utf8.count
            scalars += 1
        }
        #expect(index.codePoints(atByte: Int32(bytes.count)) == text.unicodeScalars.count)
    }

    @Test func asciiIsIdentity() {
        let index = CodePointIndex(Array("plain text".utf8))
        #expect(index.codePoints(atByte: 5) == 5)
        #expect(index.codePoints(atByte: 10) == 10)
    }
}

@Suite struct CodePointIndexWordTests {
    /// Every byte offset of texts of every length up to 70 (whole blocks, partial last
    /// blocks, the byte-loop tail), with multi-byte characters at every position.
    @Test func matchesScalarCountsForEveryLengthAndPosition() {
        for length in 0...70 {
            for insert in ["", "é", "€", "😀"] {
                for position in stride(from: 0, through: length, by: 3) {
                    var text = String(repeating: "a", count: length)
                    text.insert(contentsOf: insert, at: text.index(text.startIndex, offsetBy: position))
                    text += "€"  // never all ASCII
                    let bytes = Array(text.utf8)
                    let index = CodePointIndex(bytes)
                    var scalars = 0, offset = 0
                    for scalar in text.unicodeScalars {
                        #expect(index.codePoints(atByte: Int32(offset)) == scalars, "\(length) \(insert) \(position) at \(offset)")
                        offset += String(scalar).utf8.count
                        scalars += 1
                    }
                    #expect(index.codePoints(atByte: Int32(bytes.count)) == scalars)
                }
            }
        }
    }

    @Test func continuationBytesAreCountedPerWord() {
        #expect(CodePointIndex.continuationCount(0) == 0)
        #expect(CodePointIndex.continuationCount(0x8080_8080_8080_8080) == 8)
        #expect(CodePointIndex.continuationCount(0xC0C0_C0C0_C0C0_C0C0) == 0)
        #expect(CodePointIndex.continuationCount(0x0000_0000_0000_BF41) == 1)
    }
}
