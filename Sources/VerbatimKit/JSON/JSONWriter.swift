/// Appends JSON to a byte buffer: the output side of JSONL, written by hand so
/// that key order is ours and raw input values pass through byte for byte.
public struct JSONWriter {
    /// The JSON written so far (a copy: see `takeBytes()`).
    public var bytes: [UInt8] {
        if length == storage.count { return storage }
        return storage.withUnsafeBufferPointer { source in
            // One memcpy: copying a slice or buffer pointer went through the generic
            // element-by-element collection copy.
            Array(unsafeUninitializedCapacity: length) { target, initialized in
                target.baseAddress!.initialize(from: source.baseAddress!, count: length)
                initialized = length
            }
        }
    }

    /// The JSON written, handing over the buffer instead of copying it (cut to the
    /// written length in place); the writer is empty afterwards.
    public mutating func takeBytes() -> [UInt8] {
        storage.removeSubrange(length...)
        let written = storage
        self = JSONWriter(capacity: 0)
        return written
    }

    /// How many bytes are written and not yet taken.
    public var count: Int { length }

    /// Hands over what is written so far and goes on from an empty buffer, inside
    /// the same objects and arrays (for a line too large to build whole).
    public mutating func drainBytes() -> [UInt8] {
        let written = bytes
        length = 0
        return written
    }

    // The output, its bytes beyond `length` never read (left as allocated: zero-filling a
    // line's buffer, sized for the text and its annotations, was some 5 M instructions
    // per MB): a key, number or run of text is stored through a pointer after one
    // capacity check, where appending it to an array byte by byte paid a capacity and a
    // uniqueness check per byte.
    private var storage: [UInt8]
    private var length = 0
    private var nesting = JSONNesting()

    public init(capacity: Int = 1024) {
        let size = max(capacity, 16)
        storage = Array(unsafeUninitializedCapacity: size) { _, count in count = size }
    }

    public mutating func beginObject() { open(UInt8(ascii: "{")) }

    public mutating func endObject() { close(UInt8(ascii: "}")) }

    public mutating func beginArray() { open(UInt8(ascii: "[")) }

    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Writes an object key; the next value written belongs to it.
    public mutating func key(_ name: String) {
        var name = name
        let comma = nesting.takeComma()
        name.withUTF8 { writeQuoted($0, comma: comma, colon: true) }
        nesting.keyWritten()
    }

    /// Writes an object key that needs no escaping (an ASCII identifier literal),
    /// copying its bytes without looking at them.
    public mutating func key(ascii name: StaticString) {
        let comma = nesting.takeComma()
        write(upTo: name.utf8CodeUnitCount + 4) { p in Self.storeKey(name, comma: comma, at: p) }
        nesting.keyWritten()
    }

    /// Writes a string value from UTF-8 bytes (which must be valid UTF-8).
    public mutating func string(utf8 value: UnsafeBufferPointer<UInt8>) {
        writeQuoted(value, comma: nesting.takeComma())
    }

    /// Writes the string value `prefix` followed by the decimal digits of `number` ("e12"),
    /// which needs no escaping.
    public mutating func string(ascii prefix: UInt8, _ number: Int) {
        let comma = nesting.takeComma()
        write(upTo: 4 + Self.maxDecimalLength) { p in
            let k = comma ? Self.storeComma(at: p) : 0
            return k + Self.storeNumberString(prefix, number, at: p + k)
        }
    }

    // The `field(ascii:…)` members write key and value with one capacity check.

    public mutating func field(ascii name: StaticString, _ value: String) {
        // A native string lends its bytes without the copy (and retain) withUTF8 needs.
        if value.utf8.withContiguousStorageIfAvailable({ field(ascii: name, utf8: $0) }) != nil { return }
        var value = value
        value.withUTF8 { field(ascii: name, utf8: $0) }
    }

