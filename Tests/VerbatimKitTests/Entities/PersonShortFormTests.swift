import Testing
@testable import VerbatimKit

/// Issue 20, PERSON short forms, on invented sentences: a surname that is also a
/// place's head after a first name or initials, and the first name alone after the
/// person was named in full.
@Suite struct PersonShortFormTests {
    @Test func surnameThatHeadsAPlaceClosesAName() throws {
        let found = try entities("On Friday Marcus Hill beat Delia Woods in the final. Hill said Woods played well.")
        #expect(found.contains { $0.text == "Marcus Hill" && $0.label == .person }, "\(found)")
        #expect(found.contains { $0.text == "Delia Woods" && $0.label == .person }, "\(found)")
        #expect(found.filter { $0.text == "Hill" || $0.text == "Woods" }.allSatisfy { $0.label == .person }, "\(found)")
    }

    @Test func nationalityStaysOutOfTheName() throws {
        let found = try entities("The title went to Australian Marcus Hill on Sunday.")
        #expect(found.contains { $0.text == "Marcus Hill" && $0.label == .person }, "\(found)")
        #expect(!found.contains { $0.text.hasPrefix("Australian") }, "\(found)")
    }

    @Test func initialsBeforeAHeadSurname() throws {
        let card = "CRICKET - KESTREL WIN.\nThe scores in the match on Friday:\nKestrel 230 ( R. Heath 69 , O. Pale 40 )\n"
        let found = try entities(card)
        #expect(found.contains { $0.text == "R. Heath" && $0.label == .person }, "\(found)")
    }

    @Test func aFirstNameThatIsAPlaceBeforeAHeadIsThePlace() throws {
        let found = try entities("Crowds gathered in Victoria Park on Sunday.")
        #expect(!found.contains { $0.text == "Victoria Park" && $0.label == .person }, "\(found)")
    }

    @Test func firstNameAloneJoinsThePersonNamedInFull() throws {
        let found = try entities("We spoke to Frank Pellow about the find. The camera that Frank and his team built is new.")
        let frank = found.filter { $0.text == "Frank" }
        #expect(!frank.isEmpty && frank.allSatisfy { $0.label == .person && $0.cluster == "Frank Pellow" }, "\(found)")
    }

    @Test func everydayFirstNameOpeningASentenceStaysAWord() throws {
        let found = try entities("The plan came from Will Pellow on Monday. Will the council agree to it?")
        #expect(!found.contains { $0.text == "Will" }, "\(found)")
    }
}
