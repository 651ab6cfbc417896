extension TimeScanner {
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
}
