/// The result of one rule at one position.
struct TimeMatch {
    /// One past the last token.
    var end: Int
    var type: TimexType
    var value: TimeValue?
    var rule: TimeRule
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
        func offer(_ m: TimeMatch?, from first: Int, prefix: TimeRulePrefix? = nil) {
            guard let m else { return }
            if best == nil || m.end > best!.end {
                // Most matches have no prefix: `"" + rule` still went through String.append.
                best = TimeCandidate(first: first, end: m.end, type: m.type, value: m.value, rule: prefix.map { $0.rawValue + m.rule.rawValue } ?? m.rule.rawValue,
                                     namesADay: m.rule.namesADay)
            }
        }
        if let m = core(at: i) { offer(m, from: i) }

        // "the third quarter", "the past two months", "the future".
        if has(i, .determiner) {
            if let m = core(at: i + 1), m.takesDeterminer { offer(m, from: i, prefix: .the) }
            // "the end of 1990", "the middle of October", "the beginning of the month"
            if has(i + 1, .periodPart), has(i + 2, .linkingOf) {
                // "the end of the month" keeps its frame; "the middle of the summer" leaves "summer" to itself.
                if !has(i + 3, .determiner), let m = core(at: i + 3), m.type == .date, m.takesModifier || m.takesDeterminer {
                    offer(m, from: i, prefix: .theEndOf)
                } else if has(i + 3, .determiner), case .unit(let u, false)? = word(i + 4), u >= .week {
                    offer(TimeMatch(end: i + 5, type: .date, value: .shift(u, 0), rule: .theEndOfTheUnit), from: i)
                }
            }
        }
        // "early next year", "late yesterday", "mid-November", "earlier this month"
        if has(i, .modifier) {
            var j = i + 1
            if isChar(j, "-"), glued(j) { j += 1 }
            if let m = core(at: j), m.takesModifier { offer(m, from: i, prefix: .modifier) }
        }
        // "the early 1980s", "the mid-1990s", "the early summer"
        if has(i, .determiner), has(i + 1, .determinerModifier) {
            var j = i + 2
            if isChar(j, "-"), glued(j) { j += 1 }
            if let m = core(at: j), m.takesModifier, m.takesDeterminer { offer(m, from: i, prefix: .theModifier) }
        }
        // "around 7:15 p.m.", "around Nov. 1", "around year end"
        // (not "get around Wednesday's ruling": weekdays and relative words stay apart)
        if has(i, .aroundWord), let m = core(at: i + 1),
           m.type == .time || [.monthDay, .yearEnd, .monthYear, .year].contains(m.rule) {
            offer(m, from: i, prefix: .around)
        }
        // "the current fiscal year", "the latest fiscal year", "the full year"
        if has(i, .determiner) {
            var j = i + 1
            while j < i + 4, has(j, .yearQualifier) { j += 1 }
            if j > i + 1, has(j, .yearNoun), let m = yearCompound(at: j) { offer(m, from: i, prefix: .the) }
        }
        // "about two years ago", "nearly an hour", "more than four hours", "at least 20 years"
        var q: Int?
        if has(i, .approximator) { q = i + 1 }
        if has(i, .comparative), has(i + 1, .thanWord) { q = i + 2 }
        if has(i, .negator), has(i + 1, .comparative), has(i + 2, .thanWord) { q = i + 3 }
        if has(i, .atWord), has(i + 1, .boundWord) { q = i + 2 }
        if has(i, .upWord), has(i + 1, .toWord) { q = i + 2 }
        if let q, let m = quantity(at: q) { offer(m, from: i, prefix: .approximately) }
        // "25/4 at 4:00pm", "Friday at noon": a day and its clock time are one time.
        if let b = best, b.type == .date, let day = b.value, Self.isDay(day), has(b.end, .atWord),
           let c = clock(at: b.end + 1), case .clock(nil, let hour, let minute)? = c.value {
            best = TimeCandidate(first: b.first, end: c.end, type: .time, value: .clock(day, hour: hour, minute: minute), rule: TimeRule.dateAtClock.rawValue)
        }
        return best
    }

    /// Whether a value names one day (what a clock time can be put on).
    static func isDay(_ value: TimeValue) -> Bool {
        switch value {
        case .date(_, _, let day, _): return day != nil
        case .weekday, .holiday, .anaphoricWeekday, .dateOnWeekday, .weekdayDay: return true
        case .shift(.day, _): return true
        default: return false
        }
    }

    /// The longest expression of any rule starting exactly at `i` (no prefixes).
    func core(at i: Int) -> TimeMatch? {
        guard inRange(i) else { return nil }
        var best: TimeMatch?
        let t = tokens[i]
        if t.kind == .number || t.kind == .word && bytes[Int(t.start)] < 0x3A && bytes[Int(t.start)] >= 0x30 {
            Self.keepLonger(clock(at: i), &best)
            Self.keepLonger(numericDate(at: i), &best)
            Self.keepLonger(clockPhrase(at: i), &best)
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
        case .weekdayAbbreviation(let d)?: if isCapitalized(i) { Self.keepLonger(weekdayAndDate(at: i, weekday: d), &best) }
        case .relativeDay?: Self.keepLonger(relativeDay(at: i), &best)
        case .clockWord?: Self.keepLonger(clock(at: i), &best)
        case .unit(.quarter, false)?: Self.keepLonger(clockPhrase(at: i), &best)
        case .frequency(let unit)?:
            // "quarterly dividend", "daily volume": an adjective before a noun is no time expression.
            if !(inRange(i + 1) && tokens[i + 1].kind == .word && tokens[i + 1].shape == .lower && word(i + 1) == nil) {
                Self.keepLonger(TimeMatch(end: i + 1, type: .set, value: .fixed(Self.duration(1, unit)), rule: .frequency), &best)
            }
        case .season?: Self.keepLonger(season(at: i), &best)
        case .ordinal?: Self.keepLonger(quarter(at: i), &best); Self.keepLonger(dayMonth(at: i), &best); Self.keepLonger(century(at: i), &best)
        case .number(let n)?:
            Self.keepLonger(quantity(at: i), &best); Self.keepLonger(hyphenDuration(at: i), &best)
            Self.keepLonger(clockPhrase(at: i), &best)
            // "nineteen ninety-six"
            if n >= 11, n <= 20, let (y, e) = yearAt(i) {
                Self.keepLonger(TimeMatch(end: e, type: .date, value: .fixed(String(y)), rule: .yearWords, takesModifier: true), &best)
            }
        case .vagueNumber?: Self.keepLonger(quantity(at: i), &best); Self.keepLonger(hyphenDuration(at: i), &best)
        case .decade(let value)?:
            Self.keepLonger(TimeMatch(end: i + 1, type: .date, value: .fixed(String(value)), rule: .decadeWord, takesDeterminer: true, takesModifier: true), &best)
        case .unit(let u, _)?:
            Self.keepLonger(bareUnit(at: i), &best)
            if u == .second { Self.keepLonger(quarter(at: i), &best) }
        default: break
        }
        if flags[i].contains(.holidayStart) { Self.keepLonger(holiday(at: i), &best) }
        // Every role tested below is one of `coreRoles`: for other tokens ("the", time
        // words, most tokens after "the" or a modifier) the tests cannot match, so they are skipped.
        if flags[i].contains(.ruleWord) {
            let r = roles[i]
            // No hyphenDuration: "a" and "an" are neither digits nor number words, so it
            // returned nil for them ("a five-minute walk" starts at "five").
            // After "a" both rules read the next token's time word or roles, or a fraction
            // ("a 1/2 hour"): before a word outside the lexicon ("a man") they cannot match.
            if r.contains(.indefiniteArticle), triesEveryRule || mayFollowArticle(i + 1) {
                Self.keepLonger(quantity(at: i), &best); Self.keepLonger(perUnit(at: i), &best)
            }
            if r.contains(.perWord) { Self.keepLonger(perUnit(at: i), &best) }
            if r.intersects(Self.relativeRoles) {
                Self.keepLonger(relative(at: i), &best)
            }
            if r.contains(.everyWord) { Self.keepLonger(everyPhrase(at: i), &best) }
            if r.contains(.previousOccurrence), has(i + 1, .halfWord) { Self.keepLonger(quarter(at: i), &best) }
            // "the ’90s": the elision mark belongs to the decade.
            if r.contains(.elision), glued(i + 1), let m = decade(at: i + 1) { Self.keepLonger(m, &best) }
            if r.contains(.previousOccurrence) || r.contains(.thisOccurrence) || r.contains(.nextOccurrence), let m = holiday(at: i + 1), m.rule == .relativeHoliday {
                Self.keepLonger(m, &best)
            }
            if r.contains(.fiscalWord) { Self.keepLonger(fiscal(at: i), &best) }
            if r.contains(.tonightWord) || r.contains(.overnightWord) { Self.keepLonger(nightWord(at: i, r), &best) }
            if r.contains(.weekendWord) { Self.keepLonger(TimeMatch(end: i + 1, type: .date, value: .namedWeekend(tenseDirection(at: i)), rule: .weekend, takesDeterminer: true), &best) }
            if r.contains(.quarterNoun) || r.contains(.halfWord) { Self.keepLonger(quarter(at: i), &best) }
            if r.contains(.halfWord) { Self.keepLonger(quantity(at: i), &best); Self.keepLonger(clockPhrase(at: i), &best) }
            if r.contains(.indefiniteArticle), has(i + 1, .quarterNoun) { Self.keepLonger(clockPhrase(at: i), &best) }
            if r.contains(.yearNoun) { Self.keepLonger(yearCompound(at: i), &best) }
            Self.keepLonger(reference(at: i, r), &best)
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

    // MARK: - Helpers

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
        if has(i - 1, .asWord), has(i - 2, .futureAs) { return .futureOrSame }
        while p >= stop {
            if roles[p].contains(.futureCue) { return .futureOrSame }
            p -= 1
        }
        return .pastOrSame
    }
}

