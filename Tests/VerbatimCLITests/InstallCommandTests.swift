import Foundation
import Testing

/// `verbatim install --prefix DIR` puts a binary that runs from anywhere.
@Suite struct InstallCommandTests {
    @Test func theInstalledBinaryRunsElsewhereWithItsOwnModels() throws {
        let prefix = try temporaryDirectory()
        let elsewhere = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: prefix); try? FileManager.default.removeItem(at: elsewhere) }
        let install = try CLI.run(["install", "--prefix", prefix.path])
        #expect(install.status == 0, "\(install.stderr)")
        let installed = prefix.appendingPathComponent("bin/verbatim")
        let models = prefix.appendingPathComponent("share/verbatim/Models")
        #expect(FileManager.default.isExecutableFile(atPath: installed.path))
        #expect(FileManager.default.fileExists(atPath: models.appendingPathComponent("NOTICE").path))
        #expect(!FileManager.default.fileExists(atPath: models.appendingPathComponent("build").path))

        let article = elsewhere.appendingPathComponent("a.txt")
        try "“We are ready,” Maria Lopez said in Madrid on Monday.".write(to: article, atomically: true, encoding: .utf8)
        let run = try CLI.run(["annotate", "a.txt"], directory: elsewhere, executable: installed, environment: ["VERBATIM_MODELS": nil])
        #expect(run.status == 0, "\(run.stderr)")
        let line = try #require(run.lines.first)
        let entities = try #require(line["entities"] as? [[String: Any]])
        #expect(entities.contains { $0["label"] as? String == "PERSON" && $0["text"] as? String == "Maria Lopez" })

        // It reads the installed models, not the package's: a broken installed file stops it.
        try "not a model line\n".write(to: models.appendingPathComponent("broken.tsv"), atomically: true, encoding: .utf8)
        let broken = try CLI.run(["annotate", "a.txt"], directory: elsewhere, executable: installed, environment: ["VERBATIM_MODELS": nil])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains(models.appendingPathComponent("broken.tsv").path))
    }

    @Test func installingAgainReplacesTheInstallation() throws {
        let prefix = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: prefix) }
        #expect(try CLI.run(["install", "--prefix", prefix.path]).status == 0)
        let stale = prefix.appendingPathComponent("share/verbatim/Models/stale.tsv")
        try "x\tx\n".write(to: stale, atomically: true, encoding: .utf8)
        let again = try CLI.run(["install", "--prefix", prefix.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(!FileManager.default.fileExists(atPath: stale.path))
    }

    @Test func anUnwritablePrefixIsAPlainError() throws {
        let run = try CLI.run(["install", "--prefix", "/proc/verbatim-cannot-write-here"])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("verbatim: cannot install under /proc/verbatim-cannot-write-here"), "\(run.stderr)")
    }
}
