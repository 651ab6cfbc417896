import Foundation

/// The words that introduce reported speech, behind a small protocol so that the
/// built-in table can later be swapped for the lexicon runtime (`Models/cues/`).
///
/// Keys are lower-case, with ’ folded to '. Words come as ``FoldedWord``s, whose
/// hash the document's tokens already carry.
public protocol CueLexicon: Sendable {
    /// A reporting verb in any tense form ("said", "tells", "adding", "tweeted").
    func isSpeechVerb(_ word: FoldedWord) -> Bool
    /// A role or descriptive noun that heads a speaker description ("spokesman",
    /// "eyewitness", "prime minister"'s head "minister").
    func isRoleNoun(_ word: FoldedWord) -> Bool
}

extension CueLexicon {
    /// ``isSpeechVerb(_:)`` of an already folded word.
    public func isSpeechVerb(_ folded: String) -> Bool { isSpeechVerb(FoldedWord(folded)) }
    /// ``isRoleNoun(_:)`` of an already folded word.
    public func isRoleNoun(_ folded: String) -> Bool { isRoleNoun(FoldedWord(folded)) }
}

/// The built-in English cue table (a stand-in until `Models/cues/speech-verbs.tsv`
/// is loaded by the lexicon runtime).
public struct BuiltinCueLexicon: CueLexicon {
    let verbs: WordSet
    let roles: WordSet

    public init() {
        var verbs: WordSet = []
        for (base, irregular) in Self.verbTable {
            if irregular.isEmpty {
                verbs.insert(base)
                for form in Self.regularForms(base) { verbs.insert(form) }
            } else {
                for form in irregular.split(separator: " ") { verbs.insert(String(form)) }
            }
        }
        self.verbs = verbs
        var roles: WordSet = []
        for r in Self.roleTable.split(separator: " ") {
            roles.insert(String(r))
            roles.insert(String(r) + "s")
        }
        self.roles = roles
    }

    public func isSpeechVerb(_ word: FoldedWord) -> Bool { verbs.contains(word) }
    public func isRoleNoun(_ word: FoldedWord) -> Bool { roles.contains(word) }

    /// -s, -ed, -ing forms of a regular verb ("note" → notes, noted, noting).
    static func regularForms(_ base: String) -> [String] {
        var forms: [String] = []
        if base.hasSuffix("e") {
            let stem = String(base.dropLast())
            forms += [base + "s", base + "d", stem + "ing"]
        } else if base.hasSuffix("y"), let last = base.dropLast().last, !"aeiou".contains(last) {
            let stem = String(base.dropLast())
            forms += [stem + "ies", stem + "ied", base + "ing"]
        } else if base.hasSuffix("sh") || base.hasSuffix("ch") || base.hasSuffix("ss") || base.hasSuffix("x") {
            forms += [base + "es", base + "ed", base + "ing"]
        } else {
            forms += [base + "s", base + "ed", base + "ing"]
        }
        return forms
    }

    /// Reporting verbs: base form and, for irregular verbs, all forms (space separated).
    static let verbTable: [(String, String)] = [
        ("say", "say says said saying"), ("tell", "tell tells told telling"),
        ("write", "write writes wrote writing"), ("tweet", "tweeted tweeting"),
        ("add", ""), ("ask", ""), ("explain", ""), ("note", ""), ("continue", ""), ("declare", ""),
        ("insist", ""), ("argue", ""), ("claim", "claimed claims claiming"), ("state", "stated"), ("recall", ""), ("warn", "warned warns warning"),
        ("reply", ""), ("respond", ""), ("answer", "answered answers"), ("acknowledge", ""), ("admit", "admit admits admitted admitting"),
        ("announce", ""), ("comment", "commented commenting"), ("concede", ""), ("conclude", ""), ("confirm", ""),
        ("contend", ""), ("observe", ""), ("predict", ""), ("remark", "remarked"), ("report", "reported"),
        ("suggest", ""), ("urge", ""), ("joke", ""), ("quip", "quip quips quipped quipping"),
        ("shout", "shouted shouting"), ("yell", "yelled"), ("scream", "screamed"), ("exclaim", ""), ("chant", "chanted"), ("recount", ""),
        ("testify", ""), ("vow", "vowed vows vowing"), ("promise", "promised"), ("boast", "boasted boasts"), ("complain", ""), ("lament", ""),
        ("protest", "protested"), ("emphasize", ""), ("emphasise", ""), ("stress", "stressed stresses"), ("blame", "blamed blames blaming"),
        ("deny", ""), ("post", "posted"), ("whisper", "whispered"), ("muse", ""), ("assert", ""), ("allege", ""),
        ("maintain", ""), ("opine", ""), ("proclaim", ""), ("pledge", "pledged"), ("retort", ""),
        ("text", "texted"), ("email", "emailed"), ("e-mail", "e-mailed"), ("caution", ""), ("counter", "countered"), ("thunder", ""),
        ("mutter", ""), ("cry", "cried"), ("sigh", "sighed"), ("laugh", "laughed"), ("predict", ""), ("reiterate", ""),
        ("reason", "reasoned"), ("wonder", "wondered"), ("demand", "demanded"), ("plead", ""), ("begin", "began"),
        ("speak", "spoke"), ("tout", ""), ("describe", "described"), ("recall", ""), ("assure", ""), ("inform", ""),
        ("advise", ""), ("characterize", ""), ("brag", "brag brags bragged bragging"),
        ("scoff", ""), ("snap", "snapped"), ("charge", "charged"), ("summarize", ""),
        ("suggest", ""), ("question", "questioned"), ("query", ""), ("interject", ""), ("elaborate", ""),
        ("concur", "concur concurs concurred concurring"), ("agree", "agree agrees agreed agreeing"),
        ("read", "read reads"), ("shoot", "shot"), ("surmise", "surmised"), ("repeat", "repeated repeats"), ("react", "reacted"),
        ("bark", "barked"), ("riff", "riffed"), ("fume", "fumed"), ("crack", "cracked"), ("offer", "offered"),
        ("marvel", "marveled marvelled"), ("chime", "chimed"), ("gush", "gushed"), ("rage", "raged"),
        ("rail", "railed"), ("rant", "ranted"), ("snipe", "sniped"), ("tease", "teased"), ("implore", "implored"),
        ("estimate", "estimated"), ("recite", "recited"), ("preach", "preached"),
        ("disagree", "disagree disagrees disagreed disagreeing"), ("point", "pointed points"), ("put", "put puts"), ("remember", "remembered"),
    ]

