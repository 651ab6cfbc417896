/// A growable buffer of raw bytes for per-document keys and scratch: bytes are stored
/// through a pointer after one capacity check, where appending to an array a byte or a
/// few bytes at a time pays a uniqueness and capacity check per call.
///
/// Its owner frees it: `finish()` hands the bytes over as an array, `deallocate()`
/// drops them. Copies share one allocation, so a buffer is never copied.
struct ByteBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes written so far; setting it lower forgets the rest.
    var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    /// The bytes written so far.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// Makes room for `extra` more bytes and returns where the next one goes (the
    /// caller advances `count` by what it stores).
    mutating func end(reserving extra: Int) -> UnsafeMutablePointer<UInt8> {
        if count &+ extra > capacity {
            capacity = 2 * capacity + extra
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.update(from: base, count: count)
            base.deallocate()
            base = grown
        }
        return base + count
    }

    mutating func append(_ piece: UnsafeBufferPointer<UInt8>) {
        let end = end(reserving: piece.count)
        if let source = piece.baseAddress { end.update(from: source, count: piece.count) }
        count += piece.count
    }

    mutating func append(_ byte: UInt8) {
        end(reserving: 1).pointee = byte
        count += 1
    }

    /// The bytes as an array; the buffer is freed.
    func finish() -> [UInt8] {
        let array = Array(bytes)
        base.deallocate()
        return array
    }

    func deallocate() { base.deallocate() }
}
