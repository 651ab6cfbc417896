import Testing
@testable import VerbatimKit

@Suite struct QuotePairerTests {
    @Test func typographic() throws {
        #expect(try quoteTexts("“We will rebuild,” the mayor said.") == ["“We will rebuild,”"])
    }

    @Test func straight() throws {
        let t = "\"We will rebuild,\" the mayor said. \"It will take years.\""
        #expect(try quoteTexts(t) == ["\"We will rebuild,\"", "\"It will take years.\""])
    }
}
