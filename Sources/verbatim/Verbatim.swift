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
            lines (all are still written) or the output could not be written, 2 for usage \
            errors, 130 when interrupted, 141 when standard output was closed.
            """,
        version: AnnotationEncoder.version,
        subcommands: [Annotate.self, Render.self, Serve.self, Eval.self, Bench.self, Install.self],
        defaultSubcommand: nil
    )

    /// Parses and runs, mapping usage errors to exit status 2 (ArgumentParser's
    /// default for them is 64, EX_USAGE).
    static func main() {
        let command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exitWithUsage(error, command: nil)
        }
        do {
            var running = command
            try running.run()
        } catch let failure as CommandFailure {
            writeStandardError("verbatim: \(failure.message)\n")
            Verbatim.exit(withError: ExitCode(failure.status))
        } catch {
            exitWithUsage(error, command: type(of: command))
        }
    }

    /// Usage errors exit 2 with one message and the usage line of the subcommand
    /// that was run (not the root's); everything else keeps ArgumentParser's handling.
    static func exitWithUsage(_ error: Error, command: ParsableCommand.Type?) -> Never {
        guard exitCode(for: error) == .validationFailure else { Verbatim.exit(withError: error) }
        if let command, command != Verbatim.self {
            let name = command.configuration.commandName ?? String(describing: command).lowercased()
            writeStandardError("Error: \(message(for: error))\nUsage: \(usageString(for: command))\n  See 'verbatim \(name) --help' for more information.\n")
        } else {
            writeStandardError(fullMessage(for: error) + "\n")
        }
        Verbatim.exit(withError: ExitCode(2))
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
