#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One input, opened once and read once, front to back, in bounded memory: a
/// pipe, a FIFO or a terminal cannot be read twice, so the shape of the input is
/// decided (``sniff(isJSONFile:)``) from bytes that stay in the buffer and are
/// then read as records like any others.
///
/// Records are JSON Lines lines, elements of a JSON array, or the whole stream.
/// Memory holds at most one record plus one read chunk: a record longer than
/// `limit` is skipped up to its end, counted but not kept, and reported as
/// `tooLarge`.
final class ByteStream {
    enum Item {
        /// A record's bytes; `number` counts records (JSONL: the line number),
        /// `line` is the line it starts on, `offset` the byte offset of its first byte.
        case record(bytes: [UInt8], number: Int, line: Int, offset: Int)
        case tooLarge(bytes: Int, number: Int, line: Int, offset: Int)
        case failed(VerbatimError, number: Int, line: Int, offset: Int)
    }

    /// What the input holds, decided from its first bytes.
    enum Shape: Equatable {
        /// The first non-blank line is a JSON object: one object per line.
        case jsonLines
        /// It starts with `[` and then `{` or `]`: an array of records.
        case jsonArray
        /// Anything else (prose, or a JSON document that is not JSON Lines).
        case whole
        /// Nothing but white space.
        case empty
    }

    private let fd: Int32
    private let path: String
    let limit: Int
    private let shouldStop: () -> Bool
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var eof = false
    /// Bytes of the stream before `buffer[start]`.
    private var consumed = 0
    /// Line breaks before `buffer[start]`.
    private var linesConsumed = 0
    /// Records handed out so far (JSONL: lines read, blank ones included).
    private var number = 0
    private var readError: String?
    private var arrayState = ArrayState.notStarted
    /// Whether a stop request ended the reading (the last record may be missing).
    private(set) var interrupted = false

    private enum ArrayState { case notStarted, expectingFirst, afterElement, finished }

    static let chunk = 1 << 20

    init(fd: Int32, path: String, limit: Int, shouldStop: @escaping () -> Bool) {
        self.fd = fd
        self.path = path
        self.limit = limit
        self.shouldStop = shouldStop
        self.buffer = [UInt8](repeating: 0, count: Self.chunk)
    }

    // MARK: - Reading

    /// Reads more bytes after `end`; false at the end of the input, after a read
    /// error (kept in `readError`) or when `shouldStop` says so.
    private func fill() -> Bool {
        if eof { return false }
        if start > 0 {
            let live = end - start
            if live > 0 {
                buffer.withUnsafeMutableBufferPointer { b in _ = memmove(b.baseAddress!, b.baseAddress! + start, live) }
            }
            end = live
            start = 0
        }
        // After a large record, give the memory back once the buffer is nearly empty.
        if buffer.count > 4 * Self.chunk, end < Self.chunk {
            buffer = Array(buffer[0..<end]) + [UInt8](repeating: 0, count: 2 * Self.chunk - end)
        }
        if buffer.count - end < Self.chunk / 2 {
            // Grow by half, but never much past what one record may take: a line over
            // the limit is skipped, not buffered.
            let wanted = max(buffer.count + buffer.count / 2, end + Self.chunk)
            let capped = min(wanted, max(limit, 0) &+ Self.chunk + 1)
            buffer.append(contentsOf: repeatElement(0, count: max(capped, end + Self.chunk / 2) - buffer.count))
        }
        while true {
            if shouldStop() {
                interrupted = true
                eof = true
                return false
            }
            let n = buffer.withUnsafeMutableBufferPointer { b in read(fd, b.baseAddress! + end, b.count - end) }
            if n > 0 { end += n; return true }
            if n == 0 { eof = true; return false }
            switch errno {
            case EINTR:
                continue
            case EAGAIN, EWOULDBLOCK:
                // A descriptor left non-blocking by whoever started us: wait for data.
                var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                _ = poll(&poller, 1, 200)
            default:
                readError = plainReason(errno)
                eof = true
                return false
            }
        }
    }