    /// Role and descriptive nouns that head speaker descriptions or precede names.
    static let roleTable = """
    spokesman spokeswoman spokesperson eyewitness witness officer official minister president \
    senator governor mayor chancellor secretary candidate congressman congresswoman representative \
    director chief commissioner professor analyst economist pollster strategist adviser advisor \
    aide lawyer attorney judge chairman chairwoman chair leader manager member resident neighbour \
    neighbor source correspondent reporter editor author founder executive ceo spokesmen officials \
    sheriff detective inspector constable superintendent sergeant captain general colonel lieutenant \
    commander ambassador diplomat activist organizer organiser expert researcher scientist doctor \
    nurse teacher student worker owner driver passenger victim survivor father mother son daughter \
    wife husband brother sister friend partner campaigner supporter voter protester demonstrator \
    speaker host anchor commentator columnist historian prosecutor defendant councillor councilor mp \
    curator dealer barrister solicitor counsel investigator trooper deputy
    """
}

extension BuiltinCueLexicon {
    /// One shared, immutable instance (built on first use).
    public static let shared = BuiltinCueLexicon()
}

/// The built-in table extended with `Models/cues/speech-verbs.tsv` and
/// `Models/names/role-nouns.tsv` (FORMAT: key, form, lemma, tense / key, form, gender,
/// number). Base and -s forms from the file are left out unless the built-in table
/// has them, because many double as nouns ("state", "reports", "calls"); past,
/// participle and gerund forms are added.
public struct ModelCueLexicon: CueLexicon {
    /// The built-in words and the file's in one set each: one probe per test.
    let verbs: WordSet
    let roles: WordSet

    /// Returns nil when the Models folder has no speech-verb file.
    public init?(models: URL) {
        guard let verbs = try? LexiconTable(contentsOf: models.appendingPathComponent("cues/speech-verbs.tsv").path, name: "cues/speech-verbs")
        else { return nil }
        let roles = try? LexiconTable(contentsOf: models.appendingPathComponent("names/role-nouns.tsv").path, name: "names/role-nouns")
        self.init(speechVerbs: verbs, roleNouns: roles)
    }

    /// From tables already loaded (`cues/speech-verbs`, `names/role-nouns`).
    init(speechVerbs: LexiconTable, roleNouns: LexiconTable?) {
        var verbs = BuiltinCueLexicon.shared.verbs
        for e in 0..<speechVerbs.count {
            guard let tenses = speechVerbs.field(e, 3) else { continue }
            if tenses.split(separator: ",").contains(where: { $0 == "past" || $0 == "participle" || $0 == "gerund" }) {
                verbs.insert(speechVerbs.form(e).lowercased())
            }
        }
        var roles = BuiltinCueLexicon.shared.roles
        if let roleNouns {
            for e in 0..<roleNouns.count {
                let form = roleNouns.form(e)
                if !form.contains(" ") { roles.insert(form.lowercased()) }
            }
        }
        self.verbs = verbs
        self.roles = roles
    }

    public func isSpeechVerb(_ word: FoldedWord) -> Bool { verbs.contains(word) }
    public func isRoleNoun(_ word: FoldedWord) -> Bool { roles.contains(word) }
}
