/// Function words the time rules test for, as keys.
enum K {
    static var the: WordKey { WordKey(packed: 0x656874, 0x0) }  // "the"
    static var a: WordKey { WordKey(packed: 0x61, 0x0) }  // "a"
    static var an: WordKey { WordKey(packed: 0x6e61, 0x0) }  // "an"
    static var of: WordKey { WordKey(packed: 0x666f, 0x0) }  // "of"
    static var ago: WordKey { WordKey(packed: 0x6f6761, 0x0) }  // "ago"
    static var earlier: WordKey { WordKey(packed: 0x7265696c726165, 0x0) }  // "earlier"
    static var later: WordKey { WordKey(packed: 0x726574616c, 0x0) }  // "later"
    static var early: WordKey { WordKey(packed: 0x796c726165, 0x0) }  // "early"
    static var late: WordKey { WordKey(packed: 0x6574616c, 0x0) }  // "late"
    static var mid: WordKey { WordKey(packed: 0x64696d, 0x0) }  // "mid"
    static var middle: WordKey { WordKey(packed: 0x656c6464696d, 0x0) }  // "middle"
    static var end: WordKey { WordKey(packed: 0x646e65, 0x0) }  // "end"
    static var beginning: WordKey { WordKey(packed: 0x6e696e6e69676562, 0x67) }  // "beginning"
    static var start: WordKey { WordKey(packed: 0x7472617473, 0x0) }  // "start"
    static var last: WordKey { WordKey(packed: 0x7473616c, 0x0) }  // "last"
    static var past: WordKey { WordKey(packed: 0x74736170, 0x0) }  // "past"
    static var previous: WordKey { WordKey(packed: 0x73756f6976657270, 0x0) }  // "previous"
    static var this: WordKey { WordKey(packed: 0x73696874, 0x0) }  // "this"
    static var current: WordKey { WordKey(packed: 0x746e6572727563, 0x0) }  // "current"
    static var next: WordKey { WordKey(packed: 0x7478656e, 0x0) }  // "next"
    static var coming: WordKey { WordKey(packed: 0x676e696d6f63, 0x0) }  // "coming"
    static var following: WordKey { WordKey(packed: 0x6e69776f6c6c6f66, 0x67) }  // "following"
    static var first: WordKey { WordKey(packed: 0x7473726966, 0x0) }  // "first"
    static var latest: WordKey { WordKey(packed: 0x74736574616c, 0x0) }  // "latest"
    static var recent: WordKey { WordKey(packed: 0x746e65636572, 0x0) }  // "recent"
    static var most: WordKey { WordKey(packed: 0x74736f6d, 0x0) }  // "most"
    static var every: WordKey { WordKey(packed: 0x7972657665, 0x0) }  // "every"
    static var each: WordKey { WordKey(packed: 0x68636165, 0x0) }  // "each"
    static var per: WordKey { WordKey(packed: 0x726570, 0x0) }  // "per"
    static var other: WordKey { WordKey(packed: 0x726568746f, 0x0) }  // "other"
    static var now: WordKey { WordKey(packed: 0x776f6e, 0x0) }  // "now"
    static var currently: WordKey { WordKey(packed: 0x6c746e6572727563, 0x79) }  // "currently"
    static var recently: WordKey { WordKey(packed: 0x796c746e65636572, 0x0) }  // "recently"
    static var lately: WordKey { WordKey(packed: 0x796c6574616c, 0x0) }  // "lately"
    static var soon: WordKey { WordKey(packed: 0x6e6f6f73, 0x0) }  // "soon"
    static var future: WordKey { WordKey(packed: 0x657275747566, 0x0) }  // "future"
    static var near: WordKey { WordKey(packed: 0x7261656e, 0x0) }  // "near"
    static var present: WordKey { WordKey(packed: 0x746e6573657270, 0x0) }  // "present"
    static var nowadays: WordKey { WordKey(packed: 0x7379616461776f6e, 0x0) }  // "nowadays"
    static var these: WordKey { WordKey(packed: 0x6573656874, 0x0) }  // "these"
    static var days: WordKey { WordKey(packed: 0x73796164, 0x0) }  // "days"
    static var tonight: WordKey { WordKey(packed: 0x746867696e6f74, 0x0) }  // "tonight"
    static var overnight: WordKey { WordKey(packed: 0x6867696e7265766f, 0x74) }  // "overnight"
    static var weekend: WordKey { WordKey(packed: 0x646e656b656577, 0x0) }  // "weekend"
    static var weekends: WordKey { WordKey(packed: 0x73646e656b656577, 0x0) }  // "weekends"
    static var fiscal: WordKey { WordKey(packed: 0x6c6163736966, 0x0) }  // "fiscal"
    static var half: WordKey { WordKey(packed: 0x666c6168, 0x0) }  // "half"
    static var and: WordKey { WordKey(packed: 0x646e61, 0x0) }  // "and"
    static var or: WordKey { WordKey(packed: 0x726f, 0x0) }  // "or"
    static var more: WordKey { WordKey(packed: 0x65726f6d, 0x0) }  // "more"
    static var less: WordKey { WordKey(packed: 0x7373656c, 0x0) }  // "less"
    static var than: WordKey { WordKey(packed: 0x6e616874, 0x0) }  // "than"
    static var at: WordKey { WordKey(packed: 0x7461, 0x0) }  // "at"
    static var least: WordKey { WordKey(packed: 0x747361656c, 0x0) }  // "least"
    static var up: WordKey { WordKey(packed: 0x7075, 0x0) }  // "up"
    static var to: WordKey { WordKey(packed: 0x6f74, 0x0) }  // "to"
    static var no: WordKey { WordKey(packed: 0x6f6e, 0x0) }  // "no"
    static var about: WordKey { WordKey(packed: 0x74756f6261, 0x0) }  // "about"
    static var around: WordKey { WordKey(packed: 0x646e756f7261, 0x0) }  // "around"
    static var nearly: WordKey { WordKey(packed: 0x796c7261656e, 0x0) }  // "nearly"
    static var almost: WordKey { WordKey(packed: 0x74736f6d6c61, 0x0) }  // "almost"
    static var roughly: WordKey { WordKey(packed: 0x796c6867756f72, 0x0) }  // "roughly"
    static var approximately: WordKey { WordKey(packed: 0x6d69786f72707061, 0x796c657461) }  // "approximately"
    static var over: WordKey { WordKey(packed: 0x7265766f, 0x0) }  // "over"
    static var under: WordKey { WordKey(packed: 0x7265646e75, 0x0) }  // "under"
    static var just: WordKey { WordKey(packed: 0x7473756a, 0x0) }  // "just"
    static var old: WordKey { WordKey(packed: 0x646c6f, 0x0) }  // "old"
    static var long: WordKey { WordKey(packed: 0x676e6f6c, 0x0) }  // "long"
    static var will: WordKey { WordKey(packed: 0x6c6c6977, 0x0) }  // "will"
    static var ll: WordKey { WordKey(packed: 0x6c6c27, 0x0) }  // "'ll"
    static var shall: WordKey { WordKey(packed: 0x6c6c616873, 0x0) }  // "shall"
    static var year: WordKey { WordKey(packed: 0x72616579, 0x0) }  // "year"
    static var years: WordKey { WordKey(packed: 0x7372616579, 0x0) }  // "years"
    static var fall: WordKey { WordKey(packed: 0x6c6c6166, 0x0) }  // "fall"
    static var christmas: WordKey { WordKey(packed: 0x616d747369726863, 0x73) }  // "christmas"
    static var eve: WordKey { WordKey(packed: 0x657665, 0x0) }  // "eve"
    static var day: WordKey { WordKey(packed: 0x796164, 0x0) }  // "day"
    static var thanksgiving: WordKey { WordKey(packed: 0x6967736b6e616874, 0x676e6976) }  // "thanksgiving"
    static var newYears: WordKey { WordKey(packed: 0x732772616579, 0x0) }  // "year's"
    static var new: WordKey { WordKey(packed: 0x77656e, 0x0) }  // "new"
    static var halloween: WordKey { WordKey(packed: 0x6565776f6c6c6168, 0x6e) }  // "halloween"
    static var century: WordKey { WordKey(packed: 0x797275746e6563, 0x0) }  // "century"
    static var `for`: WordKey { WordKey(packed: 0x726f66, 0x0) }  // "for"
    static var `in`: WordKey { WordKey(packed: 0x6e69, 0x0) }  // "in"
    static var since: WordKey { WordKey(packed: 0x65636e6973, 0x0) }  // "since"
    static var by: WordKey { WordKey(packed: 0x7962, 0x0) }  // "by"
    static var until: WordKey { WordKey(packed: 0x6c69746e75, 0x0) }  // "until"
    static var till: WordKey { WordKey(packed: 0x6c6c6974, 0x0) }  // "till"
    static var during: WordKey { WordKey(packed: 0x676e69727564, 0x0) }  // "during"
    static var from: WordKey { WordKey(packed: 0x6d6f7266, 0x0) }  // "from"
    static var through: WordKey { WordKey(packed: 0x6867756f726874, 0x0) }  // "through"
    static var before: WordKey { WordKey(packed: 0x65726f666562, 0x0) }  // "before"
    static var after: WordKey { WordKey(packed: 0x7265746661, 0x0) }  // "after"
    static var on: WordKey { WordKey(packed: 0x6e6f, 0x0) }  // "on"
    static var late_: WordKey { WordKey(packed: 0x6574616c, 0x0) }  // "late"
    static var percent: WordKey { WordKey(packed: 0x746e6563726570, 0x0) }  // "percent"
    static var times: WordKey { WordKey(packed: 0x73656d6974, 0x0) }  // "times"
    static var million: WordKey { WordKey(packed: 0x6e6f696c6c696d, 0x0) }  // "million"
    static var billion: WordKey { WordKey(packed: 0x6e6f696c6c6962, 0x0) }  // "billion"
    static var dollars: WordKey { WordKey(packed: 0x7372616c6c6f64, 0x0) }  // "dollars"
    static var cents: WordKey { WordKey(packed: 0x73746e6563, 0x0) }  // "cents"
    static var nineties: WordKey { WordKey(packed: 0x73656974656e696e, 0x0) }  // "nineties"
    static var eighties: WordKey { WordKey(packed: 0x7365697468676965, 0x0) }  // "eighties"
    static var seventies: WordKey { WordKey(packed: 0x6569746e65766573, 0x73) }  // "seventies"
    static var sixties: WordKey { WordKey(packed: 0x73656974786973, 0x0) }  // "sixties"
    static var fifties: WordKey { WordKey(packed: 0x73656974666966, 0x0) }  // "fifties"
    static var period: WordKey { WordKey(packed: 0x646f69726570, 0x0) }  // "period"
    static var moment: WordKey { WordKey(packed: 0x746e656d6f6d, 0x0) }  // "moment"
    static var that: WordKey { WordKey(packed: 0x74616874, 0x0) }  // "that"
    static var when: WordKey { WordKey(packed: 0x6e656877, 0x0) }  // "when"

