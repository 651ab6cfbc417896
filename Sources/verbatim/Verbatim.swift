import ArgumentParser
import VerbatimKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@main
struct Verbatim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verbatim",
        abstract: "People, organisations, places, times and direct quotes with their speakers, from news text.",
        discussion: """
            Reads articles (text files, folders of .txt files, JSON Lines, standard input) and \
            writes one JSON line per article (output schema 1, see the README).

            Exit status: 0 when every record succeeded, 1 when some records produced error \
            lines (all are still written), 2 for usage errors.
            """,
        version: AnnotationEncoder.version,
        subcommands: [Annotate.self, Render.self, Serve.self, Eval.self, Bench.self, Install.self],
        defaultSubcommand: nil
    )

    /// Parses and runs, mapping usage errors to exit status 2 (ArgumentParser's
    /// default for them is 64, EX_USAGE).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as Failure {
            writeStandardError("verbatim: \(failure.description)\n")
            Verbatim.exit(withError: ExitCode(1))
        } catch {
            guard exitCode(for: error) == .validationFailure else { Verbatim.exit(withError: error) }
            writeStandardError(fullMessage(for: error) + "\n")
            Verbatim.exit(withError: ExitCode(2))
        }
    }
}

func writeStandardError(_ text: String) {
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBytes { raw in
        var offset = 0
        while offset < raw.count {
            let n = write(2, raw.baseAddress! + offset, raw.count - offset)
            if n <= 0 { if errno == EINTR { continue }; return }
            offset += n
        }
    }
}
