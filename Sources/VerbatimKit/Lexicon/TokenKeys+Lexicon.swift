extension TokenKeys {
    /// The entries of `table` whose key is token `i`'s folded key (one hash probe,
    /// reusing the token's hash).
    @inlinable
    public func lookup(_ i: Int, in table: LexiconTable) -> Range<Int> {
        folded.withUnsafeBufferPointer { f in
            let key = UnsafeBufferPointer(rebasing: f[Int(foldedStart[i])..<Int(foldedStart[i + 1])])
            return table.exact(key, hash: hashes[i])
        }
    }

    /// The first entry of `table` (hash-indexed with a value column) whose key is
    /// token `i`'s folded key, and that entry's value.
    @inlinable
    public func lookupFirst(_ i: Int, in table: LexiconTable) -> (entry: Int, value: Float32)? {
        folded.withUnsafeBufferPointer { f in
            let key = UnsafeBufferPointer(rebasing: f[Int(foldedStart[i])..<Int(foldedStart[i + 1])])
            return table.exactFirst(key, hash: hashes[i])
        }
    }
}