    /// Words after which a bare month name ("May", "March") reads as a month.
    static let monthContext: [WordKey] = [
        WordKey("in"), WordKey("since"), WordKey("by"), WordKey("until"), WordKey("till"), WordKey("of"),
        WordKey("during"), WordKey("from"), WordKey("through"), WordKey("to"), WordKey("before"),
        WordKey("after"), WordKey("last"), WordKey("this"), WordKey("next"), WordKey("early"),
        WordKey("late"), WordKey("mid"), WordKey("each"), WordKey("every"), WordKey("between"),
        WordKey("on"), WordKey("throughout"), WordKey("and"), WordKey("or"), WordKey("for"),
        WordKey("until"), WordKey("end"), WordKey("beginning"), WordKey("start"), WordKey("middle"),
    ]
    /// Words before which a four-digit number is a year rather than a count.
    static let yearContext: [WordKey] = [
        WordKey("in"), WordKey("since"), WordKey("by"), WordKey("until"), WordKey("till"), WordKey("of"),
        WordKey("during"), WordKey("from"), WordKey("through"), WordKey("to"), WordKey("before"),
        WordKey("after"), WordKey("early"), WordKey("late"), WordKey("mid"), WordKey("between"),
        WordKey("and"), WordKey("for"), WordKey("fiscal"), WordKey("the"), WordKey("year"),
        WordKey("summer"), WordKey("spring"), WordKey("autumn"), WordKey("winter"), WordKey("fall"),
        WordKey("around"), WordKey("circa"), WordKey("about"), WordKey("than"), WordKey("at"),
        WordKey("throughout"), WordKey("as"), WordKey("or"), WordKey("on"), WordKey("over"),
    ]
    /// Words before a bare weekday or month that point it forward.
    static let futureCues: [WordKey] = [
        WordKey("will"), WordKey("'ll"), WordKey("shall"), WordKey("expected"), WordKey("planned"), WordKey("planning"),
        WordKey("expects"), WordKey("scheduled"), WordKey("plan"), WordKey("plans"),
        WordKey("until"), WordKey("next"), WordKey("due"),
    ]
    /// Approximators kept inside a duration's span ("nearly an hour"). "about", "almost",
    /// "just" and "over" stay outside, as most TimeBank and AQUAINT annotators left them.
    static let approximators: [WordKey] = [around, nearly, roughly, approximately]
    static let lastWords: [WordKey] = [last, past, previous]
    static let nextWords: [WordKey] = [next, coming, following]

    /// Whether `k` is one of `lastWords`, without an array: core(at:) asks for every keyed
    /// candidate start, and a `contains` on a static array cost about 60 instructions.
    @inline(__always)
    static func isLastWord(_ k: WordKey) -> Bool { k == last || k == past || k == previous }

    /// Whether `k` is one of `nextWords` (see `isLastWord`).
    @inline(__always)
    static func isNextWord(_ k: WordKey) -> Bool { k == next || k == coming || k == following }
}

/// The result of one rule at one position.
struct TimeMatch {
    /// One past the last token.
    var end: Int
    var type: TimexType
    var value: TimeValue?
    var rule: String
    /// Whether a preceding "the" belongs to the expression ("the third quarter").
    var takesDeterminer = false
    /// Whether "early", "late", "mid" or "earlier this" may modify it.
    var takesModifier = false
}

extension TimeScanner {
    // MARK: - Entry point

    /// The longest time expression starting at token `i`, with its prefixes.
    func longest(at i: Int) -> TimeCandidate? {
        var best: TimeCandidate?
        func offer(_ m: TimeMatch?, from first: Int, rule prefix: String = "") {
            guard let m else { return }
            if best == nil || m.end > best!.end {
                // Most matches have no prefix: `"" + rule` still went through String.append.
                best = TimeCandidate(first: first, end: m.end, type: m.type, value: m.value, rule: prefix.isEmpty ? m.rule : prefix + m.rule)
            }
        }
        if let m = core(at: i), !m.rule.isEmpty { offer(m, from: i) }

        // "the third quarter", "the past two months", "the future".
        if `is`(i, K.the) {
            if let m = core(at: i + 1), m.takesDeterminer { offer(m, from: i, rule: "the+") }
            // "the end of 1990", "the middle of October", "the beginning of the month"
            if isOne(i + 1, K.end, K.beginning, K.start, K.middle), `is`(i + 2, K.of) {
                // "the end of the month" keeps its frame; "the middle of the summer" leaves "summer" to itself.
                if !`is`(i + 3, K.the), let m = core(at: i + 3), m.type == .date, m.takesModifier || m.takesDeterminer {
                    offer(m, from: i, rule: "the-end-of+")
                } else if `is`(i + 3, K.the), case .unit(let u, false)? = word(i + 4), u >= .week {
                    offer(TimeMatch(end: i + 5, type: .date, value: .shift(u, 0), rule: "the-end-of-the-unit"), from: i)
                }
            }
        }
        // "early next year", "late yesterday", "mid-November", "earlier this month"
        if isOne(i, K.early, K.late, K.mid, K.earlier, K.later) {
            var j = i + 1
            if isChar(j, "-"), glued(j) { j += 1 }
            if let m = core(at: j), m.takesModifier { offer(m, from: i, rule: "modifier+") }
        }
        // "the early 1980s", "the mid-1990s", "the early summer"
        if `is`(i, K.the), isOne(i + 1, K.early, K.late, K.mid) {
            var j = i + 2
            if isChar(j, "-"), glued(j) { j += 1 }
            if let m = core(at: j), m.takesModifier, m.takesDeterminer { offer(m, from: i, rule: "the+modifier+") }
        }
        // "around 7:15 p.m.", "around Nov. 1", "around year end"
        // (not "get around Wednesday's ruling": weekdays and relative words stay apart)
        if `is`(i, K.around), let m = core(at: i + 1),
           m.type == .time || ["month-day", "year-end", "month-year", "year"].contains(m.rule) {
            offer(m, from: i, rule: "around+")
        }
        // "the current fiscal year", "the latest fiscal year", "the full year"
        if `is`(i, K.the) {
            var j = i + 1
            while j < i + 4, isOne(j, K.fiscal, K.full, K.current, K.latest) { j += 1 }
            if j > i + 1, `is`(j, K.year), let m = yearCompound(at: j) { offer(m, from: i, rule: "the+") }
        }
        // "about two years ago", "nearly an hour", "more than four hours", "at least 20 years"
        var q: Int?
        if isOne(i, K.around, K.nearly, K.roughly, K.approximately) { q = i + 1 }
        if isOne(i, K.more, K.less), `is`(i + 1, K.than) { q = i + 2 }
        if `is`(i, K.no), isOne(i + 1, K.more, K.less), `is`(i + 2, K.than) { q = i + 3 }
        if `is`(i, K.at), isOne(i + 1, K.least, K.most) { q = i + 2 }
        if `is`(i, K.up), `is`(i + 1, K.to) { q = i + 2 }
        if let q, let m = quantity(at: q) { offer(m, from: i, rule: "approx+") }
        return best
    }

