/// The name of the rule behind a quote, as `--explain` prints it (the quote's
/// `rule`): the sieve that found its speaker, or why none did. The stage emits no
/// other name; SIEVES.md documents every one with an example (a test checks it).
enum QuoteRule: String, CaseIterable, Sendable {
    case trailingCue = "trailing-cue"
    case trailingInverted = "trailing-inverted"
    case dashByline = "dash-byline"
    case leadingCue = "leading-cue"
    case splitQuote = "split-quote"
    case accordingTo = "according-to"
    case colonIntro = "colon-intro"
    case trailingPattern = "trailing-pattern"
    case colonSubject = "colon-subject"
    case commaSubject = "comma-subject"
    case previousSentenceCue = "previous-sentence-cue"
    case sentenceCue = "sentence-cue"
    case continuation
    /// Reported speech: `X said (that) C`, `X told Y C`, `…, adding that C`.
    case indirectLeadingCue = "indirect-leading-cue"
    /// Reported speech: `C, X said.`, `C, said X.`, `C, X told reporters.`
    case indirectTrailingCue = "indirect-trailing-cue"
    /// Reported speech: `According to X, C.`, `C, according to X.`
    case indirectAccordingTo = "indirect-according-to"
    /// A title or scare quote with no speaker.
    case titleOrScareQuote = "title-or-scare-quote"
    /// Quotation marks in page furniture ("READ MORE:" lines): not speech.
    case pageFurniture = "page-furniture"
    /// One of a list of quoted words: not speech.
    case wordList = "word-list"
    /// A quote no sieve found a speaker for.
    case unattributed
}

/// The speaker sieves, each a named unit of ``SpeakerAttributor``, in the order they
/// run (SIEVES.md §3).
enum Sieve: CaseIterable, Sendable {
    case trailingCue, dashByline, leadingCue, colonIntro, trailingPattern, colonSubject, previousSentenceCue
    case sentenceCue
    case reportedSpeech
    case continuation

    /// Sieves for direct quotes, in order: the first that finds a speaker wins.
    static let direct: [Sieve] = [.trailingCue, .dashByline, .leadingCue, .colonIntro, .trailingPattern,
                                  .colonSubject, .previousSentenceCue]
    /// Then, for every quote still without a speaker (partial quotes and titles too).
    static let anyQuote: [Sieve] = [.sentenceCue]
    /// Then reported speech without quotation marks is found (``ReportedSpeech``).
    static let reported: [Sieve] = [.reportedSpeech]
    /// Last, over the whole document: direct quotes with no cue keep the previous speaker.
    static let discourse: [Sieve] = [.continuation]

    /// The rule names the sieve can print.
    var rules: [QuoteRule] {
        switch self {
        case .trailingCue: return [.trailingCue, .trailingInverted, .accordingTo]
        case .dashByline: return [.dashByline]
        case .leadingCue: return [.leadingCue, .splitQuote, .accordingTo]
        case .colonIntro: return [.colonIntro]
        case .trailingPattern: return [.trailingPattern]
        case .colonSubject: return [.colonSubject, .commaSubject]
        case .previousSentenceCue: return [.previousSentenceCue]
        case .sentenceCue: return [.sentenceCue]
        case .reportedSpeech: return [.indirectLeadingCue, .indirectTrailingCue, .indirectAccordingTo]
        case .continuation: return [.continuation]
        }
    }
}