    public mutating func field(ascii name: StaticString, _ value: Int) {
        let comma = nesting.takeComma()
        write(upTo: name.utf8CodeUnitCount + 4 + Self.maxDecimalLength) { p in
            let k = Self.storeKey(name, comma: comma, at: p)
            return k + Self.storeDecimal(value, at: p + k)
        }
    }

    public mutating func field(ascii name: StaticString, _ value: String?) {
        if let value { field(ascii: name, value) } else { key(ascii: name); null() }
    }

    /// A member whose value is a string given as UTF-8 bytes (which must be valid UTF-8).
    public mutating func field(ascii name: StaticString, utf8 value: UnsafeBufferPointer<UInt8>) {
        let comma = nesting.takeComma()
        if value.count <= Self.shortString {
            write(upTo: name.utf8CodeUnitCount + 4 + Self.quotedLength(value.count)) { p in
                let k = Self.storeKey(name, comma: comma, at: p)
                return k + Self.storeQuoted(value, at: p + k)
            }
        } else {
            write(upTo: name.utf8CodeUnitCount + 4) { p in Self.storeKey(name, comma: comma, at: p) }
            writeLongQuoted(value)
        }
    }

    /// A member whose value is an ASCII literal that needs no escaping (`"label":"PERSON"`),
    /// both copied without looking at them.
    public mutating func field(ascii name: StaticString, ascii value: StaticString) {
        let comma = nesting.takeComma()
        write(upTo: name.utf8CodeUnitCount + 4 + value.utf8CodeUnitCount + 2) { p in
            var k = Self.storeKey(name, comma: comma, at: p)
            p[k] = UInt8(ascii: "\"")
            Self.storeLiteral(value, at: p + k + 1)
            k += 1 + value.utf8CodeUnitCount
            p[k] = UInt8(ascii: "\"")
            return k + 1
        }
    }

    /// A member whose value is `prefix` followed by the decimal digits of `number` (`"id":"e12"`).
    public mutating func field(ascii name: StaticString, prefix: UInt8, _ number: Int) {
        let comma = nesting.takeComma()
        write(upTo: name.utf8CodeUnitCount + 4 + 3 + Self.maxDecimalLength) { p in
            let k = Self.storeKey(name, comma: comma, at: p)
            return k + Self.storeNumberString(prefix, number, at: p + k)
        }
    }

    public mutating func string(_ value: String) {
        var value = value
        let comma = nesting.takeComma()
        value.withUTF8 { writeQuoted($0, comma: comma) }
    }

    public mutating func int(_ value: Int) {
        let comma = nesting.takeComma()
        write(upTo: 1 + Self.maxDecimalLength) { p in
            let k = comma ? Self.storeComma(at: p) : 0
            return k + Self.storeDecimal(value, at: p + k)
        }
    }

    public mutating func bool(_ value: Bool) {
        separate()
        if value { writeASCII("true") } else { writeASCII("false") }
    }

    public mutating func null() {
        separate()
        writeASCII("null")
    }

    /// Writes already-valid JSON bytes as one value.
    public mutating func raw<C: Collection>(_ json: C) where C.Element == UInt8 {
        separate()
        let n = json.count
        write(upTo: n) { p in
            _ = UnsafeMutableBufferPointer(start: p, count: n).initialize(fromContentsOf: json)
            return n
        }
    }

    public mutating func field(_ name: String, _ value: String) { key(name); string(value) }
    public mutating func field(_ name: String, _ value: Int) { key(name); int(value) }
    public mutating func field(_ name: String, _ value: String?) {
        key(name)
        if let value { string(value) } else { null() }
    }

    public mutating func newline() { writeByte(0x0A) }