    /// The longest expression of any rule starting exactly at `i` (no prefixes).
    func core(at i: Int) -> TimeMatch? {
        guard inRange(i) else { return nil }
        var best: TimeMatch?
        let t = tokens[i]
        if t.kind == .number || t.kind == .word && bytes[Int(t.start)] < 0x3A && bytes[Int(t.start)] >= 0x30 {
            Self.keepLonger(clock(at: i), &best)
            Self.keepLonger(numericDate(at: i), &best)
            Self.keepLonger(dayMonth(at: i), &best)
            Self.keepLonger(year(at: i), &best)
            Self.keepLonger(yearPeriod(at: i), &best)
            Self.keepLonger(decade(at: i), &best)
            Self.keepLonger(quantity(at: i), &best)
            Self.keepLonger(hyphenDuration(at: i), &best)
            Self.keepLonger(century(at: i), &best)
        }
        switch word(i) {
        case .month?: Self.keepLonger(monthDate(at: i), &best)
        case .weekday?: Self.keepLonger(weekdayPhrase(at: i), &best)
        case .relativeDay?: Self.keepLonger(relativeDay(at: i), &best)
        case .clockWord?: Self.keepLonger(clock(at: i), &best)
        case .frequency(let unit)?:
            // "quarterly dividend", "daily volume": an adjective before a noun is no time expression.
            if !(inRange(i + 1) && tokens[i + 1].kind == .word && tokens[i + 1].shape == .lower && word(i + 1) == nil) {
                Self.keepLonger(TimeMatch(end: i + 1, type: .set, value: .fixed(Self.duration(1, unit)), rule: "frequency"), &best)
            }
        case .season?: Self.keepLonger(season(at: i), &best)
        case .ordinal?: Self.keepLonger(quarter(at: i), &best); Self.keepLonger(dayMonth(at: i), &best); Self.keepLonger(century(at: i), &best)
        case .number(let n)?:
            Self.keepLonger(quantity(at: i), &best); Self.keepLonger(hyphenDuration(at: i), &best)
            // "nineteen ninety-six"
            if n >= 11, n <= 20, let (y, e) = yearAt(i) {
                Self.keepLonger(TimeMatch(end: e, type: .date, value: .fixed(String(y)), rule: "year-words", takesModifier: true), &best)
            }
        case .vagueNumber?: Self.keepLonger(quantity(at: i), &best); Self.keepLonger(hyphenDuration(at: i), &best)
        case .unit(let u, _)?:
            Self.keepLonger(bareUnit(at: i), &best)
            if u == .second { Self.keepLonger(quarter(at: i), &best) }
        default: break
        }
        // Every key tested below is one of `K.coreRuleWords`: for other tokens ("the", time
        // words, most tokens after "the" or a modifier) the tests cannot match, so they are skipped.
        if flags[i].contains(.ruleWord), let k = key(i) {
            // No hyphenDuration: "a" and "an" are neither digits nor number words, so it
            // returned nil for them ("a five-minute walk" starts at "five").
            if k == K.a || k == K.an { Self.keepLonger(quantity(at: i), &best); Self.keepLonger(perUnit(at: i), &best) }
            if k == K.per { Self.keepLonger(perUnit(at: i), &best) }
            if K.isLastWord(k) || k == K.this || k == K.current || K.isNextWord(k) || k == K.latest || k == K.first || k == K.recent || k == K.most {
                Self.keepLonger(relative(at: i), &best)
            }
            if k == K.every || k == K.each { Self.keepLonger(everyPhrase(at: i), &best) }
            if k == K.last, `is`(i + 1, K.half) { Self.keepLonger(quarter(at: i), &best) }
            // "the ’90s": the elision mark belongs to the decade.
            if k == K.apostrophe, glued(i + 1), let m = decade(at: i + 1) { Self.keepLonger(m, &best) }
            if k == K.last || k == K.this || k == K.next, let h = key(i + 1), let m = holiday(at: i + 1, h), m.rule == "relative-holiday" {
                Self.keepLonger(m, &best)
            }
            if k == K.fiscal { Self.keepLonger(fiscal(at: i), &best) }
            if k == K.tonight || k == K.overnight { Self.keepLonger(nightWord(at: i, k), &best) }
            if k == K.weekend { Self.keepLonger(TimeMatch(end: i + 1, type: .date, value: .namedWeekend(tenseDirection(at: i)), rule: "weekend", takesDeterminer: true), &best) }
            if k == K.quarterKey || k == K.half { Self.keepLonger(quarter(at: i), &best) }
            if k == K.year { Self.keepLonger(yearCompound(at: i), &best) }
            Self.keepLonger(reference(at: i, k), &best)
            Self.keepLonger(holiday(at: i, k), &best)
            if k == K.nineties || k == K.eighties || k == K.seventies || k == K.sixties || k == K.fifties {
                let decade = k == K.nineties ? 199 : k == K.eighties ? 198 : k == K.seventies ? 197 : k == K.sixties ? 196 : 195
                Self.keepLonger(TimeMatch(end: i + 1, type: .date, value: .fixed(String(decade)), rule: "decade-word", takesDeterminer: true, takesModifier: true), &best)
            }
        }
        return best
    }

    /// Keeps `m` in `best` when it is longer (the first of equally long matches wins).
    /// Inlined and consuming, with `best` passed inout rather than captured by a nested
    /// function: the ~80,000 rule results of a run move or drop where they are made,
    /// where the closure destroyed each copy out of line.
    @inline(__always)
    static func keepLonger(_ m: consuming TimeMatch?, _ best: inout TimeMatch?) {
        guard let m else { return }
        if best == nil || m.end > best!.end { best = m }
    }

    // MARK: - Clock times

    /// "7.40am", "7:40 p.m. EST", "13:00", "6 am", "noon", "midnight", "10 p.m. Wednesday", "noon Thursday".
    func clock(at i: Int) -> TimeMatch? {
        var end: Int
        var time: (hour: Int, minute: Int)
        var rule = "clock"
        if case .clockWord(let h)? = word(i) {
            // "High Noon", "high noon": a figure of speech.
            if `is`(i - 1, WordKey("high")) { return nil }
            time = (h, 0)
            end = i + 1
            rule = "clock-word"
        } else if let c = clockToken(i) {
            time = c
            end = i + 1
        } else if let h = digits(i), h.count <= 2 {
            if isChar(i + 1, ":"), glued(i + 1), glued(i + 2), let m = digits(i + 2), m.count == 2 {
                end = i + 3
                var pm: Bool?
                if case .meridiem(let p)? = word(end) { pm = p; end += 1 }
                guard let c = Self.clock(hour: h.value, minute: m.value, pm: pm) else { return nil }
                // A bare "3:15" is a clock time only when nothing numeric follows (not a ratio or score).
                if pm == nil, isChar(end, ":") || isChar(end, "-") { return nil }
                time = c
            } else if case .meridiem(let pm)? = word(i + 1), let c = Self.clock(hour: h.value, minute: 0, pm: pm) {
                time = c
                end = i + 2
            } else {
                return nil
            }
        } else if inRange(i), tokens[i].kind == .number, case .meridiem(let pm)? = word(i + 1),
                  let c = decimalClock(i, pm: pm) {
            time = c
            end = i + 2
        } else {
            return nil
        }
        if case .zone? = word(end) { end += 1 }
        // A day written right after: "10 p.m. Wednesday", "noon Saturday", "5 p.m. EST Nov. 9".
        var base: TimeValue?
        var j = end
        if isChar(j, ",") { j += 1 }
        if let day = dayAfterClock(at: j) {
            base = day.value
            end = day.end
            rule += "+day"
        }
        return TimeMatch(end: end, type: .time, value: .clock(base, hour: time.hour, minute: time.minute), rule: rule)
    }

