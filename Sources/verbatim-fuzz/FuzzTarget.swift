#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import VerbatimKit

// The whole record path, from raw bytes to an output line, as the fuzzer sees it:
// each input is tried both as a plain-text article and as a JSONL line. Every
// call must return one complete, valid output line and never crash or hang,
// and every other output format (and the HTML page) must be written without a crash.

nonisolated(unsafe) private var processor: RecordProcessor? = {
    guard let pipeline = try? Pipeline(), let worker = try? pipeline.makeWorker() else { return nil }
    return RecordProcessor(worker: worker, options: RecordOptions())
}()

/// Runs one input through both record kinds and checks the output invariants.
func fuzzOne(_ bytes: [UInt8]) {
    guard let processor else { fatalError("cannot build the pipeline (models or ICU missing)") }
    for payload in [InputRecord.Payload.text(bytes), .json(bytes)] {
        let result = processor.analyze(InputRecord(payload: payload, fallbackID: "fuzz"))
        OutputInvariants.check(line: processor.jsonLine(result))
        // Every other output format must cope with whatever the pipeline produced.
        for format in OutputFormat.allCases where format != .jsonl {
            let formatted = processor.format(result, as: format)
            if format == .conll { checkCoNLL(formatted.bytes) }
        }
        if case .annotated(let annotated) = result {
            _ = HTMLRenderer().article(annotated.state, number: 1)
        }
    }
}

/// Every CoNLL line is the document line, blank, or two columns however a reader
/// splits on white space (Python's str.split included).
func checkCoNLL(_ bytes: [UInt8]) {
    for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
    where !line.hasPrefix("-DOCSTART-") {
        let columns = line.unicodeScalars.split(whereSeparator: { $0.properties.isWhitespace || $0.value == 0x1C || $0.value == 0x1D || $0.value == 0x1E || $0.value == 0x1F })
        if columns.count != 2 { fatalError("CoNLL line with \(columns.count) columns: \(Array(line.utf8))") }
    }
}

/// The input side: the same bytes as a whole stream (a pipe, as from a shell), sniffed
/// and split into records as a file of unknown kind and as a .json file, with a small
/// record limit so that the skipping paths run too. Every record must yield one valid line.
func fuzzStream(_ bytes: [UInt8]) {
    guard let processor else { return }
    for kind in [InputSource.Kind.sniffed, .json] {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { fatalError("pipe: \(errno)") }
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(ends[1], $0.baseAddress!, $0.count) }
            if n <= 0 { fatalError("pipe write: \(errno)") }
            offset += n
        }
        close(ends[1])
        var options = RecordOptions()
        options.maxRecordBytes = 2048
        let reader = RecordReader(sources: [.file("/dev/fd/\(ends[0])", kind: kind)], options: options)
        var records = 0
        while let record = reader.next() {
            OutputInvariants.check(line: processor.jsonLine(processor.analyze(record)))
            records += 1
            if records > bytes.count + 2 { fatalError("more records than bytes") }
        }
        close(ends[0])
    }
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    fuzzOne(bytes)
    fuzzStream(bytes)
    return 0
}

// SwiftPM links an executable's entry point as `<module>_main`; libFuzzer's
// driver is started from there.
@_cdecl("verbatim_fuzz_main")
func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzerTestOneInput(data, size) }
}
#else
/// Without libFuzzer: replays the files named on the command line (crash
/// reproducers, the regression corpus), so a crash found once stays a test.
@main
struct Replay {
    static func main() throws {
        for path in CommandLine.arguments.dropFirst() {
            let bytes = try readFile(path)
            fuzzOne(bytes)
            fuzzStream(bytes)
            print("ok \(path)")
        }
    }
}
#endif
