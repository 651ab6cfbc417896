/// How `verbatim serve` runs: where it listens and how much work it takes on.
public struct ServiceConfiguration: Sendable {
    /// The address to listen on; loopback by default, so nothing is exposed by accident.
    public var host = "127.0.0.1"
    /// The port; 0 asks the system for a free one (the log line names it).
    public var port = 8080
    /// Annotation threads.
    public var jobs: Int
    /// Annotation requests that may wait for a thread beyond the `jobs` being served;
    /// more get 503 with Retry-After.
    public var queue = 64
    /// The largest `/v1/annotate` body, and the largest record of a batch.
    public var maxBodyBytes = 16 << 20
    /// The Retry-After of a 503, in seconds.
    public var retryAfterSeconds = 1
    /// How long a shutdown waits for requests in flight before cutting them off.
    public var shutdownGraceSeconds = 30

    public init(jobs: Int) {
        self.jobs = jobs
    }
}