    /// "7.40" followed by a meridiem token.
    private func decimalClock(_ i: Int, pm: Bool) -> (hour: Int, minute: Int)? {
        let t = tokens[i]
        guard t.end - t.start <= 5 else { return nil }  // "12.45" at most; longer digit runs are no clock
        var hour = 0, minute = 0, seenSeparator = false, minuteDigits = 0
        for p in Int(t.start)..<Int(t.end) {
            let b = bytes[p]
            if b == UInt8(ascii: ".") || b == UInt8(ascii: ":") {
                if seenSeparator { return nil }
                seenSeparator = true
            } else if b >= 48, b <= 57 {
                if seenSeparator { minute = minute * 10 + Int(b - 48); minuteDigits += 1 } else { hour = hour * 10 + Int(b - 48) }
            } else {
                return nil
            }
        }
        guard seenSeparator, minuteDigits == 2 else { return nil }
        return Self.clock(hour: hour, minute: minute, pm: pm)
    }

    private func dayAfterClock(at j: Int) -> (end: Int, value: TimeValue)? {
        switch word(j) {
        case .weekday(let d, false)?:
            return (j + 1, .weekday(d, tenseDirection(at: j)))
        case .relativeDay(let n)?:
            return (j + 1, .shift(.day, n))
        case .month?:
            if let m = monthDate(at: j), case .date? = m.value { return (m.end, m.value!) }
            return nil
        default:
            return nil
        }
    }

    // MARK: - Dates

    /// "2018-08-14", "14/08/2018", "8/14/18".
    func numericDate(at i: Int) -> TimeMatch? {
        guard let a = digits(i) else { return nil }
        if a.count == 4, isChar(i + 1, "-"), glued(i + 1), glued(i + 2), let m = digits(i + 2), m.count == 2,
           isChar(i + 3, "-"), glued(i + 3), glued(i + 4), let d = digits(i + 4), d.count == 2,
           CalendarDate(year: a.value, month: m.value, day: d.value) != nil {
            return TimeMatch(end: i + 5, type: .date, value: .date(year: a.value, month: m.value, day: d.value, direction: .pastOrSame), rule: "iso-date")
        }
        guard a.count <= 2, isChar(i + 1, "/"), glued(i + 1), glued(i + 2), let b = digits(i + 2), b.count <= 2,
              isChar(i + 3, "/"), glued(i + 3), glued(i + 4), let c = digits(i + 4), c.count == 4 || c.count == 2 else { return nil }
        // Not part of a longer run of slashes ("1/2/3/4").
        if isChar(i + 5, "/"), glued(i + 5) { return nil }
        let year = c.count == 4 ? c.value : (c.value < 50 ? 2000 + c.value : 1900 + c.value)
        // Day first when the first number cannot be a month, month first otherwise (US news).
        let (month, day) = a.value > 12 ? (b.value, a.value) : (a.value, b.value)
        guard CalendarDate(year: year, month: month, day: day) != nil else { return nil }
        return TimeMatch(end: i + 5, type: .date, value: .date(year: year, month: month, day: day, direction: .pastOrSame), rule: "slash-date")
    }

    /// "Aug. 14", "August 14, 2018", "March 2017", "January", "May 26, 1980".
    func monthDate(at i: Int) -> TimeMatch? {
        guard case .month(let month, let abbreviated)? = word(i), isCapitalized(i) else { return nil }
        var j = i + 1
        if abbreviated {
            if isChar(j, "."), glued(j) { j += 1 }
        }
        // Month Day [, Year]
        if let day = dayOfMonth(j), !(isChar(j + 1, ":") && glued(j + 1) && digits(j + 2) != nil) {
            var end = j + 1
            var year: Int?
            var k = end
            if isChar(k, ",") { k += 1 }
            if let (y, e) = yearAt(k) { year = y; end = e }
            guard year == nil || CalendarDate(year: year!, month: month, day: day) != nil else { return nil }
            return TimeMatch(end: end, type: .date, value: .date(year: year, month: month, day: day, direction: tenseDirection(at: i)), rule: "month-day")
        }
        // Month [,] Year, Month of Year
        var k = j
        if isChar(k, ",") || `is`(k, K.of) { k += 1 }
        if let (y, e) = yearAt(k) {
            return TimeMatch(end: e, type: .date, value: .date(year: y, month: month, day: nil, direction: .pastOrSame), rule: "month-year", takesModifier: true)
        }
        // "June last year", "January this year"
        if isAny(j, K.lastWords + [K.this, K.next]), `is`(j + 1, K.year) {
            let shift = `is`(j, K.this) ? 0 : `is`(j, K.next) ? 1 : -1
            return TimeMatch(end: j + 2, type: .date, value: shift == 0 ? .date(year: nil, month: month, day: nil, direction: .current) : .monthOfShiftedYear(month, years: shift), rule: "month-relative-year", takesModifier: true)
        }
        // A bare month: abbreviations need their full stop; no name before ("Theresa May").
        if abbreviated, j == i + 1 { return nil }
        if i > sentenceStart, isCapitalized(i - 1), word(i - 1) == nil, !tokens[i].flags.contains(.sentenceInitial),
           !isAny(i - 1, K.monthContext) {
            return nil
        }
        if month == 5 || month == 3 {
            // "May" and "March" are words too: only after a preposition or modifier.
            guard isAny(i - 1, K.monthContext) || isChar(i - 1, "-") else { return nil }
        }
        return TimeMatch(end: j, type: .date, value: .date(year: nil, month: month, day: nil, direction: tenseDirection(at: i)), rule: "month", takesModifier: true)
    }

    /// "14 August 2018", "14th of August", "the 14th of August".
    func dayMonth(at i: Int) -> TimeMatch? {
        guard let day = dayOfMonth(i) else { return nil }
        var j = i + 1
        if `is`(j, K.of) { j += 1 }
        guard case .month(let month, let abbreviated)? = word(j), isCapitalized(j) else { return nil }
        j += 1
        if abbreviated, isChar(j, "."), glued(j) { j += 1 }
        var end = j
        var year: Int?
        var k = j
        if isChar(k, ",") { k += 1 }
        if let (y, e) = yearAt(k) { year = y; end = e }
        guard CalendarDate(year: year ?? 2000, month: month, day: day) != nil else { return nil }
        return TimeMatch(end: end, type: .date, value: .date(year: year, month: month, day: day, direction: tenseDirection(at: i)), rule: "day-month", takesDeterminer: true)
    }

    /// A year standing alone: "in 1990", "1990's budget".
    func year(at i: Int) -> TimeMatch? {
        guard let y = yearNumber(i) else { return nil }
        // Not money, a count or part of a longer number.
        if isChar(i - 1, "$") || isChar(i + 1, "%") { return nil }
        if isChar(i - 1, ",") && digits(i - 2) != nil && glued(i - 1) { return nil }
        if (isChar(i + 1, "-") || isChar(i + 1, "/") || isChar(i + 1, ".") || isChar(i + 1, ",") || isChar(i + 1, ":")) && glued(i + 1) && digits(i + 2) != nil { return nil }
        let before = isAny(i - 1, K.yearContext) || word(i - 1) != nil
        let after = inRange(i + 1) ? tokens[i + 1] : nil
        // "2000 people": a plural noun after the number makes it a count.
        if !before, let a = after, a.kind == .word, a.shape == .lower {
            let last = bytes[Int(a.end) - 1]
            if last == UInt8(ascii: "s"), word(i + 1) == nil { return nil }
        }
        if !before, y < 1900 || y > 2040 { return nil }
        return TimeMatch(end: i + 1, type: .date, value: .fixed(String(y)), rule: "year", takesDeterminer: false, takesModifier: true)
    }

