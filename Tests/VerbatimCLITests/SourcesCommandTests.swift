import Foundation
import Testing

/// `verbatim sources`, `annotate --format csv-entities` and the corpus view of
/// `verbatim render`, run as a user would, on invented articles.
@Suite struct SourcesCommandTests {
    static let articles = [
        #"{"id":"a1","date":"2025-01-02","outlet":"Post","title":"Harbour <works>","url":"https://example.org/h?a=1&b=2","text":"\"The pier is safe,\" said Ms. Wren Talbot, the harbour master. \"Boats may dock.\"\n\n\"We were not told,\" a fisherman said."}"#,
        #"{"id":"a2","date":"2025-01-09","outlet":"Star","text":"The harbour master, Wren Talbot, spoke briefly. \"We will see,\" she said.\n\n\"Repairs start in May,\" said Mr. Arlo Fenwick."}"#,
        #"{"id":"a3","date":"2024-12-30","outlet":"Post","text":"\"Fares will rise,\" said Arlo Fenwick, the ferry company's spokesman."}"#,
    ]
    static var input: Data { Data((articles.joined(separator: "\n") + "\n").utf8) }

    @Test func rawArticlesAndAnnotateOutputGiveTheSameTable() throws {
        let raw = try CLI.run(["sources", "--group-by", "outlet", "-j", "1"], stdin: Self.input)
        #expect(raw.status == 0, "\(raw.stderr)")
        #expect(raw.text == """
            name,label,gender,quotes,direct,indirect,partial,articles,first_date,last_date,outlet=Post,outlet=Star\r
            Wren Talbot,PERSON,female,3,3,0,0,2,2025-01-02,2025-01-09,2,1\r
            Arlo Fenwick,PERSON,male,2,2,0,0,2,2024-12-30,2025-01-09,1,1\r

            """)
        let annotated = try CLI.run(["annotate", "--no-text"], stdin: Self.input)
        let read = try CLI.run(["sources", "--group-by", "outlet", "-j", "4"], stdin: annotated.stdout)
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout == raw.stdout)
        let summary = try CLI.run(["sources", "--summary", "--format", "jsonl"], stdin: annotated.stdout)
        let shares = summary.lines.first?["by_source"] as? [String: [String: Any]]
        #expect(shares?["female"]?["quotes"] as? Int == 3 && shares?["male"]?["quotes"] as? Int == 2)
        #expect(shares?["unattributed"]?["quotes"] as? Int == 1 && summary.lines.first?["quotes"] as? Int == 6)
    }

    @Test func anErrorLineOfAnnotateIsReportedAndTheRestCounted() throws {
        var lines = try CLI.run(["annotate"], stdin: Self.input).text.components(separatedBy: "\n")
        lines.insert(#"{"id":"bad","error":{"code":"missing_text","message":"no text"},"verbatim":{"version":"0.1.0","schema":1}}"#, at: 1)
        let result = try CLI.run(["sources"], stdin: Data(lines.joined(separator: "\n").utf8))
        #expect(result.status == 1)
        #expect(result.stderr.contains("record bad: an error line of the annotate output"))
        #expect(result.text.contains("Wren Talbot,PERSON,female,3,"))
    }

    @Test func theEntityCSVHasOneRowPerEntity() throws {
        let result = try CLI.run(["annotate", "--format", "csv-entities"], stdin: Self.input)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.text.components(separatedBy: "\r\n").dropLast()
        #expect(rows.first == "record_id,entity_id,label,text,type,value,start,end,cluster_id,cluster_name,gender")
        #expect(rows.contains("a2,e1,PERSON,Wren Talbot,,,20,31,c1,Wren Talbot,female"))
        #expect(rows.contains { $0.hasPrefix("a3,") && $0.hasSuffix(",Arlo Fenwick,male") })
    }

    @Test func renderOpensWithTheCorpusViewOnlyForSeveralArticles() throws {
        let page = try CLI.run(["render"], stdin: Self.input)
        #expect(page.status == 0, "\(page.stderr)")
        let html = page.text
        let corpus = try #require(html.range(of: "<section class=\"corpus\""))
        #expect(corpus.lowerBound < (html.range(of: "<article ")?.lowerBound ?? html.startIndex))
        #expect(html.contains("3 articles · 6 quotes · 2 named sources"))
        #expect(html.contains("<th scope=\"row\">Wren Talbot</th><td>PERSON</td><td>female</td><td>3</td>"))
        #expect(html.contains("<tr class=\"unattributed\"><th scope=\"row\">Unattributed</th><td>1</td>"))
        // The title heads its article and the table of contents; the URL is a link, escaped.
        #expect(html.contains("<h2 id=\"d1-title\">Harbour &lt;works&gt;</h2>"))
        #expect(html.contains("<li><a href=\"#d1\">Harbour &lt;works&gt;</a></li>"))
        #expect(html.contains("<a href=\"https://example.org/h?a=1&amp;b=2\">"))
        let one = try CLI.run(["render"], stdin: Data((Self.articles[0] + "\n").utf8))
        #expect(!one.text.contains("class=\"corpus\""))
    }
}
