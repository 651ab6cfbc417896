import Foundation

/// Maps a stream through worker threads and hands results back in input order.
///
/// The calling thread produces inputs and consumes outputs; `jobs` threads run
/// `transform`, each with its own state (ICU iterators are per thread). At most
/// `window` inputs are in flight, so memory stays bounded whatever the stream's
/// length, and the output order never depends on timing: `--jobs 8` writes the
/// same bytes as `--jobs 1`.
public enum OrderedParallelMap {
    /// More threads than this are never started, whatever `jobs` asks for.
    public static let maximumJobs = 1024

    /// How many worker threads ran, and why the others did not start.
    public struct Report: Sendable {
        public var requested: Int
        public var started: Int
        /// The system's reason when a thread could not be started.
        public var failure: String?
        /// Threads that started but were stopped again at once, to give their
        /// stacks back (`started` counts the ones that ran).
        public var retired = 0
    }

    /// - Parameters:
    ///   - weight, maxWeight: besides at most `window` inputs, at most `maxWeight` of
    ///     their weight (bytes, say) is in flight: past it, the producer waits for
    ///     the oldest result before it reads on, so a few huge inputs are not held
    ///     at once (one heavier than `maxWeight` is the only one in flight).
    @discardableResult
    public static func run<Input, Output, State>(
        jobs requestedJobs: Int,
        window: Int? = nil,
        makeState: () -> State,
        produce: () -> Input?,
        transform: @escaping (consuming Input, State) -> Output,
        consume: (Output) -> Bool,
        weight: ((Input) -> Int)? = nil,
        maxWeight: Int = .max
    ) -> Report {
        let jobs = min(max(requestedJobs, 1), maximumJobs)
        if jobs <= 1 {
            let state = makeState()
            while let input = produce() {
                if !consume(transform(consume input, state)) { break }
            }
            return Report(requested: requestedJobs, started: 1)
        }
        let shared = Shared<Input, Output>()
        let limit = max(window ?? jobs * 16, 1)
        let batch = max(1, limit / 4)
        // Workers never take SIGINT/SIGTERM: they inherit a mask that blocks them, so
        // the signals reach the thread that reads (and can interrupt a blocked read).
        var blocked = sigset_t(), previous = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGINT)
        sigaddset(&blocked, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        var started = 0
        var failure: String?
        var inlineState: State?
        for _ in 0..<jobs {
            let state = makeState()
            let body = WorkerBody {
                while let (seq, input) = shared.take() {
                    shared.put(seq, transform(consume input, state))
                }
                shared.workerExited()
            }
            if let error = startThread(body) {
                // Never wait on a thread that did not start; go on with those that did.
                failure = String(cString: strerror(error))
                inlineState = state
                break
            }
            started += 1
        }
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        // A thread that cannot start usually means the address space is spent on
        // stacks (ulimit -v, a small container): the heap would fail next, on the
        // first large record. Stop half the started workers so their stacks are
        // given back before any work is read.
        var retired = 0
        if failure != nil, started > 1 {
            retired = started / 2
            shared.retire(retired)
            shared.waitForWorkers(retired)
            started -= retired
        }
        if started == 0, let state = inlineState {
            while let input = produce() {
                if !consume(transform(consume input, state)) { break }
            }
            return Report(requested: requestedJobs, started: 0, failure: failure)
        }

        var produced = 0
        var consumed = 0
        var stopped = false
        // The weights of the inputs in flight, oldest first (from weightHead).
        var weights: [Int] = []
        var weightHead = 0
        var inFlight = 0
        while !stopped, let input = produce() {
            if let weight {
                let w = weight(input)
                weights.append(w)
                inFlight += w
            }
            // Handed over, not kept: the loop below may wait while the input is worked
            // on, and a worker lets a large record's bytes go once it has parsed them.
            shared.add(produced, consume input)
            produced += 1
            // Drain what is ready; block only when the window (or the weight) is full,
            // and then until a few results are ready, so that the consumer wakes once
            // per batch (for the weight, until the oldest is done).
            while consumed < produced {
                let windowFull = produced - consumed >= limit
                let tooHeavy = inFlight > maxWeight
                if windowFull { shared.waitForResult(consumed + min(batch, produced - consumed) - 1) }
                guard let output = shared.result(consumed, wait: windowFull || tooHeavy) else { break }
                if weight != nil {
                    inFlight -= weights[weightHead]
                    weightHead += 1
                    if weightHead > 1024, weightHead * 2 > weights.count {
                        weights.removeFirst(weightHead)
                        weightHead = 0
                    }
                }
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
        shared.waitForWorkers(started + retired)
        return Report(requested: requestedJobs, started: started, failure: failure, retired: retired)
    }

    /// What a worker thread runs; retained across `pthread_create`.
    private final class WorkerBody {
        let run: () -> Void
        init(_ run: @escaping () -> Void) { self.run = run }
    }

    /// Starts a detached thread with an 8 MB stack; the error number when it cannot.
    private static func startThread(_ body: WorkerBody) -> Int32? {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, 8 << 20)
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        let argument = Unmanaged.passRetained(body).toOpaque()
        #if os(Linux)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let error = pthread_create(&thread, &attributes, { argument in
            let body = Unmanaged<WorkerBody>.fromOpaque(argument!).takeRetainedValue()
            body.run()
            return nil
        }, argument)
        if error != 0 {
            Unmanaged<WorkerBody>.fromOpaque(argument).release()
            return error
        }
        return nil
    }

    /// The queue and the reorder buffer, behind one condition lock.
    private final class Shared<Input, Output>: @unchecked Sendable {
        private let condition = NSCondition()
        /// Taken slots are emptied at once, so a record's bytes are not kept alive
        /// after a worker has it (the array itself is compacted only now and then).
        private var queue: [(Int, Input)?] = []
        private var queueHead = 0
        private var results: [Int: Output] = [:]
        private var done = false
        private var cancelled = false
        private var exited = 0
        /// Workers still to stop before any input is queued (see `retire`).
        private var toRetire = 0
        /// The result the consumer sleeps for (-1: none). Workers wake it only with
        /// that one: waking it for every result took a core from a worker each time.
        private var awaited = -1

        func add(_ seq: Int, _ input: consuming Input) {
            condition.lock()
            queue.append((seq, input))
            condition.broadcast()
            condition.unlock()
        }

        func take() -> (Int, Input)? {
            condition.lock()
            defer { condition.unlock() }
            while queueHead == queue.count && !done && !cancelled && toRetire == 0 { condition.wait() }
            if toRetire > 0 {
                toRetire -= 1
                return nil
            }
            if cancelled || queueHead == queue.count { return nil }
            let item = queue[queueHead]!
            queue[queueHead] = nil
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

        /// The next `count` workers to ask for input stop instead.
        func retire(_ count: Int) {
            condition.lock()
            toRetire += count
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
