import Foundation

/// Maps a stream through worker threads and hands results back in input order.
///
/// The calling thread produces inputs and consumes outputs; `jobs` threads run
/// `transform`, each with its own state (ICU iterators are per thread). At most
/// `window` inputs are in flight, so memory stays bounded whatever the stream's
/// length, and the output order never depends on timing: `--jobs 8` writes the
/// same bytes as `--jobs 1`.
public enum OrderedParallelMap {
    public static func run<Input, Output, State>(
        jobs: Int,
        window: Int? = nil,
        makeState: () -> State,
        produce: () -> Input?,
        transform: @escaping (Input, State) -> Output,
        consume: (Output) -> Bool
    ) {
        if jobs <= 1 {
            let state = makeState()
            while let input = produce() {
                if !consume(transform(input, state)) { return }
            }
            return
        }
        let shared = Shared<Input, Output>()
        let limit = window ?? jobs * 16
        let batch = max(1, limit / 4)
        var threads: [Thread] = []
        for _ in 0..<jobs {
            let box = Unchecked((makeState(), transform))
            let thread = Thread {
                let (state, transform) = box.value
                while let (seq, input) = shared.take() {
                    shared.put(seq, transform(input, state))
                }
                shared.workerExited()
            }
            thread.stackSize = 8 << 20
            threads.append(thread)
        }
        threads.forEach { $0.start() }

        var produced = 0
        var consumed = 0
        var stopped = false
        while !stopped, let input = produce() {
            shared.add(produced, input)
            produced += 1
            // Drain what is ready; block only when the window is full, and then until
            // a few results are ready, so that the consumer wakes once per batch.
            while consumed < produced {
                let mustWait = produced - consumed >= limit
                if mustWait { shared.waitForResult(consumed + min(batch, produced - consumed) - 1) }
                guard let output = shared.result(consumed, wait: mustWait) else { break }
                consumed += 1
                if !consume(output) { stopped = true; break }
            }
        }
        if stopped { shared.cancel() }
        shared.finish()
        while !stopped, consumed < produced, let output = shared.result(consumed, wait: true) {
            consumed += 1
            if !consume(output) { stopped = true; shared.cancel() }
        }
        shared.waitForWorkers(jobs)
    }

    private final class Unchecked<T>: @unchecked Sendable {
        let value: T
        init(_ value: T) { self.value = value }
    }

    /// The queue and the reorder buffer, behind one condition lock.
    private final class Shared<Input, Output>: @unchecked Sendable {
        private let condition = NSCondition()
        private var queue: [(Int, Input)] = []
        private var queueHead = 0
        private var results: [Int: Output] = [:]
        private var done = false
        private var cancelled = false
        private var exited = 0
        /// The result the consumer sleeps for (-1: none). Workers wake it only with
        /// that one: waking it for every result took a core from a worker each time.
        private var awaited = -1

        func add(_ seq: Int, _ input: Input) {
            condition.lock()
            queue.append((seq, input))
            condition.broadcast()
            condition.unlock()
        }

        func take() -> (Int, Input)? {
            condition.lock()
            defer { condition.unlock() }
            while queueHead == queue.count && !done && !cancelled { condition.wait() }
            if cancelled || queueHead == queue.count { return nil }
            let item = queue[queueHead]
            queueHead += 1
            if queueHead > 1024, queueHead * 2 > queue.count {
                queue.removeFirst(queueHead)
                queueHead = 0
            }
            return item
        }

        func put(_ seq: Int, _ output: Output) {
            condition.lock()
            results[seq] = output
            if seq == awaited { condition.broadcast() }
            condition.unlock()
        }

        func result(_ seq: Int, wait: Bool) -> Output? {
            condition.lock()
            defer { condition.unlock() }
            while results[seq] == nil {
                if !wait { return nil }
                awaited = seq
                condition.wait()
            }
            awaited = -1
            return results.removeValue(forKey: seq)
        }

        /// Sleeps until result `seq` is ready.
        func waitForResult(_ seq: Int) {
            condition.lock()
            while results[seq] == nil && !cancelled {
                awaited = seq
                condition.wait()
            }
            awaited = -1
            condition.unlock()
        }

        func finish() {
            condition.lock()
            done = true
            condition.broadcast()
            condition.unlock()
        }

        func cancel() {
            condition.lock()
            cancelled = true
            condition.broadcast()
            condition.unlock()
        }

        func workerExited() {
            condition.lock()
            exited += 1
            condition.broadcast()
            condition.unlock()
        }

        func waitForWorkers(_ count: Int) {
            condition.lock()
            while exited < count { condition.wait() }
            condition.unlock()
        }
    }
}
