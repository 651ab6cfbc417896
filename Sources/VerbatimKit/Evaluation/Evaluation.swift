import Foundation

/// Scores predictions against gold annotations, both as JSON Lines matched by
/// `id`: entities per label (exact span and overlap), time expressions (strict
/// and relaxed span, value accuracy), and direct quotes (span overlap and exact,
/// speaker agreement, quote+speaker). The conventions follow the scorers used
/// for the project's published figures: CoNLL exact match, TempEval-3 relaxed
/// match, and a lenient speaker match (a shared content word, or one name
/// containing the other).
///
/// Gold may be in Verbatim's own schema or in the shapes common dev sets use:
/// `timexes` for times, quotes whose `speaker` is a string with
/// `speaker_start`/`speaker_end`.
public struct Evaluation: Sendable {
    /// Counts for one category of spans.
    public struct Counts: Sendable, Equatable {
        public var gold = 0
        public var predicted = 0
        public var exact = 0
        public var overlap = 0

        public var precision: Double { predicted == 0 ? 0 : Double(exact) / Double(predicted) }
        public var recall: Double { gold == 0 ? 0 : Double(exact) / Double(gold) }
        public var f1: Double { Self.f1(precision, recall) }
        public var overlapPrecision: Double { predicted == 0 ? 0 : Double(overlap) / Double(predicted) }
        public var overlapRecall: Double { gold == 0 ? 0 : Double(overlap) / Double(gold) }
        public var overlapF1: Double { Self.f1(overlapPrecision, overlapRecall) }

        static func f1(_ p: Double, _ r: Double) -> Double { p + r == 0 ? 0 : 2 * p * r / (p + r) }

        /// Counts one document's spans; returns the overlapping (gold, predicted) pairs.
        @discardableResult
        mutating func add(gold g: [SpanKey], predicted p: [SpanKey]) -> [(Int, Int)] {
            gold += g.count
            predicted += p.count
            exact += Set(g).intersection(Set(p)).count
            let pairs = Evaluation.overlapPairs(g, p)
            overlap += pairs.count
            return pairs
        }

        mutating func add(_ other: Counts) {
            gold += other.gold
            predicted += other.predicted
            exact += other.exact
            overlap += other.overlap
        }
    }

    /// Entities per label (PERSON, ORG, PLACE, TIME where gold has them).
    public var entities: [String: Counts] = [:]
    public var entityMicro: Counts {
        entities.values.reduce(into: Counts()) { $0.add($1) }
    }
    /// Time expressions: `exact` is strict, `overlap` relaxed.
    public var times = Counts()
    /// Relaxed time matches whose gold has a value, and how many values agree.
    public var timeValues = (compared: 0, correct: 0)
    /// Direct quotes.
    public var quotes = Counts()
    /// Overlap-matched quotes with a gold speaker, and how many speakers agree (lenient).
    public var speakers = (compared: 0, correct: 0)
    /// Overlap-matched quotes whose speaker also agrees (or both have none).
    public var quotesWithSpeaker = 0
    /// Sample mistakes, by category ("PERSON missed", "quote false", "speaker"...).
    public var mistakes: [String: [String]] = [:]
    public var documents = 0
    public var missingPredictions = 0

    public var speakerAccuracy: Double { speakers.compared == 0 ? 0 : Double(speakers.correct) / Double(speakers.compared) }
    public var timeValueAccuracy: Double { timeValues.compared == 0 ? 0 : Double(timeValues.correct) / Double(timeValues.compared) }
    public var quoteSpeakerF1: Double {
        let p = quotes.predicted == 0 ? 0 : Double(quotesWithSpeaker) / Double(quotes.predicted)
        let r = quotes.gold == 0 ? 0 : Double(quotesWithSpeaker) / Double(quotes.gold)
        return Counts.f1(p, r)
    }

    public init() {}

