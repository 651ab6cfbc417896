import ArgumentParser
import Foundation
import VerbatimKit

extension Verbatim {
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score annotate output against gold annotations (JSON Lines, matched by id).",
            discussion: """
                Prints precision, recall and F1 per entity label (exact span, and overlapping \
                spans), for time expressions (strict and relaxed span, value accuracy) and for \
                direct quotes (span overlap and exact, lenient speaker accuracy, quote+speaker F1) \
                — each where the gold file has that kind of annotation. Gold may use Verbatim's \
                schema, or "timexes" and quotes with a string "speaker".

                Example: verbatim annotate gold-texts.jsonl > out.jsonl && verbatim eval gold.jsonl out.jsonl
                """
        )

        @Argument(help: "Gold annotations (JSON Lines).")
        var gold: String

        @Argument(help: "Predictions: the output of verbatim annotate.")
        var predicted: String

        @Option(help: "List up to N mistakes of each kind.")
        var errors = 0

        @Flag(help: "Count predicted partial quotes as well as direct ones.")
        var withPartial = false

        @Flag(help: "Print the figures as one JSON object.")
        var json = false

        func run() throws {
            let e: Evaluation
            do {
                e = try Evaluation.score(gold: gold, predicted: predicted, includePartialQuotes: withPartial, mistakesPerCategory: errors)
            } catch let error as VerbatimError {
                throw ValidationError(error.description)
            }
            if json {
                print(try jsonSummary(e))
                return
            }
            print("documents \(e.documents), without a prediction \(e.missingPredictions)")
            func pct(_ x: Double) -> String { String(format: "%6.2f", 100 * x) }
            if !e.entities.isEmpty {
                print("entities   gold   pred |      P      R     F1 | overlap P      R     F1")
                for label in ["PERSON", "ORG", "PLACE", "TIME"] {
                    guard let c = e.entities[label] else { continue }
                    print(row(label, c, pct))
                }
                print(row("micro", e.entityMicro, pct))
            }
            if e.times.gold > 0 {
                let t = e.times
                print("times: strict P \(pct(t.precision)) R \(pct(t.recall)) F1 \(pct(t.f1)) | relaxed P \(pct(t.overlapPrecision)) R \(pct(t.overlapRecall)) F1 \(pct(t.overlapF1)) | value accuracy \(pct(e.timeValueAccuracy)) (\(e.timeValues.compared))")
            }
            if e.quotes.gold > 0 || e.quotes.predicted > 0 {
                let q = e.quotes
                print("quotes: gold \(q.gold) pred \(q.predicted) | overlap P \(pct(q.overlapPrecision)) R \(pct(q.overlapRecall)) F1 \(pct(q.overlapF1)) | exact F1 \(pct(q.f1))")
                print("speakers: lenient accuracy \(pct(e.speakerAccuracy)) on \(e.speakers.compared) matched quotes | quote+speaker F1 \(pct(e.quoteSpeakerF1))")
            }
            for (category, samples) in e.mistakes.sorted(by: { $0.key < $1.key }) {
                print("\(category): " + samples.joined(separator: " | "))
            }
        }

        private func row(_ name: String, _ c: Evaluation.Counts, _ pct: (Double) -> String) -> String {
            name.padding(toLength: 8, withPad: " ", startingAt: 0)
                + String(format: " %6d %6d |", c.gold, c.predicted)
                + " \(pct(c.precision)) \(pct(c.recall)) \(pct(c.f1)) |    \(pct(c.overlapPrecision)) \(pct(c.overlapRecall)) \(pct(c.overlapF1))"
        }

        private func jsonSummary(_ e: Evaluation) throws -> String {
            func counts(_ c: Evaluation.Counts) -> [String: Any] {
                ["gold": c.gold, "pred": c.predicted, "p": c.precision, "r": c.recall, "f1": c.f1,
                 "overlap_p": c.overlapPrecision, "overlap_r": c.overlapRecall, "overlap_f1": c.overlapF1]
            }
            var out: [String: Any] = ["documents": e.documents, "missing_predictions": e.missingPredictions]
            if !e.entities.isEmpty {
                out["entities"] = e.entities.mapValues(counts)
                out["entities_micro"] = counts(e.entityMicro)
            }
            if e.times.gold > 0 {
                out["times"] = counts(e.times).merging(["value_accuracy": e.timeValueAccuracy]) { a, _ in a }
            }
            if e.quotes.gold > 0 || e.quotes.predicted > 0 {
                out["quotes"] = counts(e.quotes).merging(["speaker_lenient": e.speakerAccuracy, "quote_speaker_f1": e.quoteSpeakerF1]) { a, _ in a }
            }
            return String(decoding: try JSONSerialization.data(withJSONObject: out, options: [.sortedKeys]), as: UTF8.self)
        }
    }
}
