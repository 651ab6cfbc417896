import Foundation
import Testing
@testable import VerbatimKit

@Suite struct BratWriterTests {
    @Test func fileStemsAreSafe() {
        #expect(BratWriter.fileStem(for: "westminster-2018.txt") == "westminster-2018")
        #expect(BratWriter.fileStem(for: "news/2018/a b.txt") == "news_2018_a_b")
        #expect(BratWriter.fileStem(for: "..") == "doc..")
        #expect(BratWriter.fileStem(for: "") == "doc")
        #expect(BratWriter.fileStem(for: "Zoë") == "Zo_")
    }

    @Test func writesEntitiesQuotesAndRelations() throws {
        let brat = BratWriter().write(try FormatFixture.state())
        let ann = String(decoding: brat.annotations, as: UTF8.self)
        let basu = FormatFixture.codePoints(of: "Neil Basu")
        #expect(ann.hasPrefix("T1\tPERSON \(basu.0) \(basu.1)\tNeil Basu\n#1\tAnnotatorNotes T1\tcluster=c1\n"))
        #expect(ann.contains("\tTIME "))
        #expect(ann.contains("\tAnnotatorNotes T3\ttype=DATE value=2018-08-14\n"))
        #expect(ann.contains("Speaker Arg1:T6 Arg2:T1\n"))
        #expect(ann.contains("\tMention "))
        #expect(brat.text == Array(FormatFixture.text.utf8))
    }

    /// A standoff parser in the manner of brat's own: every text-bound annotation's
    /// text matches its fragments of the .txt, and every reference resolves.
    @Test func aStandoffParserReadsItBack() throws {
        let brat = BratWriter().write(try FormatFixture.state())
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("verbatim-brat-\(UUID().uuidString)")
        let directory = try BratDirectory(path: dir.path)
        defer { try? FileManager.default.removeItem(at: dir) }
        let stem = try directory.write(brat)
        #expect(try directory.write(brat) == stem + "-2")
        let script = """
            import json, sys
            base = sys.argv[1]
            text = open(base + ".txt", encoding="utf-8", newline="").read()
            spans, attrs, rels, notes, problems = {}, [], [], [], []
            for line in open(base + ".ann", encoding="utf-8", newline="\\n"):
                line = line.rstrip("\\n")
                kind = line[0]
                if kind == "T":
                    tid, mid, covered = line.split("\\t")
                    label, offsets = mid.split(" ", 1)
                    frags = [tuple(int(x) for x in f.split()) for f in offsets.split(";")]
                    if " ".join(text[s:e] for s, e in frags) != covered:
                        problems.append(tid)
                    spans[tid] = (label, covered)
                elif kind == "A":
                    aid, rest = line.split("\\t")
                    name, target, value = rest.split(" ")
                    attrs.append((name, target, value))
                elif kind == "R":
                    rid, rest = line.split("\\t")
                    name, a1, a2 = rest.split(" ")
                    rels.append((name, a1[5:], a2[5:]))
                elif kind == "#":
                    nid, rest, note = line.split("\\t")
                    notes.append((rest.split(" ")[1], note))
                else:
                    problems.append(line)
            ids = set(spans)
            problems += [a for a in attrs if a[1] not in ids] + [r for r in rels if r[1] not in ids or r[2] not in ids]
            problems += [n for n in notes if n[0] not in ids]
            print(json.dumps({"problems": problems,
                              "labels": [spans[t][0] for t in spans],
                              "speakers": [[spans[a][1], spans[b][1]] for n, a, b in rels if n == "Speaker"],
                              "kinds": [v for n, t, v in attrs if n == "Kind"]}, ensure_ascii=False))
            """
        guard let result = try Python.run(script, arguments: [dir.appendingPathComponent(stem).path]) else { return }
        #expect(result.status == 0, "\(result.stderr)")
        let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect((parsed?["problems"] as? [Any])?.isEmpty == true, "\(result.stdout)")
        #expect(parsed?["labels"] as? [String] == ["PERSON", "ORG", "TIME", "PERSON", "ORG", "Quote", "Cue", "Quote", "Cue", "Mention"])
        #expect(parsed?["speakers"] as? [[String]] == [["“There was not a police car in pursuit,”", "Neil Basu"],
                                                      ["“We are, \"calm\", now, and Zoë agrees,”", "he"]])
        #expect(parsed?["kinds"] as? [String] == ["direct", "direct"])
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("annotation.conf").path))
    }
}