    /// Scores two JSON Lines files.
    /// - Parameter includePartialQuotes: count predicted `partial` quotes too (gold sets of direct quotes usually exclude them).
    public static func score(gold goldPath: String, predicted predictedPath: String, includePartialQuotes: Bool = false,
                             mistakesPerCategory: Int = 0) throws -> Evaluation {
        let gold = try readLines(goldPath)
        let predicted = Dictionary(try readLines(predictedPath).map { (idString($0["id"]), $0) }, uniquingKeysWith: { a, _ in a })
        var evaluation = Evaluation()
        evaluation.keepMistakes = mistakesPerCategory
        let goldLabels = Set(gold.flatMap { ($0["entities"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String } })
        let labels = ["PERSON", "ORG", "PLACE", "TIME"].filter { goldLabels.contains($0) || ($0 != "TIME" && !goldLabels.isEmpty) }
        for document in gold {
            evaluation.documents += 1
            let prediction = predicted[idString(document["id"])]
            if prediction == nil { evaluation.missingPredictions += 1 }
            let text = document["text"] as? String ?? prediction?["text"] as? String ?? ""
            let scalars = Array(text.unicodeScalars)
            evaluation.scoreEntities(document, prediction ?? [:], labels: labels, scalars: scalars)
            evaluation.scoreTimes(document, prediction ?? [:], scalars: scalars)
            evaluation.scoreQuotes(document, prediction ?? [:], includePartial: includePartialQuotes, scalars: scalars)
        }
        return evaluation
    }

    private var keepMistakes = 0

    // MARK: - Categories

    private mutating func scoreEntities(_ gold: [String: Any], _ predicted: [String: Any], labels: [String], scalars: [Unicode.Scalar]) {
        guard gold["entities"] != nil else { return }
        for label in labels {
            let g = Self.spans(gold["entities"], label: label)
            let p = Self.spans(predicted["entities"], label: label)
            entities[label, default: Counts()].add(gold: g, predicted: p)
            note("\(label) missed", Set(g).subtracting(p).sorted { $0.start < $1.start }, scalars)
            note("\(label) false", Set(p).subtracting(g).sorted { $0.start < $1.start }, scalars)
        }
    }

    private mutating func scoreTimes(_ gold: [String: Any], _ predicted: [String: Any], scalars: [Unicode.Scalar]) {
        guard let goldTimes = gold["timexes"] as? [[String: Any]] else { return }
        let g = goldTimes.compactMap(Self.span)
        let predictedTimes = (predicted["entities"] as? [[String: Any]] ?? []).filter { $0["label"] as? String == "TIME" }
        let p = predictedTimes.compactMap(Self.span)
        let pairs = times.add(gold: g, predicted: p)
        for (i, j) in pairs {
            guard let value = goldTimes[i]["value"] as? String, !value.isEmpty else { continue }
            timeValues.compared += 1
            if predictedTimes[j]["value"] as? String == value {
                timeValues.correct += 1
            } else {
                note("time value", [g[i]], scalars, detail: "\(predictedTimes[j]["value"] as? String ?? "none") ≠ \(value)")
            }
        }
        note("time missed", Set(g).subtracting(p).sorted { $0.start < $1.start }, scalars)
        note("time false", Set(p).subtracting(g).sorted { $0.start < $1.start }, scalars)
    }

    private mutating func scoreQuotes(_ gold: [String: Any], _ predicted: [String: Any], includePartial: Bool, scalars: [Unicode.Scalar]) {
        guard let goldQuotes = (gold["quotes"] as? [[String: Any]])?.filter({ ($0["kind"] as? String ?? "direct") == "direct" }) else { return }
        let predictedQuotes = (predicted["quotes"] as? [[String: Any]] ?? []).filter {
            includePartial || ($0["kind"] as? String ?? "direct") == "direct"
        }
        let g = goldQuotes.compactMap(Self.span)
        let p = predictedQuotes.compactMap(Self.span)
        let pairs = quotes.add(gold: g, predicted: p)
        for (i, j) in pairs {
            let goldSpeaker = Self.speakerText(goldQuotes[i])
            let predictedSpeaker = Self.speakerText(predictedQuotes[j])
            guard let goldSpeaker else {
                if predictedSpeaker == nil { quotesWithSpeaker += 1 }
                continue
            }
            speakers.compared += 1
            if let predictedSpeaker, SpeakerMatch.lenient(predictedSpeaker, goldSpeaker) {
                speakers.correct += 1
                quotesWithSpeaker += 1
            } else {
                note("speaker", [g[i]], scalars, detail: "\(predictedSpeaker ?? "none") ≠ \(goldSpeaker)")
            }
        }
        let matchedGold = Set(pairs.map(\.0)), matchedPredicted = Set(pairs.map(\.1))
        note("quote missed", g.indices.filter { !matchedGold.contains($0) }.map { g[$0] }, scalars)
        note("quote false", p.indices.filter { !matchedPredicted.contains($0) }.map { p[$0] }, scalars)
    }

    // MARK: - Helpers

    struct SpanKey: Hashable {
        var start: Int
        var end: Int
    }

    private static func span(_ object: [String: Any]) -> SpanKey? {
        guard let start = object["start"] as? Int, let end = object["end"] as? Int else { return nil }
        return SpanKey(start: start, end: end)
    }

    private static func spans(_ list: Any?, label: String) -> [SpanKey] {
        (list as? [[String: Any]] ?? []).filter { $0["label"] as? String == label }.compactMap(span)
    }

    /// One-to-one pairs of overlapping spans, largest overlap first (indices into gold, predicted).
    static func overlapPairs(_ gold: [SpanKey], _ predicted: [SpanKey]) -> [(Int, Int)] {
        var candidates: [(overlap: Int, gold: Int, predicted: Int)] = []
        let order = predicted.indices.sorted { predicted[$0].start < predicted[$1].start }
        for (i, g) in gold.enumerated() {
            // Predicted spans are sorted by start: stop once they start past this gold span.
            for j in order {
                let p = predicted[j]
                if p.start >= g.end { break }
                let overlap = min(g.end, p.end) - max(g.start, p.start)
                if overlap > 0 { candidates.append((overlap, i, j)) }
            }
        }
        candidates.sort { ($0.overlap, -$0.gold, -$0.predicted) > ($1.overlap, -$1.gold, -$1.predicted) }
        var usedGold = Set<Int>(), usedPredicted = Set<Int>(), pairs: [(Int, Int)] = []
        for c in candidates where !usedGold.contains(c.gold) && !usedPredicted.contains(c.predicted) {
            usedGold.insert(c.gold)
            usedPredicted.insert(c.predicted)
            pairs.append((c.gold, c.predicted))
        }
        return pairs
    }

    private static func speakerText(_ quote: [String: Any]) -> String? {
        if let s = quote["speaker"] as? String { return s.isEmpty ? nil : s }
        if let s = quote["speaker"] as? [String: Any] { return s["text"] as? String }
        return nil
    }

    private mutating func note(_ category: String, _ spans: [SpanKey], _ scalars: [Unicode.Scalar], detail: String? = nil) {
        guard keepMistakes > 0 else { return }
        for s in spans where mistakes[category, default: []].count < keepMistakes {
            let text = s.start >= 0 && s.end <= scalars.count && s.start < s.end
                ? String(String.UnicodeScalarView(scalars[s.start..<s.end])).replacingOccurrences(of: "\n", with: " ") : "?"
            let shown = text.count > 80 ? String(text.prefix(77)) + "…" : text
            mistakes[category, default: []].append(detail.map { "\(shown) [\($0)]" } ?? shown)
        }
    }

    static func idString(_ id: Any?) -> String {
        switch id {
        case let s as String: return s
        case let n as NSNumber: return n.stringValue
        default: return ""
        }
    }

    static func readLines(_ path: String) throws -> [[String: Any]] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw VerbatimError.readFailed(path: path, reason: "cannot read the file")
        }
        var result: [[String: Any]] = []
        for (n, line) in data.split(separator: 0x0A).enumerated() where !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                throw VerbatimError.invalidJSON("\(path):\(n + 1) is not a JSON object")
            }
            result.append(object)
        }
        return result
    }
}

