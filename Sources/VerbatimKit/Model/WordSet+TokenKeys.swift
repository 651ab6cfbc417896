extension WordSet {
    /// Whether token `i`'s folded key is one of the words: one probe with the token's
    /// precomputed hash (``TokenKeys/hashes``), which the entity recognizers ask for
    /// most chunks (the quote stage asks the same set type with its own folding).
    func contains(_ keys: TokenKeys, _ i: Int) -> Bool {
        keys.folded.withUnsafeBufferPointer { folded in
            contains(UnsafeBufferPointer(rebasing: folded[Int(keys.foldedStart[i])..<Int(keys.foldedStart[i + 1])]), hash: keys.hashes[i])
        }
    }
}
