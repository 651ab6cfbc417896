import Foundation
import Testing

/// `--all-quotations` (annotate, render, serve): every pair of quotation marks is a
/// quote, not only speech (README, "Quotes").
@Suite struct QuotationListingTests {
    /// A scare quote, a fragment inside reported speech and a direct quote.
    static let record = #"{"id": "r1", "text": "Critics call the ring road “a folly”. The mayor said the plan was “a disaster”. “We start again,” she added."}"#

    static func kindsAndTexts(_ line: [String: Any]) -> [String] {
        ((line["quotes"] as? [[String: Any]]) ?? []).map { "\($0["kind"] as? String ?? "?"): \($0["text"] as? String ?? "?")" }
    }

    @Test func annotateListsSpeechUnlessAskedForEveryQuotation() throws {
        let speech = try CLI.run(["annotate"], stdin: Data((Self.record + "\n").utf8))
        #expect(speech.status == 0, "\(speech.stderr)")
        #expect(speech.lines.map(Self.kindsAndTexts) == [[
            "indirect: the plan was “a disaster”", "direct: “We start again,”"]])
        let every = try CLI.run(["annotate", "--all-quotations"], stdin: Data((Self.record + "\n").utf8))
        #expect(every.status == 0, "\(every.stderr)")
        #expect(every.lines.map(Self.kindsAndTexts) == [[
            "partial: “a folly”", "indirect: the plan was “a disaster”", "partial: “a disaster”", "direct: “We start again,”"]])
        // The indirect quote names its fragment either way.
        for result in [speech, every] {
            let indirect = (result.lines.first?["quotes"] as? [[String: Any]])?.first { $0["kind"] as? String == "indirect" }
            #expect((indirect?["fragments"] as? [[String: Any]])?.map { $0["text"] as? String } == ["“a disaster”"])
        }
    }

    @Test func serveTakesTheSettingForTheWholeService() throws {
        let server = try ServerProcess(["--all-quotations"])
        let reply = try server.post("/v1/annotate", Data(Self.record.utf8))
        #expect(reply.status == 200, "\(reply.text)")
        let annotate = try CLI.run(["annotate", "--all-quotations"], stdin: Data((Self.record + "\n").utf8))
        #expect(reply.body == annotate.stdout)
        #expect(Self.kindsAndTexts(try reply.json).count == 4)
    }
}