/// Whether two speaker mentions name the same speaker, leniently: equal after
/// normalisation, a shared content word ("Trump" / "Donald Trump"), or one
/// containing the other.
public enum SpeakerMatch {
    static let stopWords: Set<String> = [
        "he", "she", "they", "i", "we", "you", "it", "him", "her", "them", "his", "hers", "their", "who", "which",
        "that", "this", "one", "the", "a", "an", "of", "and", "for", "at", "in", "on", "to", "mr", "mrs", "ms", "dr",
        "sen", "rep", "gov", "president", "said", "says", "told", "s", "former", "is", "was", "by", "with", "from",
        "as", "its", "spokesman", "spokeswoman", "spokesperson", "senator", "secretary", "jr", "sr", "u",
    ]

    static func normalise(_ s: String) -> String {
        var s = s.lowercased().replacingOccurrences(of: "’s", with: "").replacingOccurrences(of: "'s", with: "")
        s = String(s.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? Character($0) : " " })
        return s.split(separator: " ").joined(separator: " ")
    }

    public static func lenient(_ predicted: String, _ gold: String) -> Bool {
        let p = normalise(predicted), g = normalise(gold)
        guard !p.isEmpty, !g.isEmpty else { return false }
        if p == g { return true }
        let words = { (s: String) in Set(s.split(separator: " ").map(String.init).filter { $0.count > 1 && !stopWords.contains($0) }) }
        if !words(p).intersection(words(g)).isEmpty { return true }
        return p.count > 3 && (p.contains(g) || g.contains(p))
    }
}
