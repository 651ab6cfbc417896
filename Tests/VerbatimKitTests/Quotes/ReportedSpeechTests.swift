import Foundation
import Testing
@testable import VerbatimKit

/// One line per indirect quote: `content | speaker mention | name | cue | rule`.
func indirectSummary(_ text: String) throws -> [String] {
    try allQuotes(text).filter { $0.kind == .indirect }.map { q in
        let speaker = q.speaker.map { slice(text, $0.start, $0.end) } ?? "-"
        let cue = q.cue.map { slice(text, $0.start, $0.end) } ?? "-"
        return "\(slice(text, q.start, q.end)) | \(speaker) | \(q.speaker?.name ?? "-") | \(cue) | \(q.rule)"
    }
}

/// Reported (indirect) speech: SIEVES.md §4. Invented sentences.
@Suite struct ReportedSpeechTests {
    @Test func leadingCueWithAndWithoutThat() throws {
        #expect(try indirectSummary("Police said the van had been driven from Leeds overnight.")
                == ["the van had been driven from Leeds overnight | Police | Police | said | indirect-leading-cue"])
        #expect(try indirectSummary("She told reporters that the ferry plan was dead.")
                == ["that the ferry plan was dead | She | - | told | indirect-leading-cue"])
    }

    @Test func addresseeDateAndOccasionStandBetweenCueAndContent() throws {
        #expect(try indirectSummary("Ada Quist told the jury she had never seen the boat.").first?.hasPrefix("she had never seen the boat |") == true)
        #expect(try indirectSummary("Ada Quist said Monday the harbour would stay closed.").first?.hasPrefix("the harbour would stay closed |") == true)
        #expect(try indirectSummary("Ada Quist said in a statement that the harbour would stay closed.").first?
            .hasPrefix("that the harbour would stay closed |") == true)
    }

    @Test func trailingCueAndInvertedTrailingCue() throws {
        #expect(try indirectSummary("The budget is balanced, the mayor said.")
                == ["The budget is balanced | the mayor | the mayor | said | indirect-trailing-cue"])
        let t = "The bridge will reopen in May, said Tom Reed, the city's engineer."
        #expect(try indirectSummary(t) == ["The bridge will reopen in May | Tom Reed | Tom Reed | said | indirect-trailing-cue"])
    }

    @Test func anInterruptedClauseGivesTwoQuotes() throws {
        let t = "Residents, the mayor says, have waited long enough for the new bridge."
        #expect(try indirectSummary(t).map { $0.components(separatedBy: " | ")[0] }
                == ["Residents", "have waited long enough for the new bridge"])
    }

    @Test func accordingToBeforeAndAfter() throws {
        #expect(try indirectSummary("According to the mayor, the budget is balanced.")
                == ["the budget is balanced | the mayor | the mayor | According to | indirect-according-to"])
        #expect(try indirectSummary("The budget is balanced, according to the mayor.")
                == ["The budget is balanced | the mayor | the mayor | according to | indirect-according-to"])
        // One-word source phrases need a comma and a name: a percentage is no source.
        #expect(try indirectSummary("Rents rose by 3 per cent in the city last year.").isEmpty)
    }

    @Test func aQuotedFragmentInsideTheReportedClauseIsPartOfIt() throws {
        let t = "He said the ferry plan was “a disaster” for the town."
        // The stage still attributes the fragment (every quotation)…
        #expect(try quotes(t).map(\.kind) == [.partial])
        // …but lists one quote: the reported clause holds it (speech-only).
        let qs = try allQuotes(t)
        #expect(qs.map(\.kind) == [.indirect])
        #expect(slice(t, qs[0].start, qs[0].end) == "the ferry plan was “a disaster” for the town")
    }

    @Test func aCueThatIntroducesADirectQuoteMakesNoReportedSpeech() throws {
        #expect(try indirectSummary("“We will rebuild the pier,” Maria Lopez said.").isEmpty)
        #expect(try indirectSummary("Maria Lopez said: “We will rebuild the pier.”").isEmpty)
    }

    @Test func beliefIsNotSpeech() throws {
        #expect(try indirectSummary("She thinks the ferry plan will fail.").isEmpty)
        #expect(try indirectSummary("He hopes the bridge will open before winter.").isEmpty)
        #expect(try indirectSummary("Many residents fear the harbour will close.").isEmpty)
    }

    @Test func mannerVerbsObjectsNegationAndPassivesAreNotReportedSpeech() throws {
        #expect(try indirectSummary("He described the ferry plan as a disaster for the town.").isEmpty)
        #expect(try indirectSummary("The council denied the request of the harbour residents.").isEmpty)
        #expect(try indirectSummary("He did not say whether the ferry would run again.").isEmpty)
        #expect(try indirectSummary("He was told the ferry had been cancelled.").isEmpty)
        #expect(try indirectSummary("She began to cry when the ferry left the harbour.").isEmpty)
    }

    @Test func aParticipleTakesTheSubjectOfTheClause() throws {
        let t = "The mayor said the budget was balanced, adding that taxes would not rise."
        #expect(try indirectSummary(t) == ["the budget was balanced | The mayor | The mayor | said | indirect-leading-cue",
                                           "that taxes would not rise | The mayor | The mayor | adding | indirect-leading-cue"])
    }

    @Test func aPronounSpeakerIsResolved() throws {
        let t = "Anna Berg met Tom Hall on Monday. She said the harbour deal was done."
        #expect(try allQuotes(t).first { $0.kind == .indirect }?.speaker?.name == "Anna Berg")
    }

    @Test func aDirectQuoteAfterReportedSpeechContinuesItsSpeaker() throws {
        let t = "Anna Berg said the council would vote on the harbour plan on Monday.\n\n“We have waited long enough.”"
        let direct = try #require(try quotes(t).first { $0.kind == .direct })
        #expect(direct.rule == "continuation")
        #expect(direct.speaker?.name == "Anna Berg")
    }

    @Test func pageFurnitureHoldsNoReportedSpeech() throws {
        #expect(try indirectSummary("READ MORE: Mayor says the harbour bridge will reopen in May").isEmpty)
    }

    @Test func aDocumentIsNoSpeakerOfAVerbCue() throws {
        #expect(try indirectSummary("The data suggests the harbour will need dredging.").isEmpty)
    }
}

