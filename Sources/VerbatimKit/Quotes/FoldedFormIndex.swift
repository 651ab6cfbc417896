/// The first value stored under each token's folded form: the resolver's surname
/// index ("Basu" finds the run of "Neil Basu" seen before).
///
/// Forms match as `String`s would: an ASCII form is found by the hash its token
/// already has and compared byte by byte, so no `String` is made; a non-ASCII form
/// (canonical equivalence) and an ASCII form whose hash another form took first go
/// through a `String` key. ASCII and non-ASCII forms never match each other (a word
/// token has no non-ASCII canonical twin of an ASCII form).
struct FoldedFormIndex {
    private var byHash: HashKeyMap<(token: Int, value: Int)>
    /// ASCII forms whose hash was taken by another form.
    private var asciiTwins: [String: Int] = [:]
    private var nonASCII: [String: Int] = [:]

    init(capacity: Int) { byHash = HashKeyMap(capacity: capacity) }

    /// Stores `value` under token `i`'s folded form, unless the form has a value already.
    mutating func insertIfAbsent(_ value: Int, for i: Int, in keys: LexicalPass) {
        guard keys.isASCII(i) else {
            if nonASCII[keys.string(i)] == nil { nonASCII[keys.string(i)] = value }
            return
        }
        let hash = keys.hash(i)
        if let first = byHash[hash] {
            if !keys.folded(first.token, equals: i), asciiTwins[keys.string(i)] == nil { asciiTwins[keys.string(i)] = value }
        } else {
            byHash[hash] = (i, value)
        }
    }

    /// The value stored under token `i`'s folded form.
    func value(for i: Int, in keys: LexicalPass) -> Int? {
        guard keys.isASCII(i) else { return nonASCII.isEmpty ? nil : nonASCII[keys.string(i)] }
        guard let first = byHash[keys.hash(i)] else { return nil }
        if keys.folded(first.token, equals: i) { return first.value }
        return asciiTwins.isEmpty ? nil : asciiTwins[keys.string(i)]
    }
}
