import Foundation
import Testing
@testable import VerbatimKit

/// The consumer sleeps until a batch of results is ready and workers wake it only
/// for the result it waits for: whatever the timing, every input must come out
/// once, in order, and an early stop must not hang.
@Suite struct OrderedParallelMapTests {
    /// Maps 0..<count through `jobs` workers whose work takes uneven, input-dependent
    /// time (so results complete out of order) and returns what the consumer saw.
    private func run(count: Int, jobs: Int, window: Int?, stopAfter: Int? = nil) -> [Int] {
        var next = 0
        var seen: [Int] = []
        OrderedParallelMap.run(
            jobs: jobs, window: window,
            makeState: { () },
            produce: { () -> Int? in
                guard next < count else { return nil }
                defer { next += 1 }
                return next
            },
            transform: { (input: Int, _: Void) -> Int in
                // A few microseconds to a millisecond, varying with the input.
                usleep(UInt32((input * 7919) % 13) * 70)
                return input * 2
            },
            consume: { output in
                seen.append(output)
                return stopAfter.map { seen.count < $0 } ?? true
            })
        return seen
    }

    @Test(arguments: [(1, nil), (2, nil), (3, 4), (3, 1), (2, 64)] as [(Int, Int?)])
    func everyInputComesOutOnceInOrder(jobs: Int, window: Int?) {
        #expect(run(count: 400, jobs: jobs, window: window) == (0..<400).map { $0 * 2 })
    }

    @Test func fewerInputsThanABatch() {
        #expect(run(count: 3, jobs: 2, window: 32) == [0, 2, 4])
        #expect(run(count: 0, jobs: 2, window: 32) == [])
    }

    @Test(arguments: [1, 2, 3])
    func anEarlyStopEndsTheRunWithoutHanging(jobs: Int) {
        let seen = run(count: 1_000, jobs: jobs, window: 8, stopAfter: 50)
        #expect(seen == (0..<50).map { $0 * 2 })
    }
}
