import Testing
@testable import VerbatimKit

@Suite struct AnnotationEncoderTests {
    /// Spans are written as code-point offsets with the exact text slice, as Python slices.
    @Test func writesCodePointSpans() throws {
        let text = "😀 “Hi,” said Zoë Ochab."
        let document = Document(text: text)
        func byteRange(of needle: String) -> (Int32, Int32) {
            let r = text.range(of: needle)!
            let start = text.utf8.distance(from: text.startIndex, to: r.lowerBound)
            return (Int32(start), Int32(start + needle.utf8.count))
        }
        let (ps, pe) = byteRange(of: "Zoë Ochab")
        let (qs, qe) = byteRange(of: "“Hi,”")
        let (cs, ce) = byteRange(of: "said")
        let annotation = Annotation(
            entities: [Entity(start: ps, end: pe, label: .person, cluster: 0, rule: "test")],
            clusters: [Cluster(label: .person, name: "Zoë Ochab", mentions: [0])],
            quotes: [Quote(start: qs, end: qe, kind: .direct, speaker: Speaker(start: ps, end: pe, cluster: 0, name: "Zoë Ochab"),
                           cue: Span(start: cs, end: ce), rule: "test")])
        var out = JSONWriter()
        out.beginObject()
        AnnotationEncoder(document: document, explain: false).encode(annotation, into: &out)
        out.endObject()
        let json = String(decoding: out.bytes, as: UTF8.self)
        #expect(json == #"{"entities":[{"id":"e1","label":"PERSON","start":13,"end":22,"text":"Zoë Ochab","cluster":"c1"}],"#
            + #""clusters":[{"id":"c1","label":"PERSON","name":"Zoë Ochab","mentions":["e1"]}],"#
            + #""quotes":[{"id":"q1","start":2,"end":7,"text":"“Hi,”","kind":"direct","speaker":{"start":13,"end":22,"text":"Zoë Ochab","cluster":"c1","name":"Zoë Ochab"},"cue":{"start":8,"end":12,"text":"said"}}],"#
            + #""verbatim":{"version":"\#(AnnotationEncoder.version)","schema":1}}"#)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[13..<22])) == "Zoë Ochab")
    }

    /// The literals the encoder writes for labels and quote kinds are their raw values.
    @Test func labelAndKindLiteralsAreTheRawValues() {
        for label in EntityLabel.allCases {
            #expect(AnnotationEncoder.name(of: label).description == label.rawValue)
        }
        for kind in [Quote.Kind.direct, .partial] {
            #expect(AnnotationEncoder.name(of: kind).description == kind.rawValue)
        }
    }
}
