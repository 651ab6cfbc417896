import Foundation
import Testing
@testable import VerbatimKit

/// What the stage lists (SIEVES.md §6, speech-only): quotes that are somebody's speech.
@Suite struct SpeechOnlyListingTests {
    @Test func aTitleOrScareQuoteIsNotListed() throws {
        let t = "The council calls the new tram line “affordable” in its brochure."
        #expect(try quotes(t).map(\.rule) == ["title-or-scare-quote"])
        #expect(try allQuotes(t).isEmpty)
    }

    @Test func pageFurnitureAndWordListsAreNotListed() throws {
        let t = "The ferry stopped on Monday.\n\nREAD MORE: Mayor says harbour bridge is ‘not safe for anyone’\n\nThe report bans “pivot,” “synergy,” “bandwidth” and “leverage” from its pages.\n\n“We will reopen soon,” the mayor said."
        #expect(try quotes(t).count == 6)
        let listed = try allQuotes(t)
        #expect(listed.map(\.rule) == ["trailing-cue"])
        #expect(listed.map { slice(t, $0.start, $0.end) } == ["“We will reopen soon,”"])
    }

    @Test func anAttributedFragmentOutsideReportedSpeechIsListed() throws {
        let t = "Maria Lopez described the pier as “a crumbling wreck” at the meeting."
        let listed = try allQuotes(t)
        #expect(listed.map { slice(t, $0.start, $0.end) } == ["“a crumbling wreck”"])
        #expect(listed.first?.kind == .partial && listed.first?.speaker?.name == "Maria Lopez")
    }

    @Test func aDirectQuoteWithoutSpeakerIsListed() throws {
        let t = "“We will see what the tide brings.”"
        #expect(try allQuotes(t).map(\.kind) == [.direct])
    }

    @Test func aFragmentInsideReportedSpeechIsNamedByTheIndirectQuote() throws {
        let t = "The harbour master said the new pier was “a crumbling wreck” and “a danger to swimmers”."
        let listed = try allQuotes(t)
        #expect(listed.map(\.kind) == [.indirect])
        let fragments = try #require(listed.first?.fragments)
        #expect(fragments.map { slice(t, $0.start, $0.end) } == ["“a crumbling wreck”", "“a danger to swimmers”"])
    }

    @Test func onlyTheInnermostReportedClauseNamesAFragment() throws {
        let t = "Ana Ruiz said the inspector had warned that the roof was “beyond repair”."
        let listed = try allQuotes(t)
        let indirect = listed.filter { $0.kind == .indirect }
        #expect(indirect.map { slice(t, $0.start, $0.end) } == ["the inspector had warned that the roof was “beyond repair”", "that the roof was “beyond repair”"])
        #expect(indirect.map(\.fragments.count) == [0, 1])
    }

    @Test func listingEveryQuotationKeepsTitlesAndFragments() throws {
        var stage = shippedQuoteStage
        stage.listsEveryQuotation = true
        let pipeline = try Pipeline(annotators: [stage])
        let t = "The council calls the tram line “affordable”. The mayor said the plan was “a disaster”."
        let every = try pipeline.annotate(Document(text: t)).quotes
        #expect(every.map(\.kind) == [.partial, .indirect, .partial])
        #expect(every.map(\.rule) == ["title-or-scare-quote", "indirect-leading-cue", "sentence-cue"])
        // The indirect quote names its fragment either way.
        #expect(every[1].fragments.map { slice(t, $0.start, $0.end) } == ["“a disaster”"])
        #expect(try allQuotes(t).map(\.kind) == [.indirect])
    }

    @Test func theStandardPipelineTakesTheSetting() throws {
        let t = "Critics call the scheme “a folly”."
        #expect(try Pipeline(lexicon: shippedLexicon).annotate(Document(text: t)).quotes.isEmpty)
        let every = try Pipeline(lexicon: shippedLexicon, listsEveryQuotation: true).annotate(Document(text: t)).quotes
        #expect(every.map { slice(t, $0.start, $0.end) } == ["“a folly”"])
    }

    @Test func fragmentsAreWrittenOnlyOnTheIndirectQuoteThatHoldsThem() throws {
        let t = "The mayor said the plan was “a disaster”. “We start again,” she added."
        let document = Document(text: t)
        let annotation = try allQuotesAnnotation(t)
        var out = JSONWriter()
        out.beginObject()
        AnnotationEncoder(document: document, explain: false).encode(annotation, into: &out)
        out.endObject()
        let json = String(decoding: out.bytes, as: UTF8.self)
        #expect(json.contains(#""kind":"indirect","speaker":{"start":0,"end":9,"text":"The mayor","cluster":null,"name":"The mayor"},"cue":{"start":10,"end":14,"text":"said"},"fragments":[{"start":28,"end":40,"text":"“a disaster”"}]}"#))
        // Once: the direct quote has no such key.
        #expect(json.components(separatedBy: "fragments").count == 2)
    }
}
