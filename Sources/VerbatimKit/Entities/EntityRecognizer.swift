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
        let (entities, clusters) = resolver.resolve(ctx, propose(ctx), ruleNames: &state.memory.ruleNames)
        // Whatever an earlier stage found is kept; ours fill the rest (one merge policy).
        state.annotation.mergeEntities(entities, clusters: clusters)
    }

    /// Every rule's candidates, in proposal order (the overlap policy's last tie-breaker):
    /// the user's list, then the PERSON, ORG and PLACE tables chunk by chunk.
    func propose(_ ctx: EntityContext) -> [Candidate] {
        var gate = NeedsGate()
        return propose(ctx, gate: &gate)
    }

    /// ``propose(_:)`` with `gate` deciding which rules are called on each chunk.
    func propose<Gate: ChunkGate>(_ ctx: EntityContext, gate: inout Gate) -> [Candidate] {
        var out = Proposals()
        out.candidates.reserveCapacity(ctx.tokens.count / 4 + 16)
        UserListRule.propose(ctx, &out)
        if !ctx.chunks.isEmpty {
            let summaries = ChunkSummary.all(ctx)
            var proposer = ChunkProposer(ctx, first: summaries[0], gate: gate)
            swap(&proposer.out, &out)
            Self.proposeFromChunks(ctx, summaries, &proposer)
            swap(&proposer.out, &out)
            gate = proposer.gate
        }
        OtherNames.dropInside(ctx, &out.candidates)
        return out.candidates
    }

    /// The three tables' passes over the chunks, with one proposer moving from chunk to chunk.
    private static func proposeFromChunks<Gate: ChunkGate>(_ ctx: EntityContext, _ summaries: [ChunkSummary],
                                                           _ p: inout ChunkProposer<Gate>) {
        for chunk in ctx.chunks.indices {
            p.move(to: chunk, summaries[chunk])
            PersonRules.table(&p)
        }
        let organizations = p.out.count
        for chunk in ctx.chunks.indices {
            p.move(to: chunk, summaries[chunk])
            OrganizationRules.table(&p)
        }
        OrganizationRules.keepAbbreviationStops(ctx, &p.out.candidates, from: organizations)
        let places = p.out.count
        for chunk in ctx.chunks.indices {
            p.move(to: chunk, summaries[chunk])
            guard PlaceRules.appliesTo(p.site) else { continue }
            p.setBefore(PlaceRules.precedingContext(ctx, p.site.a))
            let first = p.out.count
            PlaceRules.table(&p)
            // The refinements read only this chunk's candidates: most chunks have none.
            guard p.out.count > first else { continue }
            PlaceRules.dropAdjectives(ctx, &p.out.candidates, from: first)
            PlaceRules.townTeams(ctx, &p.out.candidates, from: first, prep: p.site.before.prep)
        }
        PlaceRules.nationalTeams(ctx, &p.out.candidates, from: places)
    }
}

/// Every rule of the entity stage, for `--explain` readers and ENTITIES.md.
enum EntityRules {
    /// The rules whose names a mention can carry, table by table.
    static let all: [EntityRule] = [UserListRule.rule] + PersonRules.rules + OrganizationRules.rules
        + PlaceRules.rules + PlaceRules.relabels + DocumentRules.rules + [DocumentSenses.rule]
}
