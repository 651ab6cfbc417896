import VerbatimKit

/// Cuts a batch body, arriving in chunks of any size, into records exactly as
/// `verbatim annotate` cuts its standard input: a record per line (a trailing CR
/// dropped), blank lines skipped but counted, fallback ids `stdin:N`, each record's
/// line number and byte offset kept for its error line. A line longer than the
/// limit is counted, not kept, and becomes one `record_too_large` record, so memory
/// stays bounded by the limit whatever the client sends.
struct BatchSplitter {
    enum Format: Sendable {
        /// One JSON object per line (`--stdin-format jsonl`).
        case jsonLines
        /// One plain-text article per line (`--stdin-format lines`).
        case textLines
    }

    let format: Format
    let limit: Int
    private var pending: [UInt8] = []
    private var pendingSize = 0
    private var skipping = false
    private var lineStart = 0
    private var lineNumber = 0
    private var consumed = 0

    init(format: Format, limit: Int) {
        self.format = format
        self.limit = limit
    }

    /// The records that end in `chunk`.
    mutating func feed<Bytes: Collection>(_ chunk: Bytes) -> [InputRecord] where Bytes.Element == UInt8 {
        var records: [InputRecord] = []
        var segmentStart = chunk.startIndex
        var index = chunk.startIndex
        while index != chunk.endIndex {
            if chunk[index] == 0x0A {
                append(chunk[segmentStart..<index])
                if let record = endLine(newline: true) { records.append(record) }
                segmentStart = chunk.index(after: index)
            }
            index = chunk.index(after: index)
        }
        append(chunk[segmentStart..<chunk.endIndex])
        return records
    }

    /// The last record, when the body does not end with a line break.
    mutating func finish() -> InputRecord? {
        guard pendingSize > 0 else { return nil }
        return endLine(newline: false)
    }

    private mutating func append(_ bytes: some Collection<UInt8>) {
        pendingSize += bytes.count
        if skipping { return }
        // The CR that may end the line is not part of the record, so a line may
        // hold one byte more than the limit before it is too long.
        if pendingSize > limit + 1 {
            skipping = true
            pending = []
        } else {
            pending.append(contentsOf: bytes)
        }
    }

    private mutating func endLine(newline: Bool) -> InputRecord? {
        lineNumber += 1
        let offset = consumed
        let size = pendingSize
        consumed += size + (newline ? 1 : 0)
        defer {
            pending.removeAll(keepingCapacity: pending.count <= 1 << 16)
            pendingSize = 0
            skipping = false
        }
        let fallbackID = "stdin:\(lineNumber)"
        if !skipping, pending.last == 0x0D { pending.removeLast() }
        if skipping || pending.count > limit {
            return InputRecord(payload: .failed(.recordTooLarge(bytes: size, limit: limit)), fallbackID: fallbackID,
                               line: lineNumber, offset: offset, byteCount: size + 1)
        }
        if pending.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
        let payload: InputRecord.Payload = format == .textLines ? .text(pending) : .json(pending)
        return InputRecord(payload: payload, fallbackID: fallbackID, line: lineNumber, offset: offset, byteCount: size + 1)
    }
}
