import Foundation
import Testing
@testable import VerbatimKit

@Suite struct QuoteCSVWriterTests {
    @Test func quotesFieldsAsRFC4180Says() {
        var out: [UInt8] = []
        QuoteCSVWriter.appendRow(["plain", "a,b", "say \"hi\"", "two\nlines", ""], to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n")
        #expect(String(decoding: QuoteCSVWriter.header, as: UTF8.self)
            == "record_id,quote_id,speaker,speaker_mention,quote,kind,cue,start,end\r\n")
    }

    /// Python's csv module (what spreadsheets and pandas agree with) reads the rows back.
    @Test func pythonsCSVModuleReadsTheRowsBack() throws {
        let state = try FormatFixture.state(id: "demo, \"1\"")
        let file = try Python.temporaryFile(QuoteCSVWriter.header + QuoteCSVWriter().write(state), suffix: ".csv")
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import csv, json, sys
            with open(sys.argv[1], newline="", encoding="utf-8") as f:
                print(json.dumps(list(csv.reader(f, strict=True)), ensure_ascii=False))
            """
        guard let result = try Python.run(script, arguments: [file.path]) else { return }
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String]]
        #expect(rows?.count == 3)
        #expect(rows?.first == QuoteCSVWriter.columns)
        let q1 = FormatFixture.codePoints(of: "“There was not a police car in pursuit,”")
        #expect(rows?[1] == ["demo, \"1\"", "q1", "Neil Basu", "Neil Basu", "“There was not a police car in pursuit,”", "direct", "told",
                             "\(q1.0)", "\(q1.1)"])
        let q2 = FormatFixture.codePoints(of: "“We are, \"calm\", now,\nand Zoë agrees,”")
        #expect(rows?[2] == ["demo, \"1\"", "q2", "Neil Basu", "he", "“We are, \"calm\", now,\nand Zoë agrees,”", "direct", "said",
                             "\(q2.0)", "\(q2.1)"])
    }
}
