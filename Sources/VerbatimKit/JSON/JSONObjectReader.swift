import Foundation

/// Reads one JSON object (a JSONL record) without building a tree: each field's
/// value is validated and kept as its raw bytes, so fields pass through to the
/// output exactly as written, and only the fields Verbatim needs are decoded.
public struct JSONObjectReader {
    /// The JSON type of a value.
    public enum Kind: String, Sendable {
        case object, array, string, number, bool = "boolean", null
    }

    /// One member of the object.
    public struct Field: Sendable {
        public var key: String
        public var kind: Kind
        /// The raw value bytes, as written in the input.
        public var raw: ArraySlice<UInt8>
    }

    /// Nesting deeper than this is refused rather than risking the stack.
    public static let maximumDepth = 512

    private let b: UnsafeBufferPointer<UInt8>
    private var i = 0

    private init(_ buffer: UnsafeBufferPointer<UInt8>) {
        b = buffer
    }

    /// Parses `bytes` (valid UTF-8) as one JSON object. Duplicate keys keep the
    /// position of their first occurrence and the value of their last, as Python does.
    public static func fields(of bytes: [UInt8]) throws(VerbatimError) -> [Field] {
        try bytes.withUnsafeBufferPointer { (buffer: UnsafeBufferPointer<UInt8>) throws(VerbatimError) -> [Field] in
            var reader = JSONObjectReader(buffer)
            reader.skipSpace()
            guard reader.i < buffer.count else { throw .invalidJSON("empty line") }
            let start = reader.i
            let kind = try reader.value(depth: 0)
            reader.skipSpace()
            if reader.i < buffer.count { throw reader.error("unexpected data after the JSON value") }
            guard kind == .object else { throw .notAnObject(found: kind == .array ? "an array" : "a \(kind.rawValue)") }
            return try reader.members(ofObjectAt: start, in: bytes)
        }
    }

    /// Decodes the raw bytes of a JSON string value (quotes included). Lone
    /// surrogate escapes become U+FFFD, which keeps the code-point count Python sees.
    public static func decodeString(_ raw: ArraySlice<UInt8>) -> String {
        // Fast path: no escapes at all (memchr: article text is long).
        if !isEscaped(raw) { return String(decoding: raw[(raw.startIndex + 1)..<(raw.endIndex - 1)], as: UTF8.self) }
        return String(decoding: decodeBytes(raw), as: UTF8.self)
    }

    /// Whether the raw bytes of a JSON string value hold an escape.
    static func isEscaped(_ raw: ArraySlice<UInt8>) -> Bool {
        let k = raw.startIndex + 1, end = raw.endIndex - 1
        return raw.withUnsafeBufferPointer { b in
            k < end && memchr(b.baseAddress! + (k - raw.startIndex), Int32(UInt8(ascii: "\\")), end - k) != nil
        }
    }

    /// ``decodeString(_:)`` as UTF-8 bytes (valid when `raw` is: an escape decodes to a
    /// whole character), for a text the caller keeps as bytes: no String in between.
    public static func decodeBytes(_ raw: ArraySlice<UInt8>) -> [UInt8] {
        if !isEscaped(raw) { return raw.count > 2 ? Array(raw[(raw.startIndex + 1)..<(raw.endIndex - 1)]) : [] }
        // Stored through a pointer into a buffer of the raw size: an escape never
        // decodes to more bytes than it takes (\uXXXX, six bytes, to at most three),
        // where appending paid a capacity and uniqueness check per escape.
        return raw.withUnsafeBufferPointer { b in
            [UInt8](unsafeUninitializedCapacity: b.count) { out, count in
                count = decode(b, into: out.baseAddress!)
            }
        }
    }

