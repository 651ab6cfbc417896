import Foundation
import Testing
@testable import VerbatimKit

@Suite struct BIOTagWriterTests {
    @Test func writesIOB2TagsPerTokenAndBlankLinesBetweenSentences() throws {
        let state = try FormatFixture.state()
        let text = String(decoding: BIOTagWriter().write(state), as: UTF8.self)
        #expect(text.hasPrefix("-DOCSTART- -X- -X- O\n\n“\tO\nThere\tO\n"))
        #expect(text.contains("\nNeil\tB-PER\nBasu\tI-PER\n,\tO\n"))
        // "Met" ends inside the token "Met’s": the token belongs to the entity.
        #expect(text.contains("\nMet’s\tB-ORG\n"))
        #expect(text.contains("\nTuesday\tB-TIME\n.\tO\n\n"))
        #expect(text.contains("\nScotland\tB-ORG\nYard\tI-ORG\n"))
        #expect(text.hasSuffix(".\tO\n\n"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.filter { !$0.isEmpty && $0 != "-DOCSTART- -X- -X- O" }.count == state.segmentation.tokens.count)
        #expect(lines.allSatisfy { $0.isEmpty || $0.hasPrefix("-DOCSTART-") || $0.split(separator: "\t").count == 2 })
    }

    @Test func adjacentEntitiesEachStartWithB() {
        let tokens = [Token(start: 0, end: 4, kind: .word, shape: .title), Token(start: 5, end: 9, kind: .word, shape: .title),
                      Token(start: 10, end: 14, kind: .word, shape: .lower)]
        let entities = [Entity(start: 0, end: 4, label: .place, rule: "t"), Entity(start: 5, end: 9, label: .place, rule: "t")]
        #expect(BIOTagWriter.tags(tokens: tokens, entities: entities) == ["B-LOC", "B-LOC", "O"])
        #expect(BIOTagWriter.tags(tokens: tokens, entities: []) == ["O", "O", "O"])
    }

    /// Reads the output back the way CoNLL-2003 readers do (whitespace-separated
    /// columns, blank lines between sentences, -DOCSTART- between documents) and
    /// collects the IOB2 chunks.
    @Test func aCoNLLReaderRecoversTheEntities() throws {
        let state = try FormatFixture.state()
        let file = try Python.temporaryFile(BIOTagWriter().write(state) + BIOTagWriter().write(state), suffix: ".conll")
        defer { try? FileManager.default.removeItem(at: file) }
        let reader = """
            import json, sys
            docs, sents, sent = [], None, []
            for line in open(sys.argv[1], encoding="utf-8"):
                line = line.rstrip("\\n")
                if line.startswith("-DOCSTART-"):
                    sents = []; docs.append(sents); continue
                if not line:
                    if sent: sents.append(sent); sent = []
                    continue
                token, tag = line.split("\\t")
                sent.append((token, tag))
            out = []
            for sents in docs:
                chunks = []
                for sent in sents:
                    cur = None
                    for token, tag in sent:
                        if tag.startswith("B-") or (tag.startswith("I-") and (cur is None or cur[1] != tag[2:])):
                            cur = [[token], tag[2:]]; chunks.append(cur)
                        elif tag.startswith("I-"):
                            cur[0].append(token)
                        else:
                            cur = None
                out.append({"sentences": len(sents), "chunks": [[" ".join(c[0]), c[1]] for c in chunks]})
            print(json.dumps(out, ensure_ascii=False))
            """
        guard let result = try Python.run(reader, arguments: [file.path]) else { return }
        #expect(result.status == 0, "\(result.stderr)")
        let docs = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        #expect(docs?.count == 2)
        #expect(docs?.first?["sentences"] as? Int == state.segmentation.sentences.count)
        let chunks = docs?.first?["chunks"] as? [[String]]
        #expect(chunks == [["Neil Basu", "PER"], ["Met’s", "ORG"], ["Tuesday", "TIME"], ["Zoë", "PER"], ["Scotland Yard", "ORG"]])
    }
}
