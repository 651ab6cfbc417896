import Testing
@testable import VerbatimKit

/// Given names written with a hyphen and a lower-case syllable ("Yiu-chung") belong to the name.
@Suite struct EntityHyphenatedNameTests {
    @Test func lowerCaseSyllableStaysInTheName() throws {
        let found = try entities("The councillors Tsang Mei-ching and Ho Kwok-hung were re-elected, and Baek Seung-ho scored twice.")
        #expect(mention(found, "Tsang Mei-ching")?.label == .person, "\(found)")
        #expect(mention(found, "Ho Kwok-hung")?.label == .person, "\(found)")
        #expect(mention(found, "Baek Seung-ho")?.label == .person, "\(found)")
        #expect(mention(found, "Tsang Mei") == nil)
    }

    @Test func capitalisedSecondPartCountsAsOneGivenName() throws {
        let found = try entities("In the second half, Oh Min-Jae was booked for a foul.")
        #expect(mention(found, "Oh Min-Jae")?.label == .person, "\(found)")
    }

    @Test func hyphenatedAdjectivesAreNotNames() throws {
        let found = try entities("The Ankara-based group and the Oslo-born painter joined a Lagos-run fund.")
        #expect(!found.contains { $0.text.hasSuffix("-based") || $0.text.hasSuffix("-born") || $0.text.hasSuffix("-run") }, "\(found)")
    }
}
