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
        case .weekday, .holiday, .nthWeekday, .anaphoricWeekday, .dateOnWeekday, .weekdayDay: return true
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
            if r.contains(.indefiniteArticle) { Self.keepLonger(quantity(at: i), &best); Self.keepLonger(perUnit(at: i), &best) }
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

    // MARK: - Clock times

    /// "7.40am", "7:40 p.m. EST", "13:00", "6 am", "noon", "midnight", "10 p.m. Wednesday", "noon Thursday".
    func clock(at i: Int) -> TimeMatch? {
        var end: Int
        var time: (hour: Int, minute: Int)
        var rule = TimeRule.clock
        if case .clockWord(let h)? = word(i) {
            // "High Noon", "high noon": a figure of speech.
            if has(i - 1, .idiomPrefix) { return nil }
            time = (h, 0)
            end = i + 1
            rule = .clockWord
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
            } else if isChar(i + 1, ":"), glued(i + 1), glued(i + 2), let c = minuteAndMeridiem(i + 2, hour: h.value) {
                // "4:00pm": ICU keeps the minutes with the meridiem.
                time = c
                end = i + 3
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
            rule = rule == .clock ? .clockDay : .clockWordDay
        }
        return TimeMatch(end: end, type: .time, value: .clock(base, hour: time.hour, minute: time.minute), rule: rule)
    }

    /// Clock times in words: "half past eight", "a quarter past noon", "20 minutes past
    /// 3pm", "ten to six", "3 o'clock", "eight tonight", "seven in the evening", and
    /// "1030" after "at".
    func clockPhrase(at i: Int) -> TimeMatch? {
        // "<minutes> past|to <hour>"
        var minutes: Int?
        var j = i
        if has(i, .halfWord) {
            minutes = 30; j = i + 1
        } else if has(i, .quarterNoun) {
            minutes = 15; j = i + 1
        } else if has(i, .indefiniteArticle), has(i + 1, .quarterNoun) {
            minutes = 15; j = i + 2
        } else if let (count, next) = number(at: i), let n = count, n < 60, !has(i, .indefiniteArticle) {
            minutes = n; j = next
            if case .unit(.minute, _)? = word(j) {
                j += 1
            } else if n % 5 != 0 || !has(j, .minutesPast) && !isCapitalized(i) && word(i) == nil {
                // "ten to six", "20 past 3": a bare count is minutes only in round numbers;
                // "to" after digits needs "minutes" ("from 10 to 12").
                minutes = nil
            }
        }
        if let m = minutes, has(j, .minutesPast) || has(j, .minutesTo), let hour = hourAt(j + 1),
           !(hour.end < limit && (word(hour.end).map { if case .unit = $0 { return true } else { return false } } ?? false)),
           digits(hour.end) == nil,
           // "ten to twelve people": a count before a noun.
           !(inRange(hour.end) && tokens[hour.end].kind == .word && tokens[hour.end].shape == .lower && word(hour.end) == nil && roles[hour.end].isEmpty) {
            let past = has(j, .minutesPast)
            var h = hour.hour
            var minute = m
            if !past { h = (h + 23) % 24; minute = 60 - m; if h == 0, hour.hour == 12 { h = 11 } }
            if !past, hour.hour == 24 { h = 23 }
            if past, hour.hour == 24 { h = 0 }
            return TimeMatch(end: hour.end, type: .time, value: .clock(hour.base, hour: h, minute: minute), rule: .minutesPastHour)
        }
        // "3 o'clock", "eight tonight", "seven in the evening" (a bare hour needs one of them)
        if let hour = hourAt(i), hour.qualified, hour.end > i + 1 {
            return TimeMatch(end: hour.end, type: .time, value: .clock(hour.base, hour: hour.hour, minute: 0), rule: .hourInWords)
        }
        // "at 1030", "at 930": hours and minutes run together after "at".
        if has(i - 1, .atWord), let d = digits(i), d.count == 4, d.value % 5 == 0,
           i + 1 == limit || tokens[i + 1].kind == .punctuation && !isChar(i + 1, "%") || { if case .meridiem? = word(i + 1) { return true } else { return false } }() {
            let hour = d.value / 100, minute = d.value % 100
            guard minute < 60, (1...12).contains(hour) else { return nil }
            var end = i + 1
            var pm: Bool?
            if case .meridiem(let p)? = word(end) { pm = p; end += 1 }
            guard let c = Self.clock(hour: hour, minute: minute, pm: pm) else { return nil }
            return TimeMatch(end: end, type: .time, value: .clock(nil, hour: c.hour, minute: c.minute), rule: .compactClock)
        }
        return nil
    }

    /// An hour after "past" or "to", or standing as a clock time: a clock time ("3pm",
    /// "noon"), or 1-12 in digits or words with "o'clock", a meridiem or a part of the
    /// day after it ("tonight", "in the morning", "this evening"). `qualified`: it has
    /// one of those, so it reads as an hour on its own.
    private func hourAt(_ k: Int) -> (hour: Int, end: Int, base: TimeValue?, qualified: Bool)? {
        if let c = clock(at: k), case .clock(let base, let h, let m)? = c.value, m == 0 {
            return (h, c.end, base, true)
        }
        var n: Int?
        var inWords = false
        if let d = digits(k), d.count <= 2 { n = d.value } else if case .number(let w)? = word(k) { n = w; inWords = true }
        guard let hour = n, (1...12).contains(hour) else { return nil }
        // "one this morning" is a count: an hour in words needs "o'clock", or "at" (or a
        // sentence start) before it, to take a part of the day.
        let placed = !inWords || k == sentenceStart || has(k - 1, .atWord) || has(k - 1, .datePreposition) || has(k - 1, .minutesPast) || has(k - 1, .minutesTo)
        var end = k + 1
        var qualified = false
        if has(end, .oclock) { end += 1; qualified = true }
        var pm: Bool?
        var base: TimeValue?
        if case .meridiem(let p)? = word(end) {
            pm = p; end += 1; qualified = true
        } else if !placed {
            // no part of the day
        } else if has(end, .tonightWord) {
            pm = true; end += 1; qualified = true; base = .shift(.day, 0)
        } else if has(end, .inWord), has(end + 1, .determiner), case .partOfDay(let part)? = word(end + 2) {
            pm = part != .morning; end += 3; qualified = true
            // "will leave at 4 in the morning": a morning said of the future is the next
            // one, since news is written after the early hours of its own day.
            if part == .morning, tenseDirection(at: k) == .futureOrSame { base = .shift(.day, 1) }
        } else if has(end, .thisOccurrence), case .partOfDay(let part)? = word(end + 1) {
            pm = part != .morning; end += 2; qualified = true; base = .shift(.day, 0)
        }
        guard let c = Self.clock(hour: hour, minute: 0, pm: pm) else { return nil }
        return (c.hour, end, base, qualified)
    }

    /// "00pm", "30a.m.": two minute digits and a meridiem in one token, after "4:".
    private func minuteAndMeridiem(_ i: Int, hour: Int) -> (hour: Int, minute: Int)? {
        guard inRange(i) else { return nil }
        let t = tokens[i]
        let p = Int(t.start)
        guard t.end - t.start > 2, bytes[p] >= 48, bytes[p] <= 57, bytes[p + 1] >= 48, bytes[p + 1] <= 57 else { return nil }
        let key = bytes.withUnsafeBufferPointer { WordKey($0, p + 2, Int(t.end)) }
        guard let key, case .meridiem(let pm)? = lexicon.word(key) else { return nil }
        return Self.clock(hour: hour, minute: Int(bytes[p] - 48) * 10 + Int(bytes[p + 1] - 48), pm: pm)
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

    /// "2018-08-14", "14/08/2018", "8/14/18", "31-10-74", "10.31.1974", "31 10 1974", and
    /// a day and month alone ("on 15/2", "2-15") where a date is expected. Day and month
    /// come in the record's order (``DateOrder``), or the only order that makes a date.
    func numericDate(at i: Int) -> TimeMatch? {
        guard let a = digits(i) else { return dottedDate(at: i) }
        if a.count == 4, isChar(i + 1, "-"), glued(i + 1), glued(i + 2), let m = digits(i + 2), m.count == 2,
           isChar(i + 3, "-"), glued(i + 3), glued(i + 4), let d = digits(i + 4), d.count == 2,
           CalendarDate(year: a.value, month: m.value, day: d.value) != nil {
            return TimeMatch(end: i + 5, type: .date, value: .date(year: a.value, month: m.value, day: d.value, direction: .pastOrSame), rule: .isoDate)
        }
        guard a.count <= 2 else { return nil }
        // The separator: "/", "-" or "." written the same way twice, glued or spaced, or
        // spaces alone between three numbers ("31 10 1974").
        let spaced = !glued(i + 1)
        var separator: UInt8 = 0
        var j = i + 1
        if isChar(j, "/") || isChar(j, "-") || isChar(j, ".") {
            separator = bytes[Int(tokens[j].start)]
            guard glued(j + 1) != spaced else { return nil }
            j += 1
        }
        guard let b = digits(j), b.count <= 2 else { return nil }
        j += 1
        func separates(_ k: Int) -> Bool {
            separator == 0 ? !glued(k) && digits(k) != nil : inRange(k) && bytes[Int(tokens[k].start)] == separator
                && tokens[k].end - tokens[k].start == 1 && glued(k) != spaced && glued(k + 1) != spaced
        }
        var year: Int?
        var end = j
        if separates(j), let c = digits(separator == 0 ? j : j + 1), c.count == 4 || c.count == 2 && separator != 0 {
            year = c.count == 4 ? c.value : (c.value < 50 ? 2000 + c.value : 1900 + c.value)
            end = separator == 0 ? j + 1 : j + 2
            // Not part of a longer run ("1/2/3/4", "1-2-3-4").
            if separates(end) { return nil }
        } else if separator == 0 {
            return nil
        } else if isChar(j, Unicode.Scalar(separator)) && glued(j) {
            return nil
        }
        guard let (month, day) = monthAndDay(a.value, b.value, year: year) else { return nil }
        if year == nil {
            // Without a year "3/4" is as often a fraction, "2-1" a score: only where a date
            // is expected (after a date preposition, before "at" and a clock time, or alone).
            guard !has(end, .linkingOf), !isChar(end, "%") else { return nil }
            // Alone: a slash pair as its own sentence; a hyphen or space pair ("2-1", a
            // score in a results table) only as the whole text, a date field.
            let whole = separator == UInt8(ascii: "/") ? (sentenceStart, limit) : (0, tokens.count)
            let alone = i == whole.0 && (end == whole.1 || end + 1 == whole.1 && tokens[end].kind == .punctuation)
            guard alone || has(i - 1, .datePreposition) || has(end, .atWord) && clock(at: end + 1) != nil else { return nil }
        } else if year != nil, separator == UInt8(ascii: "-"), year! < 1000 {
            // "31-10-74" but not a phone number or a score run.
            if isChar(i - 1, "-") || isChar(end, "-") { return nil }
        }
        let value = TimeValue.date(year: year, month: month, day: day, direction: year == nil ? tenseDirection(at: i) : .pastOrSame)
        return TimeMatch(end: end, type: .date, value: value, rule: separator == UInt8(ascii: "/") && !spaced && year != nil ? .slashDate : .numericDate)
    }

    /// "31.10.1974", "10.31.74": a date written as one token (never "1.5.2", a version).
    private func dottedDate(at i: Int) -> TimeMatch? {
        guard inRange(i), tokens[i].kind == .number else { return nil }
        let t = tokens[i]
        var parts: [(value: Int, count: Int)] = [(0, 0)]
        for p in Int(t.start)..<Int(t.end) {
            let byte = bytes[p]
            if byte == UInt8(ascii: ".") {
                parts.append((0, 0))
            } else if byte >= 48, byte <= 57, parts[parts.count - 1].count < 4 {
                parts[parts.count - 1].value = parts[parts.count - 1].value * 10 + Int(byte - 48)
                parts[parts.count - 1].count += 1
            } else {
                return nil
            }
        }
        guard parts.count == 3, parts[0].count >= 1, parts[0].count <= 2, parts[1].count >= 1, parts[1].count <= 2,
              parts[2].count == 4 || parts[2].count == 2 else { return nil }
        let year = parts[2].count == 4 ? parts[2].value : (parts[2].value < 50 ? 2000 + parts[2].value : 1900 + parts[2].value)
        guard let (month, day) = monthAndDay(parts[0].value, parts[1].value, year: year) else { return nil }
        return TimeMatch(end: i + 1, type: .date, value: .date(year: year, month: month, day: day, direction: .pastOrSame), rule: .numericDate)
    }

    /// Month and day from two numbers in the record's order, or in the other order when
    /// only that one makes a date ("31/10" is 31 October whatever the order).
    func monthAndDay(_ a: Int, _ b: Int, year: Int?) -> (month: Int, day: Int)? {
        func valid(_ month: Int, _ day: Int) -> Bool {
            month >= 1 && month <= 12 && day >= 1 && day <= CalendarDate.daysIn(month: month, year: year ?? 2000)
        }
        let (first, second) = dateOrder == .dayFirst ? ((b, a), (a, b)) : ((a, b), (b, a))
        if valid(first.0, first.1) { return first }
        if valid(second.0, second.1) { return second }
        return nil
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
            return TimeMatch(end: end, type: .date, value: .date(year: year, month: month, day: day, direction: tenseDirection(at: i)), rule: .monthDay)
        }
        // Month [,] Year, Month of Year
        var k = j
        if isChar(k, ",") || has(k, .linkingOf) { k += 1 }
        if let (y, e) = yearAt(k) {
            return TimeMatch(end: e, type: .date, value: .date(year: y, month: month, day: nil, direction: .pastOrSame), rule: .monthYear, takesModifier: true)
        }
        // "June last year", "January this year"
        if has(j, .lastWord) || has(j, .thisOccurrence) || has(j, .nextOccurrence), has(j + 1, .yearNoun) {
            let shift = has(j, .thisOccurrence) ? 0 : has(j, .nextOccurrence) ? 1 : -1
            return TimeMatch(end: j + 2, type: .date, value: shift == 0 ? .date(year: nil, month: month, day: nil, direction: .current) : .monthOfShiftedYear(month, years: shift), rule: .monthRelativeYear, takesModifier: true)
        }
        // A bare month: abbreviations need their full stop; no name before ("Theresa May").
        if abbreviated, j == i + 1 { return nil }
        if i > sentenceStart, isCapitalized(i - 1), word(i - 1) == nil, !tokens[i].flags.contains(.sentenceInitial),
           !has(i - 1, .monthContext) {
            return nil
        }
        if month == 5 || month == 3 {
            // "May" and "March" are words too: only after a preposition or modifier.
            guard has(i - 1, .monthContext) || isChar(i - 1, "-") else { return nil }
        }
        return TimeMatch(end: j, type: .date, value: .date(year: nil, month: month, day: nil, direction: tenseDirection(at: i)), rule: .month, takesModifier: true)
    }

    /// "14 August 2018", "14th of August", "the 14th of August".
    func dayMonth(at i: Int) -> TimeMatch? {
        let day: Int, month: Int
        var j: Int
        var joiner: Unicode.Scalar?
        if let d = dayOfMonth(i) {
            day = d
            j = i + 1
            // "31/Oct/1974", "31-Oct-74": the month between the same joiner twice.
            if isChar(j, "/") || isChar(j, "-"), glued(j), glued(j + 1) {
                joiner = Unicode.Scalar(bytes[Int(tokens[j].start)])
                j += 1
            } else if has(j, .linkingOf) {
                j += 1
            }
            guard case .month(let m, let abbreviated)? = word(j), isCapitalized(j) || joiner != nil else { return nil }
            month = m
            j += 1
            if abbreviated, isChar(j, "."), glued(j) { j += 1 }
        } else if let (d, m) = dayGluedToMonth(i) {
            // "14april 2015"
            (day, month) = (d, m)
            j = i + 1
        } else {
            return nil
        }
        var end = j
        var year: Int?
        var k = j
        if let joiner {
            if isChar(k, joiner), glued(k), glued(k + 1), let d = digits(k + 1), d.count == 2 || d.count == 4 {
                year = d.count == 4 ? d.value : (d.value < 50 ? 2000 + d.value : 1900 + d.value)
                end = k + 2
            } else if joiner == "-" {
                return nil  // "5-Jun" alone reads as well as a range or a score
            }
        } else {
            if isChar(k, ",") { k += 1 }
            if let (y, e) = yearAt(k) { year = y; end = e }
        }
        guard CalendarDate(year: year ?? 2000, month: month, day: day) != nil else { return nil }
        return TimeMatch(end: end, type: .date, value: .date(year: year, month: month, day: day, direction: tenseDirection(at: i)), rule: .dayMonth, takesDeterminer: true)
    }

    /// A day glued to a month name in one token: "14april", "3Sept".
    private func dayGluedToMonth(_ i: Int) -> (day: Int, month: Int)? {
        guard inRange(i) else { return nil }
        let t = tokens[i]
        var p = Int(t.start)
        var day = 0
        while p < Int(t.end), p - Int(t.start) < 2, bytes[p] >= 48, bytes[p] <= 57 { day = day * 10 + Int(bytes[p] - 48); p += 1 }
        guard p > Int(t.start), p < Int(t.end), (1...31).contains(day) else { return nil }
        let key = bytes.withUnsafeBufferPointer { WordKey($0, p, Int(t.end)) }
        guard let key, case .month(let month, _)? = lexicon.word(key) else { return nil }
        return (day, month)
    }

    /// A year standing alone: "in 1990", "1990's budget".
    func year(at i: Int) -> TimeMatch? {
        guard let y = yearNumber(i) else { return nil }
        // Not money, a count or part of a longer number.
        if isChar(i - 1, "$") || isChar(i + 1, "%") { return nil }
        if isChar(i - 1, ",") && digits(i - 2) != nil && glued(i - 1) { return nil }
        if (isChar(i + 1, "-") || isChar(i + 1, "/") || isChar(i + 1, ".") || isChar(i + 1, ",") || isChar(i + 1, ":")) && glued(i + 1) && digits(i + 2) != nil { return nil }
        let before = has(i - 1, .yearContext) || word(i - 1) != nil
        let after = inRange(i + 1) ? tokens[i + 1] : nil
        // "2000 people": a plural noun after the number makes it a count.
        if !before, let a = after, a.kind == .word, a.shape == .lower {
            let last = bytes[Int(a.end) - 1]
            if last == UInt8(ascii: "s"), word(i + 1) == nil { return nil }
        }
        if !before, y < 1900 || y > 2040 { return nil }
        return TimeMatch(end: i + 1, type: .date, value: .fixed(String(y)), rule: .year, takesDeterminer: false, takesModifier: true)
    }

    /// "year-ago", "year-earlier quarter", "the year-ago period", "year-end", "year's end",
    /// "the year ended Sept. 30", "the year two thousand".
    func yearCompound(at i: Int) -> TimeMatch? {
        if isChar(i + 1, "-"), glued(i + 1), glued(i + 2), has(i + 2, .pastOffset) || has(i + 2, .earlierOffset) {
            var end = i + 3
            var value = TimeValue.anchoredQuarter(yearShift: -1, year: nil)
            if let n = ordinalAt(end), n <= 4, has(end + 1, .quarterNoun) {
                value = .quarter(n, year: nil, yearShift: -1)
                end += 2
            } else if has(end, .quarterNoun) || has(end, .periodNoun) {
                end += 1
            }
            // "the year-ago quarter" keeps its determiner; "the year-ago results" does not.
            return TimeMatch(end: end, type: .date, value: value, rule: .yearAgo, takesDeterminer: end > i + 3)
        }
        if isChar(i + 1, "-"), glued(i + 1), glued(i + 2), has(i + 2, .periodEnd) || isPossessive(i) && has(i + 1, .periodEnd) {
            return TimeMatch(end: i + 3, type: .date, value: .date(year: nil, month: 12, day: 31, direction: .current), rule: .yearEnd)
        }
        if isPossessive(i) || has(i - 1, .yearEndContext), has(i + 1, .periodEnd) {
            return TimeMatch(end: i + 2, type: .date, value: .date(year: nil, month: 12, day: 31, direction: .current), rule: .yearEnd)
        }
        if let (y, end) = yearAt(i + 1), y >= 1000, word(i + 1) != nil {
            return TimeMatch(end: end, type: .date, value: .fixed(String(y)), rule: .theYearWords, takesDeterminer: true)
        }
        // "the year", "the full year", "the fiscal year" (with its determiner only).
        var first = i
        while first > max(sentenceStart, i - 3), has(first - 1, .yearQualifier) { first -= 1 }
        guard has(first - 1, .determiner), !isPossessive(i) else { return nil }
        if has(i + 1, .notTheYear) || isChar(i + 1, "-") { return nil }
        if has(i + 1, .yearEndedWord) {
            return TimeMatch(end: i + 1, type: .duration, value: .fixed("P1Y"), rule: .theYearEnded, takesDeterminer: true)
        }
        if first < i {
            // "the latest fiscal year" has ended: the previous year.
            let latest = (first..<i).contains { has($0, .latestWord) }
            return TimeMatch(end: i + 1, type: .date, value: .shift(.year, latest ? -1 : 0), rule: .theFullYear, takesDeterminer: true)
        }
        return TimeMatch(end: i + 1, type: .date, value: .shift(.year, 0), rule: .theYear, takesDeterminer: true)
    }

    /// "the 1988 period", "the 1988 third quarter", "the 1988 quarter".
    func yearPeriod(at i: Int) -> TimeMatch? {
        guard let y = yearNumber(i), has(i - 1, .determiner) else { return nil }
        if let n = ordinalAt(i + 1), n <= 4, has(i + 2, .quarterNoun) {
            return TimeMatch(end: i + 3, type: .date, value: .quarter(n, year: y, yearShift: 0), rule: .yearQuarter, takesDeterminer: true)
        }
        if has(i + 1, .quarterNoun) || has(i + 1, .periodNoun) {
            return TimeMatch(end: i + 2, type: .date, value: .anchoredQuarter(yearShift: 0, year: y), rule: .yearPeriod, takesDeterminer: true)
        }
        return nil
    }

    /// "fiscal 1989", "fiscal year 1990", "fiscal 1989's first quarter" (the year only).
    func fiscal(at i: Int) -> TimeMatch? {
        var j = i + 1
        if has(j, .yearNoun) { j += 1 }
        if let y = yearNumber(j) {
            return TimeMatch(end: j + 1, type: .date, value: .fixed(String(y)), rule: .fiscalYear, takesDeterminer: true, takesModifier: true)
        }
        // "fiscal second-quarter", "the fiscal first quarter", "the fiscal-first quarter"
        var q = i + 1
        if isChar(q, "-"), glued(q) { q += 1 }
        if var m = quarter(at: q) {
            m.rule = m.rule == .quarter ? .fiscalQuarter : m.rule == .half ? .fiscalHalf : .fiscalTheQuarter
            m.takesDeterminer = true
            return m
        }
        return nil
    }

    /// "1990s", "the '90s", "the early 1980s".
    func decade(at i: Int) -> TimeMatch? {
        guard let d = decadeToken(i) else { return nil }
        // "in his 30s" is an age: two-digit decades only after "the" or an apostrophe.
        if d.digits == 2, !(has(i - 1, .determiner) || has(i - 1, .determinerModifier) || tokens[i - 1].quote != nil) { return nil }
        let value = d.digits == 4 ? String(d.value / 10) : "19" + String(d.value / 10)
        return TimeMatch(end: i + 1, type: .date, value: .fixed(value), rule: .decade, takesDeterminer: true, takesModifier: true)
    }

    /// "the 20th century", "the twentieth century".
    func century(at i: Int) -> TimeMatch? {
        var n: Int?
        if case .ordinal(let o)? = word(i) { n = o } else { n = digitOrdinal(i) }
        guard let n, n >= 1, n <= 21, has(i + 1, .centuryNoun) else { return nil }
        return TimeMatch(end: i + 2, type: .date, value: .fixed(TimeResolver.pad(n - 1, 2)), rule: .century, takesDeterminer: true, takesModifier: true)
    }

    /// "third quarter", "third-quarter", "the fourth quarter of 1989", "the first half", "the quarter".
    func quarter(at i: Int) -> TimeMatch? {
        var j = i
        var n: Int?
        if let o = ordinalAt(i) { n = o; j += 1 }
        // "the last half of 1989"
        if has(i, .previousOccurrence), has(i + 1, .halfWord) { n = 2; j += 1 }
        // "third-quarter results": an adjective, so a "the" before it belongs to the noun.
        var hyphenated = false
        if n != nil, isChar(j, "-"), glued(j) { j += 1; hyphenated = true }
        let isQuarter = has(j, .quarterNoun)
        let isHalf = has(j, .halfWord)
        guard isQuarter || isHalf else { return nil }
        if isChar(j + 1, "-"), glued(j + 1) { return nil }
        let count = isQuarter ? 4 : 2
        j += 1
        var year: Int?
        var k = j
        if has(k, .linkingOf) { k += 1 }
        if has(k, .fiscalWord) { k += 1 }
        if let y = yearNumber(k) { year = y; j = k + 1 }
        guard let n else {
            // "the quarter": the latest quarter that has ended.
            guard isQuarter, i == j - 1 else { return nil }
            return TimeMatch(end: j, type: .date, value: .previousQuarter, rule: .theQuarter, takesDeterminer: true)
        }
        guard n >= 1, n <= count else { return nil }
        let value: TimeValue = isQuarter ? .quarter(n, year: year, yearShift: 0) : .half(n, year: year, yearShift: 0)
        return TimeMatch(end: j, type: .date, value: value, rule: isQuarter ? .quarter : .half, takesDeterminer: !hyphenated, takesModifier: true)
    }

    // MARK: - Named days

    /// "Tuesday", "Tuesday afternoon", "Saturday, April 25", "Tuesdays".
    func weekdayPhrase(at i: Int) -> TimeMatch? {
        guard case .weekday(let d, let plural)? = word(i), isCapitalized(i) else { return nil }
        if plural {
            var end = i + 1
            var value = "XXXX-WXX-\(d)"
            if case .partOfDay(let p)? = word(i + 1) { value += "T" + p.code; end += 1 }
            return TimeMatch(end: end, type: .set, value: .fixed(value), rule: .weekdayPlural)
        }
        if let m = weekdayAndDate(at: i, weekday: d) { return m }
        // "Tuesday 19th", "Tuesday the 19th": the nearest month whose 19th is a Tuesday.
        var k = i + 1
        if has(k, .determiner) { k += 1 }
        if let n = digitOrdinal(k) ?? (has(k - 1, .determiner) ? dayOfMonth(k) : nil), (1...31).contains(n), word(k + 1).map({ if case .month = $0 { return false } else { return true } }) ?? true {
            return TimeMatch(end: k + 1, type: .date, value: .weekdayDay(d, day: n, direction: tenseDirection(at: i)), rule: .weekdayOrdinal)
        }
        let day = TimeValue.weekday(d, tenseDirection(at: i))
        if case .partOfDay(let p)? = word(i + 1) {
            return TimeMatch(end: i + 2, type: .time, value: .partOfDay(day, p.code), rule: .weekdayPartOfDay)
        }
        // "Earlier Friday", "late Monday": annotators mostly left the modifier out of weekdays.
        return TimeMatch(end: i + 1, type: .date, value: day, rule: .weekday)
    }

    /// "Saturday, April 25", "Fri, Jul 18", "Tue. 5 March": a date named with its weekday;
    /// without a year, the year in which the date falls on that weekday.
    func weekdayAndDate(at i: Int, weekday d: Int) -> TimeMatch? {
        var j = i + 1
        if isChar(j, ",") || isChar(j, ".") && glued(j) { j += 1 }
        var m: TimeMatch?
        if case .month? = word(j), let md = monthDate(at: j), md.rule == .monthDay { m = md } else { m = dayMonth(at: j) }
        guard let found = m else { return nil }
        var value = found.value
        if case .date(nil, let month, let day?, let direction)? = value { value = .dateOnWeekday(month: month, day: day, weekday: d, direction: direction) }
        return TimeMatch(end: found.end, type: .date, value: value, rule: .weekdayDate)
    }

    /// "today", "yesterday afternoon", "tomorrow".
    func relativeDay(at i: Int) -> TimeMatch? {
        guard case .relativeDay(let n)? = word(i) else { return nil }
        if case .partOfDay(let p)? = word(i + 1) {
            return TimeMatch(end: i + 2, type: .time, value: .partOfDay(.shift(.day, n), p.code), rule: .relativeDayPart, takesModifier: true)
        }
        // "late yesterday" keeps its modifier; "later today" does not (as annotated).
        return TimeMatch(end: i + 1, type: .date, value: .shift(.day, n), rule: .relativeDay, takesModifier: n != 0)
    }

    /// "tonight", "overnight".
    func nightWord(at i: Int, _ r: RoleSet) -> TimeMatch? {
        if r.contains(.tonightWord) {
            return TimeMatch(end: i + 1, type: .time, value: .partOfDay(.shift(.day, 0), "NI"), rule: .tonight)
        }
        // "overnight" before a noun is an adjective ("overnight stay", "overnight rates").
        if inRange(i + 1), tokens[i + 1].kind == .word, tokens[i + 1].shape == .lower, word(i + 1) == nil, !has(i + 1, .monthContext), !has(i + 1, .andWord) {
            return nil
        }
        return TimeMatch(end: i + 1, type: .time, value: .partOfDay(.shift(.day, -1), "NI"), rule: .overnight)
    }

    /// "summer", "the summer of 2017", "summer 2017".
    func season(at i: Int) -> TimeMatch? {
        guard case .season(let s)? = word(i) else { return nil }
        var k = i + 1
        if has(k, .linkingOf) { k += 1 }
        if let (y, e) = yearAt(k) {
            return TimeMatch(end: e, type: .date, value: .season(s.code, year: y, direction: .current), rule: .seasonYear, takesDeterminer: true, takesModifier: true)
        }
        // "fall" is mostly a verb or a noun for a drop: only with a determiner or modifier.
        if has(i, .ambiguousSeason), !has(i - 1, .fallContext) { return nil }
        if has(i, .ambiguousSeason), has(i - 1, .determiner), has(i + 1, .linkingOf) || has(i + 1, .inWord) { return nil }
        return TimeMatch(end: i + 1, type: .date, value: .season(s.code, year: nil, direction: .pastOrSame), rule: .season, takesModifier: true)
    }

    /// A holiday of `time/holidays.tsv` ("Thanksgiving", "Good Friday", "fathers day"),
    /// alone, with a year ("Thanksgiving 2017", "Labor Day of 2012"), with a year relative
    /// to the reference ("Memorial Day last year", "Easter of next year", "Boxing Day in
    /// two years", "Labour Day five years ago"), or after "last", "this" or "next"
    /// ("last Thanksgiving": rule `relative-holiday`). The date rule is the one the
    /// record's country keeps.
    func holiday(at i: Int) -> TimeMatch? {
        guard inRange(i), flags[i].contains(.holidayStart), let (nameEnd, name) = holidayName(at: i) else { return nil }
        if name.needsCapital, !isCapitalized(i) { return nil }
        // "Easter week", "Christmas holidays", "new year celebrations": a name before a
        // unit, or in lower case before a noun, only qualifies it.
        if case .unit? = word(nameEnd) { return nil }
        if !isCapitalized(i), inRange(nameEnd), tokens[nameEnd].kind == .word, tokens[nameEnd].shape == .lower,
           word(nameEnd) == nil, roles[nameEnd].isEmpty { return nil }
        var direction = tenseDirection(at: i)
        var first = i
        if has(i - 1, .previousOccurrence) { direction = .previous; first = i - 1 }
        if has(i - 1, .nextOccurrence) { direction = .following; first = i - 1 }
        if has(i - 1, .thisOccurrence) { direction = .current; first = i - 1 }
        var end = nameEnd
        var year: Int?
        var yearShift: Int?
        var rule: TimeRule = first < i ? .relativeHoliday : .holiday
        if first == i {
            var k = end
            if has(k, .linkingOf) { k += 1 }
            if let y = yearNumber(k) {
                year = y; end = k + 1; rule = .holidayYear
            } else if has(k, .lastWord) || has(k, .thisOccurrence) || has(k, .nextWord), has(k + 1, .yearNoun) {
                yearShift = has(k, .thisOccurrence) ? 0 : has(k, .nextWord) ? 1 : -1
                end = k + 2; rule = .holidayRelativeYear
            } else if has(end, .inWord), let (count, u) = number(at: end + 1), let n = count, case .unit(.year, _)? = word(u) {
                yearShift = n; end = u + 1; rule = .holidayRelativeYear
            } else if let (count, u) = number(at: end), let n = count, case .unit(.year, _)? = word(u), has(u + 1, .pastOffset) {
                yearShift = -n; end = u + 2; rule = .holidayRelativeYear
            }
        }
        let value = HolidayCalendar.rule(name, country: country).map {
            TimeValue.holiday($0, year: year, yearShift: yearShift, direction: direction)
        }
        return TimeMatch(end: end, type: .date, value: value, rule: rule)
    }

    /// The longest holiday name starting at token `i`, skipping the dots, hyphens and
    /// apostrophes between its words.
    private func holidayName(at i: Int) -> (end: Int, name: HolidayCalendar.Name)? {
        var best: (end: Int, name: HolidayCalendar.Name)?
        var node: Int32 = 0
        var j = i
        while j < limit {
            let id = holidayWords[j]
            if id == 0 {
                let t = tokens[j]
                if j > i, t.kind != .word, t.kind != .number {
                    let b = bytes[Int(t.start)]
                    if b == UInt8(ascii: ".") || b == UInt8(ascii: "-") || b == UInt8(ascii: "'") || b == 0xE2 { j += 1; continue }
                }
                break
            }
            guard let next = holidays.child(node, id) else { break }
            node = next
            if let name = holidays.name(at: node) { best = (j + 1, name) }
            j += 1
        }
        return best
    }

    // MARK: - Relative expressions

    /// "last week", "this month", "next year", "last Friday", "last June", "the past year",
    /// "the last three years", "the next few days", "the first nine months", "the latest quarter",
    /// "recent years", "this morning", "last night".
    func relative(at i: Int) -> TimeMatch? {
        guard inRange(i) else { return nil }
        let r = roles[i]
        var j = i + 1
        var direction: TimeDirection
        var shift: Int
        if r.contains(.lastWord) || r.contains(.latestWord) || r.contains(.recentWord) || r.contains(.mostWord) {
            direction = .previous; shift = -1
        } else if r.contains(.thisOccurrence) || r.contains(.currentWord) {
            direction = .current; shift = 0
        } else if r.contains(.nextWord) {
            direction = .following; shift = 1
        } else if r.contains(.firstWord) {
            direction = .current; shift = 0
        } else {
            return nil
        }
        if r.contains(.mostWord) {
            guard has(j, .recentWord) else { return nil }
            j += 1
        }
        // "This Week" in mid-sentence capitals is a title (a programme, a column).
        if isCapitalized(i), isCapitalized(j), !tokens[i].flags.contains(.sentenceInitial) { return nil }
        // "coming months", "past years": a vague stretch.
        if r.contains(.comingStretch) || r.contains(.pastStretch), case .unit(let u, true)? = word(j), u >= .day {
            return TimeMatch(end: j + 1, type: .date, value: .fixed(r.contains(.comingStretch) ? "FUTURE_REF" : "PAST_REF"), rule: .vagueUnits, takesDeterminer: true)
        }
        // "this coming Sunday"
        if r.contains(.thisOccurrence), has(j, .comingStretch) { direction = .following; shift = 1; j += 1 }
        // A count: "the last three years", "the next few days", "the first nine months".
        if !r.contains(.thisOccurrence), !r.contains(.currentWord), let m = quantity(at: j, allowAgo: false), m.type == .duration {
            // "the last few months", "the past several quarters": a vague stretch of the past.
            if direction == .previous, case .fixed(let v)? = m.value, v.contains("X") {
                return TimeMatch(end: m.end, type: .date, value: .fixed("PAST_REF"), rule: .spanVague, takesDeterminer: true)
            }
            return TimeMatch(end: m.end, type: .duration, value: m.value, rule: .spanDuration, takesDeterminer: true)
        }
        if r.contains(.firstWord) { return nil }
        if r.contains(.recentWord) {
            // "recent years", "recent weeks": a vague stretch of the past.
            guard case .unit(let u, true)? = word(j) else { return nil }
            return TimeMatch(end: j + 1, type: .duration, value: .fixed("PX" + u.durationCode), rule: .recentUnits, takesDeterminer: true)
        }
        // "the following year", "the previous Friday": anaphoric, from the date in focus.
        let anaphoric = has(i - 1, .determiner) && r.contains(.anaphoric)
        if anaphoric {
            switch word(j) {
            case .unit(let u, false)? where u >= .day && u != .quarter:
                return TimeMatch(end: j + 1, type: .date, value: .anaphoric(u, shift), rule: .anaphoricUnit, takesDeterminer: true)
            case .weekday(let d, false)?:
                return TimeMatch(end: j + 1, type: .date, value: .anaphoricWeekday(d, direction), rule: .anaphoricWeekday, takesDeterminer: true)
            default:
                break
            }
        }
        switch word(j) {
        case .unit(let u, false)?:
            if u <= .hour { return nil }
            if u == .day { return nil }
            if r.contains(.latestWord) || r.contains(.mostWord) {
                guard u == .quarter else { return nil }
                return TimeMatch(end: j + 1, type: .date, value: .previousQuarter, rule: .latestQuarter, takesDeterminer: true)
            }
            // "this year's third quarter", "last year's quarter"
            if u == .year, isPossessive(j) {
                if let q = quarter(at: j + 1), case .quarter(let n, nil, _)? = q.value {
                    return TimeMatch(end: q.end, type: .date, value: .quarter(n, year: nil, yearShift: shift), rule: .relativeYearQuarter, takesDeterminer: true)
                }
                if has(j + 1, .quarterNoun) {
                    return TimeMatch(end: j + 2, type: .date, value: .anchoredQuarter(yearShift: shift, year: nil), rule: .relativeYearQuarter, takesDeterminer: true)
                }
            }
            return TimeMatch(end: j + 1, type: .date, value: .shift(u, shift), rule: .relativeUnit, takesDeterminer: true, takesModifier: true)
        case .weekday(let d, false)?:
            guard !r.contains(.latestWord), !r.contains(.currentWord) else { return nil }
            var end = j + 1
            var value: TimeValue = .weekday(d, direction)
            var type = TimexType.date
            if case .partOfDay(let p)? = word(end) { value = .partOfDay(value, p.code); end += 1; type = .time }
            return TimeMatch(end: end, type: type, value: value, rule: .relativeWeekday, takesModifier: true)
        case .month(let m, false)?:
            guard isCapitalized(j), !r.contains(.latestWord), !r.contains(.currentWord) else { return nil }
            return TimeMatch(end: j + 1, type: .date, value: .date(year: nil, month: m, day: nil, direction: direction), rule: .relativeMonth, takesModifier: true)
        case .season(let s)?:
            guard !r.contains(.latestWord) else { return nil }
            return TimeMatch(end: j + 1, type: .date, value: .season(s.code, year: nil, direction: direction), rule: .relativeSeason, takesDeterminer: true, takesModifier: true)
        case .partOfDay(let p)?:
            // "this morning", "last night", "this afternoon"
            if r.contains(.thisOccurrence) { return TimeMatch(end: j + 1, type: .time, value: .partOfDay(.shift(.day, 0), p.code), rule: .thisPartOfDay, takesModifier: true) }
            if r.contains(.previousOccurrence), p == .night { return TimeMatch(end: j + 1, type: .time, value: .partOfDay(.shift(.day, -1), p.code), rule: .lastNight, takesModifier: true) }
            return nil
        default:
            break
        }
        if has(j, .weekendWord) {
            return TimeMatch(end: j + 1, type: .date, value: .weekend(shift), rule: .relativeWeekend, takesDeterminer: true, takesModifier: true)
        }
        if (r.contains(.latestWord) || r.contains(.mostWord)) && has(j, .periodNoun) {
            return TimeMatch(end: j + 1, type: .date, value: .previousQuarter, rule: .latestPeriod, takesDeterminer: true)
        }
        if (r.contains(.latestWord) || r.contains(.mostWord)) && has(j, .quarterNoun) {
            return TimeMatch(end: j + 1, type: .date, value: .previousQuarter, rule: .latestQuarter, takesDeterminer: true)
        }
        return nil
    }

    /// "now", "currently", "recently", "the past", "the future", "soon", "these days".
    func reference(at i: Int, _ r: RoleSet) -> TimeMatch? {
        if r.contains(.presentRef) {
            return TimeMatch(end: i + 1, type: .date, value: .fixed("PRESENT_REF"), rule: .presentRef)
        }
        if r.contains(.pastRef) {
            return TimeMatch(end: i + 1, type: .date, value: .fixed("PAST_REF"), rule: .pastRef)
        }
        if r.contains(.futureRef) {
            // "as soon as" is a conjunction.
            if has(i + 1, .asWord) || has(i - 1, .asWord) { return nil }
            return TimeMatch(end: i + 1, type: .date, value: .fixed("FUTURE_REF"), rule: .futureRef)
        }
        if r.contains(.theseWord), has(i + 1, .theseDaysNoun) {
            return TimeMatch(end: i + 2, type: .date, value: .fixed("PRESENT_REF"), rule: .theseDays)
        }
        if has(i - 1, .determiner) {
            // Only as a noun phrase: "the past", "the future", "the near future", "the present".
            if r.contains(.pastStretch), !nounFollows(i + 1) {
                return TimeMatch(end: i + 1, type: .date, value: .fixed("PAST_REF"), rule: .thePast, takesDeterminer: true)
            }
            if r.contains(.futureNoun), !nounFollows(i + 1) {
                return TimeMatch(end: i + 1, type: .date, value: .fixed("FUTURE_REF"), rule: .theFuture, takesDeterminer: true)
            }
            if r.contains(.nearWord), has(i + 1, .futureNoun) {
                return TimeMatch(end: i + 2, type: .date, value: .fixed("FUTURE_REF"), rule: .theFuture, takesDeterminer: true)
            }
            if r.contains(.presentNoun), !nounFollows(i + 1) {
                return TimeMatch(end: i + 1, type: .date, value: .fixed("PRESENT_REF"), rule: .thePresent, takesDeterminer: true)
            }
        }
        return nil
    }

    private func nounFollows(_ i: Int) -> Bool {
        guard inRange(i) else { return false }
        let t = tokens[i]
        return t.kind == .word && !has(i, .monthContext) && !has(i, .nounBreak)
    }

    // MARK: - Durations and sets

    /// A count of units: "five minutes", "two years", "a week", "several years", "24 hours",
    /// "twenty four hours", "a few days"; with "ago": "two years ago" (a date).
    func quantity(at i: Int, allowAgo: Bool = true) -> TimeMatch? {
        if let m = fractionOfUnit(at: i) { return m }
        guard let (whole, first) = number(at: i) ?? decimalNumber(at: i) else { return nil }
        var count = whole
        var j = first
        // "2 1/2 years", "two and a half years", "one and a quarter hours", "1.5 hours"
        var quarters = decimalQuarters(at: i) ?? 0
        if count != nil, quarters == 0, let (q, after) = fractionAt(j) { quarters = q; j = after }
        // "2 more minutes", "two additional days"
        if count != nil, has(j, .countModifier), case .unit? = word(j + 1) { j += 1 }
        guard case .unit(let unit, let plural)? = word(j) else { return nil }
        // "60 Minutes" mid-sentence is a title.
        if tokens[j].shape == .title, !tokens[j].flags.contains(.sentenceInitial), tokens[i].kind == .number { return nil }
        // "a second betrayal": the ordinal, not the unit.
        if unit == .second, !plural, inRange(j + 1), tokens[j + 1].kind == .word,
           !has(j + 1, .secondFollower) { return nil }
        // "a quarter of the market", "quarter-century"
        if unit == .quarter, has(j + 1, .linkingOf) || isChar(j + 1, "-") && glued(j + 1) { return nil }
        // "months ago", "years ago" counted vaguely are handled by bareUnit.
        // "one year" and "a year", not "two year" (that is adjectival: "a two year deal"), unless compounded.
        if count == 1, plural, !(inRange(i) && tokens[i].kind == .number) { return nil }
        var end = j + 1
        // "a minute and a half", "one hour and half"
        if quarters == 0, count != nil, has(end, .andWord), has(end + 1, .halfWord) { quarters = 2; end += 2 }
        if quarters == 0, count != nil, has(end, .andWord), has(end + 1, .halfArticle), has(end + 2, .halfWord) { quarters = 2; end += 3 }
        let half = quarters == 2
        if allowAgo, has(end, .pastOffset) {
            var value: TimeValue = count.map { .shift(unit, -$0) } ?? .fixed("PAST_REF")
            if count == 1, unit == .year { value = .anchoredQuarter(yearShift: -1, year: nil) }
            return TimeMatch(end: end + 1, type: .date, value: value, rule: .ago)
        }
        // "a year earlier" is a date (TimeBank); "three days later", "a minute and a half
        // later" are durations whose anchor is an event, so the span stops before "later".
        if allowAgo, unit >= .month, has(end, .earlierOffset) || has(end, .laterOffset), !has(end + 1, .thanWord) {
            let sign = has(end, .laterOffset) ? 1 : -1
            var value: TimeValue = count.map { .shift(unit, sign * $0) } ?? .fixed(sign < 0 ? "PAST_REF" : "FUTURE_REF")
            if count == 1, unit == .year, sign < 0 { value = .anchoredQuarter(yearShift: -1, year: nil) }
            end += 1
            return TimeMatch(end: end, type: .date, value: value, rule: .offset)
        }
        // "a year-earlier loss", "a two-year-old": a compound adjective, not a count of units.
        if isChar(end, "-"), glued(end) { return nil }
        // "two years old" is an age.
        if has(end, .ageWord) { return nil }
        // "a year" after an amount is a rate ("$5 a year"): let perUnit take it.
        if count == 1, !plural, has(i, .indefiniteArticle), rateBefore(i) { return nil }
        guard let n = count else {
            return TimeMatch(end: end, type: .duration, value: .fixed("P" + (unit.isClockUnit ? "T" : "") + "X" + unit.durationCode), rule: .duration, takesDeterminer: true)
        }
        // "2 years and 3 months", "an hour and 45 minutes", "1 hour thirty": smaller units after.
        var parts = [DurationPart(count: n, quarters: quarters, unit: unit)]
        if quarters == 0 || half, let (more, after) = smallerUnits(after: end, than: unit) {
            parts += more
            end = after
        }
        count = n
        let value = parts.count == 1 && (quarters == 0 || half) ? (half ? Self.durationAndAHalf(n, unit) : Self.duration(n, unit)) : Self.duration(parts)
        return TimeMatch(end: end, type: .duration, value: .fixed(value), rule: parts.count > 1 ? .compoundDuration : .duration, takesDeterminer: true)
    }

    /// One term of a duration: `count` and `quarters` quarters of `unit`.
    struct DurationPart {
        var count: Int
        var quarters: Int
        var unit: TimeUnit
    }

    /// "half an hour", "half a day", "half hour", "1/2 hour", "a quarter of an hour".
    private func fractionOfUnit(at i: Int) -> TimeMatch? {
        var quarters = 0
        var j = i
        if has(i, .halfWord) {
            quarters = 2; j += 1
        } else if let (q, after) = slashFraction(at: i) {
            quarters = q; j = after
        } else if has(i, .indefiniteArticle), has(i + 1, .quarterNoun), has(i + 2, .linkingOf) {
            quarters = 1; j = i + 3
        } else {
            return nil
        }
        if has(j, .indefiniteArticle) { j += 1 }
        guard case .unit(let unit, false)? = word(j), unit <= .year, unit != .quarter else { return nil }
        // "half a year earlier" is an offset, left to the rules that read it.
        if has(j + 1, .pastOffset) || has(j + 1, .earlierOffset) || has(j + 1, .laterOffset) { return nil }
        return TimeMatch(end: j + 1, type: .duration, value: .fixed(Self.duration([DurationPart(count: 0, quarters: quarters, unit: unit)])),
                         rule: .fractionDuration, takesDeterminer: true)
    }

    /// "1/2", "1/4", "3/4" written with a slash.
    private func slashFraction(at j: Int) -> (quarters: Int, next: Int)? {
        guard inRange(j) else { return nil }
        // Asked after every count, where the token is mostly the unit: a fraction begins
        // with 0, 1 or 3, which rules the rest out without parsing digits.
        let b = bytes[Int(tokens[j].start)]
        guard b == UInt8(ascii: "0") || b == UInt8(ascii: "1") || b == UInt8(ascii: "3"), let top = digits(j), isChar(j + 1, "/"),
              glued(j + 1), glued(j + 2), let bottom = digits(j + 2) else { return nil }
        switch (top.value, bottom.value) {
        case (1, 2): return (2, j + 3)
        case (1, 4): return (1, j + 3)
        case (3, 4): return (3, j + 3)
        default: return nil
        }
    }

    /// A fraction after a count: "1/2", "and a half", "and half", "and a quarter",
    /// "and three quarters", "and a quarter of" (before the unit).
    func fractionAt(_ j: Int) -> (quarters: Int, next: Int)? {
        if let f = slashFraction(at: j) { return f }
        guard has(j, .andWord) else { return nil }
        if has(j + 1, .halfWord) { return (2, j + 2) }
        if has(j + 1, .halfArticle), has(j + 2, .halfWord) { return (2, j + 3) }
        var k = j + 1
        var n = 1
        if case .number(let m)? = word(k), (1...3).contains(m) { n = m; k += 1 } else if has(k, .indefiniteArticle) { k += 1 }
        guard has(k, .quarterNoun) || has(k, .quarterNounPlural) else { return nil }
        k += 1
        if has(k, .linkingOf) { k += 1 }
        return (n, k)
    }

    /// "1.5", "15.5", "2.25", "0.75": a decimal count in quarters; nil for other tokens.
    private func decimalNumber(at i: Int) -> (Int?, Int)? {
        guard let q = decimalQuarters(at: i) else { return nil }
        _ = q
        let t = tokens[i]
        var whole = 0
        var p = Int(t.start)
        while p < Int(t.end), bytes[p] != UInt8(ascii: ".") { whole = whole * 10 + Int(bytes[p] - 48); p += 1 }
        return (whole, i + 1)
    }

    private func decimalQuarters(at i: Int) -> Int? {
        guard inRange(i), tokens[i].kind == .number else { return nil }
        let t = tokens[i]
        let n = Int(t.end - t.start)
        guard n >= 3, n <= 7 else { return nil }
        var dot = -1
        for p in Int(t.start)..<Int(t.end) {
            let b = bytes[p]
            if b == UInt8(ascii: ".") { guard dot < 0, p > Int(t.start) else { return nil }; dot = p } else if b < 48 || b > 57 { return nil }
        }
        guard dot > 0 else { return nil }
        let fraction = Array(bytes[(dot + 1)..<Int(t.end)])
        switch fraction {
        case [53], [53, 48]: return 2          // .5
        case [50, 53]: return 1                // .25
        case [55, 53]: return 3                // .75
        default: return nil
        }
    }

    /// Smaller units after a count of units: "and 3 months", ", 2 days, 3 hours and 4
    /// seconds", or a bare count of the next smaller clock unit at the end of the
    /// sentence ("1 hour thirty", "2 hours and 10").
    private func smallerUnits(after start: Int, than unit: TimeUnit) -> ([DurationPart], Int)? {
        var parts: [DurationPart] = []
        var last = unit
        var k = start
        while true {
            var m = k
            if isChar(m, ",") { m += 1 }
            if has(m, .andWord) { m += 1 }
            guard let (c, next) = number(at: m), let count = c, !has(m, .indefiniteArticle) || m > k else { break }
            if case .unit(let u, _)? = word(next), u < last {
                parts.append(DurationPart(count: count, quarters: 0, unit: u))
                last = u
                k = next + 1
                continue
            }
            if parts.isEmpty, last == .hour || last == .minute, word(next) == nil,
               next == limit || tokens[next].kind == .punctuation, count < 60 {
                parts.append(DurationPart(count: count, quarters: 0, unit: last == .hour ? .minute : .second))
                k = next
            }
            break
        }
        return parts.isEmpty ? nil : (parts, k)
    }

    /// A TIMEX3 duration of several terms, each fraction written in smaller units:
    /// "P2Y3M", "PT1H45M", "PT1H15M", "P1Y2DT3H4S", "PT30M".
    static func duration(_ parts: [DurationPart]) -> String {
        // Amounts by TIMEX3 field: years, months, weeks, days, hours, minutes, seconds.
        var y = 0, mo = 0, w = 0, d = 0, h = 0, mi = 0, s = 0, quarterSeconds = 0
        for p in parts {
            switch p.unit {
            case .century: y += 100 * p.count + 25 * p.quarters
            case .decade: mo += 120 * p.count + 30 * p.quarters
            case .year: y += p.count; mo += 3 * p.quarters
            case .quarter: mo += 3 * p.count + (9 * p.quarters) / 4; d += ((9 * p.quarters) % 4) * 30 / 4
            case .month: mo += p.count; d += (30 * p.quarters) / 4; h += ((30 * p.quarters) % 4) * 6
            case .week: w += p.count; d += (42 * p.quarters) / 24; h += (42 * p.quarters) % 24
            case .day: d += p.count; h += 6 * p.quarters
            case .hour: h += p.count; mi += 15 * p.quarters
            case .minute: mi += p.count; s += 15 * p.quarters
            case .second: s += p.count; quarterSeconds += p.quarters
            }
        }
        y += mo / 12
        mo %= 12
        var out = "P"
        if y > 0 { out += "\(y)Y" }
        if mo > 0 { out += "\(mo)M" }
        if w > 0 { out += "\(w)W" }
        if d > 0 { out += "\(d)D" }
        if h > 0 || mi > 0 || s > 0 || quarterSeconds > 0 {
            out += "T"
            if h > 0 { out += "\(h)H" }
            if mi > 0 { out += "\(mi)M" }
            if quarterSeconds > 0 { out += "\(s).\(quarterSeconds == 2 ? "5" : String(25 * quarterSeconds))S" } else if s > 0 { out += "\(s)S" }
        }
        return out == "P" ? "PT0S" : out
    }

    /// "five-minute", "two-year", "52-week", "16-hour"; not ages ("29-year-old").
    func hyphenDuration(at i: Int) -> TimeMatch? {
        guard let (count, j) = number(at: i, hyphenated: true), let count, j > i + 1, isChar(j - 1, "-"), glued(j - 1), glued(j) else { return nil }
        guard case .unit(let unit, false)? = word(j) else { return nil }
        if isChar(j + 1, "-"), glued(j + 1), has(j + 2, .ageWord) { return nil }
        var end = j + 1
        if isChar(end, "-"), glued(end), has(end + 1, .lengthWord) { end += 2 }
        return TimeMatch(end: end, type: .duration, value: .fixed(Self.duration(count, unit)), rule: .durationAdjective)
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
        if has(i, .indefiniteArticle) {
            if case .vagueNumber(let count)? = word(i + 1) {
                var j = i + 2
                if has(j, .linkingOf) { j += 1 }
                return (count, j)
            }
            if has(i + 1, .halfWord), has(i + 2, .linkingOf) == false, case .unit? = word(i + 2) { return nil }
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
            if has(j, .linkingOf) { j += 1 }
            return (nil, j)
        default:
            return nil
        }
    }

    /// A plural unit standing alone after "for" or "in": "for years", "for weeks".
    func bareUnit(at i: Int) -> TimeMatch? {
        guard case .unit(let u, true)? = word(i), u >= .day else { return nil }
        if has(i + 1, .pastOffset) {
            return TimeMatch(end: i + 2, type: .date, value: .fixed("PAST_REF"), rule: .unitsAgo)
        }
        guard has(i - 1, .bareUnitContext) else { return nil }
        return TimeMatch(end: i + 1, type: .duration, value: .fixed("PX" + u.durationCode), rule: .bareUnits)
    }

    /// "every Tuesday", "each year", "every five minutes", "every other week".
    func everyPhrase(at i: Int) -> TimeMatch? {
        var j = i + 1
        var count = 1
        if has(j, .otherWord) { count = 2; j += 1 } else if let (n, next) = number(at: j), let n, !has(j, .indefiniteArticle) { count = n; j = next }
        switch word(j) {
        case .unit(let u, _)?:
            return TimeMatch(end: j + 1, type: .set, value: .fixed(Self.duration(count, u)), rule: .everyUnit)
        case .weekday(let d, _)?:
            var end = j + 1
            var value = "XXXX-WXX-\(d)"
            if case .partOfDay(let p)? = word(end) { value += "T" + p.code; end += 1 }
            return TimeMatch(end: end, type: .set, value: .fixed(value), rule: .everyWeekday)
        case .month(let m, false)?:
            return TimeMatch(end: j + 1, type: .set, value: .fixed("XXXX-" + TimeResolver.pad(m, 2)), rule: .everyMonth)
        case .partOfDay(let p)?:
            return TimeMatch(end: j + 1, type: .set, value: .fixed("XXXX-XX-XXT" + p.code), rule: .everyPartOfDay)
        case .season(let s)?:
            return TimeMatch(end: j + 1, type: .set, value: .fixed("XXXX-" + s.code), rule: .everySeason)
        default:
            return nil
        }
    }

    /// A rate: "$5 a year", "twice a day", "per month".
    func perUnit(at i: Int) -> TimeMatch? {
        guard case .unit(let u, false)? = word(i + 1), u >= .hour else { return nil }
        if has(i, .indefiniteArticle) {
            guard rateBefore(i) else { return nil }
        }
        return TimeMatch(end: i + 2, type: .set, value: .fixed(Self.duration(1, u)), rule: .rate)
    }

    /// Whether the token before `i` ends an amount ("$5", "10%", "twice", "3 million").
    private func rateBefore(_ i: Int) -> Bool {
        let p = i - 1
        guard inRange(p) else { return false }
        if tokens[p].kind == .number { return true }
        if isChar(p, "%") { return true }
        return has(p, .rateContext)
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
