import Foundation
import Testing
@testable import VerbatimKit

/// A chunk rule's needs (``ChunkRule/needs``) skip only chunks the rule proposes
/// nothing from: over invented text, every rule run on every chunk proposes only
/// where its needs are met, the stage proposes the same candidates with and without
/// the gate, and each gated rule still fires on sentences made for it.
@Suite struct RuleNeedsTests {
    /// Calls every rule on every chunk (no gate), and records where a rule proposed
    /// on a chunk whose summary does not meet its needs.
    struct CheckingGate: ChunkGate {
        var misses: [String] = []
        var fired: Set<String> = []

        mutating func lets<R: ChunkRule>(_ rule: R.Type, _ site: ChunkSite, _ summary: ChunkSummary) -> Bool {
            var probe = Proposals()
            R.propose(site, &probe)
            if probe.count > 0 {
                fired.insert(R.rule.name.description)
                if !summary.meets(R.needs) { misses.append("\(R.rule.name) on \"\(site.ctx.text(site.a, site.b))\"") }
            }
            return true
        }
    }

    /// A context over `text` with the package's entity lexicon.
    static func context(_ text: String) throws -> EntityContext {
        let document = Document(text: text)
        let segmentation = try shippedSegmenter().segment(document)
        return EntityContext(document: document, segmentation: segmentation, lexicon: try recognizer().lexicon)
    }

    static func recognizer() throws -> EntityRecognizer {
        try #require(sharedPipeline.annotators.lazy.compactMap { $0 as? EntityRecognizer }.first)
    }

    /// A candidate as text, its kept texts read from its context (their indices depend
    /// on the order texts were kept in).
    static func describe(_ c: Candidate, _ ctx: EntityContext) -> String {
        "\(c.start)-\(c.end) \(c.label.rawValue) \(ctx.string(c.type) ?? "-") \(c.score) \(c.rule) \(ctx.string(c.canonical) ?? "-") \(c.form)"
    }

    /// Invented sentences for the paths of the gated rules that their examples do not take.
    static let sentences: [String] = [
        "“We will appeal,” said Oduya. Brannick told reporters the case was closed.",
        "Zoltrane shares rose, and the chairman of Quellmark resigned on Monday.",
        "Members of the Scientology organization met reporters from the news agency Tanjug.",
        "He was a member of Scientology and later an analyst at Brellworth in Toronto.",
        "Governor Ann Pell of the Bank of Quellshire visited the Houses of Parliament and the Gulf of Mexico.",
        "Sen. Ann Cole, D-Ore., said she met voters in Salem, Ore., and in Springfield, Illinois.",
        "The bill was passed by Congress, and the Treasury said the White House officials agreed.",
        "Dr. Amara Okonkwo and J. K. Rowling met Leung Yiu-chung and Zorvath Brennan at Westminster Bridge.",
        "The title went to Roberto \"Hands of Stone\" Pellow, whose trainer Margaret Hollis was in Rotterdam.",
        "PRESIDENT VISITS NEW YORK AND LIMBURG.\nThe president flew to Lisbon on Tuesday and met the Kremlin's envoy.",
        "the minister met jorge pellow in lisbon and the united nations said talks in portugal would go on and on with care.",
        "Quorley's said its profits fell; Norwest Corp. said sales at Pirelli were flat, and the KPD's leader spoke.",
        "Hikers crossed the Pennine Hills, climbed Mount Kilimanjaro and walked down Tottenham Court Road.",
        "Pellow, 52, a striker, joined Harcastle, Pryde & Co. and the 8th Circuit heard Douglas & Lomason.",
        """
        SOCCER - KESTRELFORD BEAT DUNWICK.
        Kestrelford 2 Dunwick 1
        Kestrelford beat Dunwick on Saturday; the Dunwick Rovers striker Ivo Plana scored against Wexworth.
        The Florida Marlins beat the Blue Jays and Sparta Rotterdam drew with Ajax Amsterdam in the league.
        Orrin Pale c Tamworth b Ellingham 23
        Sweden beat Korea 1-0 and the coach praised the goal.
        """,
    ]

    /// The rule examples, the invented sentences and the sample articles.
    static func texts() throws -> [String] {
        var texts = EntityRules.all.map { $0.example.description } + sentences
        let samples = packageRoot.appendingPathComponent("Corpora/samples")
        for file in try FileManager.default.contentsOfDirectory(atPath: samples.path).sorted() where file.hasSuffix(".txt") {
            texts.append(try String(contentsOf: samples.appendingPathComponent(file), encoding: .utf8))
        }
        return texts
    }

    /// Wherever a rule proposes, ungated, the chunk meets its needs; and the stage's
    /// candidates are the same with the gate as without it.
    @Test func aRuleProposesOnlyWhereItsNeedsAreMet() throws {
        let recognizer = try Self.recognizer()
        var gate = CheckingGate()
        var chunks = 0
        for text in try Self.texts() {
            let ungatedContext = try Self.context(text)
            let ungated = recognizer.propose(ungatedContext, gate: &gate).map { Self.describe($0, ungatedContext) }
            let gatedContext = try Self.context(text)
            let gated = recognizer.propose(gatedContext).map { Self.describe($0, gatedContext) }
            #expect(gated == ungated, "\(text.prefix(60))")
            chunks += gatedContext.chunks.count
        }
        #expect(gate.misses.isEmpty, "\(gate.misses)")
        #expect(chunks > 300)
        // Not vacuous: every chunk rule proposed somewhere.
        let chunkRules = RuleList.of(PersonRules.table) + RuleList.of(OrganizationRules.table) + RuleList.of(PlaceRules.table)
        for rule in chunkRules {
            #expect(gate.fired.contains(rule.name.description), "\(rule.name) never proposed")
        }
    }

