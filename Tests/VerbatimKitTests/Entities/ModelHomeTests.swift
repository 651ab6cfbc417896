import Testing
@testable import VerbatimKit

/// Each class of entity words has one home file; these sentences (written for these
/// tests) check what the rules read from each.
@Suite struct EntityModelHomeTests {
    @Test func aKnownOrganisationThatIsAWordCountsOnlyAsWritten() throws {
        // "Treasury" and "Senate" are orgs/known.tsv entries marked common: capitalised
        // after "the" they are the organisation; without it ("Treasury rules") or in
        // lower case they are the word.
        let found = try entities("Late on Friday the Treasury and the Senate agreed. Treasury rules apply. The treasury of the club is empty.")
        #expect(mention(found, "Treasury")?.rule == "known-organization", "\(found)")
        #expect(mention(found, "Senate")?.label == .organization, "\(found)")
        #expect(found.filter { $0.label == .organization }.count == 2, "\(found)")
    }

    @Test func aKnownPlaceInsideAHeadedNameIsNotTheName() throws {
        // "Victoria" is a known place, but "Gardens" heads a longer name around it.
        let found = try entities("Crowds gathered in Victoria Tower Gardens on Sunday.")
        #expect(mention(found, "Victoria Tower Gardens")?.rule == "facility-head", "\(found)")
        #expect(mention(found, "Victoria") == nil, "\(found)")
    }

    @Test func titlesComeFromTheTitlesFile() throws {
        let found = try entities("Yesterday Archdeacon Pelham Vostrikov and Brigadier Sunniva Oakhurst opened the hall.")
        #expect(mention(found, "Pelham Vostrikov")?.rule == "title-name", "\(found)")
        #expect(mention(found, "Sunniva Oakhurst")?.label == .person, "\(found)")
    }

    @Test func ambiguousTitlesAreNotTitles() throws {
        // "St" opens place names, "Prior" is an ordinary word, "Shah" a frequent surname.
        let found = try entities("Fans in St Kellandale cheered. Prior Approval was needed. Shah Venkatram arrived.")
        #expect(mention(found, "Kellandale") == nil, "\(found)")
        #expect(mention(found, "Approval") == nil, "\(found)")
        #expect(mention(found, "Venkatram") == nil, "\(found)")
    }

    @Test func particlesComeFromTheParticlesFile() throws {
        // "ter" is a particle only names/particles.tsv lists.
        let found = try entities("Yesterday Pieter ter Hovenkamp opened the hall.")
        #expect(mention(found, "Pieter ter Hovenkamp")?.label == .person, "\(found)")
    }

    @Test func organisationHeadsComeFromTheHeadsFile() throws {
        // "Constabulary" and "Philharmonic" are heads only orgs/heads.tsv lists.
        let found = try entities("Officers of the Brackenfold Constabulary met the Brackenfold Philharmonic on Monday.")
        #expect(mention(found, "Brackenfold Constabulary")?.rule == "organization-head", "\(found)")
        #expect(mention(found, "Brackenfold Philharmonic")?.label == .organization, "\(found)")
    }

    @Test func headsOfPlacesAreNotOrganisationHeadsByThemselves() throws {
        // "Hospital" heads organisations and buildings alike (ambiguous in orgs/heads.tsv).
        let found = try entities("Patients of the Brackenfold Hospital arrived on Monday.")
        #expect(mention(found, "Brackenfold Hospital")?.label == .place, "\(found)")
    }

    @Test func placeHeadsComeFromTheHeadsFile() throws {
        // "Monastery" and "Plateau" are heads only places/heads.tsv lists.
        let found = try entities("Pilgrims walked from the Brackenfold Monastery to the Brackenfold Plateau on Monday.")
        #expect(mention(found, "Brackenfold Monastery")?.rule == "facility-head", "\(found)")
        #expect(mention(found, "Brackenfold Plateau")?.rule == "geographic-head", "\(found)")
    }

    @Test func exonymsComeFromTheExonymsFile() throws {
        // Country aliases and known regions are entries of places/exonyms.tsv.
        let found = try entities("Tourists left West Germany for Abkhazia on Monday.")
        #expect(mention(found, "West Germany")?.rule == "gazetteer-country-alias", "\(found)")
        #expect(mention(found, "Abkhazia")?.rule == "known-place", "\(found)")
    }

    @Test func knownOrganisationsComeFromTheKnownFile() throws {
        // "Juventus" and "Al Jazeera" are listed only in orgs/known.tsv; the Kremlin is a
        // seat of power there, read as a place.
        let found = try entities("Fans of Juventus and reporters from Al Jazeera visited the Kremlin on Monday.")
        #expect(mention(found, "Juventus")?.rule == "known-organization", "\(found)")
        #expect(mention(found, "Al Jazeera")?.rule == "known-organization", "\(found)")
        #expect(mention(found, "Kremlin")?.label == .place, "\(found)")
    }

    @Test func placeAbbreviationsKeepTheirStop() throws {
        // Issue 20, boundaries: "Okla." is an abbreviation of places/exonyms.tsv.
        let found = try entities("The plant in Tulsa, Okla., closed on Monday.")
        #expect(mention(found, "Okla.")?.label == .place, "\(found)")
        #expect(mention(found, "Okla") == nil, "\(found)")
    }

    @Test func datelineInCapitalsStaysWhole() throws {
        // Issue 20, boundaries: a dateline in capitals inside an ordinary sentence.
        let found = try entities("FLOODS HIT THE COAST\n\nNEW YORK _ The river rose on Monday, officials said.")
        #expect(mention(found, "NEW YORK")?.label == .place, "\(found)")
        #expect(mention(found, "YORK") == nil, "\(found)")
    }
}