    /// "year-ago", "year-earlier quarter", "the year-ago period", "year-end", "year's end",
    /// "the year ended Sept. 30", "the year two thousand".
    func yearCompound(at i: Int) -> TimeMatch? {
        if isChar(i + 1, "-"), glued(i + 1), glued(i + 2), isAny(i + 2, [K.ago, K.earlier]) {
            var end = i + 3
            var value = TimeValue.anchoredQuarter(yearShift: -1, year: nil)
            if let n = ordinalAt(end), n <= 4, `is`(end + 1, K.quarterKey) {
                value = .quarter(n, year: nil, yearShift: -1)
                end += 2
            } else if isAny(end, [K.quarterKey, K.period]) {
                end += 1
            }
            // "the year-ago quarter" keeps its determiner; "the year-ago results" does not.
            return TimeMatch(end: end, type: .date, value: value, rule: "year-ago", takesDeterminer: end > i + 3)
        }
        if isChar(i + 1, "-"), glued(i + 1), glued(i + 2), `is`(i + 2, K.end) || isPossessive(i) && `is`(i + 1, K.end) {
            return TimeMatch(end: i + 3, type: .date, value: .date(year: nil, month: 12, day: 31, direction: .current), rule: "year-end")
        }
        if isPossessive(i) || isAny(i - 1, [K.by, K.at, K.around, K.since, K.before, K.after]), `is`(i + 1, K.end) {
            return TimeMatch(end: i + 2, type: .date, value: .date(year: nil, month: 12, day: 31, direction: .current), rule: "year-end")
        }
        if let (y, end) = yearAt(i + 1), y >= 1000, word(i + 1) != nil {
            return TimeMatch(end: end, type: .date, value: .fixed(String(y)), rule: "the-year-words", takesDeterminer: true)
        }
        // "the year", "the full year", "the fiscal year" (with its determiner only).
        var first = i
        while first > max(sentenceStart, i - 3), isAny(first - 1, [K.fiscal, K.full, K.current, K.latest]) { first -= 1 }
        guard `is`(first - 1, K.the), !isPossessive(i) else { return nil }
        if isAny(i + 1, [K.of, K.before, K.after, K.that, K.when, K.in]) || isChar(i + 1, "-") { return nil }
        if isAny(i + 1, [K.ended, K.ending]) {
            return TimeMatch(end: i + 1, type: .duration, value: .fixed("P1Y"), rule: "the-year-ended", takesDeterminer: true)
        }
        if first < i {
            // "the latest fiscal year" has ended: the previous year.
            let latest = (first..<i).contains { `is`($0, K.latest) }
            return TimeMatch(end: i + 1, type: .date, value: .shift(.year, latest ? -1 : 0), rule: "the-full-year", takesDeterminer: true)
        }
        return TimeMatch(end: i + 1, type: .date, value: .shift(.year, 0), rule: "the-year", takesDeterminer: true)
    }

    /// "the 1988 period", "the 1988 third quarter", "the 1988 quarter".
    func yearPeriod(at i: Int) -> TimeMatch? {
        guard let y = yearNumber(i), `is`(i - 1, K.the) else { return nil }
        if let n = ordinalAt(i + 1), n <= 4, `is`(i + 2, K.quarterKey) {
            return TimeMatch(end: i + 3, type: .date, value: .quarter(n, year: y, yearShift: 0), rule: "year-quarter", takesDeterminer: true)
        }
        if isAny(i + 1, [K.quarterKey, K.period]) {
            return TimeMatch(end: i + 2, type: .date, value: .anchoredQuarter(yearShift: 0, year: y), rule: "year-period", takesDeterminer: true)
        }
        return nil
    }

    /// "fiscal 1989", "fiscal year 1990", "fiscal 1989's first quarter" (the year only).
    func fiscal(at i: Int) -> TimeMatch? {
        var j = i + 1
        if `is`(j, K.year) { j += 1 }
        if let y = yearNumber(j) {
            return TimeMatch(end: j + 1, type: .date, value: .fixed(String(y)), rule: "fiscal-year", takesDeterminer: true, takesModifier: true)
        }
        // "fiscal second-quarter", "the fiscal first quarter", "the fiscal-first quarter"
        var q = i + 1
        if isChar(q, "-"), glued(q) { q += 1 }
        if var m = quarter(at: q) {
            m.rule = "fiscal-" + m.rule
            m.takesDeterminer = true
            return m
        }
        return nil
    }

    /// "1990s", "the '90s", "the early 1980s".
    func decade(at i: Int) -> TimeMatch? {
        guard let d = decadeToken(i) else { return nil }
        // "in his 30s" is an age: two-digit decades only after "the" or an apostrophe.
        if d.digits == 2, !(isAny(i - 1, [K.the, K.early, K.late, K.mid]) || tokens[i - 1].quote != nil) { return nil }
        let value = d.digits == 4 ? String(d.value / 10) : "19" + String(d.value / 10)
        return TimeMatch(end: i + 1, type: .date, value: .fixed(value), rule: "decade", takesDeterminer: true, takesModifier: true)
    }

    /// "the 20th century", "the twentieth century".
    func century(at i: Int) -> TimeMatch? {
        var n: Int?
        if case .ordinal(let o)? = word(i) { n = o } else { n = digitOrdinal(i) }
        guard let n, n >= 1, n <= 21, `is`(i + 1, K.century) else { return nil }
        return TimeMatch(end: i + 2, type: .date, value: .fixed(TimeResolver.pad(n - 1, 2)), rule: "century", takesDeterminer: true, takesModifier: true)
    }

    /// "third quarter", "third-quarter", "the fourth quarter of 1989", "the first half", "the quarter".
    func quarter(at i: Int) -> TimeMatch? {
        var j = i
        var n: Int?
        if let o = ordinalAt(i) { n = o; j += 1 }
        // "the last half of 1989"
        if `is`(i, K.last), `is`(i + 1, K.half) { n = 2; j += 1 }
        // "third-quarter results": an adjective, so a "the" before it belongs to the noun.
        var hyphenated = false
        if n != nil, isChar(j, "-"), glued(j) { j += 1; hyphenated = true }
        let isQuarter = `is`(j, K.quarterKey)
        let isHalf = `is`(j, K.half)
        guard isQuarter || isHalf else { return nil }
        if isChar(j + 1, "-"), glued(j + 1) { return nil }
        let count = isQuarter ? 4 : 2
        j += 1
        var year: Int?
        var k = j
        if `is`(k, K.of) { k += 1 }
        if `is`(k, K.fiscal) { k += 1 }
        if let y = yearNumber(k) { year = y; j = k + 1 }
        guard let n else {
            // "the quarter": the latest quarter that has ended.
            guard isQuarter, i == j - 1 else { return nil }
            return TimeMatch(end: j, type: .date, value: .previousQuarter, rule: "the-quarter", takesDeterminer: true)
        }
        guard n >= 1, n <= count else { return nil }
        let value: TimeValue = isQuarter ? .quarter(n, year: year, yearShift: 0) : .half(n, year: year, yearShift: 0)
        return TimeMatch(end: j, type: .date, value: value, rule: isQuarter ? "quarter" : "half", takesDeterminer: !hyphenated, takesModifier: true)
    }

    // MARK: - Named days

    /// "Tuesday", "Tuesday afternoon", "Saturday, April 25", "Tuesdays".
    func weekdayPhrase(at i: Int) -> TimeMatch? {
        guard case .weekday(let d, let plural)? = word(i), isCapitalized(i) else { return nil }
        if plural {
            var end = i + 1
            var value = "XXXX-WXX-\(d)"
            if case .partOfDay(let p)? = word(i + 1) { value += "T" + p.code; end += 1 }
            return TimeMatch(end: end, type: .set, value: .fixed(value), rule: "weekday-plural")
        }
        var j = i + 1
        if isChar(j, ",") { j += 1 }
        if case .month? = word(j), let m = monthDate(at: j), m.rule == "month-day" {
            return TimeMatch(end: m.end, type: .date, value: m.value, rule: "weekday-date")
        }
        if let m = dayMonth(at: j) {
            return TimeMatch(end: m.end, type: .date, value: m.value, rule: "weekday-date")
        }
        let day = TimeValue.weekday(d, tenseDirection(at: i))
        if case .partOfDay(let p)? = word(i + 1) {
            return TimeMatch(end: i + 2, type: .time, value: .partOfDay(day, p.code), rule: "weekday-part-of-day")
        }
        // "Earlier Friday", "late Monday": annotators mostly left the modifier out of weekdays.
        return TimeMatch(end: i + 1, type: .date, value: day, rule: "weekday")
    }

    /// "today", "yesterday afternoon", "tomorrow".
    func relativeDay(at i: Int) -> TimeMatch? {
        guard case .relativeDay(let n)? = word(i) else { return nil }
        if case .partOfDay(let p)? = word(i + 1) {
            return TimeMatch(end: i + 2, type: .time, value: .partOfDay(.shift(.day, n), p.code), rule: "relative-day-part", takesModifier: true)
        }
        // "late yesterday" keeps its modifier; "later today" does not (as annotated).
        return TimeMatch(end: i + 1, type: .date, value: .shift(.day, n), rule: "relative-day", takesModifier: n != 0)
    }

