/// Pairs quotation marks across a document.
///
/// Works on the quote classes the segmenter gives (`Token.quote`), in one pass over
/// the marks with a small bounded stack, so the time is linear in the number of
/// marks whatever their balance:
///
/// - Marks of one family pair with each other: “ ” with “ ”, ‘ ’ with ‘ ’, « » and
///   „ “ (a „ opens, its “ closes it), straight `"` and `'` by their flanks; two
///   glued straight apostrophes (`''`) count as one double mark. Apostrophes never
///   pair, and a closing single mark after an "s" followed by a word (the officers’
///   cars) is a possessive.
/// - A quote of the other family inside an open quote is nested: only outermost
///   quotes are returned (a nested pair is promoted if its outer quote never closes).
/// - A quote still open at the end of its paragraph continues when the next
///   paragraph opens with a mark of the same family (the multi-paragraph
///   convention: an opening mark at each paragraph start, a closing mark only at
///   the end) and then spans the paragraphs, as PolNeAR's gold does. A chain that
///   never closes yields one quote per paragraph, each closed at its paragraph's
///   end; a mark opened mid-paragraph that never closes is dropped. Nothing spans
///   more than ``maxParagraphs`` paragraphs.
public struct QuotePairer: Sendable {
    /// One paired quote: token indices of its first and last token (inclusive).
    public struct Pair: Sendable, Equatable {
        /// Index of the opening mark's (first) token.
        public var open: Int
        /// Index of the last token of the quote: the closing mark, or the paragraph's
        /// last token when the quote was closed at a paragraph end.
        public var close: Int
        /// False when the quote was closed at a paragraph end without a closing mark.
        public var closed: Bool
        /// Token index just inside the opening mark(s) and of the closing mark (for counting words).
        public var innerStart: Int
        public var innerEnd: Int
    }

    /// The longest chain of paragraphs one quote may span.
    public var maxParagraphs = 40
    /// The deepest nesting followed; deeper marks drop the outermost open quote.
    public var maxDepth = 6

    public init() {}

    enum Role { case opening, closing, ambiguous }

    struct Mark {
        var first: Int
        var last: Int
        var role: Role
        var family: QuoteMark.Family
    }

    struct Open {
        var mark: Mark
        var inner: [Pair] = []
        /// Paragraph starts of the chain (for multi-paragraph quotes): first token of each paragraph's opening mark.
        var chain: [(open: Int, innerStart: Int, paragraphEnd: Int)] = []
    }

    public func pair(_ tokens: [Token], paragraphs: [Range<Int>], utf8 bytes: [UInt8]) -> [Pair] {
        var out: [Pair] = []
        var pending: Open? = nil  // an outer quote left open at the previous paragraph's end
        // One buffer for every paragraph's marks: most paragraphs have none or a few,
        // and a new array for each cost more than finding them.
        var marks: [Mark] = []
        // One stack too, emptied at each paragraph: a new one for every paragraph with
        // a quotation mark was the stage's most frequent allocation (issue 25).
        var stack: [Open] = []

        for paragraph in paragraphs {
            self.marks(tokens, paragraph, bytes, into: &marks)
            stack.removeAll(keepingCapacity: true)
            var m = 0
            // Continuation of a quote left open at the end of the previous paragraph.
            if var p = pending {
                pending = nil
                if let first = marks.first, first.first == paragraph.lowerBound, first.role != .closing,
                   first.family == p.mark.family, p.chain.count < maxParagraphs {
                    p.chain.append((first.first, first.last + 1, paragraph.upperBound - 1))
                    stack.append(p)
                    m = 1
                } else {
                    flushChain(p, into: &out)
                }
            }
            while m < marks.count {
                let mark = marks[m]
                m += 1
                switch mark.role {
                case .opening:
                    // The same family already open at the top: the earlier one was never closed.
                    if let top = stack.last, top.mark.family == mark.family, mark.family != .single {
                        let dropped = stack.removeLast()
                        if let link = dropped.chain.last {
                            flushChain(Open(mark: dropped.mark, chain: Array(dropped.chain.dropLast())), into: &out)
                            out.append(Pair(open: link.open, close: mark.first - 1, closed: false,
                                            innerStart: link.innerStart, innerEnd: mark.first))
                        }
                        promote(dropped.inner, to: &stack, out: &out)
                    }
                    push(Open(mark: mark), &stack, &out)
                case .closing:
                    if let k = matching(mark.family, stack) { close(k, mark, &stack, &out) }
                case .ambiguous:
                    if let k = matching(mark.family, stack) { close(k, mark, &stack, &out) }
                    else { push(Open(mark: mark), &stack, &out) }
                }
            }
            // Paragraph end: the outermost open quote may continue; the rest is dropped.
            guard var bottom = stack.first else { continue }
            for dropped in stack.dropFirst() { bottom.inner.append(contentsOf: dropped.inner) }
            if bottom.chain.isEmpty {
                let opensParagraph = bottom.mark.first == paragraph.lowerBound
                    || tokens[bottom.mark.first].flags.contains(.sentenceStart)
                    || (bottom.mark.first > paragraph.lowerBound && Self.isColon(tokens[bottom.mark.first - 1], bytes))
                if !opensParagraph {
                    out.append(contentsOf: bottom.inner)
                    continue
                }
                bottom.chain.append((bottom.mark.first, bottom.mark.last + 1, paragraph.upperBound - 1))
            }
            pending = bottom
        }
        if let p = pending { flushChain(p, into: &out) }
        out.sort { $0.open < $1.open }
        return out
    }

