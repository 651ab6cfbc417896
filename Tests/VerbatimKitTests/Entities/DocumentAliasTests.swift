import Testing
@testable import VerbatimKit

/// The search for other occurrences of trusted names (``DocumentRules/documentAliases(_:_:_:)``)
/// bounds each span by the first claimed token and by the most words of a name starting
/// with its first word. On invented documents it must claim what the plain search
/// claims: every end from the longest span down, each asked whether it is free.
@Suite struct DocumentAliasTests {
    static let documents = [
        "Officers named Naomi Threlkeld on Monday. Threlkeld later spoke. Naomi Threlkeld Jr. was not there.",
        "Edwin van der Pellow chairs the Calderbridge Police Authority. We met van der Pellow and Pellow's aide. "
            + "The Calderbridge Police Authority said the Calderbridge Police Authority Board would meet.",
        "We spoke to Frank Pellow about the find. The camera that Frank and his team built is new. Frank Pellow, Frank.",
        "The Church of Scientology opened a hall. Scientology said the Church would grow. Church of Scientology members came.",
        "QUILLET VISITS BRANDMOOR ROWING CLUB. Mayor Ann Quillet toured the Brandmoor Rowing Club on Friday. Quillet said "
            + "the Brandmoor Rowing Club Boathouse and Brandmoor Station were busy.",
        "Luciano della Noce met Marta Ruiz-Ostrander in Vellmark. Della Noce and della Noce, Ruiz-Ostrander and Marta agreed.",
    ]

    @Test(arguments: documents.indices)
    func boundedSpansClaimWhatThePlainSearchClaims(_ k: Int) throws {
        let ctx = try RuleNeedsTests.context(Self.documents[k])
        let candidates = try RuleNeedsTests.recognizer().propose(ctx)
        var claims = Resolver.overlapPolicy(candidates, tokens: ctx.tokens.count)
        let senses = Resolver.settleBeforeAliases(ctx, &claims)
        var fast = claims, plain = claims
        DocumentRules.documentAliases(ctx, &fast, senses)
        Self.plainAliases(ctx, &plain, senses)
        #expect(fast.mentions == plain.mentions)
        #expect(fast.mentions.count > claims.mentions.count, "the document finds no alias: it tests nothing")
    }

    /// The search as written before the bounds: every token, every end from the
    /// longest span down, the span's key built for each.
    static func plainAliases(_ ctx: EntityContext, _ claims: inout Resolver.Claims, _ senses: DocumentSenses) {
        let table = senses.table
        guard !table.isEmpty else { return }
        var i = 0
        while i < ctx.tokens.count {
            let t = ctx.tokens[i]
            guard claims.owner[i] < 0, t.kind == .word, t.shape == .title || t.shape == .upper || ctx.lowerDocument else { i += 1; continue }
            var found = false
            for end in stride(from: min(ctx.sentenceRange(i).upperBound, i + 6), to: i, by: -1) {
                guard claims.isFree(i, end), ctx.tokens[end - 1].kind == .word, let s = table[Resolver.nameKey(ctx, i, end)] else { continue }
                if end - i == 1 && ctx.has(i, .common) && !ctx.has(i, .nameLike) && (s.label != .person || s.givenName) { break }
                if s.givenName && !(t.shape == .title && t.flags.contains(.spaceBefore) && !ctx.isPunct(i + 1, 0x2D) && !ctx.isPunct(i - 1, 0x2D)) { break }
                let start = s.label == .person ? DocumentRules.particlesBefore(ctx, i, end, claims, table) : i
                claims.add(Candidate(start: start, end: end, label: s.label, type: s.type, score: s.score - DocumentRules.Score.aliasPenalty,
                                     rule: s.givenName ? DocumentRules.givenNameAlias.name : DocumentRules.documentAlias.name,
                                     canonical: s.canonical, form: s.form(ending: end - 1, ctx, else: .plain)))
                i = end
                found = true
                break
            }
            if !found { i += 1 }
        }
    }
}
