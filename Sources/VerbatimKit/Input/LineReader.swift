#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads newline-separated records from a file descriptor in bounded memory.
///
/// A line longer than the record limit is skipped up to its newline, without
/// being buffered, and reported as one `record_too_large` line.
public final class LineReader {
    public enum Item {
        case line(bytes: [UInt8], number: Int, offset: Int)
        case tooLong(bytes: Int, number: Int, offset: Int)
        case failed(reason: String, number: Int, offset: Int)
    }

    private let fd: Int32
    private let limit: Int
    private var buffer: [UInt8]
    private var bufferStart = 0
    private var bufferEnd = 0
    private var eof = false
    private var lineNumber = 0
    private var consumed = 0  // bytes of the stream before buffer[bufferStart]
    private static let chunk = 1 << 20

    public init(fd: Int32, limit: Int) {
        self.fd = fd
        self.limit = limit
        self.buffer = [UInt8](repeating: 0, count: Self.chunk)
    }

    /// The next line (without its line break; a trailing CR is dropped too), or nil at the end.
    public func next() -> Item? {
        var searchFrom = bufferStart
        while true {
            if let nl = findNewline(from: searchFrom) {
                lineNumber += 1
                var end = nl
                if end > bufferStart, buffer[end - 1] == 0x0D { end -= 1 }
                let item = Item.line(bytes: Array(buffer[bufferStart..<end]), number: lineNumber, offset: consumed)
                advance(to: nl + 1)
                return item
            }
            if eof {
                guard bufferEnd > bufferStart else { return nil }
                lineNumber += 1
                var end = bufferEnd
                if buffer[end - 1] == 0x0D { end -= 1 }
                let item = Item.line(bytes: Array(buffer[bufferStart..<end]), number: lineNumber, offset: consumed)
                advance(to: bufferEnd)
                return item
            }
            if bufferEnd - bufferStart > limit {
                return skipLongLine()
            }
            // fill() may move the live bytes to the buffer start; keep the scan position relative.
            let scanned = bufferEnd - bufferStart
            if let failure = fill() { return failure }
            searchFrom = bufferStart + scanned
        }
    }

    private func findNewline(from start: Int) -> Int? {
        guard start < bufferEnd else { return nil }
        return buffer.withUnsafeBufferPointer { b -> Int? in
            guard let p = memchr(b.baseAddress! + start, 0x0A, bufferEnd - start) else { return nil }
            return b.baseAddress!.distance(to: p.assumingMemoryBound(to: UInt8.self))
        }
    }

    private func advance(to index: Int) {
        consumed += index - bufferStart
        bufferStart = index
    }

    /// Reads more bytes, compacting or growing the buffer as needed.
    private func fill() -> Item? {
        if bufferStart > 0 {
            let live = bufferEnd - bufferStart
            if live > 0 {
                buffer.withUnsafeMutableBufferPointer { b in
                    _ = memmove(b.baseAddress!, b.baseAddress! + bufferStart, live)
                }
            }
            bufferEnd = live
            bufferStart = 0
        }
        // After a huge line, shrink back so memory follows the current record.
        if buffer.count > 4 * Self.chunk, bufferEnd < Self.chunk {
            buffer = Array(buffer[0..<bufferEnd]) + [UInt8](repeating: 0, count: 2 * Self.chunk - bufferEnd)
        }
        if bufferEnd + Self.chunk > buffer.count {
            buffer.append(contentsOf: repeatElement(0, count: max(Self.chunk, buffer.count / 2)))
        }
        while true {
            let n = buffer.withUnsafeMutableBufferPointer { b in
                read(fd, b.baseAddress! + bufferEnd, b.count - bufferEnd)
            }
            if n > 0 { bufferEnd += n; return nil }
            if n == 0 { eof = true; return nil }
            if errno == EINTR { continue }
            let reason = String(cString: strerror(errno))
            eof = true
            lineNumber += 1
            let item = Item.failed(reason: reason, number: lineNumber, offset: consumed)
            advance(to: bufferEnd)
            return item
        }
    }

    private func skipLongLine() -> Item {
        lineNumber += 1
        let number = lineNumber
        let offset = consumed
        var size = 0
        while true {
            if let nl = findNewline(from: bufferStart) {
                size += nl - bufferStart
                advance(to: nl + 1)
                return .tooLong(bytes: size, number: number, offset: offset)
            }
            size += bufferEnd - bufferStart
            advance(to: bufferEnd)
            if eof { return .tooLong(bytes: size, number: number, offset: offset) }
            bufferStart = 0
            bufferEnd = 0
            if case .failed(let reason, _, _)? = fill() {
                return .failed(reason: reason, number: number, offset: offset)
            }
        }
    }
}
