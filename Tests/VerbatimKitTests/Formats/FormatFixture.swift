import Foundation
@testable import VerbatimKit

/// One article with hand-made annotations that exercise every format: an entity
/// that ends inside a token ("Met" in "Met’s"), a non-ASCII name, a TIME with a
/// value, a quote with commas and straight quotation marks inside, a quote that
/// crosses a line break, and a speaker mention that is not an entity ("he").
enum FormatFixture {
    static let text = "“There was not a police car in pursuit,” Neil Basu, the Met’s head of counter-terrorism, told reporters on Tuesday.\n\n"
        + "“We are, \"calm\", now,\nand Zoë agrees,” he said. Scotland Yard declined to comment."

    static func byteRange(of needle: String, after: String? = nil) -> (Int32, Int32) {
        var searchStart = text.startIndex
        if let after, let r = text.range(of: after) { searchStart = r.upperBound }
        let r = text.range(of: needle, range: searchStart..<text.endIndex)!
        let start = text.utf8.distance(from: text.startIndex, to: r.lowerBound)
        return (Int32(start), Int32(start + needle.utf8.count))
    }

    static func state(id: String = "demo-1") throws -> AnalysisState {
        let document = Document(id: id, text: text, date: CalendarDate(iso: "2018-08-14"))
        let segmentation = try shippedSegmenter().segment(document)
        let basu = byteRange(of: "Neil Basu")
        let met = byteRange(of: "Met")
        let tuesday = byteRange(of: "Tuesday")
        let zoe = byteRange(of: "Zoë")
        let yard = byteRange(of: "Scotland Yard")
        let q1 = byteRange(of: "“There was not a police car in pursuit,”")
        let q2 = byteRange(of: "“We are, \"calm\", now,\nand Zoë agrees,”")
        let told = byteRange(of: "told")
        let he = byteRange(of: "he", after: "agrees,”")
        let said = byteRange(of: "said", after: "agrees,”")
        let annotation = Annotation(
            entities: [
                Entity(start: basu.0, end: basu.1, label: .person, cluster: 0, rule: "test"),
                Entity(start: met.0, end: met.1, label: .organization, cluster: 1, rule: "test"),
                Entity(start: tuesday.0, end: tuesday.1, label: .time, type: "DATE", value: "2018-08-14", rule: "test"),
                Entity(start: zoe.0, end: zoe.1, label: .person, cluster: 2, rule: "test"),
                Entity(start: yard.0, end: yard.1, label: .organization, cluster: 3, rule: "test"),
            ],
            clusters: [
                Cluster(label: .person, name: "Neil Basu", mentions: [0]),
                Cluster(label: .organization, name: "Met", mentions: [1]),
                Cluster(label: .person, name: "Zoë", mentions: [3]),
                Cluster(label: .organization, name: "Scotland Yard", mentions: [4]),
            ],
            quotes: [
                Quote(start: q1.0, end: q1.1, kind: .direct, speaker: Speaker(start: basu.0, end: basu.1, cluster: 0, name: "Neil Basu"),
                      cue: Span(start: told.0, end: told.1), rule: "test"),
                Quote(start: q2.0, end: q2.1, kind: .direct, speaker: Speaker(start: he.0, end: he.1, cluster: 0, name: "Neil Basu"),
                      cue: Span(start: said.0, end: said.1), rule: "test"),
            ])
        return AnalysisState(document: document, segmentation: segmentation, annotation: annotation)
    }

    /// Code-point offsets of a substring, as Python counts them.
    static func codePoints(of needle: String, after: String? = nil) -> (Int, Int) {
        let (s, e) = byteRange(of: needle, after: after)
        let index = CodePointIndex(Array(text.utf8))
        return (index.codePoints(atByte: s), index.codePoints(atByte: e))
    }
}

/// Runs python3 with a script; nil when python3 (or a module it needs) is absent.
enum Python {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ script: String, arguments: [String] = []) throws -> Result? {
        // The python3 on PATH first (where pip installed spaCy), then the system one.
        let candidates = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/python3" }
            + ["/usr/local/bin/python3", "/usr/bin/python3"]
        guard let python = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        group.wait()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Whether python3 can import `module`.
    static func has(_ module: String) -> Bool {
        (try? run("import \(module)"))??.status == 0
    }

    /// Whether the optional consumers must run: in CI (.ci/run sets VERBATIM_CI=1)
    /// a test that needs a missing module runs anyway and fails, instead of skipping.
    static var requiredInCI: Bool {
        ProcessInfo.processInfo.environment["VERBATIM_CI"] == "1"
    }

    /// Writes bytes to a fresh temporary file.
    static func temporaryFile(_ bytes: [UInt8], suffix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("verbatim-format-\(UUID().uuidString)\(suffix)")
        try Data(bytes).write(to: url)
        return url
    }
}
