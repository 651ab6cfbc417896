#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads records from a list of sources, one at a time, in order. Each source is
/// opened once and read once (``ByteStream``); at most one record and one read
/// buffer are in memory.
public final class RecordReader {
    private var sources: [InputSource]
    private let options: RecordOptions
    private let shouldStop: () -> Bool
    private var current: Current?
    /// Sources that held no record at all, reported by the caller as warnings.
    public private(set) var emptySources: [String] = []
    /// Whether reading stopped early because `shouldStop` returned true (a signal):
    /// a record being read then is dropped, and nothing after it is read.
    public private(set) var interrupted = false

    private struct Current {
        let stream: ByteStream
        let fd: Int32
        let source: InputSource
        var mode: Mode
        var records = 0
    }

    private enum Mode { case lines(text: Bool), array, whole(json: Bool), finished }

    /// - Parameter shouldStop: asked before every read and whenever a blocking open
    ///   or read is interrupted; returning true ends the reading (``interrupted``).
    public init(sources: [InputSource], options: RecordOptions, shouldStop: @escaping () -> Bool = { false }) {
        self.sources = sources.reversed()
        self.options = options
        self.shouldStop = shouldStop
    }

    /// The next record, or nil when every source is exhausted (or reading was stopped).
    public func next() -> InputRecord? {
        while !interrupted {
            if current == nil {
                guard let source = sources.popLast() else { return nil }
                if let failed = openSource(source) { return failed }
                continue
            }
            if let record = nextRecord() {
                current!.records += 1
                return record
            }
            let finished = current!
            current = nil
            if finished.stream.interrupted { interrupted = true; break }
            if finished.records == 0 { emptySources.append(finished.source.path) }
            if !finished.source.isStandardInput { close(finished.fd) }
        }
        return nil
    }

    /// Opens a source and decides how to read it; a source that cannot be opened
    /// (or a plain-text file over the limit) is returned as its one failed record.
    private func openSource(_ source: InputSource) -> InputRecord? {
        let fd: Int32
        if source.isStandardInput {
            fd = 0
        } else {
            var opened: Int32 = -1
            while true {
                opened = withCString(source.fileName) { open($0, O_RDONLY | O_CLOEXEC) }
                if opened >= 0 { break }
                // Opening a FIFO blocks until a writer comes; a signal must still end the run.
                if errno == EINTR {
                    if shouldStop() { interrupted = true; return nil }
                    continue
                }
                return InputRecord(payload: .failed(.readFailed(path: source.path, reason: plainReason(errno))),
                                   fallbackID: source.id, path: source.path)
            }
            fd = opened
            if source.kind == .article {
                var info = stat()
                if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) > options.maxRecordBytes {
                    close(fd)
                    return InputRecord(payload: .failed(.recordTooLarge(bytes: Int(info.st_size), limit: options.maxRecordBytes)),
                                       fallbackID: source.id, path: source.path, offset: 0, byteCount: Int(info.st_size))
                }
            }
        }
        let stream = ByteStream(fd: fd, path: source.path, limit: options.maxRecordBytes, shouldStop: shouldStop)
        let mode: Mode
        switch source.kind {
        case .article: mode = .whole(json: false)
        case .jsonLines: mode = .lines(text: false)
        case .lines: mode = .lines(text: true)
        case .json, .sniffed:
            switch stream.sniff() {
            case .jsonLines: mode = .lines(text: false)
            case .jsonArray: mode = .array
            case .whole: mode = .whole(json: source.kind == .json)
            case .empty: mode = .finished
            }
        }
        current = Current(stream: stream, fd: fd, source: source, mode: mode)
        return nil
    }

    private func nextRecord() -> InputRecord? {
        guard let c = current else { return nil }
        let source = c.source
        let path = source.isStandardInput ? nil : source.path
        func fallback(_ number: Int) -> String { source.isStandardInput ? "stdin:\(number)" : "\(source.path):\(number)" }
        switch c.mode {
        case .finished:
            return nil
        case .lines(let text):
            while let item = c.stream.nextLine() {
                switch item {
                case .record(let bytes, let number, _, let offset):
                    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }  // blank lines are not records
                    return InputRecord(payload: text ? .text(bytes) : .json(bytes), fallbackID: fallback(number),
                                       path: path, line: number, offset: offset, byteCount: bytes.count + 1)
                case .tooLarge(let size, let number, _, let offset):
                    return InputRecord(payload: .failed(.recordTooLarge(bytes: size, limit: options.maxRecordBytes)),
                                       fallbackID: fallback(number), path: path, line: number, offset: offset, byteCount: size + 1)
                case .failed(let error, let number, _, let offset):
                    current?.mode = .finished
                    return InputRecord(payload: .failed(error), fallbackID: fallback(number), path: path, line: number, offset: offset)
                }
            }
            return nil
        case .array:
            guard let item = c.stream.nextArrayElement() else { return nil }
            switch item {
            case .record(let bytes, let number, let line, let offset):
                return InputRecord(payload: .json(bytes), fallbackID: fallback(number), path: path, line: line, offset: offset,
                                   byteCount: bytes.count + 1)
            case .tooLarge(let size, let number, let line, let offset):
                return InputRecord(payload: .failed(.recordTooLarge(bytes: size, limit: options.maxRecordBytes)),
                                   fallbackID: fallback(number), path: path, line: line, offset: offset, byteCount: size + 1)
            case .failed(let error, let number, let line, let offset):
                return InputRecord(payload: .failed(error), fallbackID: fallback(number), path: path, line: line, offset: offset)
            }
        case .whole(let json):
            current?.mode = .finished
            // Standard input read whole is record 1 of its stream, as `stdin:1` says.
            let line: Int? = source.isStandardInput ? 1 : nil
            guard let item = c.stream.wholeRest() else { return nil }
            switch item {
            case .record(let bytes, _, _, _):
                return InputRecord(payload: json ? .json(bytes) : .text(bytes), fallbackID: source.id, path: path,
                                   line: line, offset: 0, byteCount: bytes.count)
            case .tooLarge(let size, _, _, _):
                return InputRecord(payload: .failed(.recordTooLarge(bytes: size, limit: options.maxRecordBytes)),
                                   fallbackID: source.id, path: path, line: line, offset: 0, byteCount: size)
            case .failed(let error, _, _, _):
                return InputRecord(payload: .failed(error), fallbackID: source.id, path: path, line: line, offset: 0)
            }
        }
    }
}
