/// The two files brat reads for one document.
public struct BratDocument: Sendable, Equatable {
    /// A file name stem made from the record id (see ``BratWriter/fileStem(for:)``).
    public var stem: String
    /// The `.txt` file: the record's text, unchanged.
    public var text: [UInt8]
    /// The `.ann` file: standoff annotations.
    public var annotations: [UInt8]
}

/// Writes brat standoff annotations: per record a `.txt` (the text) and an `.ann`.
///
/// ```
/// T1	PERSON 40 49	Neil Basu
/// T2	TIME 108 115	Tuesday
/// #1	AnnotatorNotes T2	type=DATE value=2018-08-14
/// T3	Quote 0 39	“There was not a police car in pursuit,”
/// A1	Kind T3 direct
/// T4	Cue 92 96	told
/// R1	Speaker Arg1:T3 Arg2:T1
/// R2	HasCue Arg1:T3 Arg2:T4
/// #2	AnnotatorNotes T3	speaker=Neil Basu
/// ```
///
/// - Offsets are code points into the `.txt` file, as brat counts them.
/// - Entities are text-bound annotations typed `PERSON`, `ORG`, `PLACE`, `TIME`;
///   their finer `type` and `value` go into an `AnnotatorNotes` comment.
/// - A quote is a `Quote` text-bound annotation with a `Kind` attribute (`direct`,
///   `partial`, or `indirect` for reported speech, whose span is the content), a `Speaker` relation to the speaker's mention (the entity at
///   that span, or a `Mention` annotation when no entity covers it exactly), a
///   `HasCue` relation to a `Cue` annotation, and the resolved speaker name in a note.
/// - A span that crosses line breaks is written as fragments (`0 10;11 20`), as
///   brat itself does, with the fragments' texts joined by a space.
/// - ``BratWriter/configuration`` is the `annotation.conf` that declares these types.
public struct BratWriter: Sendable {
    public init() {}

    public static let configuration = """
        # Verbatim's brat annotation configuration (written by verbatim annotate --format brat).
        [entities]
        PERSON
        ORG
        PLACE
        TIME
        Quote
        Cue
        Mention

        [relations]
        Speaker\tArg1:Quote, Arg2:PERSON|ORG|PLACE|Mention
        HasCue\tArg1:Quote, Arg2:Cue
        <OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

        [events]

        [attributes]
        Kind\tArg:Quote, Value:direct|partial|indirect

        """

    public static let visualConfiguration = """
        [labels]
        PERSON | Person | PER
        ORG | Organisation | ORG
        PLACE | Place | LOC
        TIME | Time | TIME
        Quote | Quote | Q

        [drawing]
        PERSON\tbgColor:#ffd6a5
        ORG\tbgColor:#a0c4ff
        PLACE\tbgColor:#caffbf
        TIME\tbgColor:#fdffb6
        Quote\tbgColor:#e5e5e5
        Cue\tbgColor:#ffc6ff
        Mention\tbgColor:#ffd6a5
        Speaker\tcolor:#c0392b, dashArray:3-3, arrowHead:triangle-5
        HasCue\tcolor:#8e44ad, arrowHead:triangle-5

        """

    /// A file name stem for a record id: letters, digits, `.`, `-` and `_` kept, any
    /// other character (such as `/`) replaced by `_`, at most 120 bytes; never empty
    /// and never starting with a dot.
    public static func fileStem(for id: String) -> String {
        var stem = ""
        for scalar in id.unicodeScalars {
            let ok = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == ".")
            stem.unicodeScalars.append(ok ? scalar : "_")
            if stem.utf8.count >= 120 { break }
        }
        if stem.hasSuffix(".txt") { stem.removeLast(4) }
        if stem.isEmpty || stem.hasPrefix(".") { stem = "doc" + stem }
        return stem
    }

    public func write(_ state: AnalysisState) -> BratDocument {
        let document = state.document
        let annotation = state.annotation
        let index = CodePointIndex(document.utf8)
        var out: [UInt8] = []
        var t = 0, r = 0, a = 0, note = 0

        func textBound(_ type: String, _ start: Int32, _ end: Int32) -> String {
            t += 1
            var offsets: [String] = []
            var texts: [String] = []
            for (s, e) in fragments(document.utf8, start, end) {
                offsets.append("\(index.codePoints(atByte: s)) \(index.codePoints(atByte: e))")
                texts.append(document.string(s, e).replacingTabs())
            }
            out.append(contentsOf: "T\(t)\t\(type) \(offsets.joined(separator: ";"))\t\(texts.joined(separator: " "))\n".utf8)
            return "T\(t)"
        }
        func annotatorNote(_ target: String, _ text: String) {
            note += 1
            out.append(contentsOf: "#\(note)\tAnnotatorNotes \(target)\t\(text.replacingTabs().replacingLineBreaks())\n".utf8)
        }

        var entityIDs: [Span: String] = [:]
        for entity in annotation.entities {
            let id = textBound(entity.label.rawValue, entity.start, entity.end)
            entityIDs[Span(start: entity.start, end: entity.end)] = entityIDs[Span(start: entity.start, end: entity.end)] ?? id
            var details: [String] = []
            if let type = entity.type { details.append("type=\(type)") }
            if let value = entity.value { details.append("value=\(value)") }
            if let cluster = entity.cluster, cluster < annotation.clusters.count {
                details.append("cluster=\(AnnotationEncoder.clusterID(cluster))")
            }
            if !details.isEmpty { annotatorNote(id, details.joined(separator: " ")) }
        }
        for quote in annotation.quotes {
            let id = textBound("Quote", quote.start, quote.end)
            a += 1
            out.append(contentsOf: "A\(a)\tKind \(id) \(quote.kind.rawValue)\n".utf8)
            if let cue = quote.cue {
                let cueID = textBound("Cue", cue.start, cue.end)
                r += 1
                out.append(contentsOf: "R\(r)\tHasCue Arg1:\(id) Arg2:\(cueID)\n".utf8)
            }
            if let speaker = quote.speaker {
                let key = Span(start: speaker.start, end: speaker.end)
                let speakerID: String
                if let existing = entityIDs[key] {
                    speakerID = existing
                } else {
                    speakerID = textBound("Mention", speaker.start, speaker.end)
                    entityIDs[key] = speakerID
                }
                r += 1
                out.append(contentsOf: "R\(r)\tSpeaker Arg1:\(id) Arg2:\(speakerID)\n".utf8)
                annotatorNote(id, "speaker=\(speaker.name ?? document.string(speaker.start, speaker.end))")
            }
        }
        return BratDocument(stem: Self.fileStem(for: document.id), text: document.utf8, annotations: out)
    }

    /// The parts of a byte span between line breaks (brat spans cannot hold one).
    func fragments(_ bytes: [UInt8], _ start: Int32, _ end: Int32) -> [(Int32, Int32)] {
        var parts: [(Int32, Int32)] = []
        var s = start
        var i = start
        while i < end {
            let b = bytes[Int(i)]
            if b == 0x0A || b == 0x0D {
                if i > s { parts.append((s, i)) }
                s = i + 1
            }
            i += 1
        }
        if end > s { parts.append((s, end)) }
        if parts.isEmpty { parts.append((start, end)) }
        return parts
    }
}

fileprivate extension String {
    func replacingTabs() -> String {
        contains("\t") ? String(map { $0 == "\t" ? " " : $0 }) : self
    }

    func replacingLineBreaks() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}
