import Foundation

/// Throughput measurements on one in-memory corpus, each stage timed in the same
/// run so that ratios between them survive a noisy, shared machine.
public struct Benchmark {
    /// One timed pass over the corpus.
    public struct Measurement: Sendable {
        public var name: String
        public var seconds: Double
        public var bytes: Int
        public var documents: Int
        public var megabytesPerSecond: Double { Double(bytes) / 1_000_000 / seconds }
        public var documentsPerSecond: Double { Double(documents) / seconds }
    }

    public let documents: [[UInt8]]
    public let pipeline: Pipeline
    public var totalBytes: Int { documents.reduce(0) { $0 + $1.count } }

    public init(documents: [[UInt8]], pipeline: Pipeline) {
        self.documents = documents
        self.pipeline = pipeline
    }

    /// Builds a corpus of at least `minimumBytes` by repeating `articles` (each
    /// repetition is a separate document, as a batch would have).
    public static func repeatedCorpus(_ articles: [[UInt8]], minimumBytes: Int) -> [[UInt8]] {
        guard !articles.isEmpty, articles.contains(where: { !$0.isEmpty }) else { return [] }
        var corpus: [[UInt8]] = []
        var size = 0
        while size < minimumBytes {
            for article in articles {
                corpus.append(article)
                size += article.count
            }
        }
        return corpus
    }

    /// ICU word and sentence breaking alone, one thread, over the input the pipeline
    /// gives ICU (the text converted to UTF-16, the conversion included).
    public func segmentationFloor() throws(VerbatimError) -> Measurement {
        let segmenter = try Segmenter(breakWords: pipeline.breakWords)
        var sink = 0
        let seconds = try Self.time { () throws(VerbatimError) in
            for document in documents {
                let counts = try segmenter.countBoundaries(utf8: document)
                sink &+= counts.words &+ counts.sentences
            }
        }
        precondition(sink >= 0)
        return Measurement(name: "ICU segmentation alone", seconds: seconds, bytes: totalBytes, documents: documents.count)
    }

    /// Verbatim's segmentation (tokens, features, sentences, paragraphs), one thread.
    public func segmentation() throws(VerbatimError) -> Measurement {
        let segmenter = try Segmenter(breakWords: pipeline.breakWords)
        var sink = 0
        let seconds = try Self.time { () throws(VerbatimError) in
            for document in documents {
                sink &+= try segmenter.segment(utf8: document).tokens.count
            }
        }
        precondition(sink >= 0)
        return Measurement(name: "segmentation + token features", seconds: seconds, bytes: totalBytes, documents: documents.count)
    }

    /// Records in, JSON lines out (discarded), with `jobs` worker threads.
    public func fullPipeline(jobs: Int) -> Measurement {
        var next = 0
        var written = 0
        let records = documents.enumerated().map { index, bytes in
            InputRecord(payload: .text(bytes), fallbackID: "bench:\(index + 1)", byteCount: bytes.count)
        }
        let pipeline = self.pipeline
        let seconds = Self.time {
            OrderedParallelMap.run(
                jobs: jobs,
                makeState: { () -> RecordProcessor? in
                    (try? pipeline.makeWorker()).map { RecordProcessor(worker: $0, options: RecordOptions()) }
                },
                produce: { () -> InputRecord? in
                    guard next < records.count else { return nil }
                    defer { next += 1 }
                    return records[next]
                },
                transform: { record, processor in processor?.process(record).line.count ?? 0 },
                consume: { written += $0; return true }
            )
        }
        precondition(written > 0 || documents.isEmpty)
        return Measurement(name: "full pipeline, \(jobs) thread\(jobs == 1 ? "" : "s")", seconds: seconds, bytes: totalBytes, documents: documents.count)
    }

    /// The faster of two measurements of the same stage.
    public static func faster(_ a: Measurement, _ b: Measurement) -> Measurement {
        b.seconds < a.seconds ? b : a
    }

    /// Peak resident set size of this process so far, in MB.
    public static var peakResidentMegabytes: Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024  // Linux reports KiB
        #else
        getrusage(RUSAGE_SELF, &usage)
        return Double(usage.ru_maxrss) / 1_048_576  // bytes elsewhere
        #endif
    }

    /// Resident set size of this process now, in MB (Linux: /proc/self/statm).
    public static var currentResidentMegabytes: Double {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Double(fields[1]) else { return 0 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }

    static func time<E: Error>(_ body: () throws(E) -> Void) throws(E) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
