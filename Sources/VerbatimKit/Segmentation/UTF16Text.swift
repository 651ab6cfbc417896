/// A document's text as UTF-16 for ICU's break iterators, with the UTF-8 offset of
/// each UTF-16 offset, held in buffers that one ``Segmenter`` reuses from document
/// to document.
///
/// ICU iterates UTF-16 in place; over UTF-8 its UText decodes every character
/// into UTF-16 chunks of its own (`utext_next32` and the chunk filler were about
/// 130 of the 275 M instructions per MB that word and sentence breaking cost).
/// Converting once here, eight ASCII bytes at a time, costs a few instructions a
/// byte, and both iterators read the result.
///
/// For an all-ASCII text the offsets are the same in both encodings and no table
/// is kept; otherwise ``utf8Offsets`` has one entry per UTF-16 unit and one for
/// the end (the low half of a surrogate pair maps to its character's start: ICU
/// never breaks inside a pair).
final class UTF16Text {
    private(set) var units: UnsafeMutablePointer<UInt16>
    private(set) var count = 0
    private var capacity: Int
    /// Whether the last ``load(_:)`` met a byte that is not ASCII, and so filled
    /// ``utf8Offsets``.
    private(set) var mapsOffsets = false
    /// UTF-8 offset of each UTF-16 offset `0...count`, when ``mapsOffsets``.
    private(set) var utf8Offsets: UnsafeMutablePointer<Int32>?
    private var offsetCapacity = 0

    init() {
        capacity = 4096
        units = .allocate(capacity: capacity)
    }

    deinit {
        units.deallocate()
        utf8Offsets?.deallocate()
    }

    /// Converts `bytes`; false when they are not valid UTF-8 (the buffers then hold
    /// nothing usable, and the caller hands ICU the bytes as they are).
    func load(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        // At most one unit per byte (a four-byte character makes two).
        if n > capacity {
            units.deallocate()
            capacity = max(n, 2 * capacity)
            units = .allocate(capacity: capacity)
        }
        count = 0
        mapsOffsets = false
        guard n > 0, let source = bytes.baseAddress else { return true }
        var i = 0
        var u = 0
        var offsets: UnsafeMutablePointer<Int32>? = nil
        let dst = units
        while i < n {
            // Eight ASCII bytes at a time, nearly all of a news text.
            if i + 8 <= n {
                let word = UnsafeRawPointer(source + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    // Four units per 64-bit store, spread by shifts and masks (a store per
                    // unit cost twice the instructions); the offsets two per store.
                    let w = UInt64(littleEndian: word)
                    let out = UnsafeMutableRawPointer(dst + u)
                    out.storeBytes(of: Self.widen(w & 0xFFFF_FFFF).littleEndian, as: UInt64.self)
                    out.storeBytes(of: Self.widen(w >> 32).littleEndian, toByteOffset: 8, as: UInt64.self)
                    if let offsets {
                        #if _endian(little)
                        // Offsets i, i+1 as one word (the first in the low half), then two on.
                        var pair = UInt64(UInt32(truncatingIfNeeded: i &+ 1)) << 32 | UInt64(UInt32(truncatingIfNeeded: i))
                        let target = UnsafeMutableRawPointer(offsets + u)
                        for k in 0..<4 {
                            target.storeBytes(of: pair, toByteOffset: 8 &* k, as: UInt64.self)
                            pair &+= 0x0000_0002_0000_0002
                        }
                        #else
                        for k in 0..<8 { offsets[u &+ k] = Int32(truncatingIfNeeded: i &+ k) }
                        #endif
                    }
                    i &+= 8
                    u &+= 8
                    continue
                }
            }
            let c = source[i]
            if c < 0x80 {
                dst[u] = UInt16(c)
                offsets?[u] = Int32(truncatingIfNeeded: i)
                i &+= 1
                u &+= 1
                continue
            }
            if offsets == nil {
                offsets = identityOffsets(upTo: u, total: n)
            }
            guard let (scalar, length) = Self.decode(source, i, n) else { return false }
            if scalar < 0x10000 {
                dst[u] = UInt16(truncatingIfNeeded: scalar)
                offsets![u] = Int32(truncatingIfNeeded: i)
                u &+= 1
            } else {
                let v = scalar &- 0x10000
                dst[u] = 0xD800 | UInt16(truncatingIfNeeded: v >> 10)
                dst[u &+ 1] = 0xDC00 | UInt16(truncatingIfNeeded: v & 0x3FF)
                offsets![u] = Int32(truncatingIfNeeded: i)
                offsets![u &+ 1] = Int32(truncatingIfNeeded: i)
                u &+= 2
            }
            i &+= length
        }
        offsets?[u] = Int32(truncatingIfNeeded: n)
        count = u
        mapsOffsets = offsets != nil
        return true
    }

