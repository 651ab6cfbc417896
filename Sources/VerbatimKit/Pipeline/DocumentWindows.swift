/// Very long records are annotated in windows, so that memory follows the window,
/// not the record: the per-token analysis takes about 30 bytes per byte of text,
/// 3 GB for a 100 MB record annotated whole.
///
/// A document longer than ``windowBytes`` is cut at the last paragraph break (blank
/// line) before each window's end, else the last line break, else the last space,
/// else between two characters; each window is annotated on its own with the
/// document's id and date, and the annotations are joined with their offsets
/// shifted. Within a window everything is as for any document; across windows,
/// mentions are not clustered together and a quote is not attributed to a speaker
/// in another window. News articles are far shorter than a window and are
/// annotated whole, exactly as before.
public enum DocumentWindows {
    /// Documents up to this many UTF-8 bytes are annotated whole.
    public static let windowBytes = 1 << 20

    /// The byte ranges of the windows of `utf8` (one range when it fits in one).
    public static func ranges(_ utf8: [UInt8], window: Int = windowBytes) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        while utf8.count - start > window {
            let limit = start + window
            let floor = start + window / 2
            let cut = lastBreak(utf8, in: floor..<limit, after: [0x0A, 0x0A])
                ?? lastBreak(utf8, in: floor..<limit, after: [0x0A])
                ?? lastBreak(utf8, in: floor..<limit, after: [0x20])
                ?? scalarBoundary(utf8, atOrBefore: limit, above: start)
            ranges.append(start..<cut)
            start = cut
        }
        ranges.append(start..<utf8.count)
        return ranges
    }

    /// The index just after the last occurrence of `separator` ending in `range`.
    private static func lastBreak(_ utf8: [UInt8], in range: Range<Int>, after separator: [UInt8]) -> Int? {
        var i = range.upperBound
        while i - separator.count >= range.lowerBound {
            if utf8[(i - separator.count)..<i].elementsEqual(separator) { return i }
            i -= 1
        }
        return nil
    }

    /// The last index at or before `index` that does not split a UTF-8 sequence.
    private static func scalarBoundary(_ utf8: [UInt8], atOrBefore index: Int, above start: Int) -> Int {
        var i = index
        while i > start + 1, utf8[i] & 0xC0 == 0x80 { i -= 1 }
        return i
    }
}

extension Annotation {
    /// Appends the annotation of a window that starts `shift` bytes into the
    /// document: offsets shifted, entity and cluster indices renumbered after the
    /// ones already here.
    mutating func append(window: Annotation, shiftedBy shift: Int32) {
        let entityBase = entities.count
        let clusterBase = clusters.count
        for var entity in window.entities {
            entity.start += shift
            entity.end += shift
            entity.cluster = entity.cluster.map { $0 + clusterBase }
            entities.append(entity)
        }
        for var cluster in window.clusters {
            cluster.mentions = cluster.mentions.map { $0 + entityBase }
            clusters.append(cluster)
        }
        for var quote in window.quotes {
            quote.start += shift
            quote.end += shift
            if var speaker = quote.speaker {
                speaker.start += shift
                speaker.end += shift
                speaker.cluster = speaker.cluster.map { $0 + clusterBase }
                quote.speaker = speaker
            }
            quote.cue = quote.cue.map { Span(start: $0.start + shift, end: $0.end + shift) }
            quote.fragments = quote.fragments.map { Span(start: $0.start + shift, end: $0.end + shift) }
            quotes.append(quote)
        }
    }
}

extension Segmentation {
    /// Appends the segmentation of a window that starts `shift` bytes into the document.
    mutating func append(window: Segmentation, shiftedBy shift: Int32) {
        let tokenBase = tokens.count
        tokens.reserveCapacity(tokens.count + window.tokens.count)
        for var token in window.tokens {
            token.start += shift
            token.end += shift
            tokens.append(token)
        }
        sentences += window.sentences.map { ($0.lowerBound + tokenBase)..<($0.upperBound + tokenBase) }
        paragraphs += window.paragraphs.map { ($0.lowerBound + tokenBase)..<($0.upperBound + tokenBase) }
    }
}
