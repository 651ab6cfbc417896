import Foundation

/// Where output lines go: standard output, or a file written through a
/// temporary file that is renamed into place only when the run completes, so an
/// interrupted run never leaves a truncated file behind.
final class OutputSink {
    static let brokenPipe = "standard output was closed (broken pipe)"

    private let fd: Int32
    private let finalPath: String?
    private let temporaryPath: String?
    private var buffer: [UInt8] = []
    private static let flushThreshold = 1 << 18

    init(path: String?) throws {
        guard let path else {
            fd = 1
            finalPath = nil
            temporaryPath = nil
            return
        }
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var template = Array(((directory.isEmpty ? "." : directory) + "/.\(name).partial-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw SinkError("cannot create a temporary file beside \(path): \(String(cString: strerror(errno)))")
        }
        fchmod(descriptor, 0o644)
        fd = descriptor
        finalPath = path
        temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// Queues one complete line; whole lines only ever reach the file descriptor.
    func write(_ line: [UInt8]) throws {
        buffer.append(contentsOf: line)
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    func flush() throws {
        var offset = 0
        try buffer.withUnsafeBytes { raw in
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    if errno == EPIPE { throw SinkError(Self.brokenPipe) }
                    throw SinkError("cannot write output: \(String(cString: strerror(errno)))")
                }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and, for a file, moves it into place.
    func commit() throws {
        try flush()
        guard let finalPath, let temporaryPath else { return }
        guard fsync(fd) == 0 || errno == EINVAL, close(fd) == 0 else {
            throw SinkError("cannot write \(finalPath): \(String(cString: strerror(errno)))")
        }
        guard rename(temporaryPath, finalPath) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw SinkError("cannot move the output into \(finalPath): \(reason)")
        }
    }

    /// Gives up: standard output keeps the complete lines written so far; a
    /// temporary file is removed and the destination left untouched.
    func abandon() {
        if let temporaryPath {
            close(fd)
            unlink(temporaryPath)
        } else {
            try? flush()
        }
    }
}

struct SinkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