extension TimeScanner {
    /// The roles `relative(at:)` starts from: "last week", "this month", "the first nine months".
    static let relativeRoles = RoleSet(relativeRoleList)

    /// Every role `core(at:)` tests a start token for (its function-word block,
    /// `relative`, `reference` and `holiday`). A token with none of them skips that
    /// block: keep the set in step with the rules (a test runs the scanner with and
    /// without the skip).
    static let coreRoles = RoleSet([
        .indefiniteArticle, .perWord, .everyWord, .previousOccurrence, .nextOccurrence, .elision, .fiscalWord,
        .tonightWord, .overnightWord, .weekendWord, .quarterNoun, .halfWord, .yearNoun, .presentRef, .pastRef,
        .futureRef, .theseWord, .pastStretch, .futureNoun, .nearWord, .presentNoun,
    ] + relativeRoleList)

    private static let relativeRoleList: [TimeRole] = [
        .lastWord, .thisOccurrence, .currentWord, .nextWord, .latestWord, .firstWord, .recentWord, .mostWord,
    ]

    /// Every role an expression can begin with: `coreRoles` and the prefixes of
    /// `longest(at:)` ("the", "early", "around", "more than", "at least", "up to").
    /// Tokens with none of these roles and no time word or digit are not tried.
    static let startRoles = RoleSet([
        .determiner, .modifier, .aroundWord, .approximator, .comparative, .negator, .atWord, .upWord,
        .indefiniteArticle, .perWord, .everyWord, .previousOccurrence, .nextOccurrence, .elision, .fiscalWord,
        .tonightWord, .overnightWord, .weekendWord, .quarterNoun, .halfWord, .yearNoun, .presentRef, .pastRef,
        .futureRef, .theseWord, .pastStretch, .futureNoun, .nearWord, .presentNoun,
    ] + relativeRoleList)
}
