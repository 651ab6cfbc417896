extension TimeScanner {
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
}
