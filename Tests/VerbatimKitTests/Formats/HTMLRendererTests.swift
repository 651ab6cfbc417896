import Foundation
import Testing
@testable import VerbatimKit

@Suite struct HTMLRendererTests {
    static func page() throws -> String {
        HTMLRenderer.pageStart(title: "Fixture <&>") + HTMLRenderer().article(try FormatFixture.state(), number: 1) + HTMLRenderer.pageEnd
    }

    @Test func marksEntitiesQuotesAndSpeakersWithLinks() throws {
        let html = try Self.page()
        // Set VERBATIM_RENDER_FIXTURE=/tmp/fixture.html to look at the page (Tests/render-screenshot.sh does).
        if let path = ProcessInfo.processInfo.environment["VERBATIM_RENDER_FIXTURE"] {
            try Data(html.utf8).write(to: URL(fileURLWithPath: path))
        }
        #expect(html.contains("<title>Fixture &lt;&amp;&gt;</title>"))
        #expect(html.contains(#"<mark class="ent person" id="d1-e1" title="PERSON · Neil Basu">Neil Basu<span class="tag">PERSON</span></mark>"#))
        #expect(html.contains(#"title="TIME DATE 2018-08-14""#))
        // The quote links to the speaker mention, which links back.
        #expect(html.contains(##"<q class="quote" id="d1-q1" data-kind="direct">“There was not a police car in pursuit,”</q><sup class="said-by"><a href="#d1-s1""##))
        #expect(html.contains(#"<span class="speaker" id="d1-s1"><mark class="ent person""#))
        #expect(html.contains(##"<a href="#d1-q1" aria-label="back to quote 1">Q1</a>"##))
        #expect(html.contains(##"<span class="speaker" id="d1-s2">he</span><sup class="back"><a href="#d1-q2""##))
        // Straight quotation marks in the text are escaped; the line break inside the quote is kept.
        #expect(html.contains("“We are, &quot;calm&quot;, now,<br>\nand "))
        #expect(!html.contains("<script"))
    }

    /// Every element opened is closed in order (checked by Python's HTML parser),
    /// and no inline element sits outside a paragraph.
    @Test func elementsNestProperly() throws {
        let html = try Self.page()
        let file = try Python.temporaryFile(Array(html.utf8), suffix: ".html")
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import sys
            from html.parser import HTMLParser
            VOID = {"meta", "br", "link", "img", "hr", "input"}
            INLINE = {"mark", "q", "span", "sup", "a"}
            class P(HTMLParser):
                def __init__(self):
                    super().__init__(); self.stack = []; self.problems = []
                def handle_starttag(self, tag, attrs):
                    if tag in VOID: return
                    if tag == "q" and not any(t in ("p", "li") for t in self.stack): self.problems.append("q outside p")
                    if tag == "p" and any(t in INLINE for t in self.stack): self.problems.append("p inside inline")
                    self.stack.append(tag)
                def handle_endtag(self, tag):
                    if tag in VOID: return
                    if not self.stack or self.stack[-1] != tag: self.problems.append("unexpected </%s> in %s" % (tag, self.stack[-3:]))
                    else: self.stack.pop()
            p = P(); p.feed(open(sys.argv[1], encoding="utf-8").read()); p.close()
            print("ok" if not p.problems and not p.stack else (p.problems, p.stack))
            """
        guard let result = try Python.run(script, arguments: [file.path]) else { return }
        #expect(result.stdout == "ok\n", "\(result.stdout)\(result.stderr)")
    }

    @Test func crossingSpansAreSplitAndReopened() {
        let bytes = Array("ab cd\nef".utf8)
        let items = [
            HTMLRenderer.Item(start: 0, end: 8, layer: 0, open: "<p>", close: "</p>"),
            HTMLRenderer.Item(start: 0, end: 5, layer: 1, open: "<q id=x>", reopen: "<q>", close: "</q>", suffix: "[q]"),
            HTMLRenderer.Item(start: 3, end: 8, layer: 3, open: "<m id=y>", reopen: "<m>", close: "</m>", suffixInside: "[m]"),
        ]
        #expect(HTMLRenderer.nest(items, in: bytes) == "<p><q id=x>ab <m id=y>cd</m></q>[q]<m><br>\nef[m]</m></p>")
    }
}
