/// Hostile inputs whose processing time must grow linearly with their size
/// (`verbatim bench --scaling`): each case builds a text of a given size, and the
/// benchmark compares the time per MB at 1×, 2× and 4× that size.
public enum ScalingCases {
    public struct Case: Sendable {
        public var name: String
        /// Makes a text of about `bytes` bytes.
        public var make: @Sendable (_ bytes: Int) -> String
    }

    static func repeated(_ unit: String, toBytes bytes: Int) -> String {
        String(repeating: unit, count: max(1, bytes / unit.utf8.count))
    }

    public static let all: [Case] = [
        Case(name: "unbalanced quote marks") { repeated("“a \" b ‘c ", toBytes: $0) },
        Case(name: "capitalised run") { bytes in
            var parts: [String] = []
            var size = 0
            var i = 0
            while size < bytes {
                let word = "Name\(i % 997)x "
                parts.append(word)
                size += word.utf8.count
                i += 1
            }
            return parts.joined()
        },
        Case(name: "paragraph without spaces") { repeated("abcdefghij", toBytes: $0) },
        Case(name: "repeated titles") { repeated("Mr Dr Sen. Det Insp ", toBytes: $0) },
        Case(name: "quotes and speakers") {
            repeated("“It was not intentional,” Neil Basu, the Met’s head, told reporters on Tuesday. ", toBytes: $0)
        },
        Case(name: "one long line of names and places") {
            repeated("Theresa May met Donald Trump in London, Paris and New York City, ", toBytes: $0)
        },
    ]
}
