extension TimeScanner {
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
        // The three dot-separated parts in a fixed tuple (an array of them was a malloc
        // per number token): a fourth part makes no date.
        typealias Part = (value: Int, count: Int)
        var parts: (Part, Part, Part) = ((0, 0), (0, 0), (0, 0))
        var n = 1
        for p in Int(t.start)..<Int(t.end) {
            let byte = bytes[p]
            if byte == UInt8(ascii: ".") {
                n += 1
                guard n <= 3 else { return nil }
            } else if byte >= 48, byte <= 57 {
                func add(_ part: inout Part) -> Bool {
                    guard part.count < 4 else { return false }
                    part.value = part.value * 10 + Int(byte - 48)
                    part.count += 1
                    return true
                }
                let added = n == 1 ? add(&parts.0) : n == 2 ? add(&parts.1) : add(&parts.2)
                guard added else { return nil }
            } else {
                return nil
            }
        }
        guard n == 3, parts.0.count >= 1, parts.0.count <= 2, parts.1.count >= 1, parts.1.count <= 2,
              parts.2.count == 4 || parts.2.count == 2 else { return nil }
        let year = parts.2.count == 4 ? parts.2.value : (parts.2.value < 50 ? 2000 + parts.2.value : 1900 + parts.2.value)
        guard let (month, day) = monthAndDay(parts.0.value, parts.1.value, year: year) else { return nil }
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
}