    /// Each gated rule still fires, gated, on a sentence made for it (a path its
    /// example does not take, or its example).
    @Test(arguments: [
        ("speech-subject", "“We will appeal,” said Oduya.", "Oduya"),
        ("speech-subject", "Brannick told reporters the case was closed.", "Brannick"),
        ("role-name", "The goal came from striker Kowalczyk Zbrojny.", "Kowalczyk Zbrojny"),
        ("title-name", "Yesterday Dr. Amara Okonkwo arrived.", "Amara Okonkwo"),
        ("first-name", "The report was written by Margaret Hollis.", "Margaret Hollis"),
        ("initials-name", "The novel by J. K. Rowling sold well.", "J. K. Rowling"),
        ("unknown-name-pair", "The march was led by Leung Yiu-chung on Sunday.", "Leung Yiu-chung"),
        ("name-shape", "Tickets went to Zorvath Brennan on Monday.", "Zorvath Brennan"),
        ("apposition-age", "The driver, Kasprzak Wolny, 52, was named.", "Kasprzak Wolny"),
        ("apposition-role", "Haddad-Kettani, the council’s head of planning, agreed.", "Haddad-Kettani"),
        ("apposition-role", "Our Home Affairs Correspondent, Marit Quellenby, reported the news.", "Marit Quellenby"),
        ("name-country", "Seeded first was Orvald Tessaro (Germany).", "Orvald Tessaro"),
        ("inverted-name", "Further reading:\nPellow, Margaret. The Quiet Harbour\nOrvald, Tomas and Brine, Edith. Letters", "Pellow, Margaret"),
        ("quoted-nickname", "The title went to Roberto \"Hands of Stone\" Pellow in 1980.", "Roberto \"Hands of Stone\" Pellow"),
        ("known-organization", "The United Nations issued a statement.", "United Nations"),
        ("known-organization", "The bill was passed by Congress on Monday.", "Congress"),
        ("seat-of-power-actor", "The Kremlin said the talks would go on.", "Kremlin"),
        ("known-company", "Analysts expect Acushnet to grow.", "Acushnet"),
        ("legal-suffix", "The order went to Brantwell Widgets GmbH yesterday.", "Brantwell Widgets GmbH"),
        ("comma-legal-suffix", "The deal was signed by Brantwell Widgets, Inc. on Monday.", "Brantwell Widgets, Inc."),
        ("comma-legal-suffix", "The firm of Harcastle, Pryde & Co. won the case.", "Harcastle, Pryde & Co."),
        ("ordinal-name", "A panel of the 5th Circuit upheld the ruling.", "5th Circuit"),
        ("organization-apposition", "Varnoxa, the first foreign company to list in Quellburg, said profits rose.", "Varnoxa"),
        ("organization-head", "Officers of the Metropolitan Police arrived.", "Metropolitan Police"),
        ("head-of-name", "The Bank of Quellshire raised rates.", "Bank of Quellshire"),
        ("acronym-definition", "Doctors of Korvath Medical Relief (KMR) arrived.", "KMR"),
        ("organization-noun", "Members of the Scientology organization met.", "Scientology"),
        ("organization-noun", "Reporters from the news agency Tanjug came.", "Tanjug"),
        ("member-of", "He joined as a member of Scientology in 1990.", "Scientology"),
        ("employer", "An analyst at Brellworth expects rates to rise.", "Brellworth"),
        ("company-possession", "Zoltrane shares rose sharply.", "Zoltrane"),
        ("company-possession", "Later the chairman of Quellmark resigned.", "Quellmark"),
        ("possessive-name", "Shares fell after Quorley's said its profits would drop.", "Quorley's"),
        ("acronym", "A spokesman for the KPD declined to comment.", "KPD"),
        ("gazetteer-country", "Talks were held in Portugal.", "Portugal"),
        ("gazetteer-country-alias", "Prices rose in Britain last year.", "Britain"),
        ("gazetteer-region", "Floods hit Limburg overnight.", "Limburg"),
        ("known-place", "Exports to Africa grew.", "Africa"),
        ("gazetteer-city", "The meeting took place in Rotterdam.", "Rotterdam"),
        ("city-comma-country", "He grew up in Brackenfield, Ohio.", "Brackenfield"),
        ("street-head", "Shops on Tottenham Court Road closed.", "Tottenham Court Road"),
        ("geographic-head", "Hikers crossed the Pennine Hills.", "Pennine Hills"),
        ("geographic-prefix", "They climbed Mount Kilimanjaro in June.", "Mount Kilimanjaro"),
        ("head-of-name", "Protesters marched to the Houses of Parliament.", "Houses of Parliament"),
        ("abbreviated-place", "Sen. Ann Cole, D-Ore., voted against the bill.", "Ore"),
        ("sports-result", "SOCCER - ENGLISH LEAGUE RESULTS.\nResults of matches played in the league on Saturday:\nKestrelford 2 Dunwick 1", "Kestrelford"),
        ("scorecard-player", "CRICKET - KESTREL WIN.\nThe scores in the match on Friday:\nOrrin Pale c Tamworth b Ellingham 23\nJ. Moss not out 40", "Ellingham"),
    ])
    func aGatedRuleStillFires(rule: String, text: String, finds: String) throws {
        let ctx = try Self.context(text)
        let found = try Self.recognizer().propose(ctx).filter { $0.rule.description == rule }.map { ctx.text($0.start, $0.end, $0.form) }
        #expect(found.contains(finds), "\(rule): \(found)")
    }
}
