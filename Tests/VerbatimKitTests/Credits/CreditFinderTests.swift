import Foundation
import Testing
@testable import VerbatimKit

/// The credit stage on invented articles: a name credited for a picture or standing
/// as a byline keeps its PERSON entity but loses its cluster, so it is neither a
/// person of the news nor a source; the same name elsewhere in the text keeps it.
@Suite struct CreditFinderTests {
    func annotate(_ text: String) throws -> Annotation {
        try sharedPipeline.annotate(Document(text: text))
    }

    func people(_ a: Annotation) -> [String] {
        a.clusters.filter { $0.label == .person }.map(\.name)
    }

    @Test func aPictureCreditIsNoPersonOfTheNews() throws {
        for credit in ["(Marlo Quist/Harbour Press)", "(Marlo Quist / The Harbour Press)", "( Marlo Quist / HP )"] {
            let document = Document(text: "Workers repaired the pier on Tuesday. \(credit)\n\n\"It held,\" said Wren Talbot.")
            let a = try sharedPipeline.annotate(document)
            #expect(people(a) == ["Wren Talbot"], "\(credit)")
            // The credited name is still a PERSON entity, without a cluster.
            let credited = try #require(a.entities.first { $0.label == .person && $0.cluster == nil })
            #expect(document.string(credited.start, credited.end) == "Marlo Quist")
            // Cluster indices still point at the right clusters.
            #expect(a.entities.compactMap(\.cluster).allSatisfy { a.clusters.indices.contains($0) })
            #expect(a.quotes.first?.speaker?.cluster.map { a.clusters[$0].name } == "Wren Talbot")
        }
    }

    @Test func aBylineParagraphIsNoPersonOfTheNews() throws {
        let a = try annotate("Marlo Quist, The Harbour Press\n\nPORTSMOUTH -- \"It held,\" said Wren Talbot on Tuesday.")
        #expect(people(a) == ["Wren Talbot"])
        let b = try annotate("Marlo Quist, evening news producer\n\nThe pier held, Wren Talbot said on Tuesday.")
        #expect(!people(b).contains("Marlo Quist"))
    }

    @Test func aNameThatIsAlsoInTheNewsKeepsItsCluster() throws {
        // Named in the text as well as in a credit: a person of the news.
        let a = try annotate("Marlo Quist opened the pier on Tuesday. (Marlo Quist/Harbour Press)")
        #expect(people(a) == ["Marlo Quist"])
        // A paragraph that says something about the person is no byline.
        let b = try annotate("Marlo Quist, the harbour master, smiled.\n\nThe pier held.")
        #expect(people(b) == ["Marlo Quist"])
        let c = try annotate("Marlo Quist, 52, of Portsmouth\n\n\"It held,\" Quist said.")
        #expect(people(c) == ["Marlo Quist"])
        // A slash between two names is no credit unless the next word is capitalised.
        let d = try annotate("The pier was built by Marlo Quist/and friends, who said \"It held.\"")
        #expect(people(d) == ["Marlo Quist"])
    }

    @Test func aCreditParagraphCreditsEveryNameInIt() throws {
        let a = try annotate("\"It held,\" said Wren Talbot on Tuesday.\n\n– With files from Marlo Quist and Ivo Brandt in Portsmouth")
        #expect(people(a) == ["Wren Talbot"])
        let b = try annotate("By Marlo Quist\n\nThe pier held, Wren Talbot said on Tuesday.")
        #expect(people(b) == ["Wren Talbot"])
        // A long paragraph that happens to open with "By" is news.
        let c = try annotate("By the time Marlo Quist reached the pier on Tuesday, the storm had passed and the boats were safe again in the harbour.")
        #expect(people(c) == ["Marlo Quist"])
    }

    @Test func aReportCreditIsNoPersonOfTheNews() throws {
        let a = try annotate("The pier held overnight. Marlo Quist has the latest.\n\n\"It held,\" said Wren Talbot.")
        #expect(people(a) == ["Wren Talbot"])
        let b = try annotate("As Marlo Quist reports, the pier held. \"It held,\" said Wren Talbot.")
        #expect(people(b) == ["Wren Talbot"])
        // "reports" with an object is news: the harbour master reports damage.
        let c = try annotate("Marlo Quist reports damage to the pier.")
        #expect(people(c) == ["Marlo Quist"])
    }

    @Test func anAuthorNoteIsNoPersonOfTheNews() throws {
        let a = try annotate("\"It held,\" said Wren Talbot.\n\nMarlo Quist is a Portsmouth-based reporter covering the harbour.")
        #expect(people(a) == ["Wren Talbot"])
        // The verb must follow the name and a journalist noun come soon after it.
        let b = try annotate("Marlo Quist is a harbour master who once met a reporter.")
        #expect(people(b) == ["Marlo Quist"])
    }
}