    /// The four bytes in the low half of `x`, each in the low byte of a 16-bit lane.
    @inline(__always)
    private static func widen(_ x: UInt64) -> UInt64 {
        var v = (x | x &<< 16) & 0x0000_FFFF_0000_FFFF
        v = (v | v &<< 8) & 0x00FF_00FF_00FF_00FF
        return v
    }

    /// The offsets table, grown to hold `total + 1` entries, with `0..<u` set to
    /// themselves (the ASCII bytes before the first other one).
    private func identityOffsets(upTo u: Int, total: Int) -> UnsafeMutablePointer<Int32> {
        if utf8Offsets == nil || offsetCapacity < total + 1 {
            utf8Offsets?.deallocate()
            offsetCapacity = max(total + 1, 2 * offsetCapacity)
            utf8Offsets = .allocate(capacity: offsetCapacity)
        }
        let offsets = utf8Offsets!
        for k in 0..<u { offsets[k] = Int32(truncatingIfNeeded: k) }
        return offsets
    }

    /// Rewrites `n` UTF-16 offsets at `ends` as UTF-8 offsets.
    func mapToUTF8(_ ends: UnsafeMutablePointer<Int32>, _ n: Int) {
        guard mapsOffsets, let offsets = utf8Offsets else { return }
        for k in 0..<n { ends[k] = offsets[Int(ends[k])] }
    }

    /// The UTF-16 offset of UTF-8 offset `i`, which starts a character.
    func utf16Offset(ofUTF8 i: Int) -> Int {
        guard mapsOffsets, let offsets = utf8Offsets else { return i }
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if Int(offsets[mid]) < i { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Writes `unit` at UTF-16 offset `u` (a blank over a soft line break).
    func set(_ u: Int, _ unit: UInt16) { units[u] = unit }

    /// The scalar of the multi-byte sequence at `i` and its length, or nil when it is
    /// not well-formed UTF-8 (overlong forms, surrogates and values past U+10FFFF
    /// included, as Swift's validation rejects them).
    @inline(__always)
    private static func decode(_ s: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> (UInt32, Int)? {
        let c = s[i]
        func continuation(_ k: Int) -> UInt32? {
            guard k < n, s[k] & 0xC0 == 0x80 else { return nil }
            return UInt32(s[k] & 0x3F)
        }
        switch c {
        case 0xC2...0xDF:
            guard let b = continuation(i + 1) else { return nil }
            return (UInt32(c & 0x1F) << 6 | b, 2)
        case 0xE0...0xEF:
            guard let b = continuation(i + 1), let d = continuation(i + 2) else { return nil }
            let v = UInt32(c & 0x0F) << 12 | b << 6 | d
            guard v >= 0x800, v < 0xD800 || v > 0xDFFF else { return nil }
            return (v, 3)
        case 0xF0...0xF4:
            guard let b = continuation(i + 1), let d = continuation(i + 2), let e = continuation(i + 3) else { return nil }
            let v = UInt32(c & 0x07) << 18 | b << 12 | d << 6 | e
            guard v >= 0x10000, v <= 0x10FFFF else { return nil }
            return (v, 4)
        default:
            return nil
        }
    }
}
