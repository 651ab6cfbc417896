/// A small fixed list of folded words tested against tokens by their precomputed
/// key hash (``TokenKeys/hashes``): one dictionary probe instead of comparing the
/// token with every word of the list, which the recognizers do for most chunks.
public struct FoldedWordSet: Sendable {
    private let words: [UInt64: [UInt8]]

    /// - Parameter words: folded (lower-case ASCII) words.
    public init(_ words: [String]) {
        var table: [UInt64: [UInt8]] = [:]
        for w in words {
            let bytes = Array(w.utf8)
            let hash = bytes.withUnsafeBufferPointer { LexiconTable.keyHash($0) }
            precondition(table[hash] == nil || table[hash] == bytes, "hash collision in a word list: \(w)")
            table[hash] = bytes
        }
        self.words = table
    }

    /// Whether token `i`'s folded key is one of the words.
    public func contains(_ keys: TokenKeys, _ i: Int) -> Bool {
        guard let word = words[keys.hashes[i]] else { return false }
        return keys.foldedKey(i).elementsEqual(word)
    }
}
