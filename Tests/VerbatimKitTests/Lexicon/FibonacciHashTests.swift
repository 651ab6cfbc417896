import Testing
@testable import VerbatimKit

/// The mix that the hashed tables (``HashKeyMap``, ``HashBitFilter``, the walk index)
/// take their slots from.
@Suite struct FibonacciHashTests {
    /// Every two-letter word's FNV-1a hash, the kind of key whose raw high bits differ least.
    static let shortWordHashes: [UInt64] = {
        let letters = Array("abcdefghijklmnopqrstuvwxyz".utf8)
        return letters.flatMap { a in letters.map { b in [a, b].withUnsafeBufferPointer { FNV1a.hash($0) } } }
    }()

    @Test func shortWordsSpreadOverTheSlots() {
        let shift: UInt64 = 64 - 10
        let slots = Set(Self.shortWordHashes.map { FibonacciHash.index($0, shift: shift) })
        #expect(slots.allSatisfy { (0..<1024).contains($0) })
        // 676 words thrown at random into 1,024 slots fill about 490 of them.
        #expect(slots.count >= 420, "\(slots.count) slots")
        let unmixed = Set(Self.shortWordHashes.map { Int(truncatingIfNeeded: $0 >> shift) })
        #expect(unmixed.count < slots.count / 2, "FNV-1a's raw high bits, \(unmixed.count) slots, are why the tables mix")
    }

    @Test func mixingLosesNoBit() {
        // An odd multiplier is invertible modulo 2^64: distinct hashes stay distinct.
        #expect(FibonacciHash.multiplier & 1 == 1)
        let mixed = Set(Self.shortWordHashes.map(FibonacciHash.mix))
        #expect(mixed.count == Set(Self.shortWordHashes).count)
    }
}
