import Testing
@testable import VerbatimKit

/// The resolver's map of hashed keys against Swift's Dictionary.
@Suite struct HashKeyMapTests {
    @Test func agreesWithADictionaryThroughGrowth() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<20 {
            var map = HashKeyMap<Int>()
            var reference: [UInt64: Int] = [:]
            // Small key ranges force repeats; keys differing only in high bits share slots before spreading.
            let keys: [UInt64] = (0..<(round * 40 + 5)).map { _ in
                round % 2 == 0 ? UInt64.random(in: 0..<64, using: &generator) : UInt64.random(in: 0..<8, using: &generator) << 60
            }
            for (i, key) in keys.enumerated() {
                map[key] = i
                reference[key] = i
                #expect(map.count == reference.count)
            }
            for key in UInt64(0)..<70 { #expect(map[key] == reference[key]) }
            for key in keys { #expect(map[key] == reference[key]) }
        }
    }

    /// A map made without a capacity has no slots until its first key.
    @Test func emptyMapsAnswerAndTakeKeys() {
        for capacity in [0, 1, 100] {
            var map = HashKeyMap<Int>(capacity: capacity)
            #expect(map[0] == nil)
            #expect(map[0x9E37_79B9_7F4A_7C15] == nil)
            #expect(map[3, default: 9] == 9)
            map[42] = 1
            map[42] = 2
            #expect(map[42] == 2)
            #expect(map[0] == nil)
            #expect(map.count == 1)
            for key in UInt64(100)..<120 { map[key] = Int(key) }
            #expect(map.count == 21)
            #expect(map[42] == 2 && map[119] == 119 && map[120] == nil)
        }
    }

    @Test func defaultSubscriptAppendsInPlace() {
        var map = HashKeyMap<[Int]>()
        #expect(map.isEmpty)
        map[7, default: []].append(1)
        map[7, default: []].append(2)
        map[0, default: []].append(3)
        #expect(map[7] == [1, 2])
        #expect(map[0] == [3])
        #expect(map[9] == nil)
        #expect(map.count == 2)
    }

    /// `insertIfAbsent` keeps the first value of a key and answers with it, through growth.
    @Test func insertIfAbsentKeepsTheFirstValue() {
        var generator = SplitMix64(seed: 11)
        for capacity in [0, 3, 50] {
            var map = HashKeyMap<Int>(capacity: capacity)
            var reference: [UInt64: Int] = [:]
            for i in 0..<300 {
                let key = generator.next() % 97 << (i % 2 == 0 ? 0 : 58)
                let had = map.insertIfAbsent(key, i)
                #expect(had == reference[key])
                if reference[key] == nil { reference[key] = i }
                #expect(map.count == reference.count)
            }
            for (key, value) in reference { #expect(map[key] == value) }
        }
    }
}
