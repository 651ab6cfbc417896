/// A fixed set of folded words, asked millions of times per MB of text by the quote
/// sieves and the entity recognizers. Tokens come with the FNV-1a hash of their folded
/// bytes already computed (``LexicalPass``, ``TokenKeys``), so a test is one probe of
/// an open-addressing table indexed by that hash and a byte comparison: no `String`,
/// no hashing per test.
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private var table = FoldedWordTable(absent: false)

    var count: Int { table.count }

    init(arrayLiteral elements: String...) { self.init(elements) }

    init<S: Sequence>(_ elements: S) where S.Element == String {
        for word in elements { insert(word) }
    }

    mutating func insert(_ word: String) {
        table.insert(FoldedWord(word), true) { _, _ in }
    }

    func contains(_ word: String) -> Bool { contains(FoldedWord(word)) }

    func contains(_ word: FoldedWord) -> Bool {
        word.bytes.withUnsafeBufferPointer { contains($0, hash: word.hash) }
    }

    /// Whether `word`, whose FNV-1a hash is `hash`, is in the set.
    @inline(__always)
    func contains(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Bool { table.value(word, hash: hash) }
}

/// A word as the quote sieves compare it: its folded bytes (lower case, ’ → ') and
/// their FNV-1a hash (``LexiconTable/keyHash(_:)``), so that every word list and
/// table consulted for one token reuses a single hashing pass.
public struct FoldedWord: Sendable {
    public let bytes: ArraySlice<UInt8>
    public let hash: UInt64

    init(bytes: ArraySlice<UInt8>, hash: UInt64) {
        self.bytes = bytes
        self.hash = hash
    }

    /// An already folded word (word lists, tests).
    public init(_ folded: String) {
        bytes = Array(folded.utf8)[...]
        hash = bytes.withUnsafeBufferPointer { LexiconTable.keyHash($0) }
    }
}
