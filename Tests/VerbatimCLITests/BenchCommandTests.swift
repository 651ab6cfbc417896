import Foundation
import Testing

@Suite struct BenchCommandTests {
    /// The benchmark runs on the bundled samples and reports every figure; no
    /// figure is asserted against a threshold (these machines are shared and noisy).
    @Test func reportsEveryFigureAsJSON() throws {
        let result = try CLI.run(["bench", "--size-mb", "0.3", "--jobs", "2", "--json"], directory: CLI.packageRoot)
        #expect(result.status == 0, "\(result.stderr)")
        let figures = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        for key in ["icu", "segmentation", "pipeline_1", "pipeline_n"] {
            let stage = try #require(figures[key] as? [String: Any], "missing \(key)")
            #expect((stage["mb_per_s"] as? Double ?? 0) > 0)
            #expect((stage["docs_per_s"] as? Double ?? 0) > 0)
        }
        #expect((figures["corpus_bytes"] as? Int ?? 0) >= 300_000)
        #expect((figures["peak_rss_mb"] as? Double ?? 0) > 0)
        #expect((figures["startup_ms"] as? Double ?? 0) > 0)
        #expect(figures["pipeline_n_vs_1"] is Double)
        #expect(figures["rounds"] as? Int == 3)
    }

    /// Each stage keeps the fastest of its rounds; fewer than one round is a usage error.
    @Test func roundsAreCountedAndChecked() throws {
        let one = try CLI.run(["bench", "--size-mb", "0.05", "--jobs", "1", "--rounds", "1"], directory: CLI.packageRoot)
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.text.contains("fastest of 1 rounds"))
        let none = try CLI.run(["bench", "--rounds", "0"], directory: CLI.packageRoot)
        #expect(none.status == 2)
        #expect(none.stderr.contains("--rounds must be between 1 and 1000"))
    }

    @Test func measuresAUserCorpus() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("c.jsonl")
        try write(#"{"text": "Police said the car crashed in London on Tuesday."}"# + "\n", to: file)
        let result = try CLI.run(["bench", "--size-mb", "0.05", "--jobs", "1", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text.contains("ICU segmentation alone"))
        #expect(result.text.contains("full pipeline, 1 thread"))
        #expect(result.text.contains("peak RSS"))
    }
}

@Suite struct ScalingBenchTests {
    @Test func scalingRunsEveryHostileCase() throws {
        let result = try CLI.run(["bench", "--scaling", "--scaling-kb", "8"], directory: CLI.packageRoot)
        #expect(result.status == 0, "\(result.stderr)")
        for name in ["unbalanced quote marks", "capitalised run", "paragraph without spaces", "repeated titles"] {
            #expect(result.text.contains(name))
        }
    }

    @Test func nonsensicalSizesAndJobsAreRefused() throws {
        for arguments in [["--size-mb", "0"], ["--size-mb=-1"], ["--size-mb", "nan"], ["--jobs", "0"], ["--rounds", "0"], ["--scaling-kb", "0"]] {
            let result = try CLI.run(["bench", "--json"] + arguments, directory: CLI.packageRoot)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains("must be"), "\(arguments): \(result.stderr)")
            #expect(!result.text.contains("nan"))
        }
    }
}
