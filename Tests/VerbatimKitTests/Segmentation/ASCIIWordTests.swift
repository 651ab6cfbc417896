import Testing
@testable import VerbatimKit

/// The eight-bytes-at-a-time letter tests every per-token fast path shares, against
/// plain byte tests: every ASCII byte in every lane, next to every other letter kind.
@Suite struct ASCIIWordTests {
    @Test func letterMasksAndLowerCasingAgreeWithByteTests() {
        let neighbours: [UInt8] = [0x00, 0x40, 0x41, 0x5A, 0x5B, 0x60, 0x61, 0x7A, 0x7B, 0x7F]
        for byte in UInt8(0)..<0x80 {
            for lane in 0..<8 {
                for neighbour in neighbours {
                    var bytes = [UInt8](repeating: neighbour, count: 8)
                    bytes[lane] = byte
                    let w = bytes.withUnsafeBytes { ASCIIWord.load($0.baseAddress!) }
                    var capitals: UInt64 = 0, smalls: UInt64 = 0, lowered: UInt64 = 0
                    for (k, b) in bytes.enumerated() {
                        if b >= 0x41 && b <= 0x5A { capitals |= 0x80 << UInt64(8 * k) }
                        if b >= 0x61 && b <= 0x7A { smalls |= 0x80 << UInt64(8 * k) }
                        lowered |= UInt64(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) << UInt64(8 * k)
                    }
                    #expect(w & ASCIIWord.high == 0)
                    #expect(ASCIIWord.capitals(w) == capitals, "\(bytes)")
                    #expect(ASCIIWord.smalls(w) == smalls, "\(bytes)")
                    #expect(ASCIIWord.lowercased(w) == lowered, "\(bytes)")
                }
            }
        }
    }

    @Test func lowBytesMasksExactlyTheFirstBytes() {
        for count in 0...12 {
            let expected = (0..<8).reduce(UInt64(0)) { $0 | ($1 < count ? UInt64(0xFF) << UInt64(8 * $1) : 0) }
            #expect(ASCIIWord.lowBytes(count) == expected, "\(count)")
        }
    }
}