    // MARK: - Stack

    private func matching(_ family: QuoteMark.Family, _ stack: [Open]) -> Int? {
        var k = stack.count - 1
        while k >= 0 {
            if stack[k].mark.family == family { return k }
            k -= 1
        }
        return nil
    }

    private func push(_ open: Open, _ stack: inout [Open], _ out: inout [Pair]) {
        if stack.count >= maxDepth {
            let dropped = stack.removeFirst()
            out.append(contentsOf: dropped.inner)
        }
        stack.append(open)
    }

    private func close(_ k: Int, _ mark: Mark, _ stack: inout [Open], _ out: inout [Pair]) {
        while stack.count > k + 1 {
            let dropped = stack.removeLast()
            stack[stack.count - 1].inner.append(contentsOf: dropped.inner)
        }
        let open = stack.removeLast()
        let start = open.chain.first.map { $0.open } ?? open.mark.first
        let innerStart = open.chain.first.map { $0.innerStart } ?? open.mark.last + 1
        let pair = Pair(open: start, close: mark.last, closed: true, innerStart: innerStart, innerEnd: mark.first)
        if stack.isEmpty { out.append(pair) } else { stack[stack.count - 1].inner.append(pair) }
    }

    private func promote(_ pairs: [Pair], to stack: inout [Open], out: inout [Pair]) {
        guard !pairs.isEmpty else { return }
        if stack.isEmpty { out.append(contentsOf: pairs) } else { stack[stack.count - 1].inner.append(contentsOf: pairs) }
    }

    /// A chain that never closed: one quote per paragraph, closed at the paragraph end.
    private func flushChain(_ open: Open, into out: inout [Pair]) {
        for link in open.chain {
            out.append(Pair(open: link.open, close: link.paragraphEnd, closed: false,
                            innerStart: link.innerStart, innerEnd: link.paragraphEnd + 1))
        }
    }

    // MARK: - Marks

    static func isColon(_ t: Token, _ bytes: [UInt8]) -> Bool {
        t.end == t.start + 1 && bytes[Int(t.start)] == UInt8(ascii: ":")
    }

