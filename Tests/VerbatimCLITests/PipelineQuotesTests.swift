import Testing
@testable import VerbatimKit

@Suite struct PipelineQuotesTests {
    @Test func standardPipelineFindsQuotes() throws {
        let pipeline = try Pipeline()
        let annotation = try pipeline.annotate(Document(text: "“We will rebuild,” the mayor said."))
        #expect(annotation.quotes.count == 1)
        #expect(annotation.quotes.first?.kind == .direct)
    }
}