    /// "tonight", "overnight".
    func nightWord(at i: Int, _ k: WordKey) -> TimeMatch? {
        if k == K.tonight {
            return TimeMatch(end: i + 1, type: .time, value: .partOfDay(.shift(.day, 0), "NI"), rule: "tonight")
        }
        // "overnight" before a noun is an adjective ("overnight stay", "overnight rates").
        if inRange(i + 1), tokens[i + 1].kind == .word, tokens[i + 1].shape == .lower, word(i + 1) == nil, !isAny(i + 1, K.monthContext + [K.and]) {
            return nil
        }
        return TimeMatch(end: i + 1, type: .time, value: .partOfDay(.shift(.day, -1), "NI"), rule: "overnight")
    }

    /// "summer", "the summer of 2017", "summer 2017".
    func season(at i: Int) -> TimeMatch? {
        guard case .season(let s)? = word(i) else { return nil }
        var k = i + 1
        if `is`(k, K.of) { k += 1 }
        if let (y, e) = yearAt(k) {
            return TimeMatch(end: e, type: .date, value: .season(s.code, year: y, direction: .current), rule: "season-year", takesDeterminer: true, takesModifier: true)
        }
        // "fall" is mostly a verb or a noun for a drop: only with a determiner or modifier.
        if `is`(i, K.fall), !isAny(i - 1, [K.the, K.this, K.last, K.next, K.early, K.late, K.in, K.during]) { return nil }
        if `is`(i, K.fall), `is`(i - 1, K.the), isAny(i + 1, [K.of, K.in]) { return nil }
        return TimeMatch(end: i + 1, type: .date, value: .season(s.code, year: nil, direction: .pastOrSame), rule: "season", takesModifier: true)
    }

    /// "Christmas", "Christmas Eve", "New Year's Day", "Thanksgiving"; with "last", "this"
    /// or "next" before it, that occurrence ("last Thanksgiving").
    func holiday(at i: Int, _ k: WordKey) -> TimeMatch? {
        // Most tokens name no holiday: rule them out before looking back for the tense.
        guard k == K.christmas || k == K.new || k == K.halloween || k == K.thanksgiving, isCapitalized(i) else { return nil }
        var direction = tenseDirection(at: i)
        var first = i
        if `is`(i - 1, K.last) { direction = .previous; first = i - 1 }
        if `is`(i - 1, K.next) { direction = .following; first = i - 1 }
        if `is`(i - 1, K.this) { direction = .current; first = i - 1 }
        guard let (end, value) = holidayName(at: i, k, direction) else { return nil }
        return TimeMatch(end: end, type: .date, value: value, rule: first < i ? "relative-holiday" : "holiday")
    }

    private func holidayName(at i: Int, _ k: WordKey, _ direction: TimeDirection) -> (Int, TimeValue)? {
        guard isCapitalized(i) else { return nil }
        if k == K.christmas {
            if `is`(i + 1, K.eve) { return (i + 2, .date(year: nil, month: 12, day: 24, direction: direction)) }
            return (`is`(i + 1, K.day) ? i + 2 : i + 1, .date(year: nil, month: 12, day: 25, direction: direction))
        }
        if k == K.new, `is`(i + 1, K.year), isPossessive(i + 1), isAny(i + 2, [K.day, K.eve]) {
            let eve = `is`(i + 2, K.eve)
            return (i + 3, .date(year: nil, month: eve ? 12 : 1, day: eve ? 31 : 1, direction: direction))
        }
        if k == K.halloween {
            return (i + 1, .date(year: nil, month: 10, day: 31, direction: direction))
        }
        if k == K.thanksgiving {
            // US Thanksgiving: the fourth Thursday of November.
            return (`is`(i + 1, K.day) ? i + 2 : i + 1, .nthWeekday(4, weekday: 4, month: 11, direction: direction))
        }
        return nil
    }

    // MARK: - Relative expressions

    /// "last week", "this month", "next year", "last Friday", "last June", "the past year",
    /// "the last three years", "the next few days", "the first nine months", "the latest quarter",
    /// "recent years", "this morning", "last night".
    func relative(at i: Int) -> TimeMatch? {
        guard let k = key(i) else { return nil }
        var j = i + 1
        var direction: TimeDirection
        var shift: Int
        if K.isLastWord(k) || k == K.latest || k == K.recent || k == K.most {
            direction = .previous; shift = -1
        } else if k == K.this || k == K.current {
            direction = .current; shift = 0
        } else if K.isNextWord(k) {
            direction = .following; shift = 1
        } else if k == K.first {
            direction = .current; shift = 0
        } else {
            return nil
        }
        if k == K.most {
            guard `is`(j, K.recent) else { return nil }
            j += 1
        }
        // "This Week" in mid-sentence capitals is a title (a programme, a column).
        if isCapitalized(i), isCapitalized(j), !tokens[i].flags.contains(.sentenceInitial) { return nil }
        // "coming months", "past years": a vague stretch.
        if k == K.coming || k == K.past, case .unit(let u, true)? = word(j), u >= .day {
            return TimeMatch(end: j + 1, type: .date, value: .fixed(k == K.coming ? "FUTURE_REF" : "PAST_REF"), rule: "vague-units", takesDeterminer: true)
        }
        // "this coming Sunday"
        if k == K.this, `is`(j, K.coming) { direction = .following; shift = 1; j += 1 }
        // A count: "the last three years", "the next few days", "the first nine months".
        if k != K.this, k != K.current, let m = quantity(at: j, allowAgo: false), m.type == .duration {
            // "the last few months", "the past several quarters": a vague stretch of the past.
            if direction == .previous, case .fixed(let v)? = m.value, v.contains("X") {
                return TimeMatch(end: m.end, type: .date, value: .fixed("PAST_REF"), rule: "span-vague", takesDeterminer: true)
            }
            return TimeMatch(end: m.end, type: .duration, value: m.value, rule: "span-" + m.rule, takesDeterminer: true)
        }
        if k == K.first { return nil }
        if k == K.recent {
            // "recent years", "recent weeks": a vague stretch of the past.
            guard case .unit(let u, true)? = word(j) else { return nil }
            return TimeMatch(end: j + 1, type: .duration, value: .fixed("PX" + u.durationCode), rule: "recent-units", takesDeterminer: true)
        }
        // "the following year", "the previous Friday": anaphoric, from the date in focus.
        let anaphoric = `is`(i - 1, K.the) && (k == K.following || k == K.previous)
        if anaphoric {
            switch word(j) {
            case .unit(let u, false)? where u >= .day && u != .quarter:
                return TimeMatch(end: j + 1, type: .date, value: .anaphoric(u, shift), rule: "anaphoric-unit", takesDeterminer: true)
            case .weekday(let d, false)?:
                return TimeMatch(end: j + 1, type: .date, value: .anaphoricWeekday(d, direction), rule: "anaphoric-weekday", takesDeterminer: true)
            default:
                break
            }
        }
        switch word(j) {
        case .unit(let u, false)?:
            if u <= .hour { return nil }
            if u == .day { return nil }
            if k == K.latest || k == K.most {
                guard u == .quarter else { return nil }
                return TimeMatch(end: j + 1, type: .date, value: .previousQuarter, rule: "latest-quarter", takesDeterminer: true)
            }
            // "this year's third quarter", "last year's quarter"
            if u == .year, isPossessive(j) {
                if let q = quarter(at: j + 1), case .quarter(let n, nil, _)? = q.value {
                    return TimeMatch(end: q.end, type: .date, value: .quarter(n, year: nil, yearShift: shift), rule: "relative-year-quarter", takesDeterminer: true)
                }
                if `is`(j + 1, K.quarterKey) {
                    return TimeMatch(end: j + 2, type: .date, value: .anchoredQuarter(yearShift: shift, year: nil), rule: "relative-year-quarter", takesDeterminer: true)
                }
            }
            return TimeMatch(end: j + 1, type: .date, value: .shift(u, shift), rule: "relative-unit", takesDeterminer: true, takesModifier: true)
        case .weekday(let d, false)?:
            guard k != K.latest, k != K.current else { return nil }
            var end = j + 1
            var value: TimeValue = .weekday(d, direction)
            var type = TimexType.date
            if case .partOfDay(let p)? = word(end) { value = .partOfDay(value, p.code); end += 1; type = .time }
            return TimeMatch(end: end, type: type, value: value, rule: "relative-weekday", takesModifier: true)
        case .month(let m, false)?:
            guard isCapitalized(j), k != K.latest, k != K.current else { return nil }
            return TimeMatch(end: j + 1, type: .date, value: .date(year: nil, month: m, day: nil, direction: direction), rule: "relative-month", takesModifier: true)
        case .season(let s)?:
            guard k != K.latest else { return nil }
            return TimeMatch(end: j + 1, type: .date, value: .season(s.code, year: nil, direction: direction), rule: "relative-season", takesDeterminer: true, takesModifier: true)
        case .partOfDay(let p)?:
            // "this morning", "last night", "this afternoon"
            if k == K.this { return TimeMatch(end: j + 1, type: .time, value: .partOfDay(.shift(.day, 0), p.code), rule: "this-part-of-day", takesModifier: true) }
            if k == K.last, p == .night { return TimeMatch(end: j + 1, type: .time, value: .partOfDay(.shift(.day, -1), p.code), rule: "last-night", takesModifier: true) }
            return nil
        default:
            break
        }
        if `is`(j, K.weekend) {
            return TimeMatch(end: j + 1, type: .date, value: .weekend(shift), rule: "relative-weekend", takesDeterminer: true, takesModifier: true)
        }
        if (k == K.latest || k == K.most) && `is`(j, K.period) {
            return TimeMatch(end: j + 1, type: .date, value: .previousQuarter, rule: "latest-period", takesDeterminer: true)
        }
        if (k == K.latest || k == K.most) && `is`(j, K.quarterKey) {
            return TimeMatch(end: j + 1, type: .date, value: .previousQuarter, rule: "latest-quarter", takesDeterminer: true)
        }
        return nil
    }

