/// The user's own list (``Lexicon/addUserList(contentsOf:extending:)``, `--lexicon`):
/// its entries win over everything.
enum UserListRule {
    /// The support of a user's entry: above every rule's.
    static let score = 100

    static let rule = EntityRule("user-list", nil, matches: "an entry of the user's list (--lexicon), with its label",
                                 example: "The Zorblax Quintet played on Sunday.", finds: "Zorblax Quintet")

    static func propose(_ ctx: EntityContext, _ out: inout Proposals) {
        guard let user = ctx.lexicon.user else { return }
        out.run(rule) { out in
            for i in 0..<ctx.tokens.count where ctx.tokens[i].kind == .word || ctx.tokens[i].kind == .number {
                let limit = ctx.sentenceRange(i).upperBound
                guard let m = ctx.longest(user, from: i, limit: limit) else { continue }
                let e = m.entries.lowerBound
                let label: EntityLabel
                if user.field(e, 2, equals: "PERSON") { label = .person } else if user.field(e, 2, equals: "ORG") { label = .organization }
                else if user.field(e, 2, equals: "PLACE") { label = .place } else { continue }
                let type = user.field(e, 3).flatMap { $0 == "-" ? nil : $0 }
                out.add(i, m.end, score: score, type: ctx.keep(type), label: label)
            }
        }
    }
}
