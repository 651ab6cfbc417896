import Testing
@testable import VerbatimKit

/// Issue 20, PERSON: a title that is also a surname, closing a name after a first
/// name, is the surname ("… Bishop", "… King"); later it names that person alone. A
/// generation ("Jr.", "III") closes the name with its stop.
@Suite struct TitleSurnameTests {
    @Test func aTitleClosingANameIsTheSurname() throws {
        let found = try entities("The mural was painted by Harriet Bishop in May. Later, Bishop said she was proud of it.")
        #expect(mention(found, "Harriet Bishop")?.label == .person, "\(found)")
        #expect(found.filter { $0.text == "Bishop" }.allSatisfy { $0.label == .person }, "\(found)")
        #expect(found.contains { $0.text == "Bishop" }, "\(found)")
    }

    @Test func anEverydayWordSurnameThatIsATitleSpreads() throws {
        // "king" is an everyday word, but as the title that closes "Ellis Marlow King" it is his surname.
        let found = try entities("Ellis Marlow King opened the clinic in 1971. Years later, King returned to the town.")
        #expect(mention(found, "Ellis Marlow King")?.label == .person, "\(found)")
        #expect(found.contains { $0.text == "King" && $0.label == .person }, "\(found)")
    }

    @Test func aTitleBeforeANameStaysATitle() throws {
        let found = try entities("On Friday Bishop Ansel Fairweather blessed the boats.")
        #expect(mention(found, "Ansel Fairweather")?.label == .person, "\(found)")
        #expect(!found.contains { $0.text.hasPrefix("Bishop") }, "\(found)")
    }

    @Test func aGenerationClosesTheNameWithItsStop() throws {
        let found = try entities("The suit was filed by Walton Grier Jr. on Monday, and Judge Osric Pell III dismissed it. Grier said he would appeal.")
        #expect(mention(found, "Walton Grier Jr.")?.label == .person, "\(found)")
        #expect(mention(found, "Osric Pell III")?.label == .person, "\(found)")
        #expect(mention(found, "Grier")?.label == .person, "\(found)")
        #expect(mention(found, "III") == nil && mention(found, "Jr") == nil, "\(found)")
    }
}
