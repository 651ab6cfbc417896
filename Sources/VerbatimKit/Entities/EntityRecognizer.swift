/// The PERSON/ORG/PLACE stage: rules propose candidates with a reason (the tables of
/// ``PersonRules``, ``OrganizationRules``, ``PlaceRules``, listed with examples in
/// ENTITIES.md), the ``Resolver`` keeps one label per span, spreads names across the
/// document and clusters mentions. Fills `annotation.entities` (sorted,
/// non-overlapping) and `annotation.clusters`.
public struct EntityRecognizer: Annotator {
    public let name = "entities"
    public let requires: Set<Layer> = [.tokens, .sentences]
    public let produces: Set<Layer> = [.entities, .clusters]

    let lexicon: EntityLexicon
    let resolver = Resolver()

    /// Builds the stage from loaded models.
    /// - Throws: ``VerbatimError/model(path:reason:)`` naming a missing lexicon file.
    public init(lexicon: Lexicon) throws(VerbatimError) {
        self.lexicon = try EntityLexicon(lexicon)
    }

    public func annotate(_ state: inout AnalysisState) {
        let keys = TokenKeys(pass: state.lexicalPass(), document: state.document, tokens: state.segmentation.tokens,
                             stripPossessive: true)
        // The worker's word facts, taken out of the state while the context is built.
        var words = WordFactsCache()
        swap(&words, &state.memory.words)
        let ctx = EntityContext(document: state.document, segmentation: state.segmentation, lexicon: lexicon, keys: keys,
                                words: &words)
        swap(&words, &state.memory.words)
        let (entities, clusters) = resolver.resolve(ctx, propose(ctx))
        // Whatever an earlier stage found is kept; ours fill the rest (one merge policy).
        state.annotation.mergeEntities(entities, clusters: clusters)
    }

    /// Every rule's candidates, in proposal order (the overlap policy's last tie-breaker):
    /// the user's list, then the PERSON, ORG and PLACE tables chunk by chunk.
    func propose(_ ctx: EntityContext) -> [Candidate] {
        var out = Proposals()
        out.candidates.reserveCapacity(ctx.tokens.count / 4 + 16)
        UserListRule.propose(ctx, &out)
        for chunk in ctx.chunks.indices {
            out.propose(ChunkSite(ctx, chunk: chunk), PersonRules.table)
        }
        let organizations = out.count
        for chunk in ctx.chunks.indices {
            out.propose(ChunkSite(ctx, chunk: chunk), OrganizationRules.table)
        }
        OrganizationRules.keepAbbreviationStops(ctx, &out.candidates, from: organizations)
        let places = out.count
        for chunk in ctx.chunks.indices {
            var site = ChunkSite(ctx, chunk: chunk)
            guard PlaceRules.appliesTo(site) else { continue }
            site.before = PlaceRules.precedingContext(ctx, site.a)
            let first = out.count
            out.propose(site, PlaceRules.table)
            PlaceRules.dropAdjectives(ctx, &out.candidates, from: first)
            PlaceRules.townTeams(ctx, &out.candidates, from: first, prep: site.before.prep)
        }
        PlaceRules.nationalTeams(ctx, &out.candidates, from: places)
        OtherNames.dropInside(ctx, &out.candidates)
        return out.candidates
    }
}

/// Every rule of the entity stage, for `--explain` readers and ENTITIES.md.
enum EntityRules {
    /// The rules whose names a mention can carry, table by table.
    static let all: [EntityRule] = [UserListRule.rule] + PersonRules.rules + OrganizationRules.rules
        + PlaceRules.rules + PlaceRules.relabels + DocumentRules.rules + [DocumentSenses.rule]
}
