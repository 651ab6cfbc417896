extension TimeScanner {
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
}
