/// Small helpers for walking valid UTF-8 byte buffers by scalar.
enum UTF8Scalars {
    /// Decodes the scalar starting at `i` (which must be a lead byte) and its byte length.
    @inline(__always)
    static func decode(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let b0 = b[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        var value: UInt32
        var length: Int
        if b0 < 0xE0 {
            value = UInt32(b0 & 0x1F); length = 2
        } else if b0 < 0xF0 {
            value = UInt32(b0 & 0x0F); length = 3
        } else {
            value = UInt32(b0 & 0x07); length = 4
        }
        for k in 1..<length where i + k < b.count {
            value = (value << 6) | UInt32(b[i + k] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// Decodes the scalar that ends just before `end`.
    @inline(__always)
    static func decode(before end: Int, in b: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        guard end > 0 else { return nil }
        var i = end - 1
        while i > 0, b[i] & 0xC0 == 0x80 { i -= 1 }
        return decode(b, i).scalar
    }

    @inline(__always)
    static func isLineBreak(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Unicode's White_Space property (`Unicode.Scalar.Properties.isWhitespace`),
    /// spelled out: the property look-up costs some 300 instructions per call, and
    /// the set has been fixed since Unicode 6.3 (a test checks every scalar).
    @inline(__always)
    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        if v < 0x2000 { return v == 0x85 || v == 0xA0 || v == 0x1680 }
        return v <= 0x200A || v == 0x2028 || v == 0x2029 || v == 0x202F || v == 0x205F || v == 0x3000
    }
}