    /// Decodes the contents of a JSON string value (`raw`, quotes included, escapes
    /// validated by the reader) to `out`, which has room for `raw.count` bytes;
    /// returns how many bytes it stored.
    private static func decode(_ raw: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) -> Int {
        let base = raw.baseAddress!
        var k = 1, n = 0
        let end = raw.count - 1
        func hex4(_ at: Int) -> UInt32 {
            var v: UInt32 = 0
            for c in UnsafeBufferPointer(start: base + at, count: 4) {
                v <<= 4
                switch c {
                case 48...57: v |= UInt32(c - 48)
                case 65...70: v |= UInt32(c - 55)
                default: v |= UInt32(c - 87)
                }
            }
            return v
        }
        while k < end {
            if base[k] != UInt8(ascii: "\\") {
                // Copy the whole run up to the next escape at once (text written with
                // ensure_ascii has one every few dozen bytes: \u2019, \n).
                let runEnd = memchr(base + k, Int32(UInt8(ascii: "\\")), end - k)
                    .map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base } ?? end
                (out + n).update(from: base + k, count: runEnd - k)
                n += runEnd - k
                k = runEnd
                continue
            }
            let e = base[k + 1]
            k += 2
            switch e {
            case UInt8(ascii: "n"): out[n] = 0x0A; n += 1
            case UInt8(ascii: "t"): out[n] = 0x09; n += 1
            case UInt8(ascii: "r"): out[n] = 0x0D; n += 1
            case UInt8(ascii: "b"): out[n] = 0x08; n += 1
            case UInt8(ascii: "f"): out[n] = 0x0C; n += 1
            case UInt8(ascii: "u"):
                let unit = hex4(k)
                k += 4
                if unit >= 0xD800 && unit < 0xDC00, k + 6 <= end, base[k] == UInt8(ascii: "\\"), base[k + 1] == UInt8(ascii: "u") {
                    let low = hex4(k + 2)
                    if low >= 0xDC00 && low < 0xE000 {
                        n += storeUTF8(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), at: out + n)
                        k += 6
                        continue
                    }
                }
                n += storeUTF8(unit >= 0xD800 && unit < 0xE000 ? 0xFFFD : unit, at: out + n)
            default: out[n] = e; n += 1  // \" \\ \/
            }
        }
        return n
    }

    /// Stores a code point (not a surrogate) as UTF-8; returns its length.
    @inline(__always)
    private static func storeUTF8(_ scalar: UInt32, at p: UnsafeMutablePointer<UInt8>) -> Int {
        switch scalar {
        case ..<0x80:
            p[0] = UInt8(scalar)
            return 1
        case ..<0x800:
            p[0] = UInt8(0xC0 | scalar >> 6); p[1] = UInt8(0x80 | scalar & 0x3F)
            return 2
        case ..<0x10000:
            p[0] = UInt8(0xE0 | scalar >> 12); p[1] = UInt8(0x80 | scalar >> 6 & 0x3F); p[2] = UInt8(0x80 | scalar & 0x3F)
            return 3
        default:
            p[0] = UInt8(0xF0 | scalar >> 18); p[1] = UInt8(0x80 | scalar >> 12 & 0x3F)
            p[2] = UInt8(0x80 | scalar >> 6 & 0x3F); p[3] = UInt8(0x80 | scalar & 0x3F)
            return 4
        }
    }

    // MARK: - Parsing

    private func error(_ message: String) -> VerbatimError {
        .invalidJSON("\(message) at byte \(i)")
    }

    private mutating func skipSpace() {
        while i < b.count {
            let c = b[i]
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { i += 1 } else { break }
        }
    }

    /// Validates one value starting at `i` and moves past it.
    private mutating func value(depth: Int) throws(VerbatimError) -> Kind {
        guard depth < Self.maximumDepth else { throw error("nesting deeper than \(Self.maximumDepth)") }
        guard i < b.count else { throw error("unexpected end of line") }
        switch b[i] {
        case UInt8(ascii: "{"):
            i += 1
            skipSpace()
            if i < b.count && b[i] == UInt8(ascii: "}") { i += 1; return .object }
            while true {
                skipSpace()
                guard i < b.count, b[i] == UInt8(ascii: "\"") else { throw error("expected a string key") }
                try string()
                skipSpace()
                guard i < b.count, b[i] == UInt8(ascii: ":") else { throw error("expected ':'") }
                i += 1
                skipSpace()
                _ = try value(depth: depth + 1)
                skipSpace()
                guard i < b.count else { throw error("unterminated object") }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                if b[i] == UInt8(ascii: "}") { i += 1; return .object }
                throw error("expected ',' or '}'")
            }
        case UInt8(ascii: "["):
            i += 1
            skipSpace()
            if i < b.count && b[i] == UInt8(ascii: "]") { i += 1; return .array }
            while true {
                skipSpace()
                _ = try value(depth: depth + 1)
                skipSpace()
                guard i < b.count else { throw error("unterminated array") }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                if b[i] == UInt8(ascii: "]") { i += 1; return .array }
                throw error("expected ',' or ']'")
            }
        case UInt8(ascii: "\""):
            try string()
            return .string
        case UInt8(ascii: "t"): try literal("true"); return .bool
        case UInt8(ascii: "f"): try literal("false"); return .bool
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try number()
            return .number
        default:
            throw error("unexpected character")
        }
    }

    private mutating func literal(_ word: StaticString) throws(VerbatimError) {
        let n = word.utf8CodeUnitCount
        guard i + n <= b.count else { throw error("unexpected end of line") }
        for k in 0..<n where b[i + k] != word.utf8Start[k] { throw error("invalid literal") }
        i += n
    }

    private mutating func number() throws(VerbatimError) {
        func digits() -> Int {
            let s = i
            while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
            return i - s
        }
        if b[i] == UInt8(ascii: "-") { i += 1 }
        guard i < b.count else { throw error("invalid number") }
        if b[i] == UInt8(ascii: "0") { i += 1 } else if digits() == 0 { throw error("invalid number") }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            if digits() == 0 { throw error("invalid number") }
        }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            if digits() == 0 { throw error("invalid number") }
        }
    }

    private mutating func string() throws(VerbatimError) {
        i += 1  // opening quote
        let raw = UnsafeRawPointer(b.baseAddress)
        while i < b.count {
            // Article text is long: skip eight bytes at a time while none is a quote,
            // a backslash or a control character (what the writer must escape).
            if let raw, i + 8 <= b.count, !JSONWriter.hasByteToEscape(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                i += 8
                continue
            }
            let c = b[i]
            if c == UInt8(ascii: "\"") { i += 1; return }
            if c < 0x20 { throw error("unescaped control character in string") }
            if c == UInt8(ascii: "\\") {
                guard i + 1 < b.count else { break }
                switch b[i + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                     UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    i += 2
                case UInt8(ascii: "u"):
                    guard i + 6 <= b.count else { throw error("truncated \\u escape") }
                    for k in 2..<6 {
                        let h = b[i + k]
                        let isHex = (h >= 48 && h <= 57) || (h >= 65 && h <= 70) || (h >= 97 && h <= 102)
                        if !isHex { throw error("invalid \\u escape") }
                    }
                    i += 6
                default:
                    throw error("invalid escape")
                }
                continue
            }
            i += 1
        }
        throw error("unterminated string")
    }

    /// Splits a validated object into its members.
    private mutating func members(ofObjectAt start: Int, in bytes: [UInt8]) throws(VerbatimError) -> [Field] {
        i = start + 1
        var fields: [Field] = []
        var positions: [String: Int] = [:]
        skipSpace()
        if b[i] == UInt8(ascii: "}") { return fields }
        while true {
            skipSpace()
            let keyStart = i
            try string()
            let key = Self.decodeString(bytes[keyStart..<i])
            skipSpace()
            i += 1  // ':'
            skipSpace()
            let valueStart = i
            let kind = try value(depth: 1)
            let field = Field(key: key, kind: kind, raw: bytes[valueStart..<i])
            if let existing = positions[key] {
                fields[existing] = field
            } else {
                positions[key] = fields.count
                fields.append(field)
            }
            skipSpace()
            if b[i] == UInt8(ascii: ",") { i += 1; continue }
            return fields
        }
    }
}
