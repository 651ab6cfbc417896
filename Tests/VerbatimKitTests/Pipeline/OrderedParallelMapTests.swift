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

/// Heavy inputs are not read ahead: past the weight budget the producer waits.
@Suite struct OrderedParallelMapWeightTests {
    @Test func heavyInputsAreNotHeldAtOnce() {
        let lock = NSLock()
        var produced = 0, consumed = 0, mostAhead = 0
        var out: [Int] = []
        OrderedParallelMap.run(
            jobs: 2,
            makeState: { () },
            produce: { () -> Int? in
                guard produced < 40 else { return nil }
                lock.lock()
                mostAhead = max(mostAhead, produced - consumed)
                lock.unlock()
                produced += 1
                return produced - 1
            },
            transform: { (input: Int, _: Void) -> Int in
                usleep(useconds_t(100 * (input % 3)))
                return input
            },
            consume: { value in
                out.append(value)
                consumed += 1
                return true
            },
            weight: { _ in 100 },
            maxWeight: 150
        )
        #expect(out == Array(0..<40))
        #expect(mostAhead <= 2)
    }
}

/// A worker that cannot be made still gives one valid, escaped error line per record.
@Suite struct BatchRunnerFailureTests {
    @Test func workerFailuresBecomeEscapedErrorLines() throws {
        var runner = BatchRunner(pipeline: try Pipeline(), options: RecordOptions(), jobs: 2)
        runner.makeWorker = { () throws(VerbatimError) -> Pipeline.Worker in throw .icu("U_MEMORY_ALLOCATION_ERROR") }
        var records = [InputRecord(payload: .text(Array("Hi.".utf8)), fallbackID: #"a"b\c"#, path: "in\"put.txt")]
        let writer = RecordWriter(options: RecordOptions())
        var lines: [[UInt8]] = []
        runner.run(next: { records.popLast() }, transform: { writer.jsonLine($0) }, consume: { line, _ in lines.append(line); return true })
        #expect(lines.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[0])) as? [String: Any])
        #expect(object["id"] as? String == #"a"b\c"#)
        #expect((object["error"] as? [String: Any])?["code"] as? String == "icu_failure")
        OutputInvariants.check(line: lines[0])
    }
}
