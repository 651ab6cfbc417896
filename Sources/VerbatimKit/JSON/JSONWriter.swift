/// Appends JSON to a byte buffer: the output side of JSONL, written by hand so
/// that key order is ours and raw input values pass through byte for byte.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    // Whether each open object/array already has a member (so the next needs a comma):
    // a bit per level for the first 64 levels, an array beyond. An array alone cost a
    // uniqueness check on every value written.
    private var depth = 0
    private var commaBits: UInt64 = 0
    private var deepCommas: [Bool] = []

    public init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        push()
    }

    public mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        pop()
    }

    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        push()
    }

    public mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        pop()
    }

    /// Writes an object key; the next value written belongs to it.
    public mutating func key(_ name: String) {
        separate()
        Self.appendString(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        if depth > 0 { setTop(false) }
    }

    /// Writes an object key that needs no escaping (an ASCII identifier literal),
    /// copying its bytes without looking at them.
    public mutating func key(ascii name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        // Byte by byte: keys are a few letters, and the generic bulk append costs more.
        let p = name.utf8Start
        for k in 0..<name.utf8CodeUnitCount { bytes.append(p[k]) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        if depth > 0 { setTop(false) }
    }

    /// Writes a string value from UTF-8 bytes (which must be valid UTF-8).
    public mutating func string(utf8 value: UnsafeBufferPointer<UInt8>) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        Self.appendEscaped(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes the string value `prefix` followed by the decimal digits of `number` ("e12"),
    /// which needs no escaping.
    public mutating func string(ascii prefix: UInt8, _ number: Int) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(prefix)
        Self.appendDecimal(number, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    public mutating func field(ascii name: StaticString, _ value: String) { key(ascii: name); string(value) }
    public mutating func field(ascii name: StaticString, _ value: Int) { key(ascii: name); int(value) }
    public mutating func field(ascii name: StaticString, _ value: String?) {
        key(ascii: name)
        if let value { string(value) } else { null() }
    }

    public mutating func string(_ value: String) {
        separate()
        Self.appendString(value, to: &bytes)
    }

    public mutating func int(_ value: Int) {
        separate()
        Self.appendDecimal(value, to: &bytes)
    }

    public mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    public mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
    }

    /// Writes already-valid JSON bytes as one value.
    public mutating func raw<C: Collection>(_ json: C) where C.Element == UInt8 {
        separate()
        bytes.append(contentsOf: json)
    }

    public mutating func field(_ name: String, _ value: String) { key(name); string(value) }
    public mutating func field(_ name: String, _ value: Int) { key(name); int(value) }
    public mutating func field(_ name: String, _ value: String?) {
        key(name)
        if let value { string(value) } else { null() }
    }

    public mutating func newline() { bytes.append(0x0A) }

    private mutating func separate() {
        guard depth > 0 else { return }
        if top() { bytes.append(UInt8(ascii: ",")) }
        setTop(true)
    }

    private mutating func push() {
        if depth < 64 { commaBits &= ~(1 << UInt64(depth)) } else { deepCommas.append(false) }
        depth += 1
    }

    private mutating func pop() {
        precondition(depth > 0, "end of an object or array that was not begun")
        depth -= 1
        if depth >= 64 { deepCommas.removeLast() }
    }

    private func top() -> Bool {
        let k = depth - 1
        return k < 64 ? commaBits & (1 << UInt64(k)) != 0 : deepCommas[k - 64]
    }

    private mutating func setTop(_ value: Bool) {
        let k = depth - 1
        if k < 64 {
            if value { commaBits |= 1 << UInt64(k) } else { commaBits &= ~(1 << UInt64(k)) }
        } else {
            deepCommas[k - 64] = value
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends the decimal digits of `value` (with a minus sign when negative), as `String(value)` spells it.
    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var v = value.magnitude
        var n = 1
        var t = v
        while t >= 10 {
            t /= 10
            n += 1
        }
        let base = out.count
        out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: n))
        var k = base + n - 1
        repeat {
            out[k] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: v % 10)
            v /= 10
            k -= 1
        } while v > 0
    }

    /// Appends a JSON string literal; non-ASCII text is written as UTF-8, not escaped.
    public static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { appendEscaped($0, to: &out) }
        out.append(UInt8(ascii: "\""))
    }

    /// Appends UTF-8 text escaped for the inside of a JSON string literal: runs that need
    /// no escape are copied whole.
    static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var runStart = 0
        var k = 0
        let count = utf8.count
        while k < count {
            let c = utf8[k]
            if c >= 0x20 && c != 0x22 && c != 0x5C {
                k += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<k]))
            out.append(UInt8(ascii: "\\"))
            switch c {
            case 0x22: out.append(0x22)
            case 0x5C: out.append(0x5C)
            case 0x0A: out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "t"))
            default:
                out.append(contentsOf: "u00".utf8)
                out.append(hexDigits[Int(c >> 4)])
                out.append(hexDigits[Int(c & 0xF)])
            }
            k += 1
            runStart = k
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<count]))
    }
}
