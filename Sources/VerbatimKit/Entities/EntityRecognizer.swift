/// The PERSON/ORG/PLACE stage: recognizers propose candidates with a reason, the
/// ``Resolver`` keeps one label per span, spreads names across the document and
/// clusters mentions. Fills `annotation.entities` (sorted, non-overlapping) and
/// `annotation.clusters`.
public struct EntityRecognizer: Annotator {
    public let name = "entities"
    public let requires: Set<Layer> = [.tokens, .sentences]
    public let produces: Set<Layer> = [.entities, .clusters]

    let lexicon: EntityLexicon
    let recognizers: [any EntityCandidateRecognizer]
    let resolver = Resolver()

    /// Builds the stage from loaded models.
    /// - Throws: ``VerbatimError/model(path:reason:)`` naming a missing lexicon file.
    public init(lexicon: Lexicon) throws(VerbatimError) {
        let entityLexicon = try EntityLexicon(lexicon)
        self.lexicon = entityLexicon
        var countryNames: [String: String] = [:]
        let countries = entityLexicon.countries
        for i in 0..<countries.count where countries.field(i, 3, equals: "name") {
            if let iso = countries.field(i, 2), countryNames[iso] == nil { countryNames[iso] = countries.form(i) }
        }
        recognizers = [UserListRecognizer(), PersonRecognizer(), OrganizationRecognizer(), PlaceRecognizer(countryNames: countryNames)]
    }

    public func annotate(_ state: inout AnalysisState) {
        let ctx = EntityContext(document: state.document, segmentation: state.segmentation, lexicon: lexicon)
        var candidates: [Candidate] = []
        candidates.reserveCapacity(ctx.tokens.count / 4 + 16)
        for recognizer in recognizers { recognizer.propose(ctx, into: &candidates) }
        let (entities, clusters) = resolver.resolve(ctx, candidates)
        // Whatever an earlier stage found is kept; ours fill the rest (one merge policy).
        state.annotation.mergeEntities(entities, clusters: clusters)
    }
}

/// Entries of the user's own list (``Lexicon/addUserList(contentsOf:extending:)``) win over everything.
struct UserListRecognizer: EntityCandidateRecognizer {
    func propose(_ ctx: EntityContext, into out: inout [Candidate]) {
        guard let user = ctx.lexicon.user else { return }
        for i in 0..<ctx.tokens.count where ctx.tokens[i].kind == .word || ctx.tokens[i].kind == .number {
            let limit = ctx.sentenceRange(i).upperBound
            guard let m = ctx.longest(user, from: i, limit: limit) else { continue }
            let e = m.entries.lowerBound
            let label: EntityLabel
            if user.field(e, 2, equals: "PERSON") { label = .person } else if user.field(e, 2, equals: "ORG") { label = .organization }
            else if user.field(e, 2, equals: "PLACE") { label = .place } else { continue }
            let type = user.field(e, 3).flatMap { $0 == "-" ? nil : $0 }
            out.append(Candidate(start: i, end: m.end, label: label, type: ctx.keep(type), score: 100, rule: "user-list"))
        }
    }
}