    private func find(_ byte: UInt8, from index: Int) -> Int? {
        guard index < end else { return nil }
        return buffer.withUnsafeBufferPointer { b -> Int? in
            guard let p = memchr(b.baseAddress! + index, Int32(byte), end - index) else { return nil }
            return b.baseAddress!.distance(to: p.assumingMemoryBound(to: UInt8.self))
        }
    }

    private func countLines(_ range: Range<Int>) -> Int {
        var count = 0
        var from = range.lowerBound
        while from < range.upperBound, let nl = find(0x0A, from: from), nl < range.upperBound {
            count += 1
            from = nl + 1
        }
        return count
    }

    /// Moves past `count` bytes, counting their line breaks when asked.
    private func advance(to index: Int, countingLines: Bool) {
        if countingLines { linesConsumed += countLines(start..<index) }
        consumed += index - start
        start = index
    }

    private func failure(_ reason: String) -> Item {
        number += 1
        return .failed(.readFailed(path: path, reason: reason), number: number, line: linesConsumed + 1, offset: consumed)
    }

    // MARK: - Shape

    /// Decides what the input holds without consuming it: JSON Lines when the first
    /// non-blank line opens a JSON object (`{"` or `{}`) or is one; a JSON array when it starts with `[` and then
    /// `{` or `]`; otherwise the stream is one record (`whole`). Reads at most the
    /// first line (up to the record limit).
    func sniff() -> Shape {
        var i = start
        if consumed == 0, end - start < 3, fill() { return sniff() }
        if consumed == 0, end - i >= 3, buffer[i] == 0xEF, buffer[i + 1] == 0xBB, buffer[i + 2] == 0xBF { i += 3 }
        func skipSpace() -> Bool {
            while true {
                while i < end, isSpace(buffer[i]) { i += 1 }
                if i < end { return true }
                let offset = i - start
                if end - start > limit || !fill() { return false }
                i = start + offset
            }
        }
        guard skipSpace() else { return end - start > limit ? .whole : .empty }
        switch buffer[i] {
        case UInt8(ascii: "["):
            i += 1
            guard skipSpace() else { return .whole }
            return buffer[i] == UInt8(ascii: "{") || buffer[i] == UInt8(ascii: "]") ? .jsonArray : .whole
        case UInt8(ascii: "{"):
            // `{"` or `{}` on one line opens a JSON record and no sentence: a
            // malformed first record is then an error line of JSON Lines, not an
            // article. (A lone `{` line is a pretty-printed object: judged below.)
            var after = i + 1 - start  // offsets: fill() may move the buffer
            while true {
                while start + after < end, buffer[start + after] == 0x20 || buffer[start + after] == 0x09 { after += 1 }
                if start + after < end || end - start > limit { break }
                let braceOffset = i - start
                if !fill() { break }
                i = start + braceOffset
            }
            if start + after < end, buffer[start + after] == UInt8(ascii: "\"") || buffer[start + after] == UInt8(ascii: "}") {
                return .jsonLines
            }
            var searchFrom = i
            while true {
                if let nl = find(0x0A, from: searchFrom) {
                    return Self.isJSONObject(buffer[i..<nl]) ? .jsonLines : .whole
                }
                // A first line longer than a record may be is an oversized JSON record.
                if end - start > limit { return .jsonLines }
                let (offset, scanned) = (i - start, end - start)
                if !fill() { return end > i && Self.isJSONObject(buffer[i..<end]) ? .jsonLines : .whole }
                i = start + offset
                searchFrom = start + scanned
            }
        default:
            return .whole
        }
    }

    private static func isJSONObject(_ line: ArraySlice<UInt8>) -> Bool {
        var bytes = Array(line)
        if bytes.last == 0x0D { bytes.removeLast() }
        return (try? JSONObjectReader.fields(of: bytes)) != nil
    }

    private func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

    // MARK: - Records

