import Testing
@testable import VerbatimKit

/// Issue 20, PERSON and PLACE: a people named after its country ("Serbs" of Serbia,
/// "Croats" of Croatia, "Kurds" of Kurdistan) is neither a person nor a place; a stem
/// that is also a name or a town ("Russ", "Tunis") is not taken for a people.
@Suite struct PeopleOfCountryTests {
    @Test func aPeopleIsNoPersonNorPlace() throws {
        let found = try entities("In the valley, Serbs and Croats said they were afraid. Kurds, too, said so on Monday.")
        #expect(!found.contains { ["Serbs", "Croats", "Kurds"].contains($0.text) }, "\(found)")
    }

    @Test func aStemThatIsANameOrATownStays() throws {
        let found = try entities("Russ Halloran flew from Tunis to Oslo on Monday.")
        #expect(mention(found, "Russ Halloran")?.label == .person, "\(found)")
        #expect(mention(found, "Tunis")?.label == .place, "\(found)")
    }

    @Test func theStemsComeFromTheCountriesAndTheEndings() throws {
        let lexicon = sharedLexiconForPeoples
        let peoples = EntityLexicon.peoplesOfCountries(["ia", "istan"].map { Array($0.utf8) }, countries: try lexicon.table("places/countries"),
                                                       exonyms: try lexicon.table("places/exonyms"), excluding: [try lexicon.table("names/first-names")])
            .map { String(decoding: $0, as: UTF8.self) }
        #expect(peoples.contains("serb") && peoples.contains("serbs") && peoples.contains("croats"), "\(peoples)")
        #expect(!peoples.contains("russ") && !peoples.contains("russs"), "\(peoples)")
    }
}

private let sharedLexiconForPeoples: Lexicon = {
    do { return try Lexicon(directory: packageRoot.appendingPathComponent("Models").path) } catch { fatalError("cannot load the models: \(error)") }
}()
