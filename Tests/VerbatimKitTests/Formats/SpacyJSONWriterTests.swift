import Foundation
import Testing
@testable import VerbatimKit

@Suite struct SpacyJSONWriterTests {
    @Test func mapsLabelsToOntoNotes() {
        func label(_ l: EntityLabel, _ type: String?) -> String {
            SpacyJSONWriter.label(for: Entity(start: 0, end: 1, label: l, type: type, rule: "t"))
        }
        #expect(label(.person, nil) == "PERSON")
        #expect(label(.organization, nil) == "ORG")
        #expect(label(.place, "city") == "GPE")
        #expect(label(.place, "facility") == "FAC")
        #expect(label(.place, nil) == "LOC")
        #expect(label(.time, "TIME") == "TIME")
        #expect(label(.time, "DURATION") == "DATE")
    }

    /// Tokens cover the text exactly as spaCy rebuilds it (`get_words_and_spaces`),
    /// and every entity starts and ends on a token boundary.
    @Test func tokensTileTheTextAndEntitiesAlign() throws {
        let state = try FormatFixture.state()
        let object = try JSONSerialization.jsonObject(with: Data(SpacyJSONWriter().write(state))) as? [String: Any]
        let text = Array(FormatFixture.text.unicodeScalars)
        let tokens = (object?["tokens"] as? [[String: Int]]) ?? []
        var position = 0
        var starts: Set<Int> = [], ends: Set<Int> = []
        for token in tokens {
            let gap = String(String.UnicodeScalarView(text[position..<token["start"]!]))
            #expect(gap == "" || gap == " ")
            position = token["end"]!
            starts.insert(token["start"]!)
            ends.insert(token["end"]!)
        }
        #expect(position == text.count)
        let ents = (object?["ents"] as? [[String: Any]]) ?? []
        #expect(ents.map { String(String.UnicodeScalarView(text[($0["start"] as! Int)..<($0["end"] as! Int)])) }
            == ["Neil Basu", "Met’s", "Tuesday", "Zoë", "Scotland Yard"])
        #expect(ents.allSatisfy { starts.contains($0["start"] as! Int) && ends.contains($0["end"] as! Int) })
        #expect(object?["text"] as? String == FormatFixture.text)
    }

    /// spaCy itself loads the line into a Doc (skipped when spaCy is not installed:
    /// `pip install spacy`; a blank pipeline needs no model download).
    @Test(.enabled(if: Python.has("spacy") || Python.requiredInCI)) func spacyLoadsTheDoc() throws {
        let state = try FormatFixture.state()
        let file = try Python.temporaryFile(SpacyJSONWriter().write(state), suffix: ".jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import json, sys, spacy
            from spacy.tokens import Doc
            nlp = spacy.blank("en")
            for line in open(sys.argv[1], encoding="utf-8"):
                d = json.loads(line)
                doc = Doc(nlp.vocab).from_json(d)
                print(json.dumps({"same_text": doc.text == d["text"], "ents": [[e.text, e.label_] for e in doc.ents],
                                  "sents": len(list(doc.sents)), "quotes": [[s.text, s.label_] for s in doc.spans["quotes"]]},
                                 ensure_ascii=False))
            """
        guard let result = try Python.run(script, arguments: [file.path]) else { return }
        #expect(result.status == 0, "\(result.stderr)")
        let doc = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(doc?["same_text"] as? Bool == true)
        #expect(doc?["ents"] as? [[String]] == [["Neil Basu", "PERSON"], ["Met’s", "ORG"], ["Tuesday", "DATE"], ["Zoë", "PERSON"],
                                                 ["Scotland Yard", "ORG"]])
        #expect(doc?["sents"] as? Int == state.segmentation.sentences.count)
        #expect((doc?["quotes"] as? [[String]])?.map { $0[1] } == ["direct", "direct"])
    }
}
