/// Finds time expressions (TIMEX3 DATE, TIME, DURATION, SET) and normalises them
/// against the document's date.
///
/// Two steps, as in HeidelTime and Duckling: the rules (``TimeScanner``) propose spans
/// with an unresolved ``TimeValue``; ``TimeResolver`` pins those to the reference date:
/// `document.date`, else a full date written at the start of the article (a dateline),
/// else none, in which case relative expressions keep no value. See `RULES.md`.
public struct TimeRecognizer: Annotator {
    public struct Options: Sendable {
        /// Look for a dateline in the first `datelineBytes` bytes when the document has no date.
        public var datelineBytes: Int = 300

        public init() {}
    }

    public let name = "time"
    public let requires: Set<Layer> = [.tokens, .sentences]
    public let produces: Set<Layer> = [.entities, .times]
    public let options: Options
    let lexicon: TimeLexicon
    /// The table of single words this stage shares with the quote stage, made of this
    /// stage's ``lexicon`` (``Pipeline/init(lexicon:listsEveryQuotation:)``): the tokens'
    /// entries then come from the document's one probe of it. Nil: the stage probes
    /// its own table.
    var tokenClasses: TokenClassTable?

    /// A recognizer with the time vocabulary of `lexicon` (`time/words`, `time/grammar`).
    /// - Throws: ``VerbatimError/model(path:reason:)`` when those files are missing or malformed.
    public init(lexicon: Lexicon, options: Options = Options()) throws(VerbatimError) {
        self.options = options
        self.lexicon = try TimeLexicon(lexicon: lexicon)
    }

    public func annotate(_ state: inout AnalysisState) {
        let found: [TimeCandidate]
        if let shared = tokenClasses {
            found = candidates(state.document, state.segmentation, tokens: state.tokenClasses(shared).time, skipsNonRuleWords: true)
        } else {
            found = candidates(state.document, state.segmentation, pass: state.lexicalPass())
        }
        guard !found.isEmpty else { return }
        let reference = state.document.date ?? dateline(found, state.document, state.segmentation)
        var resolver = TimeResolver(reference: reference)
        // Results often say "a year earlier" before naming the quarter: start from the
        // first ended quarter the article names.
        for c in found {
            if case .quarter? = c.value, let value = resolver.resolve(c.value!), isEndedQuarter(value, reference) {
                resolver.noteQuarter(value)
                break
            }
        }
        let tokens = state.segmentation.tokens
        let utf8 = state.document.utf8
        var times: [Entity] = []
        var namedDays: [Bool] = []
        times.reserveCapacity(found.count)
        for c in found {
            let start = tokens[c.first].start
            var end = tokens[c.end - 1].end
            // "Friday's": the possessive ending is not part of the expression.
            end -= Int32(TimeTokens.possessiveLength(utf8, tokens[c.end - 1]))
            let value = c.value.flatMap { resolver.resolve($0) }
            switch c.value {
            case .quarter?, .previousQuarter?:
                // Only quarters that have ended: forecasts ("the third quarter of 1990", the current
                // quarter) are not what results compare against.
                if let value, isEndedQuarter(value, reference) {
                    resolver.noteQuarter(value)
                }
            default: break
            }
            if c.type == .date, let value { resolver.noteDate(value) }
            times.append(Entity(start: start, end: end, label: .time, type: c.type.rawValue,
                                value: value, rule: "time:" + c.rule))
            namedDays.append(c.namesADay)
        }
        state.annotation.mergeEntities(times, replacingNamesInside: namedDays)
    }

    /// All candidates of a document, sentence by sentence, longest first, without overlaps.
    /// - Parameter pass: the document's lexical pass (``AnalysisState/lexicalPass()``),
    ///   whose folded tokens give the time keys; made here when nil (tests, tools).
    public func candidates(_ document: Document, _ segmentation: Segmentation, pass: LexicalPass? = nil) -> [TimeCandidate] {
        candidates(document, segmentation, pass: pass, skipsNonRuleWords: true)
    }

    /// `skipsNonRuleWords: false` runs every rule of `TimeScanner.core` on every starter,
    /// the general path the skip is tested against.
    func candidates(_ document: Document, _ segmentation: Segmentation, pass: LexicalPass? = nil, skipsNonRuleWords: Bool) -> [TimeCandidate] {
        let pass = pass ?? LexicalPass(document: document, tokens: segmentation.tokens)
        let found = TimeTokens.lookUp(document.utf8, segmentation.tokens, pass: pass, in: lexicon, everyWordStarts: !skipsNonRuleWords)
        return candidates(document, segmentation, tokens: found, skipsNonRuleWords: skipsNonRuleWords)
    }

    /// The candidates from the tokens' entries and flags (`found`, made with
    /// `everyWordStarts` equal to `!skipsNonRuleWords`).
    func candidates(_ document: Document, _ segmentation: Segmentation, tokens found: TimeTokens.Found, skipsNonRuleWords: Bool) -> [TimeCandidate] {
        let flags = found.flags, words = found.words
        var scanner = TimeScanner(bytes: document.utf8, tokens: segmentation.tokens, roles: found.roles, words: words, flags: flags, numbers: found.numbers, holidays: lexicon.holidays, holidayWords: found.holidayWords, lexicon: lexicon, country: document.region,
                                  dateOrder: document.dateOrder ?? .monthFirst)
        scanner.triesEveryRule = !skipsNonRuleWords
        var out: [TimeCandidate] = []
        for sentence in timeSentences(segmentation, words) {
            scanner.sentenceStart = sentence.lowerBound
            scanner.limit = sentence.upperBound
            var i = sentence.lowerBound
            while i < sentence.upperBound {
                // Only tokens that can begin an expression are tried.
                if flags[i].contains(.starter), let c = scanner.longest(at: i) {
                    out.append(c)
                    i = c.end
                } else {
                    i += 1
                }
            }
        }
        return out
    }

    /// Whether a quarter value ("1989-Q3") ended before the reference's quarter.
    func isEndedQuarter(_ value: String, _ reference: CalendarDate?) -> Bool {
        guard let reference else { return true }
        return value < TimeResolver.shifted(reference, unit: .quarter, amount: 0)
    }

    /// The sentences, except that ICU's break after "p.m." before a capitalised zone, day
    /// or month ("10 p.m. Wednesday", "5 p.m. EST") is undone.
    func timeSentences(_ segmentation: Segmentation, _ words: TimeTokens.Words) -> [Range<Int>] {
        var out: [Range<Int>] = []
        out.reserveCapacity(segmentation.sentences.count)
        for s in segmentation.sentences {
            if let last = out.last, case .meridiem? = words[last.upperBound - 1] {
                switch words[s.lowerBound] {
                case .zone?, .weekday?, .month?, .relativeDay?:
                    out[out.count - 1] = last.lowerBound..<s.upperBound
                    continue
                default:
                    break
                }
            }
            out.append(s)
        }
        return out
    }

    /// A full date written near the start of the article, used when the document has no date.
    func dateline(_ found: [TimeCandidate], _ document: Document, _ segmentation: Segmentation) -> CalendarDate? {
        for c in found {
            guard segmentation.tokens[c.first].start < options.datelineBytes else { break }
            if case .date(let y?, let m, let d?, _)? = c.value, let date = CalendarDate(year: y, month: m, day: d) {
                return date
            }
        }
        return nil
    }
}
