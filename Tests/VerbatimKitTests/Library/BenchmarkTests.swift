import Testing
@testable import VerbatimKit

@Suite struct BenchmarkRoundsTests {
    @Test func fasterKeepsTheQuickerMeasurement() {
        let slow = Benchmark.Measurement(name: "x", seconds: 2, bytes: 10, documents: 1)
        let quick = Benchmark.Measurement(name: "x", seconds: 1, bytes: 10, documents: 1)
        #expect(Benchmark.faster(slow, quick).seconds == 1)
        #expect(Benchmark.faster(quick, slow).seconds == 1)
        #expect(Benchmark.faster(quick, slow).megabytesPerSecond == 10.0 / 1_000_000)
    }
}
