import Testing
@testable import VerbatimKit

/// The eight-bytes-at-a-time case scan behind cluster names, against a byte loop.
@Suite struct NameShapeTests {
    private func reference(_ bytes: [UInt8]) -> (upper: Bool, lower: Bool)? {
        var upper = false, lower = false
        for b in bytes {
            if b >= 0x80 { return nil }
            if (0x41...0x5A).contains(b) { upper = true } else if (0x61...0x7A).contains(b) { lower = true }
        }
        return (upper, lower)
    }

    private func scan(_ bytes: [UInt8]) -> (upper: Bool, lower: Bool)? {
        bytes.withUnsafeBytes { Clustering.NameShape.asciiCases($0) }
    }

    @Test func agreesWithAByteLoop() {
        // The letters' neighbours (@ [ ` {), the ends of ASCII and bytes above it.
        let alphabet: [UInt8] = [0x00, 0x20, 0x2E, 0x40, 0x41, 0x4D, 0x5A, 0x5B, 0x60, 0x61, 0x6D, 0x7A, 0x7B, 0x7F, 0x80, 0xC3, 0xFF]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let count = Int.random(in: 0...27, using: &generator)
            var bytes = (0..<count).map { _ in alphabet.randomElement(using: &generator)! }
            // Mostly ASCII, so that the letter tests are reached.
            if Bool.random(using: &generator) { bytes = bytes.map { $0 & 0x7F } }
            let got = scan(bytes), want = reference(bytes)
            #expect(got?.upper == want?.upper && got?.lower == want?.lower && (got == nil) == (want == nil), "\(bytes)")
        }
    }

    @Test func namesAndHeadlines() {
        #expect(scan(Array("NORTH ATLANTIC TREATY".utf8))! == (true, false))
        #expect(scan(Array("North Atlantic Treaty".utf8))! == (true, true))
        #expect(scan(Array("1234567890-.,".utf8))! == (false, false))
        #expect(scan(Array("Zürich Insurance".utf8)) == nil)
    }
}
