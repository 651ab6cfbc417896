#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An anonymous temporary file (in `$TMPDIR`, else /tmp) that holds output whose
/// place in the stream is only known at the end: `verbatim render` writes each
/// article here as it comes, so memory stays flat however large the batch, and
/// copies them after the page head (whose title and contents need the count).
/// The file has no name: nothing is left behind, whatever ends the process.
public final class SpoolFile {
    private let fd: Int32
    private var buffer: [UInt8] = []

    public init() throws(OutputError) {
        let directory = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        #if os(Linux)
        let unnamed = open(directory, OutputSink.temporaryFileFlag | O_RDWR | O_CLOEXEC, mode_t(0o600))
        if unnamed >= 0 {
            fd = unnamed
            return
        }
        #endif
        var template = Array((directory + "/verbatim-spool-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw OutputError("cannot create a temporary file in \(directory): \(plainReason(errno))") }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        fd = descriptor
    }

    deinit { close(fd) }

    public func write(_ bytes: [UInt8]) throws(OutputError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 18 { try flush() }
    }

    private func flush() throws(OutputError) {
        var offset = 0
        var failure: Int32 = 0
        buffer.withUnsafeBytes { raw in
            while offset < raw.count {
                let n = systemWrite(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
        if failure != 0 { throw OutputError("cannot write a temporary file: \(plainReason(failure))") }
    }

    /// Everything written so far, in chunks, to `sink`.
    public func copy(to sink: OutputSink) throws(OutputError) {
        try flush()
        var offset: off_t = 0
        var chunk = [UInt8](repeating: 0, count: 1 << 18)
        while true {
            let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw OutputError("cannot read a temporary file: \(plainReason(errno))")
            }
            if n == 0 { return }
            offset += off_t(n)
            try sink.write(Array(chunk[0..<n]))
        }
    }
}