    /// Lets `body` write several members, brackets and values through a ``JSONBatch``
    /// after one capacity check for all of them, at most `room` bytes (the batch
    /// stops the program rather than write past them). Written one call at a time,
    /// each of an entity's half-dozen fields paid a capacity check, a buffer
    /// uniqueness check and a closure call, about as much as storing its bytes
    /// (issue 25: some 200 instructions per number field).
    @inline(__always)
    public mutating func batch<R>(room: Int, _ body: (inout JSONBatch) -> R) -> R {
        if length + room > storage.count { grow(toAtLeast: length + room) }
        let at = length
        let (result, batch) = storage.withUnsafeMutableBufferPointer { buffer in
            var batch = JSONBatch(base: buffer.baseAddress! + at, room: room, nesting: nesting)
            let result = body(&batch)
            return (result, batch)
        }
        length = at + batch.count
        nesting = batch.nesting
        return result
    }

    // MARK: - Structure

    @inline(__always)
    private mutating func separate() {
        if nesting.takeComma() { writeByte(UInt8(ascii: ",")) }
    }

    private mutating func open(_ bracket: UInt8) {
        let comma = nesting.takeComma()
        write(upTo: 2) { p in
            if comma { p[0] = UInt8(ascii: ","); p[1] = bracket; return 2 }
            p[0] = bracket
            return 1
        }
        nesting.enter()
    }

    private mutating func close(_ bracket: UInt8) {
        nesting.leave()
        writeByte(bracket)
    }

    // MARK: - Bytes

    /// Lets `body` store up to `count` bytes at the end of the output; it returns how many it stored.
    @inline(__always)
    private mutating func write(upTo count: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        if length + count > storage.count { grow(toAtLeast: length + count) }
        let at = length
        let written = storage.withUnsafeMutableBufferPointer { body($0.baseAddress! + at) }
        length = at + written
    }

    /// A larger buffer holding the bytes written (those beyond `length` are not copied).
    @inline(never)
    private mutating func grow(toAtLeast needed: Int) {
        let size = max(needed, storage.count * 2)
        let written = length
        storage = storage.withUnsafeBufferPointer { old in
            Array(unsafeUninitializedCapacity: size) { new, count in
                new.baseAddress!.initialize(from: old.baseAddress!, count: written)
                count = size
            }
        }
    }

    @inline(__always)
    private mutating func writeByte(_ byte: UInt8) {
        write(upTo: 1) { p in
            p[0] = byte
            return 1
        }
    }

    private mutating func writeBytes(_ source: UnsafePointer<UInt8>, count n: Int) {
        guard n > 0 else { return }
        write(upTo: n) { p in
            p.update(from: source, count: n)
            return n
        }
    }

    private mutating func writeASCII(_ text: StaticString) {
        writeBytes(text.utf8Start, count: text.utf8CodeUnitCount)
    }

    /// A quoted, escaped string literal, after a comma when `comma`, before a colon
    /// when `colon`: in one write when short, the long way otherwise.
    private mutating func writeQuoted(_ text: UnsafeBufferPointer<UInt8>, comma: Bool, colon: Bool = false) {
        if text.count <= Self.shortString {
            write(upTo: 2 + Self.quotedLength(text.count)) { p in
                var k = comma ? Self.storeComma(at: p) : 0
                k += Self.storeQuoted(text, at: p + k)
                if colon {
                    p[k] = UInt8(ascii: ":")
                    k += 1
                }
                return k
            }
        } else {
            if comma { writeByte(UInt8(ascii: ",")) }
            writeLongQuoted(text)
            if colon { writeByte(UInt8(ascii: ":")) }
        }
    }

