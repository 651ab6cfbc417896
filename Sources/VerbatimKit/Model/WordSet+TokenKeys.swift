extension WordSet {
    /// Whether token `i`'s folded key is one of the words: one probe with the token's
    /// precomputed hash (``TokenKeys/hashes``), which the entity recognizers ask for
    /// most chunks (the quote stage asks the same set type with its own folding).
    func contains(_ keys: TokenKeys, _ i: Int) -> Bool {
        keys.withKey(i) { contains($0, hash: keys.hashes[i]) }
    }
}
