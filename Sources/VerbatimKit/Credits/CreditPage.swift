import Foundation

/// What the credit rules read of one document, computed once: its tokens and text,
/// its paragraphs and sentences, and where PERSON entities start. The
/// rules (``CreditFinder``) ask it for folded words, phrases and punctuation marks.
///
/// A class, read-only once made: the rules' closures capture it, and a struct of eight
/// arrays and values was copied into each of them (7.6 M instructions per MB of news).
final class CreditPage {
    let tokens: [Token]
    let text: Document
    let paragraphs: [Range<Int>]
    let sentences: [Range<Int>]
    let annotation: Annotation
    /// The start offsets of the PERSON entities, sorted (searched by halving: a Set
    /// hashed every start, some 700 instructions an insertion, for the few slashes
    /// that ask).
    let personStarts: [Int32]

    init(_ state: AnalysisState) {
        tokens = state.segmentation.tokens
        text = state.document
        paragraphs = state.segmentation.paragraphs
        sentences = state.segmentation.sentences
        annotation = state.annotation
        var starts: [Int32] = []
        // By index, testing the label in place: a `for entity in` loop copied every
        // entity (retaining its strings) before its label was looked at.
        for e in annotation.entities.indices where annotation.entities[e].label == .person { starts.append(annotation.entities[e].start) }
        personStarts = starts.sorted()
    }

    /// The paragraph of token `t`. Looked up for the few tokens the rules ask about (a
    /// PERSON name's first token, the token after it), not filled in for every token:
    /// two arrays of a word per token, zeroed and filled for every document, cost the
    /// stage more than all its look-ups (issue 25).
    func paragraph(of t: Int) -> Int { Segmentation.index(of: t, in: paragraphs) }

    /// The first token of token `t`'s sentence (looked up as ``paragraph(of:)``).
    func sentenceStart(of t: Int) -> Int {
        let s = Segmentation.index(of: t, in: sentences)
        return s < sentences.count ? sentences[s].lowerBound : 0
    }

    /// Token `i` folded, when it is a word.
    func word(_ i: Int) -> String? {
        i >= 0 && i < tokens.count && tokens[i].isWord ? Fold.fold(text.string(tokens[i].start, tokens[i].end)) : nil
    }

    /// The phrase of `phrases` that starts at token `i`, as its end (exclusive).
    func phrase(_ phrases: [[String]], at i: Int) -> Int? {
        // Fold the first word once: most phrases fail on it.
        word(i).flatMap { phrase(phrases, at: i, first: $0) }
    }

    /// ``phrase(_:at:)`` with the first word already folded.
    func phrase(_ phrases: [[String]], at i: Int, first: String) -> Int? {
        for p in phrases where p.first == first && p.indices.dropFirst().allSatisfy({ word(i + $0) == p[$0] }) {
            return i + p.count
        }
        return nil
    }

    /// Whether token `i` is the one-character punctuation mark `mark`: compared in
    /// the text's bytes, as the caption scan asks it of every bracket.
    func mark(_ i: Int, _ mark: Unicode.Scalar) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].kind == .punctuation && tokens[i].end - tokens[i].start == 1
            && text.utf8[Int(tokens[i].start)] == UInt8(ascii: mark)
    }

    /// The tokens that are an opening bracket "(", in order. Found by their byte (`memchr`
    /// over the text) rather than by looking at every token: few documents have one, and
    /// the caption scan asked each token in turn.
    func openingBrackets() -> [Int] {
        var found: [Int] = []
        text.utf8.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return }
            var p = 0
            while p < b.count, let hit = memchr(base + p, 0x28, b.count - p) {
                let offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                // "(" is one byte in UTF-8 and no other character's byte.
                if let t = token(startingAt: Int32(offset)), mark(t, "(") { found.append(t) }
                p = offset + 1
            }
        }
        return found
    }

    /// The token that starts at `offset` (binary search: tokens are in text order).
    func token(startingAt offset: Int32) -> Int? {
        let low = tokens.partitioningIndex { $0.start >= offset }
        return low < tokens.count && tokens[low].start == offset ? low : nil
    }

    /// The tokens of an entity, first and last.
    func tokenRange(_ entity: Entity) -> (first: Int, last: Int)? {
        guard let first = token(startingAt: entity.start) else { return nil }
        var last = first
        while last + 1 < tokens.count, tokens[last + 1].end <= entity.end { last += 1 }
        return (first, last)
    }

    /// Whether a PERSON entity starts at byte `offset`.
    func opensPerson(_ offset: Int32) -> Bool {
        let low = personStarts.partitioningIndex { $0 >= offset }
        return low < personStarts.count && personStarts[low] == offset
    }

    /// The folded words of a PERSON entity's name.
    func nameWords(_ entity: Entity) -> [String] {
        guard let (first, last) = tokenRange(entity) else { return [] }
        return (first...last).compactMap(word)
    }

    /// The last of ``nameWords(_:)`` (the surname) of a name's tokens, folding only that word: the
    /// credit rules ask it of every PERSON mention, and folding each word of each name
    /// cost an allocation or more per word (issue 25).
    func lastNameWord(first: Int, last: Int) -> String? {
        for i in stride(from: last, through: first, by: -1) where tokens[i].isWord { return word(i) }
        return nil
    }
}
