extension TimeScanner {
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
        // The digits after the dot, read in place (an Array of them was a malloc per decimal).
        let first = dot + 1
        switch Int(t.end) - first {
        case 1:
            return bytes[first] == 53 ? 2 : nil                        // .5
        case 2:
            switch (bytes[first], bytes[first + 1]) {
            case (53, 48): return 2                                    // .50
            case (50, 53): return 1                                    // .25
            case (55, 53): return 3                                    // .75
            default: return nil
            }
        default:
            return nil
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
}
