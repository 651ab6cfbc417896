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
            _ = processor.format(result, as: format)
        }
        if case .annotated(let annotated) = result {
            _ = HTMLRenderer().article(annotated.state, number: 1)
        }
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
    fuzzOne(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
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
            print("ok \(path)")
        }
    }
}
#endif