/// He/she never refer to an organisation that spoke before them.
@Suite struct PronounPersonTests {
    @Test func aPronounDoesNotTakeAnOrganisationAsItsReferent() throws {
        let t = "The Harbour Council said the ferry plan was final. “We will not wait any longer,” she said."
        let direct = try #require(try quotes(t).first)
        #expect(direct.speaker.map { slice(t, $0.start, $0.end) } == "she")
        #expect(direct.speaker?.name != "The Harbour Council")
    }
}

extension PronounPersonTests {
    /// A run of name words that an earlier stage found to be a place is no referent
    /// of "she", even when it starts with a first name.
    @Test func aPronounDoesNotTakeAPlaceAsItsReferent() throws {
        let t = "Crowds filled Victoria Gate Gardens on Monday. “It was a shock to everyone,” she said."
        struct FakePlaces: Annotator {
            let name = "fake-places"
            let requires: Set<Layer> = [.tokens]
            let produces: Set<Layer> = [.entities, .clusters]
            let span: (Int32, Int32)
            func annotate(_ state: inout AnalysisState) {
                state.annotation.entities = [Entity(start: span.0, end: span.1, label: .place, cluster: 0, rule: "test")]
                state.annotation.clusters = [Cluster(label: .place, name: "Victoria Gate Gardens", mentions: [0])]
            }
        }
        let start = Int32(t.utf8.distance(from: t.startIndex, to: t.range(of: "Victoria")!.lowerBound))
        let withPlaces = try Pipeline(annotators: [FakePlaces(span: (start, start + Int32("Victoria Gate Gardens".utf8.count))), shippedQuoteStage])
        let q = try #require(try withPlaces.annotate(Document(text: t)).quotes.first)
        #expect(q.speaker.map { slice(t, $0.start, $0.end) } == "she")
        #expect(q.speaker?.name != "Victoria Gate Gardens")
    }
}

/// Recall classes of reported speech (invented sentences).
@Suite struct ReportedSpeechRecallTests {
    @Test func aNameThatIsAlsoAModalIsNoModal() throws {
        #expect(try indirectSummary("Tom May said a solution for the harbour could be found.").count == 1)
    }

    @Test func aQuantityOpensAReportedClause() throws {
        let t = "At least 40 ferries were stuck in the harbour, the port authority said."
        #expect(try indirectSummary(t).first?.hasPrefix("At least 40 ferries were stuck in the harbour |") == true)
    }

    @Test func aNounPhraseSubjectWithAnSVerb() throws {
        #expect(try indirectSummary("Ada Quist said the harbour agreement deals with dredging and repairs.").count == 1)
    }

    @Test func aCueThatAlsoServesTheNextQuoteStillReportsItsClause() throws {
        let t = "In a statement, Ada Quist said the ferry would run again in May. “We owe it to the island.”"
        #expect(try indirectSummary(t).count == 1)
        #expect(try quotes(t).first?.speaker?.name == "Ada Quist")
    }

