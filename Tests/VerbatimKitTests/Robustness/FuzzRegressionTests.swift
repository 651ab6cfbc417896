import Foundation
import Testing
@testable import VerbatimKit

/// Replays every input the fuzzer once crashed on (Tests/Fuzz/regressions), as a
/// plain-text article and as a JSONL line, and checks the output guarantees.
@Suite struct FuzzRegressionTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/regressions")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
    }

    @Test func regressionCorpusIsNotEmpty() {
        #expect(Self.files.count >= 3)
    }

    @Test(arguments: files)
    func replay(_ name: String) throws {
        let bytes = Array(try Data(contentsOf: Self.directory.appendingPathComponent(name)))
        let processor = RecordProcessor(worker: try Pipeline().makeWorker(), options: RecordOptions())
        for payload in [InputRecord.Payload.text(bytes), .json(bytes)] {
            let (line, _) = processor.process(InputRecord(payload: payload, fallbackID: name))
            #expect(OutputInvariants.violations(line: line) == [], "\(name)")
        }
    }
}
