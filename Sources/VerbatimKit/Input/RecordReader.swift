#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads records from a list of sources, one at a time, in order. Holds at most
/// one record (and one read buffer) in memory.
public final class RecordReader {
    private var sources: [InputSource]
    private let options: RecordOptions
    private var current: (reader: LineReader, fd: Int32, path: String, isStdin: Bool, format: StandardInputFormat, records: Int)?
    /// Sources that held no record at all, reported by the caller as warnings.
    public private(set) var emptySources: [String] = []

    public init(sources: [InputSource], options: RecordOptions) {
        self.sources = sources.reversed()
        self.options = options
    }

    /// The next record, or nil when every source is exhausted.
    public func next() -> InputRecord? {
        while true {
            if let c = current {
                if let record = nextLine(c) { return record }
                if c.records == 0 { emptySources.append(c.path) }
                if !c.isStdin { close(c.fd) }
                current = nil
                continue
            }
            guard let source = sources.popLast() else { return nil }
            switch source {
            case .textFile(let path, let id):
                return readTextFile(path: path, id: id)
            case .jsonlFile(let path):
                let fd = open(path, O_RDONLY)
                if fd < 0 {
                    return InputRecord(payload: .failed(.readFailed(path: path, reason: String(cString: strerror(errno)))),
                                       fallbackID: path, path: path)
                }
                current = (LineReader(fd: fd, limit: options.maxRecordBytes), fd, path, false, .jsonl, 0)
            case .standardInput(.text):
                return readWholeStandardInput()
            case .standardInput(let format):
                current = (LineReader(fd: 0, limit: options.maxRecordBytes), 0, "stdin", true, format, 0)
            }
        }
    }

    private func nextLine(_ c: (reader: LineReader, fd: Int32, path: String, isStdin: Bool, format: StandardInputFormat, records: Int)) -> InputRecord? {
        while let item = c.reader.next() {
            let path = c.isStdin ? nil : c.path
            func fallback(_ number: Int) -> String { c.isStdin ? "stdin:\(number)" : "\(c.path):\(number)" }
            current?.records += 1
            switch item {
            case .line(let bytes, let number, let offset):
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                    current?.records -= 1
                    continue  // blank lines separate nothing and are not records
                }
                let payload: InputRecord.Payload = c.format == .lines ? .text(bytes) : .json(bytes)
                return InputRecord(payload: payload, fallbackID: fallback(number), path: path, line: number, offset: offset, byteCount: bytes.count + 1)
            case .tooLong(let size, let number, let offset):
                return InputRecord(payload: .failed(.recordTooLarge(bytes: size, limit: options.maxRecordBytes)),
                                   fallbackID: fallback(number), path: path, line: number, offset: offset, byteCount: size + 1)
            case .failed(let reason, let number, let offset):
                return InputRecord(payload: .failed(.readFailed(path: c.path, reason: reason)),
                                   fallbackID: fallback(number), path: path, line: number, offset: offset)
            }
        }
        return nil
    }

    private func readTextFile(path: String, id: String) -> InputRecord {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            return InputRecord(payload: .failed(.readFailed(path: path, reason: String(cString: strerror(errno)))), fallbackID: id, path: path)
        }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, Int(info.st_size) > options.maxRecordBytes {
            return InputRecord(payload: .failed(.recordTooLarge(bytes: Int(info.st_size), limit: options.maxRecordBytes)),
                               fallbackID: id, path: path, offset: 0, byteCount: Int(info.st_size))
        }
        switch Self.readAll(fd: fd, limit: options.maxRecordBytes) {
        case .success(let bytes):
            return InputRecord(payload: .text(bytes), fallbackID: id, path: path, offset: 0, byteCount: bytes.count)
        case .failure(let error):
            let failure: VerbatimError
            switch error {
            case .tooLarge(let size): failure = .recordTooLarge(bytes: size, limit: options.maxRecordBytes)
            case .io(let reason): failure = .readFailed(path: path, reason: reason)
            }
            return InputRecord(payload: .failed(failure), fallbackID: id, path: path, offset: 0)
        }
    }

    private func readWholeStandardInput() -> InputRecord {
        switch Self.readAll(fd: 0, limit: options.maxRecordBytes) {
        case .success(let bytes):
            return InputRecord(payload: .text(bytes), fallbackID: "stdin:1", line: 1, offset: 0, byteCount: bytes.count)
        case .failure(.tooLarge(let size)):
            return InputRecord(payload: .failed(.recordTooLarge(bytes: size, limit: options.maxRecordBytes)), fallbackID: "stdin:1", line: 1, offset: 0)
        case .failure(.io(let reason)):
            return InputRecord(payload: .failed(.readFailed(path: "stdin", reason: reason)), fallbackID: "stdin:1", line: 1, offset: 0)
        }
    }

    enum ReadFailure: Error { case tooLarge(Int), io(String) }

    /// Reads a descriptor to its end; past `limit` bytes keeps counting without keeping.
    static func readAll(fd: Int32, limit: Int) -> Result<[UInt8], ReadFailure> {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var total = 0
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.io(String(cString: strerror(errno))))
            }
            total += n
            if total <= limit { bytes.append(contentsOf: chunk[0..<n]) } else { bytes = [] }
        }
        return total > limit ? .failure(.tooLarge(total)) : .success(bytes)
    }
}
