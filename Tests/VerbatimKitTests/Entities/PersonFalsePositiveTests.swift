import Testing
@testable import VerbatimKit

/// Issue 20, PERSON false positives, on invented sentences: a caption's label glued to
/// the name before it, and events named like people.
@Suite struct PersonFalsePositiveTests {
    @Test func captionLabelEndsTheNameBeforeIt() throws {
        let found = try entities("The mayor praised the student Ahmed Quellmoor Image: Twitter / Kestrel News.\nQuellmoor built the clock.")
        #expect(found.contains { $0.text == "Ahmed Quellmoor" && $0.label == .person }, "\(found)")
        #expect(!found.contains { $0.text.hasSuffix("Image") }, "\(found)")
    }

    @Test func captionLabelAfterAPlace() throws {
        let found = try entities("Flags flew across Kestrelshire Photo: Dana Pellow.\nThe parade went on.")
        #expect(!found.contains { $0.text.contains("Photo") }, "\(found)")
    }

    @Test func paralympicsNameNoOne() throws {
        let found = try entities("She raced at the 2014 Winter Paralympics in Sochi. The Paralympics drew large crowds.")
        #expect(!found.contains { $0.label == .person }, "\(found)")
    }
}
