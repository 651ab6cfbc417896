import ArgumentParser
import Foundation
import VerbatimKit

extension Verbatim {
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure throughput, start-up time and peak memory.",
            discussion: """
                Times, in one run on the same in-memory text: ICU word + sentence breaking alone \
                (the floor), Verbatim's segmentation, and the full pipeline (records in, JSON lines \
                out) on one thread and on --jobs threads, each the fastest of --rounds interleaved \
                runs (other processes only ever slow a run down). Also the start-up time (process \
                start to the first output line, all models loaded; median of 11 runs) and the peak \
                resident memory. Compare the ratios, not the absolute figures, between machines.

                Without CORPUS, the bundled Corpora/samples articles are repeated to --size-mb.
                """
        )

        @Argument(help: "Articles to measure on (as for annotate). Default: Corpora/samples.")
        var corpus: [String] = []

        @OptionGroup var input: InputOptions

        @OptionGroup var modelOptions: ModelOptions

        @Option(help: "Repeat the corpus until it holds at least this many MB.")
        var sizeMb: Double = 20

        @Option(name: .shortAndLong, help: "Threads for the parallel run (default: all cores).")
        var jobs: Int?

        @Option(help: "Time every stage this many times, interleaved, and keep each stage's fastest run.")
        var rounds = 3

        @Flag(help: "Print the figures as one JSON object instead of a table.")
        var json = false

        @Flag(help: "Instead: time hostile inputs at 1x, 2x and 4x --scaling-kb and print the time per MB (flat means linear).")
        var scaling = false

        @Option(help: "Base size of each --scaling input, in KB.")
        var scalingKb = 256

        func validate() throws {
            try BatchIO.validate(jobs: jobs, input: input)
            guard (1...1000).contains(rounds) else { throw ValidationError("--rounds must be between 1 and 1000, got \(rounds)") }
            guard sizeMb.isFinite, sizeMb > 0, sizeMb <= 100_000 else {
                throw ValidationError("--size-mb must be more than 0 and at most 100000, got \(sizeMb)")
            }
            guard (1...1_000_000).contains(scalingKb) else { throw ValidationError("--scaling-kb must be between 1 and 1000000, got \(scalingKb)") }
        }

        func run() throws {
            if scaling {
                try runScaling()
                return
            }
            let articles = try loadArticles()
            guard !articles.isEmpty else { throw ValidationError("the corpus holds no article text") }
            let documents = Benchmark.repeatedCorpus(articles, minimumBytes: Int(sizeMb * 1_000_000))
            let startup = measureStartup()
            let residentBefore = Benchmark.currentResidentMegabytes
            // The lexicons alone (issue: ready in < 30 ms), then the whole pipeline over them.
            let lexiconStart = DispatchTime.now().uptimeNanoseconds
            _ = try modelOptions.makeLexicon()
            let lexiconMs = Double(DispatchTime.now().uptimeNanoseconds - lexiconStart) / 1e6
            let pipelineStart = DispatchTime.now().uptimeNanoseconds
            let pipeline = try modelOptions.makePipeline()
            let loadMs = Double(DispatchTime.now().uptimeNanoseconds - pipelineStart) / 1e6
            let modelMegabytes = Benchmark.currentResidentMegabytes - residentBefore
            let bench = Benchmark(documents: documents, pipeline: pipeline)
            let threads = jobs ?? ProcessInfo.processInfo.activeProcessorCount

            // Warm up ICU's data and the allocator before timing anything.
            _ = Benchmark(documents: Array(documents.prefix(20)), pipeline: pipeline).fullPipeline(jobs: 1)

            // Interleaved rounds, fastest of each: a busy neighbour slows whichever stage
            // it overlaps, so the minimum is the figure least disturbed, for every stage alike.
            var floor = try bench.segmentationFloor()
            var segmentation = try bench.segmentation()
            var single = bench.fullPipeline(jobs: 1)
            var parallel = bench.fullPipeline(jobs: threads)
            for _ in 1..<rounds {
                floor = Benchmark.faster(floor, try bench.segmentationFloor())
                segmentation = Benchmark.faster(segmentation, try bench.segmentation())
                single = Benchmark.faster(single, bench.fullPipeline(jobs: 1))
                parallel = Benchmark.faster(parallel, bench.fullPipeline(jobs: threads))
            }
            let peak = Benchmark.peakResidentMegabytes

            if json {
                var figures: [String: Any] = [
                    "corpus_bytes": bench.totalBytes, "documents": documents.count, "jobs": threads, "rounds": rounds,
                    "startup_ms": startup.map { $0 * 1000 } as Any, "pipeline_load_ms": loadMs, "lexicon_load_ms": lexiconMs, "models_rss_mb": modelMegabytes, "peak_rss_mb": peak,
                ]
                for (key, m) in [("icu", floor), ("segmentation", segmentation), ("pipeline_1", single), ("pipeline_n", parallel)] {
                    figures[key] = ["mb_per_s": m.megabytesPerSecond, "docs_per_s": m.documentsPerSecond, "seconds": m.seconds]
                }
                figures["pipeline_1_vs_icu"] = single.megabytesPerSecond / floor.megabytesPerSecond
                figures["pipeline_n_vs_1"] = parallel.megabytesPerSecond / single.megabytesPerSecond
                let data = try JSONSerialization.data(withJSONObject: figures, options: [.sortedKeys])
                print(String(decoding: data, as: UTF8.self))
                return
            }
            print(String(format: "corpus: %d articles, %d documents, %.1f MB; fastest of %d rounds", articles.count, documents.count,
                         Double(bench.totalBytes) / 1e6, rounds))
            print("stage                                 MB/s      docs/s   vs ICU")
            for m in [floor, segmentation, single, parallel] {
                let name = m.name.padding(toLength: 34, withPad: " ", startingAt: 0)
                print(name + String(format: " %7.2f %11.0f   %5.2f", m.megabytesPerSecond, m.documentsPerSecond,
                                    m.megabytesPerSecond / floor.megabytesPerSecond))
            }
            print(String(format: "%d threads vs 1 thread: ×%.2f", threads, parallel.megabytesPerSecond / single.megabytesPerSecond))
            print(String(format: "lexicons loaded in %.1f ms; whole pipeline ready in %.1f ms, %.1f MB resident", lexiconMs, loadMs, modelMegabytes))
            if let startup {
                print(String(format: "start-up to first output line: %.1f ms (median of %d runs)", startup * 1000, Self.startupRuns))
            } else {
                print("start-up: not measured (cannot re-run this executable)")
            }
            print(String(format: "peak RSS: %.1f MB (includes the in-memory corpus of %.1f MB)", peak, Double(bench.totalBytes) / 1e6))
        }

        /// Times each hostile input at three sizes, one document each, on one thread.
        private func runScaling() throws {
            let pipeline = try modelOptions.makePipeline()
            let sizes = [1, 2, 4].map { $0 * scalingKb * 1000 }
            print("case                                 " + sizes.map { String(format: "%8.1f MB", Double($0) / 1e6) }.joined() + "   (seconds per MB)")
            for testCase in ScalingCases.all {
                var perMB: [Double] = []
                for size in sizes {
                    let text = Array(testCase.make(size).utf8)
                    let m = Benchmark(documents: [text], pipeline: pipeline).fullPipeline(jobs: 1)
                    perMB.append(m.seconds / (Double(text.count) / 1e6))
                }
                let growth = perMB[2] / max(perMB[0], 1e-9)
                print(testCase.name.padding(toLength: 37, withPad: " ", startingAt: 0)
                      + perMB.map { String(format: "%11.3f", $0) }.joined()
                      + String(format: "   4x/1x per MB: %.2f%@", growth, growth > 2 ? "  NOT LINEAR" : ""))
            }
        }

        /// The articles' texts from the arguments, or the bundled samples.
        private func loadArticles() throws -> [[UInt8]] {
            var paths = corpus
            if paths.isEmpty {
                guard let samples = ResourceLocator.find("Corpora/samples") else {
                    throw ValidationError("cannot find Corpora/samples; pass a corpus to measure on")
                }
                paths = [samples]
            }
            let sources: [InputSource]
            do {
                sources = try InputSource.resolve(paths, stdinFormat: input.stdinFormat)
            } catch {
                throw ValidationError(error.description)
            }
            let reader = RecordReader(sources: sources, options: input.recordOptions)
            var articles: [[UInt8]] = []
            while let record = reader.next() {
                switch record.payload {
                case .text(let bytes):
                    if UTF8Validation.firstInvalidByte(bytes) == nil { articles.append(bytes) }
                case .json(let bytes):
                    guard let fields = try? JSONObjectReader.fields(of: bytes),
                          let text = fields.first(where: { $0.key == input.textField && $0.kind == .string }) else { continue }
                    articles.append(Array(JSONObjectReader.decodeString(text.raw).utf8))
                case .failed:
                    continue
                }
            }
            return articles
        }

        static let startupRuns = 11

        /// Median seconds from launching `verbatim annotate` to its first output line.
        private func measureStartup() -> Double? {
            guard let executable = Bundle.main.executableURL else { return nil }
            var samples: [Double] = []
            for _ in 0..<Self.startupRuns {
                let process = Process()
                process.executableURL = executable
                process.arguments = ["annotate", "--stdin-format", "text", "--jobs", "1"]
                let input = Pipe(), output = Pipe()
                process.standardInput = input
                process.standardOutput = output
                process.standardError = FileHandle.nullDevice
                let start = DispatchTime.now().uptimeNanoseconds
                guard (try? process.run()) != nil else { return nil }
                input.fileHandleForWriting.write(Data("Neil Basu said on Tuesday: “It was intentional.”".utf8))
                try? input.fileHandleForWriting.close()
                var seen = Data()
                while !seen.contains(0x0A) {
                    let chunk = output.fileHandleForReading.availableData
                    if chunk.isEmpty { break }
                    seen.append(chunk)
                }
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                process.waitUntilExit()
            }
            return samples.sorted()[samples.count / 2]
        }
    }
}
