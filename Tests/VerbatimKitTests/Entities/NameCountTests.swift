import Testing
@testable import VerbatimKit

/// The name models are cut to what the recognizer reads (start-up loads every line),
/// so each cut must stay at or below the count the recognizer asks for.
@Suite struct NameCountTests {
    /// The smallest count in a model's count column.
    private func smallestCount(_ table: LexiconTable, column: Int) -> Double {
        var smallest = Double.infinity
        for i in 0..<table.count { smallest = min(smallest, table.number(i, column)) }
        return smallest
    }

    @Test func surnameModelHoldsEverySurnameTheRecognizerAccepts() throws {
        let table = try Lexicon(directory: packageRoot.appendingPathComponent("Models").path).table("names/surnames")
        #expect(table.count > 20_000)
        let smallest = smallestCount(table, column: 2)
        #expect(smallest <= Double(NameCounts.surname))
        // And no line below that: such lines cost start-up time and no rule reads them.
        #expect(smallest >= Double(NameCounts.surname))
    }

    @Test func firstNameModelHoldsEveryFirstNameTheRecognizerAccepts() throws {
        let table = try Lexicon(directory: packageRoot.appendingPathComponent("Models").path).table("names/first-names")
        #expect(smallestCount(table, column: 3) <= Double(NameCounts.firstName))
    }
}
