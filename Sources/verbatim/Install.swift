import ArgumentParser
import Foundation
import VerbatimKit

extension Verbatim {
    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Install this verbatim binary and its models under a prefix (PREFIX/bin, PREFIX/share/verbatim/Models).",
            discussion: """
                Copies the running binary to PREFIX/bin/verbatim and the models it uses to \
                PREFIX/share/verbatim/Models, where the installed binary looks first, so it runs \
                from any directory without --models or VERBATIM_MODELS. An existing installation \
                is replaced (the binary atomically, the models folder as a whole).
                """
        )

        @Option(help: ArgumentHelp("Where to install (e.g. /usr/local or ~/.local).", valueName: "dir"))
        var prefix: String

        @OptionGroup var modelOptions: ModelOptions

        func run() throws {
            let fm = FileManager.default
            let prefixURL = URL(fileURLWithPath: (prefix as NSString).expandingTildeInPath).standardizedFileURL
            guard let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() else {
                throw installFailure("cannot tell where this binary is")
            }
            let models: String
            do {
                models = try Lexicon.locateModels(explicit: modelOptions.models)
                // Loading proves the folder is complete before anything is replaced.
                _ = try modelOptions.makeLexicon()
            } catch let error as ValidationError {
                throw installFailure(error.message)
            }
            let binDirectory = prefixURL.appendingPathComponent("bin")
            let target = binDirectory.appendingPathComponent("verbatim")
            let modelsTarget = prefixURL.appendingPathComponent("share/verbatim/Models")
            let modelsSource = URL(fileURLWithPath: models).resolvingSymlinksInPath().standardizedFileURL
            guard target.resolvingSymlinksInPath().path != executable.path else {
                throw installFailure("\(target.path) is this binary: nothing to install")
            }
            guard modelsTarget.resolvingSymlinksInPath().path != modelsSource.path else {
                throw installFailure("\(modelsTarget.path) holds the models this binary uses: nothing to install")
            }
            do {
                try fm.createDirectory(at: binDirectory, withIntermediateDirectories: true)
                // Copy beside the target, then rename over it: a running installed binary keeps working.
                let staged = binDirectory.appendingPathComponent(".verbatim.installing-\(getpid())")
                try? fm.removeItem(at: staged)
                try fm.copyItem(at: executable, to: staged)
                try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: staged.path)
                if rename(staged.path, target.path) != 0 {
                    let reason = String(cString: strerror(errno))
                    try? fm.removeItem(at: staged)
                    throw installFailure("cannot write \(target.path): \(reason)")
                }
                let stagedModels = modelsTarget.deletingLastPathComponent().appendingPathComponent(".Models.installing-\(getpid())")
                try fm.createDirectory(at: stagedModels, withIntermediateDirectories: true)
                try copyModels(from: modelsSource, to: stagedModels)
                if fm.fileExists(atPath: modelsTarget.path) { try fm.removeItem(at: modelsTarget) }
                try fm.moveItem(at: stagedModels, to: modelsTarget)
            } catch let failure as CommandFailure {
                throw failure
            } catch {
                throw installFailure("cannot install under \(prefixURL.path): \((error as NSError).localizedDescription)")
            }
            print("installed \(target.path)")
            print("installed \(modelsTarget.path)")
            let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
            if !path.split(separator: ":").contains(where: { URL(fileURLWithPath: String($0)).standardizedFileURL.path == binDirectory.path }) {
                print("note: \(binDirectory.path) is not on your PATH; add it, e.g. export PATH=\"\(binDirectory.path):$PATH\"")
            }
        }

        /// The model files (every `.tsv` with the folder's NOTICE and SOURCES.md), not
        /// the rebuild script under `build/`.
        private func copyModels(from source: URL, to target: URL) throws {
            let fm = FileManager.default
            let files = (fm.enumerator(atPath: source.path)?.allObjects as? [String] ?? []).sorted()
            for relative in files where !relative.hasPrefix("build/") && relative != "build" {
                let from = source.appendingPathComponent(relative)
                var isDirectory: ObjCBool = false
                guard fm.fileExists(atPath: from.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                      relative.hasSuffix(".tsv") || relative == "NOTICE" || relative == "SOURCES.md" else { continue }
                let to = target.appendingPathComponent(relative)
                try fm.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
                try fm.copyItem(at: from, to: to)
            }
        }
    }
}

/// A plain message and exit status 1: the command was well formed but could not be carried out.
private func installFailure(_ message: String) -> CommandFailure { CommandFailure(message: message, status: 1) }
