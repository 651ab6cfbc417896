import Foundation
import VerbatimKit

/// The threads that annotate for the service: `count` of them, each with its own
/// ``Pipeline/Worker`` (ICU break iterators belong to one thread at a time), taking
/// jobs first in, first out. Request handlers hand a job over and wait for its result
/// without holding one of Swift's cooperative threads, so slow articles never stall
/// the event loops or the other requests' I/O.
final class WorkerPool: @unchecked Sendable {
    typealias Job = @Sendable (Pipeline.Worker) -> Void

    let count: Int
    private let condition = NSCondition()
    private var queue: [Job] = []
    private var head = 0
    private var stopping = false
    private var running = 0

    /// Starts the threads; fails if ICU cannot open break iterators.
    init(pipeline: Pipeline, count: Int) throws(VerbatimError) {
        self.count = count
        var workers: [Pipeline.Worker] = []
        for _ in 0..<count { workers.append(try pipeline.makeWorker()) }
        for worker in workers {
            let box = WorkerBox(worker)
            let thread = Thread { [self] in self.serve(box.worker) }
            thread.name = "verbatim-worker"
            thread.stackSize = 8 << 20
            running += 1
            thread.start()
        }
    }

    /// Runs `body` on a worker thread and returns its result.
    func run<T: Sendable>(_ body: @escaping @Sendable (Pipeline.Worker) -> T) async -> T {
        await withCheckedContinuation { (continuation: CheckedContinuation<T, Never>) in
            enqueue { worker in continuation.resume(returning: body(worker)) }
        }
    }

    /// Lets the queued jobs finish, then ends the threads and waits for them.
    func shutdown() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while running > 0 { condition.wait() }
        condition.unlock()
    }

    private func enqueue(_ job: @escaping Job) {
        condition.lock()
        queue.append(job)
        condition.signal()
        condition.unlock()
    }

    private func serve(_ worker: Pipeline.Worker) {
        while let job = take() { job(worker) }
        condition.lock()
        running -= 1
        condition.broadcast()
        condition.unlock()
    }

    private func take() -> Job? {
        condition.lock()
        defer { condition.unlock() }
        while head == queue.count && !stopping { condition.wait() }
        guard head < queue.count else { return nil }
        let job = queue[head]
        head += 1
        if head > 256, head * 2 > queue.count {
            queue.removeFirst(head)
            head = 0
        }
        return job
    }

    /// Hands a worker, made on the starting thread, to the thread that will own it.
    private final class WorkerBox: @unchecked Sendable {
        let worker: Pipeline.Worker
        init(_ worker: Pipeline.Worker) { self.worker = worker }
    }
}

/// Counts the annotation requests in progress (running or waiting for a worker) so
/// that the service can turn work away with 503 instead of queueing without bound.
final class Admission: @unchecked Sendable {
    let capacity: Int
    private let lock = NSLock()
    private var current = 0
    private var total = 0

    init(capacity: Int) { self.capacity = capacity }

    /// Takes a place, or returns false when all `capacity` places are taken.
    func enter() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard current < capacity else { return false }
        current += 1
        total += 1
        return true
    }

    func leave() {
        lock.lock()
        current -= 1
        lock.unlock()
    }

    /// Requests in progress now, and admitted since the start.
    var counts: (inFlight: Int, admitted: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (current, total)
    }
}
