/// Members, brackets and values stored straight into a ``JSONWriter``'s buffer, in
/// room it reserved once (``JSONWriter/batch(room:_:)``), with the writer's comma
/// rule. The same bytes as the writer's members of the same names.
///
/// Every store checks that its longest possible form fits the room (a compare and a
/// branch), so a room too small for what a caller writes stops the program instead
/// of writing past the buffer.
///
/// The stores are inlined: a key's length is then a constant, its copy a move or two
/// (``JSONWriter/storeLiteral(_:at:)``), and a member of a few bytes costs no call.
public struct JSONBatch {
    private let base: UnsafeMutablePointer<UInt8>
    private let room: Int
    /// Bytes stored so far.
    private(set) var count = 0
    /// The writer's comma rule, carried in and handed back.
    private(set) var nesting: JSONNesting

    init(base: UnsafeMutablePointer<UInt8>, room: Int, nesting: JSONNesting) {
        self.base = base
        self.room = room
        self.nesting = nesting
    }

    @inline(__always)
    public mutating func beginObject() { open(UInt8(ascii: "{")) }

    @inline(__always)
    public mutating func endObject() { close(UInt8(ascii: "}")) }

    @inline(__always)
    public mutating func beginArray() { open(UInt8(ascii: "[")) }

    @inline(__always)
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// An object key that needs no escaping; the next value belongs to it.
    @inline(__always)
    public mutating func key(ascii name: StaticString) {
        let p = reserve(name.utf8CodeUnitCount + 4)
        count += JSONWriter.storeKey(name, comma: nesting.takeComma(), at: p)
        nesting.keyWritten()
    }

    /// `"name":number`.
    @inline(__always)
    public mutating func field(ascii name: StaticString, _ value: Int) {
        let p = reserve(name.utf8CodeUnitCount + 4 + JSONWriter.maxDecimalLength)
        let k = JSONWriter.storeKey(name, comma: nesting.takeComma(), at: p)
        count += k + JSONWriter.storeDecimal(value, at: p + k)
    }

    /// `"name":"e12"`: the value is `prefix` and the digits of `number`.
    @inline(__always)
    public mutating func field(ascii name: StaticString, prefix: UInt8, _ number: Int) {
        let p = reserve(name.utf8CodeUnitCount + 4 + 3 + JSONWriter.maxDecimalLength)
        let k = JSONWriter.storeKey(name, comma: nesting.takeComma(), at: p)
        count += k + JSONWriter.storeNumberString(prefix, number, at: p + k)
    }

    /// `"name":"VALUE"` for an ASCII literal that needs no escaping.
    @inline(__always)
    public mutating func field(ascii name: StaticString, ascii value: StaticString) {
        let p = reserve(name.utf8CodeUnitCount + 4 + value.utf8CodeUnitCount + 2)
        var k = JSONWriter.storeKey(name, comma: nesting.takeComma(), at: p)
        p[k] = UInt8(ascii: "\"")
        JSONWriter.storeLiteral(value, at: p + k + 1)
        k += 1 + value.utf8CodeUnitCount
        p[k] = UInt8(ascii: "\"")
        count += k + 1
    }

    /// `"name":"…"` from valid UTF-8 of at most ``JSONWriter/shortString`` bytes (a
    /// longer one goes through the writer, which writes it piece by piece).
    @inline(__always)
    public mutating func field(ascii name: StaticString, shortUTF8 value: UnsafeBufferPointer<UInt8>) {
        precondition(value.count <= JSONWriter.shortString, "a long string in a batch")
        let p = reserve(name.utf8CodeUnitCount + 4 + JSONWriter.quotedLength(value.count))
        let k = JSONWriter.storeKey(name, comma: nesting.takeComma(), at: p)
        count += k + JSONWriter.storeQuoted(value, at: p + k)
    }

    /// The string value `prefix` and the digits of `number` ("e12").
    @inline(__always)
    public mutating func string(ascii prefix: UInt8, _ number: Int) {
        let p = reserve(4 + JSONWriter.maxDecimalLength)
        let k = nesting.takeComma() ? JSONWriter.storeComma(at: p) : 0
        count += k + JSONWriter.storeNumberString(prefix, number, at: p + k)
    }

    @inline(__always)
    public mutating func null() {
        let p = reserve(5)
        let k = nesting.takeComma() ? JSONWriter.storeComma(at: p) : 0
        p[k] = UInt8(ascii: "n")
        p[k + 1] = UInt8(ascii: "u")
        p[k + 2] = UInt8(ascii: "l")
        p[k + 3] = UInt8(ascii: "l")
        count += k + 4
    }

    // MARK: - As the writer

    /// Where the next store goes, with `maximum` bytes of room checked.
    @inline(__always)
    private func reserve(_ maximum: Int) -> UnsafeMutablePointer<UInt8> {
        precondition(count + maximum <= room, "a JSON batch wrote past its room")
        return base + count
    }

    @inline(__always)
    private mutating func open(_ bracket: UInt8) {
        let p = reserve(2)
        let k = nesting.takeComma() ? JSONWriter.storeComma(at: p) : 0
        p[k] = bracket
        count += k + 1
        nesting.enter()
    }

    @inline(__always)
    private mutating func close(_ bracket: UInt8) {
        nesting.leave()
        reserve(1)[0] = bracket
        count += 1
    }
}