    /// "now", "currently", "recently", "the past", "the future", "soon", "these days".
    func reference(at i: Int, _ k: WordKey) -> TimeMatch? {
        if k == K.now || k == K.currently || k == K.nowadays {
            return TimeMatch(end: i + 1, type: .date, value: .fixed("PRESENT_REF"), rule: "present-ref")
        }
        if k == K.recently || k == K.lately {
            return TimeMatch(end: i + 1, type: .date, value: .fixed("PAST_REF"), rule: "past-ref")
        }
        if k == K.soon {
            // "as soon as" is a conjunction.
            if `is`(i + 1, WordKey("as")) || `is`(i - 1, WordKey("as")) { return nil }
            return TimeMatch(end: i + 1, type: .date, value: .fixed("FUTURE_REF"), rule: "future-ref")
        }
        if k == K.these, `is`(i + 1, K.days) {
            return TimeMatch(end: i + 2, type: .date, value: .fixed("PRESENT_REF"), rule: "these-days")
        }
        if `is`(i - 1, K.the) {
            // Only as a noun phrase: "the past", "the future", "the near future", "the present".
            if k == K.past, !nounFollows(i + 1) {
                return TimeMatch(end: i + 1, type: .date, value: .fixed("PAST_REF"), rule: "the-past", takesDeterminer: true)
            }
            if k == K.future, !nounFollows(i + 1) {
                return TimeMatch(end: i + 1, type: .date, value: .fixed("FUTURE_REF"), rule: "the-future", takesDeterminer: true)
            }
            if k == K.near, `is`(i + 1, K.future) {
                return TimeMatch(end: i + 2, type: .date, value: .fixed("FUTURE_REF"), rule: "the-future", takesDeterminer: true)
            }
            if k == K.present, !nounFollows(i + 1) {
                return TimeMatch(end: i + 1, type: .date, value: .fixed("PRESENT_REF"), rule: "the-present", takesDeterminer: true)
            }
        }
        return nil
    }

    private func nounFollows(_ i: Int) -> Bool {
        guard inRange(i) else { return false }
        let t = tokens[i]
        return t.kind == .word && !isAny(i, K.monthContext + [WordKey("is"), WordKey("was"), WordKey("will"), WordKey("that"), WordKey("as"), WordKey("with")])
    }

    // MARK: - Durations and sets

    /// A count of units: "five minutes", "two years", "a week", "several years", "24 hours",
    /// "twenty four hours", "a few days"; with "ago": "two years ago" (a date).
    func quantity(at i: Int, allowAgo: Bool = true) -> TimeMatch? {
        guard let (count, first) = number(at: i) else { return nil }
        var j = first
        // "2 1/2 years", "two and a half years"
        var half = false
        if count != nil, let after = halfAt(j) { half = true; j = after }
        guard case .unit(let unit, let plural)? = word(j) else { return nil }
        // "60 Minutes" mid-sentence is a title.
        if tokens[j].shape == .title, !tokens[j].flags.contains(.sentenceInitial), tokens[i].kind == .number { return nil }
        // "a second betrayal": the ordinal, not the unit.
        if unit == .second, !plural, inRange(j + 1), tokens[j + 1].kind == .word,
           !isAny(j + 1, [K.later, K.ago, K.earlier, K.after, K.before, K.or, K.and, K.of, K.to, K.in]) { return nil }
        // "a quarter of the market", "quarter-century"
        if unit == .quarter, `is`(j + 1, K.of) || isChar(j + 1, "-") && glued(j + 1) { return nil }
        // "months ago", "years ago" counted vaguely are handled by bareUnit.
        // "one year" and "a year", not "two year" (that is adjectival: "a two year deal"), unless compounded.
        if count == 1, plural, !(inRange(i) && tokens[i].kind == .number) { return nil }
        var end = j + 1
        // "a minute and a half"
        if !half, count != nil, `is`(end, K.and), `is`(end + 1, K.a), `is`(end + 2, K.half) { half = true; end += 3 }
        if allowAgo, `is`(end, K.ago) {
            var value: TimeValue = count.map { .shift(unit, -$0) } ?? .fixed("PAST_REF")
            if count == 1, unit == .year { value = .anchoredQuarter(yearShift: -1, year: nil) }
            return TimeMatch(end: end + 1, type: .date, value: value, rule: "ago")
        }
        // "a year earlier" is a date (TimeBank); "three days later", "a minute and a half
        // later" are durations whose anchor is an event, so the span stops before "later".
        if allowAgo, unit >= .month, isAny(end, [K.earlier, K.later]), !isAny(end + 1, [K.than]) {
            let sign = `is`(end, K.later) ? 1 : -1
            var value: TimeValue = count.map { .shift(unit, sign * $0) } ?? .fixed(sign < 0 ? "PAST_REF" : "FUTURE_REF")
            if count == 1, unit == .year, sign < 0 { value = .anchoredQuarter(yearShift: -1, year: nil) }
            end += 1
            return TimeMatch(end: end, type: .date, value: value, rule: "offset")
        }
        // "a year-earlier loss", "a two-year-old": a compound adjective, not a count of units.
        if isChar(end, "-"), glued(end) { return nil }
        // "two years old" is an age.
        if `is`(end, K.old) { return nil }
        // "a year" after an amount is a rate ("$5 a year"): let perUnit take it.
        if count == 1, !plural, isAny(i, [K.a, K.an]), rateBefore(i) { return nil }
        let value = count.map { half ? Self.durationAndAHalf($0, unit) : Self.duration($0, unit) }
            ?? ("P" + (unit.isClockUnit ? "T" : "") + "X" + unit.durationCode)
        return TimeMatch(end: end, type: .duration, value: .fixed(value), rule: "duration", takesDeterminer: true)
    }

    /// "five-minute", "two-year", "52-week", "16-hour"; not ages ("29-year-old").
    func hyphenDuration(at i: Int) -> TimeMatch? {
        guard let (count, j) = number(at: i, hyphenated: true), let count, j > i + 1, isChar(j - 1, "-"), glued(j - 1), glued(j) else { return nil }
        guard case .unit(let unit, false)? = word(j) else { return nil }
        if isChar(j + 1, "-"), glued(j + 1), `is`(j + 2, K.old) { return nil }
        var end = j + 1
        if isChar(end, "-"), glued(end), `is`(end + 1, K.long) { end += 2 }
        return TimeMatch(end: end, type: .duration, value: .fixed(Self.duration(count, unit)), rule: "duration-adjective")
    }

