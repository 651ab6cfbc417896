import ArgumentParser
import VerbatimKit

/// Where the lexicons come from, shared by every command that runs the pipeline.
struct ModelOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The Models directory (default: $VERBATIM_MODELS, else found beside the executable or above the current directory).", valueName: "dir"))
    var models: String?

    @Option(name: .customLong("lexicon"), help: ArgumentHelp(
        "A user list that extends and overrides the shipped lexicons: lines LABEL<TAB>form[<TAB>type], LABEL one of PERSON, ORG, PLACE (repeatable).",
        valueName: "file.tsv"))
    var lexicons: [String] = []

    @Option(name: .customLong("extend-models"), help: ArgumentHelp(
        "A folder laid out like Models/ whose .tsv files add lines to the model files of the same name (e.g. DIR/entities/words.tsv), in their format (repeatable).",
        valueName: "dir"))
    var extensions: [String] = []

    /// The shipped lexicons plus the user's lists; a missing or corrupt file is a usage error naming it.
    func makeLexicon() throws -> Lexicon {
        do {
            var lexicon = try Lexicon(locating: models)
            for directory in extensions {
                try lexicon.extend(withModelsIn: directory)
            }
            for path in lexicons {
                try lexicon.addUserList(contentsOf: path)
            }
            return lexicon
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The standard pipeline over these models; `listsEveryQuotation` lists every pair
    /// of quotation marks, not only speech (`--all-quotations`).
    func makePipeline(listsEveryQuotation: Bool = false) throws -> Pipeline {
        let lexicon = try makeLexicon()
        do {
            return try Pipeline(lexicon: lexicon, listsEveryQuotation: listsEveryQuotation)
        } catch let error as VerbatimError {
            throw ValidationError(error.description)
        } catch {
            throw ValidationError("cannot build the pipeline: \(error)")
        }
    }
}

/// The `--all-quotations` flag of the commands that write quotes (annotate, render, serve).
struct QuotationOptions: ParsableArguments {
    @Flag(name: .customLong("all-quotations"), help: "List every pair of quotation marks as a quote (titles, scare quotes, word lists, page furniture, fragments inside reported speech), not only speech.")
    var allQuotations = false
}