    /// A cue's noun-phrase object whose only verbs are its relative clauses' is no
    /// reported clause; a relative clause inside a subject is skipped to the content's verb.
    @Test func aVerbOnlyInsideARelativeClauseMakesNoClause() throws {
        #expect(try indirectSummary("The governor announced the end of a strike that closed the port that serves the island.").isEmpty)
        #expect(try indirectSummary("Ada Quist promised a ferry which sails every hour.").isEmpty)
        #expect(try indirectSummary("Police said the driver who was stopped had been drinking.").first?
            .hasPrefix("the driver who was stopped had been drinking |") == true)
        #expect(try indirectSummary("Ada Quist said the plan that the council passed is dead.").first?
            .hasPrefix("the plan that the council passed is dead |") == true)
        // Without an article the clause may open with its own subject ("several times that she …").
        #expect(try indirectSummary("She noted several times that she looked forward to the trial.").count == 1)
        // Content before a trailing cue is a clause whatever its relatives ("who run" is no
        // verb the rules can see).
        #expect(try indirectSummary("A couple who run a farm have lost their licence, officials said.").count == 1)
    }

    /// The comma closing an introductory phrase of the content is no comma closing a
    /// trailing attribution; the next paragraph's quote continues the speaker.
    @Test func anIntroductoryPhraseBeforeTheContent() throws {
        let t = "Ada Quist admits in this case, there were delays.\n\n“I cannot say the storm caused them, but who knows.”"
        #expect(try indirectSummary(t) == ["there were delays | Ada Quist | Ada Quist | admits | indirect-leading-cue"])
        #expect(try quotes(t).first?.speaker?.name == "Ada Quist")
        // "said, though, that …" still reports; "said, though." alone closes the sentence.
        #expect(try indirectSummary("Ada Quist said, though, that the delays were over.").count == 1)
    }

    /// A trailing cue after a comma that closes a quoted fragment: the whole sentence
    /// is one indirect quote holding its fragments (the Gender Gap Tracker's "mixed").
    @Test func aTrailingCueAfterAQuotedFragmentReportsTheWholeSentence() throws {
        let t = "There was a “whiff” of worry in 1994 over the word “three-peat,” Ana Shibley said."
        #expect(try indirectSummary(t)
                == ["There was a “whiff” of worry in 1994 over the word “three-peat,” | Ana Shibley | Ana Shibley | said | indirect-trailing-cue"])
        let q = try #require(try allQuotes(t).first)
        #expect(q.fragments.map { slice(t, $0.start, $0.end) } == ["“whiff”", "“three-peat,”"])
        // A quote that opens the sentence is the cue's direct quote, not reported speech.
        #expect(try indirectSummary("“The word is tired,” Ana Shibley said.").isEmpty)
        // A fragment without its comma is no close of the content.
        #expect(try indirectSummary("The word “three-peat” Ana Shibley said was tired.").allSatisfy { !$0.hasPrefix("The word") })
    }

    /// The subject of a trailing cue that follows a description after the comma: a
    /// noun phrase with a determiner and its modifiers, or a bare role or
    /// organisation word; not a participle's words.
    @Test func aTrailingCueAfterADescription() throws {
        #expect(try indirectSummary("A dog has bitten a postman, police said.")
                == ["A dog has bitten a postman | police | police | said | indirect-trailing-cue"])
        #expect(try indirectSummary("Two men entered a nearby bakery, a security guard present during the raid told reporters.").map {
            $0.components(separatedBy: " | ").prefix(2).joined(separator: " | ") }
                == ["Two men entered a nearby bakery | a security guard present during the raid"])
        #expect(try indirectSummary("Ada Quist was approved for the scheme, having given her informed consent.").isEmpty)
    }

    /// A cue verb's object noun phrase is no reported clause because a modifier after a
    /// comma holds a verb; a subject with a parenthesis before its verb still is one.
    @Test func anObjectWhoseOnlyVerbsFollowACommaIsNoClause() throws {
        #expect(try indirectSummary("Marta Kell promised a steep rise in rail spending over the next decade, aimed at jolting the slow economy.").isEmpty)
        #expect(try indirectSummary("Harbour Bank reported a net loss of 8.1 million dollars, or 2 cents a share, for the quarter ended Sept. 30.").isEmpty)
        #expect(try indirectSummary("Ada Quist denied a request by the school board to replace an old gym in Dunmore, a decision that's left parents angry.").isEmpty)
        #expect(try indirectSummary("Police said the body of the man, 23, was found near the pier.").map { $0.components(separatedBy: " | ")[0] }
                == ["the body of the man, 23, was found near the pier"])
        #expect(try indirectSummary("Officials said the ferry, owned by a Jersey shipping line, was towed to port.").count == 1)
        #expect(try indirectSummary("Police said the crew -- from a Jersey shipping line -- found two barrels.").count == 1)
        // A hyphen inside a word is no parenthesis.
        #expect(try indirectSummary("Officials said the web-based survey process is flawed.").count == 1)
    }
}
