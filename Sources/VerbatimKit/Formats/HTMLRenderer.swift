/// Renders annotated articles as one self-contained HTML page (`verbatim render`).
///
/// The page needs no script, stylesheet or font from anywhere: the CSS is inline.
/// Entities are `<mark>` elements that carry a visible label (PERSON, ORG, PLACE,
/// TIME) and a border style of their own (solid, double, dashed, dotted), so
/// colour is never the only cue; every quote is a `<q>` followed by a link to its
/// speaker's mention, the mention links back, and a table under each article lists
/// the quotes with speaker, kind and cue. Colours keep text contrast above 7:1.
///
/// Use ``pageStart(title:)``, then ``article(_:number:)`` or ``failure(_:number:)``
/// per record in input order, then ``pageEnd``.
public struct HTMLRenderer: Sendable {
    public init() {}

    // MARK: - Page

    /// The page up to the first article; with more than one article, `contents`
    /// (ids in input order) becomes a table of contents.
    public static func pageStart(title: String, contents: [String] = []) -> String {
        var nav = ""
        if contents.count > 1 {
            nav = "<nav aria-labelledby=\"contents-title\">\n<h2 id=\"contents-title\">Articles</h2>\n<ol>\n"
            for (k, id) in contents.enumerated() { nav += "<li><a href=\"#d\(k + 1)\">\(escape(id))</a></li>\n" }
            nav += "</ol>\n</nav>\n"
        }
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="Verbatim \(AnnotationEncoder.version)">
        <title>\(escape(title))</title>
        <style>
        \(css)
        </style>
        </head>
        <body>
        <header class="page">
        <h1>\(escape(title))</h1>
        <section class="legend" aria-labelledby="legend-title">
        <h2 id="legend-title">Legend</h2>
        <ul>
        <li><mark class="ent person">Name<span class="tag">PERSON</span></mark> person (solid border)</li>
        <li><mark class="ent org">Name<span class="tag">ORG</span></mark> organisation (double border)</li>
        <li><mark class="ent place">Name<span class="tag">PLACE</span></mark> place (dashed border)</li>
        <li><mark class="ent time">Date<span class="tag">TIME</span></mark> time expression (dotted border)</li>
        <li><q class="quote">“Quoted words”</q><sup class="said-by"><a href="#legend-title">Q1 → speaker</a></sup> quote, linked to who said it</li>
        <li><q class="quote" data-kind="indirect">reported content</q> reported speech (no quotation marks: dashed underline)</li>
        <li><span class="speaker">speaker</span><sup class="back"><a href="#legend-title">Q1</a></sup> the words naming the speaker, linked back to the quote</li>
        <li><span class="cue">said</span> the reporting verb or cue (wavy underline)</li>
        </ul>
        </section>
        \(nav)</header>
        <main>

        """
    }

    public static let pageEnd = """
        </main>
        <footer class="page"><p>Annotated by Verbatim \(AnnotationEncoder.version). Offsets and labels as in <code>verbatim annotate</code>.</p></footer>
        </body>
        </html>

        """

    static let css = """
        :root { color-scheme: light; }
        body { font: 18px/1.7 Georgia, "DejaVu Serif", serif; color: #1a1a1a; background: #fdfdfb; margin: 0 auto; max-width: 46em; padding: 1em 1.5em 3em; }
        h1, h2, h3, table, .legend, .meta, footer { font-family: "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
        h1 { font-size: 1.6em; margin: 0.4em 0; }
        h2 { font-size: 1.25em; margin: 1.2em 0 0.3em; }
        h3 { font-size: 1em; margin: 1.2em 0 0.4em; }
        .legend { border: 1px solid #c8c8c8; border-radius: 6px; padding: 0.2em 1em 0.6em; font-size: 0.85em; background: #fff; }
        .legend h2 { font-size: 1em; margin: 0.5em 0 0.3em; }
        .legend ul { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(20em, 1fr)); gap: 0.3em 1.2em; }
        article { border-top: 3px solid #1a1a1a; margin-top: 2em; }
        .meta { color: #4a4a4a; font-size: 0.85em; margin: 0; }
        mark.ent { color: #1a1a1a; padding: 0 0.15em; border-radius: 3px; border-width: 2px; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
        .ent .tag { font: bold 0.6em/1 "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; letter-spacing: 0.04em; color: #fff; border-radius: 2px; padding: 0.1em 0.25em; margin-left: 0.3em; vertical-align: 0.25em; }
        .person { background: #ffe3c2; border: 2px solid #8a4500; }
        .person .tag { background: #8a4500; }
        .org { background: #d6e6ff; border: 3px double #1d4f8c; }
        .org .tag { background: #1d4f8c; }
        .place { background: #d7f2d3; border: 2px dashed #22632a; }
        .place .tag { background: #22632a; }
        .time { background: #fff2a8; border: 2px dotted #5c4a00; }
        .time .tag { background: #5c4a00; }
        q { quotes: none; }
        q.quote { background: #ececec; font-style: italic; padding: 0.1em 0; }
        q.quote[data-kind="indirect"] { font-style: normal; background: #f4f4f4; border-bottom: 1px dashed #555; }
        .speaker { border-bottom: 3px solid #6a1b9a; padding-bottom: 1px; }
        nav ol { columns: 2; font-family: "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; font-size: 0.9em; }
        .cue { text-decoration: underline wavy #6a1b9a 1.5px; text-underline-offset: 0.25em; }
        sup { line-height: 0; font-family: "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; font-size: 0.65em; font-style: normal; }
        sup.said-by a, sup.back a { color: #fff; background: #6a1b9a; border-radius: 3px; padding: 0.05em 0.3em; text-decoration: none; }
        sup.back a { background: #fff; color: #6a1b9a; border: 1px solid #6a1b9a; }
        a { color: #0b4f9c; }
        a:focus-visible, sup a:focus-visible { outline: 3px solid #d35400; outline-offset: 2px; }
        :target { outline: 3px solid #d35400; outline-offset: 2px; }
        table { border-collapse: collapse; width: 100%; font-size: 0.85em; }
        caption { text-align: left; font-weight: bold; padding: 0.3em 0; }
        th, td { border: 1px solid #c8c8c8; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
        th { background: #f0f0f0; }
        .error { border-left: 6px solid #b00020; padding: 0.3em 1em; background: #fdecee; }
        footer { margin-top: 3em; font-size: 0.8em; color: #4a4a4a; }
        """

    // MARK: - Articles

    /// An `<article>` for a record that failed.
    public func failure(_ failed: FailedRecord, number: Int) -> String {
        """
        <article id="d\(number)" aria-labelledby="d\(number)-title">
        <h2 id="d\(number)-title">\(Self.escape(failed.id))</h2>
        <p class="error" role="note"><strong>Not annotated</strong> (\(Self.escape(failed.error.code))): \(Self.escape(failed.error.description))</p>
        </article>

        """
    }

    /// An `<article>` for an annotated record; `number` (from 1) makes its ids unique on the page.
    public func article(_ state: AnalysisState, number: Int) -> String {
        let document = state.document
        let annotation = state.annotation
        let d = "d\(number)"
        var html = "<article id=\"\(d)\" aria-labelledby=\"\(d)-title\">\n"
        html += "<h2 id=\"\(d)-title\">\(Self.escape(document.id))</h2>\n"
        var meta: [String] = []
        if let date = document.date { meta.append("Published \(date)") }
        meta.append(Self.count(annotation.entities.count, "entity", "entities"))
        meta.append(Self.count(annotation.quotes.count, "quote", "quotes"))
        html += "<p class=\"meta\">\(meta.joined(separator: " · "))</p>\n"

        // Speaker mentions, each with the quotes it says (one id per distinct span).
        var speakerIndex: [Span: Int] = [:]
        var speakerQuotes: [[Int]] = []
        var quoteSpeaker: [Int?] = []
        for (k, q) in annotation.quotes.enumerated() {
            guard let s = q.speaker else { quoteSpeaker.append(nil); continue }
            let key = Span(start: s.start, end: s.end)
            let n = speakerIndex[key] ?? { speakerQuotes.append([]); speakerIndex[key] = speakerQuotes.count - 1; return speakerQuotes.count - 1 }()
            speakerQuotes[n].append(k)
            quoteSpeaker.append(n)
        }

        var items: [Item] = []
        let tokens = state.segmentation.tokens
        for paragraph in state.segmentation.paragraphs where !paragraph.isEmpty {
            items.append(Item(start: tokens[paragraph.lowerBound].start, end: tokens[paragraph.upperBound - 1].end, layer: 0,
                              open: "<p>", close: "</p>\n"))
        }
        for (k, q) in annotation.quotes.enumerated() {
            let said: String
            if let n = quoteSpeaker[k], let s = q.speaker {
                let name = Self.escape(s.name ?? document.string(s.start, s.end))
                said = "<sup class=\"said-by\"><a href=\"#\(d)-s\(n + 1)\" aria-label=\"quote \(k + 1), said by \(name)\">Q\(k + 1) → \(name)</a></sup>"
            } else {
                said = "<sup class=\"said-by\"><a href=\"#\(d)-quotes\" aria-label=\"quote \(k + 1), speaker not found\">Q\(k + 1) → ?</a></sup>"
            }
            items.append(Item(start: q.start, end: q.end, layer: 1,
                              open: "<q class=\"quote\" id=\"\(d)-q\(k + 1)\" data-kind=\"\(q.kind.rawValue)\">", reopen: "<q class=\"quote\">",
                              close: "</q>", suffix: said))
        }
        // In speaker order, not the dictionary's (which differs from run to run).
        for (span, n) in speakerIndex.sorted(by: { $0.value < $1.value }) {
            let backs = speakerQuotes[n].map { "<a href=\"#\(d)-q\($0 + 1)\" aria-label=\"back to quote \($0 + 1)\">Q\($0 + 1)</a>" }
            items.append(Item(start: span.start, end: span.end, layer: 2,
                              open: "<span class=\"speaker\" id=\"\(d)-s\(n + 1)\">", reopen: "<span class=\"speaker\">",
                              close: "</span>", suffix: "<sup class=\"back\">\(backs.joined(separator: " "))</sup>"))
        }
        for (k, e) in annotation.entities.enumerated() {
            let cls = Self.cssClass(e.label)
            var title = e.label.rawValue
            if let type = e.type { title += " \(type)" }
            if let value = e.value { title += " \(value)" }
            if let c = e.cluster, c < annotation.clusters.count { title += " · \(annotation.clusters[c].name)" }
            items.append(Item(start: e.start, end: e.end, layer: 3,
                              open: "<mark class=\"ent \(cls)\" id=\"\(d)-e\(k + 1)\" title=\"\(Self.escape(title))\">",
                              reopen: "<mark class=\"ent \(cls)\">", close: "</mark>",
                              suffixInside: "<span class=\"tag\">\(e.label.rawValue)</span>"))
        }
        for q in annotation.quotes {
            if let cue = q.cue {
                items.append(Item(start: cue.start, end: cue.end, layer: 3, open: "<span class=\"cue\">", close: "</span>"))
            }
        }
        html += Self.nest(items, in: document.utf8)

        if !annotation.quotes.isEmpty {
            html += "<table id=\"\(d)-quotes\">\n<caption>Quotes in \(Self.escape(document.id))</caption>\n"
            html += "<thead><tr><th scope=\"col\">#</th><th scope=\"col\">Speaker</th><th scope=\"col\">Quote</th><th scope=\"col\">Kind</th><th scope=\"col\">Cue</th></tr></thead>\n<tbody>\n"
            for (k, q) in annotation.quotes.enumerated() {
                var speaker = "<em>not found</em>"
                if let n = quoteSpeaker[k], let s = q.speaker {
                    let mention = document.string(s.start, s.end)
                    let name = s.name ?? mention
                    speaker = "<a href=\"#\(d)-s\(n + 1)\">\(Self.escape(name))</a>"
                    if name != mention { speaker += " (“\(Self.escape(mention))”)" }
                }
                let cue = q.cue.map { Self.escape(document.string($0.start, $0.end)) } ?? ""
                html += "<tr><td><a href=\"#\(d)-q\(k + 1)\">Q\(k + 1)</a></td><td>\(speaker)</td><td>\(Self.escapeText(document.string(q.start, q.end)))</td><td>\(q.kind.rawValue)</td><td>\(cue)</td></tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        html += "</article>\n"
        return html
    }

    // MARK: - Nesting

    /// A span to mark up. Lower layers enclose higher ones: paragraph 0, quote 1,
    /// speaker 2, entity and cue 3.
    struct Item {
        var start: Int32
        var end: Int32
        var layer: Int
        var open: String
        var reopen: String
        var close: String
        /// Written after the final close tag (links).
        var suffix: String
        /// Written just before the final close tag (entity labels).
        var suffixInside: String

        init(start: Int32, end: Int32, layer: Int, open: String, reopen: String? = nil, close: String, suffix: String = "", suffixInside: String = "") {
            self.start = start
            self.end = end
            self.layer = layer
            self.open = open
            self.reopen = reopen ?? open
            self.close = close
            self.suffix = suffix
            self.suffixInside = suffixInside
        }
    }

    /// Writes the text with properly nested elements: where two spans cross, the
    /// inner one is closed and reopened (only its first piece carries the id, only
    /// its last piece the label and links). Nothing but a paragraph opens outside a
    /// paragraph; text outside paragraphs is whitespace and is dropped.
    static func nest(_ items: [Item], in bytes: [UInt8]) -> String {
        let items = items.filter { $0.end > $0.start && Int($0.end) <= bytes.count }
        var boundaries = Set<Int32>()
        for item in items {
            boundaries.insert(item.start)
            boundaries.insert(item.end)
        }
        let positions = boundaries.sorted()
        var startsAt: [Int32: [Int]] = [:]
        for (i, item) in items.enumerated() { startsAt[item.start, default: []].append(i) }
        func outerFirst(_ a: Int, _ b: Int) -> Bool {
            let x = items[a], y = items[b]
            if x.layer != y.layer { return x.layer < y.layer }
            if x.end != y.end { return x.end > y.end }
            return a < b
        }

        var html = ""
        var stack: [Int] = []
        var opened = Set<Int>()
        var pending: [Int] = []
        for (n, p) in positions.enumerated() {
            // Close what ends here, closing and setting aside whatever it encloses.
            if stack.contains(where: { items[$0].end == p }) {
                var setAside: [Int] = []
                while let top = stack.last, stack.contains(where: { items[$0].end == p }) {
                    stack.removeLast()
                    if items[top].end == p {
                        html += items[top].suffixInside + items[top].close + items[top].suffix
                    } else {
                        html += items[top].close
                        setAside.append(top)
                    }
                }
                pending += setAside
            }
            // Open what starts here and reopen what was set aside, outermost first;
            // inline spans wait until a paragraph is open.
            var toOpen = pending + (startsAt[p] ?? [])
            toOpen.sort(by: outerFirst)
            pending = []
            for i in toOpen {
                if items[i].layer > 0, !stack.contains(where: { items[$0].layer == 0 }) {
                    pending.append(i)
                    continue
                }
                html += opened.contains(i) ? items[i].reopen : items[i].open
                opened.insert(i)
                stack.append(i)
            }
            // The text up to the next boundary.
            guard n + 1 < positions.count else { break }
            let next = positions[n + 1]
            if stack.isEmpty { continue }
            html += escapeText(String(decoding: bytes[Int(p)..<Int(next)], as: UTF8.self))
        }
        return html
    }

    // MARK: - Helpers

    static func cssClass(_ label: EntityLabel) -> String {
        switch label {
        case .person: return "person"
        case .organization: return "org"
        case .place: return "place"
        case .time: return "time"
        }
    }

    static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }

    /// Escapes text for HTML content and attribute values.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Escapes text and turns line breaks inside a paragraph into `<br>`.
    static func escapeText(_ s: String) -> String {
        let escaped = escape(s)
        guard escaped.contains(where: \.isNewline) else { return escaped }
        // Character treats "\r\n" as one newline.
        return String(escaped.map { $0.isNewline ? "\n" : $0 }).split(separator: "\n", omittingEmptySubsequences: false)
            .joined(separator: "<br>\n")
    }
}