    /// A number before a unit; returns the value (nil when vague) and the next token.
    func number(at i: Int, hyphenated: Bool = false) -> (Int?, Int)? {
        guard inRange(i) else { return nil }
        if let d = digits(i) {
            guard d.value > 0, d.count <= 4 else { return nil }
            var next = i + 1
            if hyphenated { guard isChar(next, "-"), glued(next) else { return nil }; next += 1 }
            return (d.value, next)
        }
        if hyphenated {
            guard case .number(let n)? = word(i) else { return nil }
            var value = n
            var j = i + 1
            // "twenty-four-hour"
            if n >= 20, n < 100, n % 10 == 0, isChar(j, "-"), glued(j), case .number(let u)? = word(j + 1), u < 10 {
                value += u
                j += 2
            }
            guard isChar(j, "-"), glued(j) else { return nil }
            return (value, j + 1)
        }
        if isAny(i, [K.a, K.an]) {
            if case .vagueNumber? = word(i + 1) {
                var j = i + 2
                if `is`(j, K.of) { j += 1 }
                return (`is`(i + 1, K.couple) ? 2 : nil, j)
            }
            if `is`(i + 1, K.half), `is`(i + 2, K.of) == false, case .unit? = word(i + 2) { return nil }
            return (1, i + 1)
        }
        switch word(i) {
        case .number(var n)?:
            var j = i + 1
            if n >= 20, n < 100, n % 10 == 0, case .number(let u)? = word(j), u < 10 {
                n += u
                j += 1
            } else if n >= 20, n < 100, n % 10 == 0, isChar(j, "-"), glued(j), case .number(let u)? = word(j + 1), u < 10 {
                n += u
                j += 2
            }
            if case .number(let m)? = word(j), m == 100 || m == 1000 {
                n *= m
                j += 1
            }
            return (n, j)
        case .vagueNumber?:
            var j = i + 1
            if `is`(j, K.of) { j += 1 }
            return (nil, j)
        default:
            return nil
        }
    }

    /// A plural unit standing alone after "for" or "in": "for years", "for weeks".
    func bareUnit(at i: Int) -> TimeMatch? {
        guard case .unit(let u, true)? = word(i), u >= .day else { return nil }
        if `is`(i + 1, K.ago) {
            return TimeMatch(end: i + 2, type: .date, value: .fixed("PAST_REF"), rule: "units-ago")
        }
        guard isAny(i - 1, [K.for, K.within]) else { return nil }
        return TimeMatch(end: i + 1, type: .duration, value: .fixed("PX" + u.durationCode), rule: "bare-units")
    }

    /// "every Tuesday", "each year", "every five minutes", "every other week".
    func everyPhrase(at i: Int) -> TimeMatch? {
        var j = i + 1
        var count = 1
        if `is`(j, K.other) { count = 2; j += 1 } else if let (n, next) = number(at: j), let n, !isAny(j, [K.a, K.an]) { count = n; j = next }
        switch word(j) {
        case .unit(let u, _)?:
            return TimeMatch(end: j + 1, type: .set, value: .fixed(Self.duration(count, u)), rule: "every-unit")
        case .weekday(let d, _)?:
            var end = j + 1
            var value = "XXXX-WXX-\(d)"
            if case .partOfDay(let p)? = word(end) { value += "T" + p.code; end += 1 }
            return TimeMatch(end: end, type: .set, value: .fixed(value), rule: "every-weekday")
        case .month(let m, false)?:
            return TimeMatch(end: j + 1, type: .set, value: .fixed("XXXX-" + TimeResolver.pad(m, 2)), rule: "every-month")
        case .partOfDay(let p)?:
            return TimeMatch(end: j + 1, type: .set, value: .fixed("XXXX-XX-XXT" + p.code), rule: "every-part-of-day")
        case .season(let s)?:
            return TimeMatch(end: j + 1, type: .set, value: .fixed("XXXX-" + s.code), rule: "every-season")
        default:
            return nil
        }
    }

    /// A rate: "$5 a year", "twice a day", "per month".
    func perUnit(at i: Int) -> TimeMatch? {
        guard case .unit(let u, false)? = word(i + 1), u >= .hour else { return nil }
        if isAny(i, [K.a, K.an]) {
            guard rateBefore(i) else { return nil }
        }
        return TimeMatch(end: i + 2, type: .set, value: .fixed(Self.duration(1, u)), rule: "rate")
    }

    /// Whether the token before `i` ends an amount ("$5", "10%", "twice", "3 million").
    private func rateBefore(_ i: Int) -> Bool {
        let p = i - 1
        guard inRange(p) else { return false }
        if tokens[p].kind == .number { return true }
        if isChar(p, "%") { return true }
        return isAny(p, [K.percent, K.times, K.million, K.billion, K.dollars, K.cents, WordKey("twice"), WordKey("once"), WordKey("thrice")])
    }

    // MARK: - Helpers

    /// "1/2" after a number ("2 1/2") or "and a half" before the unit; the token after it.
    func halfAt(_ j: Int) -> Int? {
        guard inRange(j) else { return nil }
        // Asked after every count, where the token is mostly the unit: a "1" (or "01")
        // begins with 0 or 1, which rules the rest out without parsing digits.
        let b = bytes[Int(tokens[j].start)]
        if b == UInt8(ascii: "0") || b == UInt8(ascii: "1"), let one = digits(j), one.value == 1, isChar(j + 1, "/"), glued(j + 1), glued(j + 2), let two = digits(j + 2), two.value == 2 {
            return j + 3
        }
        if `is`(j, K.and), `is`(j + 1, K.a), `is`(j + 2, K.half) { return j + 3 }
        return nil
    }

    /// A TIMEX3 duration of `count` and a half units: "P2Y6M", "PT1M30S", "PT5H30M".
    static func durationAndAHalf(_ count: Int, _ unit: TimeUnit) -> String {
        switch unit {
        case .second: return "PT\(count).5S"
        case .minute: return "PT\(count)M30S"
        case .hour: return "PT\(count)H30M"
        case .day: return "P\(count)DT12H"
        case .week: return "P\(count)W3DT12H"
        case .month: return "P\(count)M15D"
        case .quarter: return "P\(count * 3 + 1)M15D"
        case .year: return "P\(count)Y6M"
        case .decade: return "P\(count * 10 + 5)Y"
        case .century: return "P\(count * 100 + 50)Y"
        }
    }

    /// A TIMEX3 duration of `count` units.
    static func duration(_ count: Int, _ unit: TimeUnit) -> String {
        switch unit {
        case .quarter: return count == 1 ? "P1Q" : "P\(count * 3)M"
        default: return "P" + (unit.isClockUnit ? "T" : "") + String(count) + unit.durationCode
        }
    }

    /// Which way a bare weekday or month points: forward when "will", "'ll" or "shall"
    /// comes shortly before it in the sentence, back otherwise (news reports the past).
    func tenseDirection(at i: Int) -> TimeDirection {
        var p = i - 1
        let stop = max(sentenceStart, i - 10)
        // "as soon as Tuesday", "as early as Tuesday"
        if `is`(i - 1, K.as), `is`(i - 2, K.soon) || `is`(i - 2, K.early) { return .futureOrSame }
        let cues = K.futureCues
        while p >= stop {
            if let k = key(p), cues.contains(k) { return .futureOrSame }
            p -= 1
        }
        return .pastOrSame
    }
}

extension K {
    static var quarterKey: WordKey { WordKey(packed: 0x72657472617571, 0x0) }  // "quarter"
    static var within: WordKey { WordKey(packed: 0x6e6968746977, 0x0) }  // "within"
    static var ended: WordKey { WordKey(packed: 0x6465646e65, 0x0) }  // "ended"
    static var ending: WordKey { WordKey(packed: 0x676e69646e65, 0x0) }  // "ending"
    static var full: WordKey { WordKey(packed: 0x6c6c7566, 0x0) }  // "full"
    static var couple: WordKey { WordKey(packed: 0x656c70756f63, 0x0) }  // "couple"
    static var `as`: WordKey { WordKey(packed: 0x7361, 0x0) }  // "as"
    static var apostrophe: WordKey { WordKey(packed: 0x27, 0x0) }  // "'" (also the folded ’)
}

extension K {
    /// Every key `TimeScanner.core` tests a start token against (its own chain, `reference`
    /// and `holiday`). A token whose key is not one of these skips that chain: keep the
    /// list in step with the rules (a test runs the scanner with and without the skip).
    static let coreRuleWords: [WordKey] = [
        a, an, per, last, past, previous, this, current, next, coming, following, latest, first, recent,
        most, every, each, half, apostrophe, fiscal, tonight, overnight, weekend, quarterKey, year, now,
        currently, nowadays, recently, lately, soon, these, future, near, present, christmas, new,
        halloween, thanksgiving, nineties, eighties, seventies, sixties, fifties,
    ]
}
