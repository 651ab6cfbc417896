import Testing
@testable import VerbatimKit

/// Issue 20, conventions: a seat of power ("White House", "Kremlin", "Vatican") acting
/// is the organisation seated there (`seat-of-power-actor`); visited or named as a
/// place it stays a place; a capital that names its government stays a place.
@Suite struct SeatOfPowerTests {
    @Test func actingBeforeASpeechVerbOrAPossessive() throws {
        let found = try entities("Late on Tuesday the Vatican announced a new synod. The Kremlin's reply came an hour later.")
        #expect(mention(found, "Vatican")?.label == .organization, "\(found)")
        #expect(mention(found, "Vatican")?.rule == "seat-of-power-actor", "\(found)")
        #expect(found.contains { $0.text.hasPrefix("Kremlin") && $0.label == .organization }, "\(found)")
    }

    @Test func actingBeforeItsStaffOrATitle() throws {
        let found = try entities("Several White House aides met farmers in Ohio. Later Pentagon Press Secretary Dora Quill spoke.")
        #expect(mention(found, "White House")?.label == .organization, "\(found)")
        #expect(mention(found, "Pentagon")?.label == .organization, "\(found)")
        #expect(mention(found, "Dora Quill")?.label == .person, "\(found)")
    }

    @Test func visitedItStaysAPlace() throws {
        let found = try entities("The choir sang at the White House on Friday and toured the Kremlin museums before flying home.")
        #expect(mention(found, "White House")?.label == .place, "\(found)")
        #expect(!found.contains { $0.label == .organization }, "\(found)")
    }

    @Test func aCapitalThatIsASeatStaysAPlace() throws {
        // "Brussels" is a seat in orgs/known.tsv but a town: as a government it is a GPE, a place.
        let found = try entities("On Monday Brussels said the tariffs were unlawful.")
        #expect(mention(found, "Brussels")?.label == .place, "\(found)")
    }
}
