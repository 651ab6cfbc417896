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
        var table: [Int32] = []
        // Eight bytes at a time: the ASCII test ORs whole words, and a block's code points
        // are its bytes minus its continuation bytes, counted with popcount.
        bytes.withUnsafeBufferPointer { b in
            let n = b.count
            var highBits: UInt64 = 0
            var i = 0
            while i + 8 <= n {
                highBits |= Self.word(b, i)
                i += 8
            }
            while i < n {
                highBits |= UInt64(b[i])
                i += 1
            }
            ascii = highBits & 0x8080_8080_8080_8080 == 0
            guard !ascii else { return }
            let blockSize = 1 << Self.blockShift
            table.reserveCapacity(n >> Self.blockShift + 1)
            var count: Int32 = 0
            var block = 0
            while block < n {
                table.append(count)
                guard block + blockSize <= n else { break }  // the last, partial block needs no count after it
                let continuations = Self.continuationCount(Self.word(b, block)) + Self.continuationCount(Self.word(b, block + 8))
                count += Int32(blockSize - continuations)
                block += blockSize
            }
        }
        isASCII = ascii
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
        let start = block << Self.blockShift
        let inBlock = o - start
        return Int(checkpoints[block]) + bytes.withUnsafeBufferPointer { b in
            // The bytes of the block before the offset, as two masked words when the
            // whole block lies inside the text.
            if start + (1 << Self.blockShift) <= b.count {
                let first = Self.word(b, start) & Self.lowBytes(inBlock)
                let second = inBlock > 8 ? Self.word(b, start + 8) & Self.lowBytes(inBlock - 8) : 0
                return inBlock - Self.continuationCount(first) - Self.continuationCount(second)
            }
            var count = 0
            for i in start..<o where b[i] & 0xC0 != 0x80 { count += 1 }
            return count
        }
    }

    /// Eight bytes from `i` as a little-endian word (the caller checks they exist).
    @inline(__always)
    private static func word(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self))
    }

    /// The number of UTF-8 continuation bytes (10xxxxxx) in a word: high bit set, next bit clear.
    @inline(__always)
    static func continuationCount(_ x: UInt64) -> Int {
        (x & ~(x << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
    }

    /// A mask of the low `count` bytes of a word (all of them from 8 on).
    @inline(__always)
    private static func lowBytes(_ count: Int) -> UInt64 {
        count >= 8 ? ~0 : (1 << UInt64(8 * count)) &- 1
    }
}
