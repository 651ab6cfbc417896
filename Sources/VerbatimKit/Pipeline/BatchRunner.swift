/// The batch loop behind `verbatim annotate` and `verbatim render`: records are
/// read on the calling thread, parsed and annotated on `jobs` worker threads (each
/// with its own ``Pipeline/Worker``), turned into output there by `transform`, and
/// handed back to `consume` on the calling thread in input order, exactly one
/// result per record. Memory stays bounded: at most 16 records per worker, and
/// about ``maximumBytesInFlight`` of input, are in flight (see ``OrderedParallelMap``).
public struct BatchRunner {
    /// Input bytes in flight at most (besides 16 records per worker): a batch of
    /// huge records is annotated one or two at a time, not 16 per worker.
    public static let maximumBytesInFlight = 64 << 20

    public let pipeline: Pipeline
    public let options: RecordOptions
    public let jobs: Int
    /// Makes one worker per thread; a test replaces it to see what a failure does.
    var makeWorker: () throws(VerbatimError) -> Pipeline.Worker

    public init(pipeline: Pipeline, options: RecordOptions, jobs: Int) {
        self.pipeline = pipeline
        self.options = options
        self.jobs = jobs
        self.makeWorker = { () throws(VerbatimError) -> Pipeline.Worker in try pipeline.makeWorker() }
    }

    /// Runs every record from `next` (until it returns nil or `consume` returns
    /// false). A worker that cannot be made (ICU iterators unavailable) turns each
    /// of its records into an `icu_failure` result rather than stopping the batch.
    ///
    /// - Parameters:
    ///   - bypass: runs on a worker thread before the pipeline: an output for a record
    ///     that needs no annotation (`verbatim sources` reading lines `annotate`
    ///     wrote), or nil to annotate it.
    ///   - transform: runs on a worker thread: writes one record's result.
    ///   - consume: runs on the calling thread, in input order, with the output and
    ///     the record's input size in bytes; returns false to stop early.
    /// - Returns: how many worker threads ran (fewer than `jobs` when the system
    ///   would not start more).
    @discardableResult
    public func run<Output>(
        next: () -> InputRecord?,
        bypass: (@Sendable (InputRecord) -> Output?)? = nil,
        transform: @escaping (RecordResult) -> Output,
        consume: (_ output: Output, _ inputBytes: Int) -> Bool
    ) -> OrderedParallelMap.Report {
        let options = self.options
        let makeWorker = self.makeWorker
        return OrderedParallelMap.run(
            jobs: jobs,
            makeState: { () -> Result<RecordProcessor, VerbatimError> in
                Result { () throws(VerbatimError) -> RecordProcessor in
                    RecordProcessor(worker: try makeWorker(), options: options)
                }
            },
            produce: next,
            transform: { (record: consuming InputRecord, processor: Result<RecordProcessor, VerbatimError>) -> (Output, Int) in
                let byteCount = record.byteCount
                if let bypass, let output = bypass(record) { return (output, byteCount) }
                switch processor {
                case .success(let processor):
                    return (transform(processor.analyze(releasing: consume record)), byteCount)
                case .failure(let error):
                    let failed = FailedRecord(record: record, id: record.fallbackID, error: error)
                    return (transform(.failed(failed)), byteCount)
                }
            },
            consume: { consume($0.0, $0.1) },
            weight: { $0.byteCount },
            maxWeight: Self.maximumBytesInFlight
        )
    }
}
