/// A token: a light record over the document's UTF-8 bytes.
///
/// Whitespace is not a token; `flags` record the spacing and line breaks before
/// each token instead, which is what later stages ask about.
public struct Token: Sendable, Hashable {
    /// UTF-8 byte offset of the first byte.
    public var start: Int32
    /// UTF-8 byte offset just past the last byte.
    public var end: Int32
    public var kind: TokenKind
    public var shape: WordShape
    /// Set when the token is a quotation mark (or an apostrophe standing alone).
    public var quote: QuoteMark?
    public var flags: TokenFlags

    public init(start: Int32, end: Int32, kind: TokenKind, shape: WordShape, quote: QuoteMark? = nil, flags: TokenFlags = []) {
        self.start = start
        self.end = end
        self.kind = kind
        self.shape = shape
        self.quote = quote
        self.flags = flags
    }

    @inlinable public var length: Int { Int(end - start) }
    @inlinable public var isWord: Bool { kind == .word }
    /// A word that starts with a capital letter (Title, ALLCAPS or a single capital).
    @inlinable public var isCapitalized: Bool { shape == .title || shape == .upper }
}

/// What ICU's word break rule status and the characters say a token is.
public enum TokenKind: UInt8, Sendable, Hashable {
    /// Letters (possibly with digits, apostrophes or inner full stops: "Met’s", "U.S.", "7.40am").
    case word
    /// Digits, possibly with separators ("1,000", "3.5").
    case number
    /// Kana or ideographs (ICU segments these by dictionary).
    case ideographic
    /// Punctuation, including quotation marks and dashes.
    case punctuation
    /// Symbols, emoji and anything else that is neither letter, digit nor punctuation.
    case symbol
}

/// The letter case pattern of a token.
public enum WordShape: UInt8, Sendable, Hashable {
    /// No cased letters ("2018", "—", "東京").
    case uncased
    /// Only lower-case letters ("police").
    case lower
    /// First letter upper case, not all letters upper case, or a single capital ("Basu", "McDonald", "A").
    case title
    /// Two or more letters, all upper case ("UK", "U.S.", "NATO").
    case upper
    /// First letter lower case with an upper-case letter later ("iPhone", "eBay").
    case mixed
}

/// The class of a quotation mark.
public struct QuoteMark: Sendable, Hashable {
    public enum Role: UInt8, Sendable, Hashable {
        case opening
        case closing
        /// A straight mark with space (or the same kind of context) on both sides.
        case ambiguous
        /// An elision or possessive mark, not a quote (’90s, rock ’n’ roll, the officers’ cars).
        case apostrophe
    }
    public enum Family: UInt8, Sendable, Hashable {
        /// “ ” " „ ‟
        case double
        /// ‘ ’ ' ‚ ‛
        case single
        /// « » ‹ ›
        case guillemet
    }
    public var role: Role
    public var family: Family
    /// Typographic (curly or angled) rather than straight ASCII.
    public var typographic: Bool

    public init(role: Role, family: Family, typographic: Bool) {
        self.role = role
        self.family = family
        self.typographic = typographic
    }
}

/// Facts about a token's position and surroundings.
public struct TokenFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Whitespace (of any kind) directly before the token, or the text start.
    public static let spaceBefore = TokenFlags(rawValue: 1 << 0)
    /// A line break in the whitespace before the token.
    public static let lineBreakBefore = TokenFlags(rawValue: 1 << 1)
    /// First token of its sentence.
    public static let sentenceStart = TokenFlags(rawValue: 1 << 2)
    /// First token of its paragraph.
    public static let paragraphStart = TokenFlags(rawValue: 1 << 3)
    /// First word of its sentence, after any opening quotes or brackets: capitals here prove little.
    public static let sentenceInitial = TokenFlags(rawValue: 1 << 4)
    /// Whitespace directly after the token, or the text end.
    public static let spaceAfter = TokenFlags(rawValue: 1 << 5)
}