    /// The quotation marks of one paragraph with their roles (replacing what `marks` held).
    func marks(_ tokens: [Token], _ paragraph: Range<Int>, _ bytes: [UInt8], into marks: inout [Mark]) {
        marks.removeAll(keepingCapacity: true)
        var i = paragraph.lowerBound
        while i < paragraph.upperBound {
            i = Self.nextQuote(tokens, from: i, before: paragraph.upperBound)
            guard i < paragraph.upperBound else { break }
            guard let q = tokens[i].quote, q.role != .apostrophe else { i += 1; continue }
            let t = tokens[i]
            // ''' after a word: a single closing mark, then '' (a nested quote ending).
            if !q.typographic, q.family == .single, i + 2 < paragraph.upperBound, i > paragraph.lowerBound,
               !t.flags.contains(.spaceBefore), Self.isStraightSingle(tokens[i + 1]), Self.isStraightSingle(tokens[i + 2]),
               tokens[i + 1].start == t.end, tokens[i + 2].start == tokens[i + 1].end {
                marks.append(Mark(first: i, last: i, role: .closing, family: .single))
                i += 1
                continue
            }
            // '' (two straight apostrophes) stands for a double mark.
            if !q.typographic, q.family == .single, i + 1 < paragraph.upperBound,
               let q2 = tokens[i + 1].quote, !q2.typographic, q2.family == .single, tokens[i + 1].start == t.end {
                let left = t.flags.contains(.spaceBefore) || i == paragraph.lowerBound
                    || Self.opensContext(tokens[i - 1], bytes)
                let right = tokens[i + 1].flags.contains(.spaceAfter)
                    || (i + 2 < tokens.count && tokens[i + 2].kind == .punctuation && tokens[i + 2].quote == nil)
                let role: Role = left && !right ? .opening : (right && !left ? .closing : .ambiguous)
                marks.append(Mark(first: i, last: i + 1, role: role, family: .double))
                i += 2
                continue
            }
            var role: Role
            switch q.role {
            case .opening: role = .opening
            case .closing: role = .closing
            default: role = .ambiguous
            }
            // Typos: an opening mark glued to the word before and followed by space
            // ("worse in the future.“") or a closing mark with space before, glued to the
            // next word ("”Mr. Trump"): take the role from the flanks instead.
            if q.typographic, role != .ambiguous, i > paragraph.lowerBound {
                let gluedBefore = !t.flags.contains(.spaceBefore) && !Self.opensContext(tokens[i - 1], bytes)
                let spaceAfter = t.flags.contains(.spaceAfter) || i + 1 == paragraph.upperBound
                if role == .opening, gluedBefore, spaceAfter, tokens[i - 1].quote == nil { role = .closing }
                else if role == .closing, !gluedBefore, !spaceAfter, i + 1 < paragraph.upperBound, tokens[i + 1].kind == .word { role = .opening }
            }
            // „ … “ (German-style low-high pair): the “ after an open „ closes it.
            if q.family == .single, role == .closing, Self.isPossessive(tokens, i, bytes) { i += 1; continue }
            if q.typographic, q.family == .double, bytes[Int(t.start)] == 0xE2, bytes[Int(t.start) + 2] == 0x9C,
               let last = marks.last, last.role == .opening, last.family == .double,
               bytes[Int(tokens[last.first].start) + 2] == 0x9E {
                role = .closing
            }
            marks.append(Mark(first: i, last: i, role: role, family: q.family))
            i += 1
        }
    }

    /// The first token from `i` (before `end`) that is a quotation mark or an
    /// apostrophe standing alone, or `end`. Nearly every token is neither: read
    /// through the buffer, skipping one costs about half the 17 instructions of a
    /// checked subscript (issue 25).
    static func nextQuote(_ tokens: [Token], from i: Int, before end: Int) -> Int {
        tokens.withUnsafeBufferPointer { tokens in
            let end = min(end, tokens.count)
            var i = i
            while i < end, tokens[i].quote == nil { i &+= 1 }
            return i
        }
    }

    static func isStraightSingle(_ t: Token) -> Bool {
        guard let q = t.quote else { return false }
        return !q.typographic && q.family == .single
    }

    /// "the officers’ cars": a closing single mark glued to a word ending in s, followed by a word.
    static func isPossessive(_ tokens: [Token], _ i: Int, _ bytes: [UInt8]) -> Bool {
        let t = tokens[i]
        guard i > 0, i + 1 < tokens.count else { return false }
        let prev = tokens[i - 1]
        guard prev.end == t.start, prev.kind == .word else { return false }
        let c = bytes[Int(prev.end) - 1]
        guard c == UInt8(ascii: "s") || c == UInt8(ascii: "S") else { return false }
        let next = tokens[i + 1]
        return next.flags.contains(.spaceBefore) && next.kind == .word && next.shape == .lower
            && !next.flags.contains(.lineBreakBefore)
    }

    private static func opensContext(_ t: Token, _ bytes: [UInt8]) -> Bool {
        guard t.kind == .punctuation else { return false }
        let c = bytes[Int(t.start)]
        return c == UInt8(ascii: "(") || c == UInt8(ascii: "[") || c == UInt8(ascii: "-") || c == 0xE2
    }
}
