/// Converts UTF-8 byte offsets into Unicode code-point offsets (the unit of the
/// output schema, as Python's `str` slicing counts).
///
/// Keeps one checkpoint per 16 bytes, so memory is 1/4 of the text and a lookup
/// scans at most 15 bytes (every span's start and end is looked up); all-ASCII text
/// needs no table at all.
public struct CodePointIndex: Sendable {
    private let bytes: [UInt8]
    private let checkpoints: [Int32]
    private let isASCII: Bool
    private static let blockShift = 4

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var ascii = true
        for b in bytes where b >= 0x80 {
            ascii = false
            break
        }
        isASCII = ascii
        if ascii {
            checkpoints = []
            return
        }
        var table: [Int32] = []
        table.reserveCapacity(bytes.count >> Self.blockShift + 1)
        var count: Int32 = 0
        for (i, b) in bytes.enumerated() {
            if i & ((1 << Self.blockShift) - 1) == 0 { table.append(count) }
            if b & 0xC0 != 0x80 { count += 1 }
        }
        checkpoints = table
    }

    /// The code-point offset of a byte offset (which must lie on a scalar boundary).
    public func codePoints(atByte offset: Int32) -> Int {
        if isASCII { return Int(offset) }
        let o = Int(offset)
        let block = o >> Self.blockShift
        if block >= checkpoints.count {
            var count = checkpoints.isEmpty ? 0 : Int(checkpoints[checkpoints.count - 1])
            var i = (checkpoints.count - 1) << Self.blockShift
            if i < 0 { i = 0 }
            while i < o { if bytes[i] & 0xC0 != 0x80 { count += 1 }; i += 1 }
            return count
        }
        var count = Int(checkpoints[block])
        var i = block << Self.blockShift
        while i < o {
            if bytes[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }
}
