import Testing
import VerbatimKit  // not @testable: the README example uses only the public API

/// Runs exactly what README.md's "Using the library" snippet does, so the
/// example keeps compiling and working as the API changes.
@Suite struct ReadmeExampleTests {
    @Test func theLibrarySnippetRuns() throws {
        var printed: [String] = []
        func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }

        // --- README snippet, verbatim ---
        let pipeline = try Pipeline()
        let document = Document(id: "a1", text: "“Yes,” Neil Basu said on Tuesday.", date: CalendarDate(iso: "2018-08-14"))
        let annotation = try pipeline.annotate(document)
        for entity in annotation.entities { print(entity.label, document.string(entity.start, entity.end)) }
        // --- end of snippet ---

        #expect(printed.count == annotation.entities.count)
        #expect(document.date?.description == "2018-08-14")
        for (line, entity) in zip(printed, annotation.entities) {
            #expect(line == "\(entity.label) \(document.string(entity.start, entity.end))")
        }
        // The same document through a per-thread worker gives the same annotation.
        #expect(try pipeline.makeWorker().annotate(document) == annotation)
    }
}