    /// The next line (without its line break; a trailing CR is dropped too), or nil
    /// at the end. Blank lines are returned too: the caller decides about them.
    func nextLine() -> Item? {
        var searchFrom = start
        while true {
            if let nl = find(0x0A, from: searchFrom) {
                var lineEnd = nl
                if lineEnd > start, buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                number += 1
                linesConsumed += 1
                let item = Item.record(bytes: Array(buffer[start..<lineEnd]), number: number, line: number, offset: consumed)
                consumed += nl + 1 - start
                start = nl + 1
                shrinkAfterLargeRecord()
                return item
            }
            if end - start > limit { return skipLongLine() }
            let scanned = end - start
            if !fill() {
                if let reason = readError { readError = nil; return failure(reason) }
                if interrupted || end == start { return nil }
                var lineEnd = end
                if buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                number += 1
                let item = Item.record(bytes: Array(buffer[start..<lineEnd]), number: number, line: number, offset: consumed)
                consumed += end - start
                start = end
                shrinkAfterLargeRecord()
                return item
            }
            searchFrom = start + scanned
        }
    }

    /// Lets a buffer that grew for one large record go as soon as the record is out.
    private func shrinkAfterLargeRecord() {
        guard buffer.count > 4 * Self.chunk, end - start < Self.chunk else { return }
        buffer = Array(buffer[start..<end]) + [UInt8](repeating: 0, count: Self.chunk)
        end -= start
        start = 0
    }

    private func skipLongLine() -> Item {
        number += 1
        linesConsumed += 1
        let (record, offset) = (number, consumed)
        var size = 0
        while true {
            if let nl = find(0x0A, from: start) {
                size += nl - start
                consumed += nl + 1 - start
                start = nl + 1
                return .tooLarge(bytes: size, number: record, line: record, offset: offset)
            }
            size += end - start
            consumed += end - start
            start = end
            if !fill() {
                if let reason = readError {
                    readError = nil
                    return .failed(.readFailed(path: path, reason: reason), number: record, line: record, offset: offset)
                }
                return .tooLarge(bytes: size, number: record, line: record, offset: offset)
            }
        }
    }

    /// The rest of the input as one record (an article, or one JSON document); past
    /// `limit` bytes it is counted without being kept.
    func wholeRest() -> Item? {
        let offset = consumed
        var dropped = 0
        while true {
            if end - start > limit {
                dropped += end - start
                consumed += end - start
                start = end
            }
            if !fill() { break }
        }
        if let reason = readError {
            readError = nil
            return failure(reason)
        }
        if interrupted { return nil }
        number += 1
        if dropped > 0 || end - start > limit {
            let size = dropped + end - start
            consumed += end - start
            start = end
            return .tooLarge(bytes: size, number: number, line: 1, offset: offset)
        }
        let bytes = Array(buffer[start..<end])
        consumed += end - start
        start = end
        shrinkAfterLargeRecord()
        return .record(bytes: bytes, number: number, line: 1, offset: offset)
    }

    /// The next element of a JSON array of records (the stream was sniffed as
    /// ``Shape/jsonArray``), or nil after the closing bracket. Malformed structure
    /// ends the array with one `invalid_json` failure: there is no next element to
    /// resynchronise on.
    func nextArrayElement() -> Item? {
        switch arrayState {
        case .finished:
            return nil
        case .notStarted:
            guard skipArraySpace() else { return endOfArrayInput() }
            if consumed == 0, end - start >= 3, buffer[start] == 0xEF, buffer[start + 1] == 0xBB, buffer[start + 2] == 0xBF {
                advance(to: start + 3, countingLines: false)
                guard skipArraySpace() else { return endOfArrayInput() }
            }
            advance(to: start + 1, countingLines: false)  // "["
            arrayState = .expectingFirst
            guard skipArraySpace() else { return endOfArrayInput() }
            if buffer[start] == UInt8(ascii: "]") { return closeArray() }
        case .expectingFirst, .afterElement:
            guard skipArraySpace() else { return endOfArrayInput() }
            if buffer[start] == UInt8(ascii: "]") { return closeArray() }
            guard buffer[start] == UInt8(ascii: ",") else { return malformed("expected , or ] between the array's elements") }
            advance(to: start + 1, countingLines: false)
            guard skipArraySpace() else { return endOfArrayInput() }
        }
        return scanElement()
    }

