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
