extension Array {
    /// The first index whose element satisfies `predicate`, for a predicate that is
    /// false then true along the array (binary search); `count` when none does. The
    /// one search by halving of the stages that look a few tokens up in sorted lists
    /// (tokens by offset, sentences and paragraphs by token, credits by first token).
    func partitioningIndex(where predicate: (Element) -> Bool) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if predicate(self[mid]) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
