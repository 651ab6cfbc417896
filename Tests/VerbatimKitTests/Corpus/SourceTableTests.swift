import Foundation
import Testing
@testable import VerbatimKit

/// `verbatim sources` and the corpus view: per-article sources, merging across
/// articles, order, summary, both readers (annotation and annotate's output line)
/// and the writers. Articles are invented.
@Suite struct SourceTableTests {
    static let bakery = """
        Ms. Robin Pellow has run the bakery on Mill Lane for twenty years.

        "We will open again on Monday," Pellow said. "The ovens are fixed."

        "It was a long winter," said Casey Varnum, who owns the shop next door.

        "Nobody told us anything," a customer said.
        """

    func annotated(_ text: String, id: String, fields: String = "") throws -> AnnotatedRecord {
        let line = "{\"id\":\"\(id)\",\"text\":\(jsonString(text))\(fields)}"
        let record = InputRecord(payload: .json(Array(line.utf8)), fallbackID: id)
        let processor = RecordProcessor(worker: try sharedPipeline.makeWorker(), options: RecordOptions())
        guard case .annotated(let a) = processor.analyze(record) else { throw VerbatimError.invalidJSON("not annotated") }
        return a
    }

    func jsonString(_ s: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: [s]), as: UTF8.self).dropFirst().dropLast().description
    }

    @Test func anArticleGivesItsSourcesAndUnattributedQuotes() throws {
        let article = ArticleSources(try annotated(Self.bakery, id: "a1", fields: ",\"date\":\"2024-03-05\",\"outlet\":\"Gazette\""),
                                     groupBy: "outlet")
        let pellow = article.sources.first { $0.name == "Robin Pellow" }
        #expect(pellow?.gender == .female)
        #expect(pellow?.quotes["direct"] == 2)
        #expect(article.sources.contains { $0.name == "Casey Varnum" && $0.quotes["direct"] == 1 })
        #expect(article.unattributed == 1)  // "a customer" names nobody
        #expect(article.date == "2024-03-05")
        #expect(article.group == "Gazette")
    }

    @Test func annotatesOutputLinesGiveTheSameSources() throws {
        let record = try annotated(Self.bakery, id: "a1", fields: ",\"date\":\"2024-03-05\",\"outlet\":\"Gazette\"")
        let line = RecordWriter(options: RecordOptions()).jsonLine(.annotated(record))
        let fields = try JSONObjectReader.fields(of: Array(line.dropLast()))
        #expect(ArticleSources.isAnnotatorOutput(fields))
        let read = try ArticleSources(annotatorOutput: fields, dateField: "date", groupBy: "outlet")
        #expect(read == ArticleSources(record, groupBy: "outlet"))
        // An input record is not output.
        #expect(!ArticleSources.isAnnotatorOutput(try JSONObjectReader.fields(of: Array(#"{"id":"x","text":"Hi."}"#.utf8))))
    }

    @Test func sourcesMergeAcrossArticlesByNormalisedNameAndLabel() {
        var table = SourceTable()
        table.add(ArticleSources(sources: [.init(name: "Robin O’Pellow", label: .person, gender: .female, quotes: ["direct": 2])],
                                 date: "2024-03-05", group: "Gazette"))
        table.add(ArticleSources(sources: [.init(name: "robin o'pellow", label: .person, gender: nil, quotes: ["indirect": 3, "partial": 1]),
                                           .init(name: "Acme", label: .organization, quotes: ["direct": 6])],
                                 unattributed: 2, date: "2024-01-09", group: "Herald"))
        table.add(ArticleSources(sources: [.init(name: "Acme", label: .person, quotes: ["direct": 6])], date: "2024-02-01"))
        let rows = table.sortedRows()
        #expect(rows.map(\.name) == ["Acme", "Acme", "Robin O’Pellow"])  // 6 quotes each: name, then label (ORG < PERSON)
        #expect(rows.map(\.label) == [.organization, .person, .person])
        let pellow = rows[2]
        #expect(pellow.gender == .female)  // one article says female, the other nothing
        #expect(pellow.quotes == ["direct": 2, "indirect": 3, "partial": 1])
        #expect(pellow.articles == 2 && pellow.firstDate == "2024-01-09" && pellow.lastDate == "2024-03-05")
        #expect(pellow.groups == ["Gazette": 2, "Herald": 4])
        #expect(table.count == 3 && table.articles == 3 && table.unattributed == 2)
    }

    @Test func articlesThatDisagreeOnGenderLeaveItOut() {
        var table = SourceTable()
        table.add(ArticleSources(sources: [.init(name: "Robin Pellow", label: .person, gender: .female, quotes: ["direct": 1])]))
        table.add(ArticleSources(sources: [.init(name: "Robin Pellow", label: .person, gender: .male, quotes: ["direct": 1])]))
        #expect(table.sortedRows().first?.gender == nil)
    }

    @Test func theSummarySharesQuotesByGender() {
        var table = SourceTable()
        table.add(ArticleSources(sources: [.init(name: "A B", label: .person, gender: .female, quotes: ["direct": 3]),
                                           .init(name: "C D", label: .person, gender: .male, quotes: ["indirect": 2]),
                                           .init(name: "E F", label: .person, quotes: ["direct": 1]),
                                           .init(name: "Acme", label: .organization, quotes: ["direct": 1])],
                                 unattributed: 1))
        let s = table.summary
        #expect(s.lines.map(\.1) == [3, 2, 1, 1, 1] && s.total == 8)
        #expect(s.share(3) == "37.5" && s.share(1) == "12.5")
        let csv = String(decoding: SourceTableWriter(format: .csv).summary(table), as: UTF8.self)
        #expect(csv == "sources,quotes,share\r\nfemale,3,37.5\r\nmale,2,25.0\r\nunknown,1,12.5\r\norganisation,1,12.5\r\nunattributed,1,12.5\r\ntotal,8,100.0\r\n")
    }

    @Test func theCSVHasOneColumnPerGroupValueAndGuardsFormulas() {
        var table = SourceTable()
        table.add(ArticleSources(sources: [.init(name: "=HYPERLINK(\"x\")", label: .person, quotes: ["direct": 1])], group: "Gazette"))
        table.add(ArticleSources(sources: [.init(name: "Robin Pellow", label: .person, gender: .female, quotes: ["indirect": 2])],
                                 date: "2024-03-05", group: "Herald, Weekly"))
        let csv = String(decoding: SourceTableWriter(format: .csv, groupBy: "outlet").rows(table), as: UTF8.self)
        #expect(csv == """
            name,label,gender,quotes,direct,indirect,partial,articles,first_date,last_date,outlet=Gazette,"outlet=Herald, Weekly"\r
            Robin Pellow,PERSON,female,2,0,2,0,1,2024-03-05,2024-03-05,0,2\r
            "'=HYPERLINK(""x"")",PERSON,,1,1,0,0,1,,,1,0\r

            """)
        let jsonl = String(decoding: SourceTableWriter(format: .jsonl, groupBy: "outlet").rows(table), as: UTF8.self)
        #expect(jsonl.hasPrefix(#"{"name":"Robin Pellow","label":"PERSON","gender":"female","quotes":2,"direct":0,"indirect":2,"partial":0,"articles":1,"first_date":"2024-03-05","last_date":"2024-03-05","groups":{"Herald, Weekly":2}}"#))
    }

    @Test func theEntityCSVHasClusterNameAndGender() throws {
        let record = try annotated("Ms. Robin Pellow met Acme Corp. in May.", id: "=a1")
        let csv = String(decoding: EntityCSVWriter().write(record.state), as: UTF8.self)
        #expect(csv.hasPrefix("'=a1,e1,PERSON,Robin Pellow,,,4,16,c1,Robin Pellow,female\r\n"))
        #expect(String(decoding: EntityCSVWriter.header, as: UTF8.self)
                == "record_id,entity_id,label,text,type,value,start,end,cluster_id,cluster_name,gender\r\n")
    }

    @Test func theCorpusViewShowsSharesAndTopSources() {
        var table = SourceTable()
        table.add(ArticleSources(sources: [.init(name: "Robin <Pellow>", label: .person, gender: .female, quotes: ["direct": 3])],
                                 unattributed: 1))
        table.add(ArticleSources(sources: [.init(name: "Acme", label: .organization, quotes: ["indirect": 1])]))
        let html = HTMLRenderer.corpusView(table)
        #expect(html.contains("2 articles · 5 quotes · 2 named sources"))
        #expect(html.contains("<tr class=\"female\"><th scope=\"row\">Women</th><td>3</td><td><span class=\"bar\" style=\"width: 60.0%\"></span> 60.0 %</td></tr>"))
        #expect(html.contains("<th scope=\"row\">Robin &lt;Pellow&gt;</th><td>PERSON</td><td>female</td><td>3</td>"))
        #expect(html.contains("<th scope=\"row\">Acme</th><td>ORG</td><td>—</td><td>1</td><td>0</td><td>1</td>"))
    }

    @Test func anArticleShowsItsTitleOutletAndOnlyWebURLsAsLinks() throws {
        let record = try annotated(Self.bakery, id: "a1", fields: ",\"title\":\"Ovens & winter\",\"url\":\"https://example.org/a?b=1&c\",\"outlet\":\"Gazette\"")
        let html = HTMLRenderer().article(record.state, number: 1, details: HTMLRenderer.ArticleDetails(record))
        #expect(html.contains("<h2 id=\"d1-title\">Ovens &amp; winter</h2>"))
        #expect(html.contains("<p class=\"meta source\">a1 · <span class=\"outlet\">Gazette</span> · <a href=\"https://example.org/a?b=1&amp;c\">"))
        let hostile = HTMLRenderer().article(record.state, number: 1, details: .init(url: "javascript:alert(1)"))
        #expect(!hostile.contains("href=\"javascript"))
    }
}