    private func skipArraySpace() -> Bool {
        while true {
            var i = start
            while i < end, isSpace(buffer[i]) { i += 1 }
            advance(to: i, countingLines: true)
            if start < end { return true }
            if !fill() { return false }
        }
    }

    private func endOfArrayInput() -> Item? {
        if let reason = readError {
            readError = nil
            arrayState = .finished
            return failure(reason)
        }
        if interrupted { arrayState = .finished; return nil }
        return malformed("the array is not closed with ]")
    }

    private func closeArray() -> Item? {
        advance(to: start + 1, countingLines: false)
        arrayState = .finished
        // Only white space may follow the array.
        if skipArraySpace() { return malformed("unexpected data after the array") }
        if let reason = readError { readError = nil; return failure(reason) }
        return nil
    }

    private func malformed(_ message: String) -> Item {
        arrayState = .finished
        number += 1
        let item = Item.failed(.invalidJSON("\(message) at byte \(consumed)"), number: number, line: linesConsumed + 1, offset: consumed)
        // Nothing after malformed structure can be trusted: drop the rest.
        while true {
            consumed += end - start
            start = end
            if !fill() { break }
        }
        readError = nil
        return item
    }

    /// Finds the end of the element at `start`, tracking strings and nesting.
    private func scanElement() -> Item? {
        number += 1
        let (record, line, offset) = (number, linesConsumed + 1, consumed)
        var depth = 0
        var inString = false
        var escaped = false
        var i = start
        var skipped = 0
        var skippedLines = 0
        let scalar = buffer[start] != UInt8(ascii: "{") && buffer[start] != UInt8(ascii: "[") && buffer[start] != UInt8(ascii: "\"")
        while true {
            while i < end {
                let c = buffer[i]
                if inString {
                    if escaped { escaped = false } else if c == UInt8(ascii: "\\") { escaped = true } else if c == UInt8(ascii: "\"") {
                        inString = false
                        if depth == 0 { i += 1; return elementDone(upTo: i, skipped: skipped, skippedLines: skippedLines, record, line, offset) }
                    }
                } else if scalar {
                    if c == UInt8(ascii: ",") || c == UInt8(ascii: "]") || isSpace(c) {
                        return elementDone(upTo: i, skipped: skipped, skippedLines: skippedLines, record, line, offset)
                    }
                } else {
                    switch c {
                    case UInt8(ascii: "\""): inString = true
                    case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                        if depth == 0 { i += 1; return elementDone(upTo: i, skipped: skipped, skippedLines: skippedLines, record, line, offset) }
                    default: break
                    }
                }
                i += 1
            }
            if end - start > limit {
                // Too large: keep scanning, but stop keeping the bytes.
                skippedLines += countLines(start..<end)
                skipped += end - start
                consumed += end - start
                start = end
                i = end
            }
            let scanned = i - start
            if !fill() {
                if let reason = readError { readError = nil; arrayState = .finished
                    return .failed(.readFailed(path: path, reason: reason), number: record, line: line, offset: offset) }
                if interrupted { arrayState = .finished; return nil }
                arrayState = .finished
                return .failed(.invalidJSON("unexpected end of input inside element \(record) of the array"), number: record, line: line, offset: offset)
            }
            i = start + scanned
        }
    }

    private func elementDone(upTo index: Int, skipped: Int, skippedLines: Int, _ record: Int, _ line: Int, _ offset: Int) -> Item {
        arrayState = .afterElement
        linesConsumed += skippedLines
        if skipped > 0 || index - start > limit {
            let size = skipped + index - start
            advance(to: index, countingLines: true)
            return .tooLarge(bytes: size, number: record, line: line, offset: offset)
        }
        let bytes = Array(buffer[start..<index])
        advance(to: index, countingLines: true)
        shrinkAfterLargeRecord()
        return .record(bytes: bytes, number: record, line: line, offset: offset)
    }
}

/// A system error as a plain sentence: "Permission denied", not a domain and number.
func plainReason(_ code: Int32) -> String {
    String(cString: strerror(code))
}