    /// A quoted string literal of any length: runs that need no escape are copied
    /// whole, found eight bytes at a time.
    private mutating func writeLongQuoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        writeByte(UInt8(ascii: "\""))
        writeEscaped(utf8)
        writeByte(UInt8(ascii: "\""))
    }

    /// A string value written `piece` bytes at a time, with `drain` called after each
    /// piece: a text of hundreds of megabytes never sits whole in the buffer.
    public mutating func string(_ value: String, inPiecesOf piece: Int, drain: (inout JSONWriter) -> Void) {
        var value = value
        value.withUTF8 { string(utf8: $0, inPiecesOf: piece, drain: drain) }
    }

    /// ``string(_:inPiecesOf:drain:)`` from UTF-8 bytes (which must be valid UTF-8).
    public mutating func string(utf8: UnsafeBufferPointer<UInt8>, inPiecesOf piece: Int, drain: (inout JSONWriter) -> Void) {
        if nesting.takeComma() { writeByte(UInt8(ascii: ",")) }
        writeByte(UInt8(ascii: "\""))
        var from = 0
        while from < utf8.count {
            let to = min(from + max(piece, 1), utf8.count)
            writeEscaped(UnsafeBufferPointer(rebasing: utf8[from..<to]))
            from = to
            drain(&self)
        }
        writeByte(UInt8(ascii: "\""))
    }

    /// The escaped contents of a string literal, without its quotes: runs that need
    /// no escape are copied whole, found eight bytes at a time.
    private mutating func writeEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        if let text = utf8.baseAddress {
            let count = utf8.count
            var runStart = 0
            var k = 0
            while k < count {
                if k + 8 <= count,
                   !Self.hasByteToEscape(UInt64(littleEndian: UnsafeRawPointer(text + k).loadUnaligned(as: UInt64.self))) {
                    k += 8
                    continue
                }
                let stop = min(k + 8, count)
                while k < stop {
                    let c = text[k]
                    if Self.needsEscape(c) {
                        writeBytes(text + runStart, count: k - runStart)
                        write(upTo: 6) { p in Self.storeEscape(c, at: p) }
                        runStart = k + 1
                    }
                    k += 1
                }
            }
            writeBytes(text + runStart, count: count - runStart)
        }
    }

    // MARK: - Storing at a pointer

    /// Strings up to this many bytes are written in one piece, with room for each byte
    /// to need a six-byte escape.
    static var shortString: Int { 64 }

    /// Room for a quoted string literal of `count` bytes, every one escaped.
    @inline(__always)
    static func quotedLength(_ count: Int) -> Int { 2 + 6 * count }

    @inline(__always)
    static func storeComma(at p: UnsafeMutablePointer<UInt8>) -> Int {
        p[0] = UInt8(ascii: ",")
        return 1
    }

    /// `,"name":` (the comma when `comma`).
    @inline(__always)
    static func storeKey(_ name: StaticString, comma: Bool, at p: UnsafeMutablePointer<UInt8>) -> Int {
        let k = comma ? storeComma(at: p) : 0
        let n = name.utf8CodeUnitCount
        p[k] = UInt8(ascii: "\"")
        storeLiteral(name, at: p + k + 1)
        p[k + 1 + n] = UInt8(ascii: "\"")
        p[k + 2 + n] = UInt8(ascii: ":")
        return k + n + 3
    }

    /// Copies the bytes of a short literal (a key, a label) with at most four loads
    /// and stores: two that may overlap cover 4 to 16 bytes. Keys are a few letters,
    /// shorter than a call to memcpy; copied byte by byte, a key cost seven
    /// instructions a byte, a third of a `"start":123` member (issue 25).
    @inline(__always)
    static func storeLiteral(_ literal: StaticString, at p: UnsafeMutablePointer<UInt8>) {
        let source = UnsafeRawPointer(literal.utf8Start)
        let target = UnsafeMutableRawPointer(p)
        let n = literal.utf8CodeUnitCount
        func copy<T>(_ type: T.Type, _ offset: Int) {
            target.storeBytes(of: source.loadUnaligned(fromByteOffset: offset, as: T.self), toByteOffset: offset, as: T.self)
        }
        switch n {
        case 8...16:
            copy(UInt64.self, 0)
            copy(UInt64.self, n &- 8)
        case 4..<8:
            copy(UInt32.self, 0)
            copy(UInt32.self, n &- 4)
        case 2..<4:
            copy(UInt16.self, 0)
            copy(UInt16.self, n &- 2)
        case 1:
            p[0] = literal.utf8Start[0]
        case 0:
            break
        default:
            for j in 0..<n { p[j] = literal.utf8Start[j] }
        }
    }

    /// `"e12"`: a quoted letter and number.
    @inline(__always)
    static func storeNumberString(_ prefix: UInt8, _ number: Int, at p: UnsafeMutablePointer<UInt8>) -> Int {
        p[0] = UInt8(ascii: "\"")
        p[1] = prefix
        let k = 2 + storeDecimal(number, at: p + 2)
        p[k] = UInt8(ascii: "\"")
        return k + 1
    }

    /// The quoted, escaped text (room needed: `quotedLength(text.count)`).
    @inline(__always)
    static func storeQuoted(_ text: UnsafeBufferPointer<UInt8>, at p: UnsafeMutablePointer<UInt8>) -> Int {
        p[0] = UInt8(ascii: "\"")
        var k = 1
        var i = 0
        // Whole words while none of their bytes needs an escape (most names and values).
        if let source = text.baseAddress {
            while i + 8 <= text.count {
                let word = UnsafeRawPointer(source + i).loadUnaligned(as: UInt64.self)
                if hasByteToEscape(UInt64(littleEndian: word)) { break }
                UnsafeMutableRawPointer(p + k).storeBytes(of: word, as: UInt64.self)
                i += 8
                k += 8
            }
            // When the words ran clean to less than a word from the end: the last bytes
            // as the word that ends the text, overlapping bytes already copied as they
            // are (nothing was escaped, so `k` is still `1 + i`). The byte loop below
            // cost six instructions a byte on most names.
            if i < text.count, i + 8 > text.count, text.count >= 8 {
                let last = text.count - 8
                let word = UnsafeRawPointer(source + last).loadUnaligned(as: UInt64.self)
                if !hasByteToEscape(UInt64(littleEndian: word)) {
                    UnsafeMutableRawPointer(p + 1 + last).storeBytes(of: word, as: UInt64.self)
                    k = 1 + text.count
                    i = text.count
                }
            }
        }
        for c in UnsafeBufferPointer(rebasing: text[i...]) {
            if needsEscape(c) {
                k += storeEscape(c, at: p + k)
            } else {
                p[k] = c
                k += 1
            }
        }
        p[k] = UInt8(ascii: "\"")
        return k + 1
    }

    /// Control characters, `"` and `\` (everything else, non-ASCII included, is written as is).
    @inline(__always)
    static func needsEscape(_ c: UInt8) -> Bool { c < 0x20 || c == 0x22 || c == 0x5C }

    /// The escape sequence of a byte that JSON does not allow inside a string.
    static func storeEscape(_ c: UInt8, at p: UnsafeMutablePointer<UInt8>) -> Int {
        p[0] = UInt8(ascii: "\\")
        switch c {
        case 0x22: p[1] = 0x22
        case 0x5C: p[1] = 0x5C
        case 0x0A: p[1] = UInt8(ascii: "n")
        case 0x0D: p[1] = UInt8(ascii: "r")
        case 0x09: p[1] = UInt8(ascii: "t")
        default:
            p[1] = UInt8(ascii: "u")
            p[2] = UInt8(ascii: "0")
            p[3] = UInt8(ascii: "0")
            p[4] = hexDigit(c >> 4)
            p[5] = hexDigit(c & 0xF)
            return 6
        }
        return 2
    }

    @inline(__always)
    private static func hexDigit(_ v: UInt8) -> UInt8 {
        v < 10 ? UInt8(ascii: "0") + v : UInt8(ascii: "a") + v - 10
    }

    /// Whether any of eight bytes (a little-endian word) is a control character, `"`
    /// or `\`. The has-a-byte-below-n and has-a-zero-byte tests on the whole word: a
    /// flag can also be set above a byte that matched, never when none does.
    @inline(__always)
    static func hasByteToEscape(_ x: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let control = (x &- ones &* 0x20) & ~x
        let q = x ^ (ones &* 0x22)
        let quote = (q &- ones) & ~q
        let s = x ^ (ones &* 0x5C)
        let backslash = (s &- ones) & ~s
        return (control | quote | backslash) & highBits != 0
    }

    // MARK: - Numbers

    /// The longest decimal `storeDecimal` writes: "-9223372036854775808".
    static var maxDecimalLength: Int { 20 }

    /// Stores the decimal digits of `value` at `p` (with a minus sign when negative), as
    /// `String(value)` spells it, and returns how many bytes that took.
    @inline(__always)
    static func storeDecimal(_ value: Int, at p: UnsafeMutablePointer<UInt8>) -> Int {
        var k = 0
        if value < 0 {
            p[0] = UInt8(ascii: "-")
            k = 1
        }
        var v = value.magnitude
        let end = k + decimalDigits(v)
        // Two digits per division, from the end: offsets and ids have two to six
        // digits, and a division and a store per digit cost eleven instructions each.
        var q = end
        let digitPairs = Self.digitPairs
        while v >= 100 {
            let pair = Int(truncatingIfNeeded: v % 100)
            v /= 100
            q &-= 2
            p[q] = digitPairs[pair &* 2]
            p[q &+ 1] = digitPairs[pair &* 2 &+ 1]
        }
        if v >= 10 {
            let pair = Int(truncatingIfNeeded: v)
            p[q &- 2] = digitPairs[pair &* 2]
            p[q &- 1] = digitPairs[pair &* 2 &+ 1]
        } else {
            p[q &- 1] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: v)
        }
        return end
    }

    /// How many decimal digits `v` has: compares only, for the usual small numbers.
    @inline(__always)
    static func decimalDigits(_ v: UInt) -> Int {
        if v < 10 { return 1 }
        if v < 100 { return 2 }
        if v < 1000 { return 3 }
        if v < 10_000 { return 4 }
        if v < 100_000 { return 5 }
        if v < 1_000_000 { return 6 }
        var digits = 7
        var power: UInt = 10_000_000
        // Nineteen at most: an Int's magnitude is below 10^19.
        while digits < 19, v >= power {
            digits += 1
            power &*= 10
        }
        return digits
    }

    /// "00", "01", … "99": the two digits of each number below 100, read at `2 * n`.
    /// A literal: its bytes are read through a pointer, with no lazy global to check.
    private static var digitPairs: UnsafePointer<UInt8> {
        ("00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899" as StaticString).utf8Start
    }

    // MARK: - On byte arrays

    /// Appends a JSON string literal; non-ASCII text is written as UTF-8, not escaped.
    public static func appendString(_ s: String, to out: inout [UInt8]) {
        var w = JSONWriter(capacity: s.utf8.count + 2)
        w.string(s)
        out.append(contentsOf: w.bytes)
    }
}

/// The comma rule shared by a ``JSONWriter`` and its ``JSONBatch``es: the nesting
/// depth and whether the innermost open object or array already has a member, so
/// that the next one needs a comma. Outer levels need no record: a level is only left
/// for an inner one that is its member, so when that closes the answer is always yes.
struct JSONNesting {
    private var depth = 0
    private var hasMember = false

    /// Whether a comma goes before the value about to be written (noting that its
    /// level now has a member).
    @inline(__always)
    mutating func takeComma() -> Bool {
        guard depth > 0 else { return false }
        let comma = hasMember
        hasMember = true
        return comma
    }

    /// After a key: the value that follows is the same member.
    @inline(__always)
    mutating func keyWritten() { hasMember = false }

    /// After an opening bracket: a level without members.
    @inline(__always)
    mutating func enter() {
        depth += 1
        hasMember = false
    }

    /// Before a closing bracket: the level left was a member of the one around it.
    @inline(__always)
    mutating func leave() {
        precondition(depth > 0, "end of an object or array that was not begun")
        depth -= 1
        hasMember = true
    }
}
