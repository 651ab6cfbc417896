import Foundation

/// All lexicon files of a Models/ directory, loaded once and shared read-only by
/// every thread.
///
/// Each `*.tsv` under the directory (except `build/`) becomes a ``LexiconTable``
/// named by its relative path without the extension ("places/cities"). Stages ask
/// for the tables they need with ``table(_:)``, which names the missing file in its error.
public struct Lexicon: Sendable {
    /// The Models/ directory the tables came from.
    public let directory: String
    @usableFromInline var tables: [String: LexiconTable]

    /// The table name under which ``addUserList(contentsOf:)`` keeps labelled user entries.
    public static let userTableName = "user"

    /// Loads every `*.tsv` under `directory`.
    /// - Throws: ``VerbatimError/model(path:reason:)`` for a missing directory or a corrupt file.
    public init(directory: String) throws(VerbatimError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw VerbatimError.model(path: directory, reason: "models directory not found")
        }
        self.directory = directory
        var tables: [String: LexiconTable] = [:]
        let files = ((FileManager.default.enumerator(atPath: directory)?.allObjects as? [String]) ?? [])
            .filter { $0.hasSuffix(".tsv") && !$0.hasPrefix("build/") }.sorted()
        let loaded = ConcurrentMap.map(files) { relative -> Result<LexiconTable, VerbatimError> in
            Result { () throws(VerbatimError) in
                try LexiconTable(contentsOf: directory + "/" + relative, name: String(relative.dropLast(4)))
            }
        }
        // The first bad file in name order is reported, whatever order they loaded in.
        for result in loaded {
            let table = try result.get()
            tables[table.name] = table
        }
        self.tables = tables
    }

    /// Locates the models (see ``locateModels(explicit:)``) and loads them.
    public init(locating explicit: String? = nil) throws(VerbatimError) {
        try self.init(directory: Lexicon.locateModels(explicit: explicit))
    }

    /// The names of the loaded tables, sorted.
    public var tableNames: [String] { tables.keys.sorted() }

    /// The table `name` ("places/cities").
    /// - Throws: ``VerbatimError/model(path:reason:)`` naming the expected file when absent.
    public func table(_ name: String) throws(VerbatimError) -> LexiconTable {
        guard let table = tables[name] else {
            throw VerbatimError.model(path: directory + "/" + name + ".tsv", reason: "missing")
        }
        return table
    }

    /// The table `name` when present.
    public func optionalTable(_ name: String) -> LexiconTable? { tables[name] }

    // MARK: - Finding the models

    /// The environment variable naming the models directory.
    public static let environmentVariable = "VERBATIM_MODELS"

    /// Finds the Models/ directory: `explicit` when given, else `$VERBATIM_MODELS`,
    /// else what ``ResourceLocator`` finds: `share/verbatim/Models` beside an installed
    /// `bin/verbatim`, a `Models/` next to the executable or in one of its parents
    /// (`.build/release/verbatim` → the package's `Models/`), else one in the current
    /// directory or its parents.
    /// - Throws: ``VerbatimError/model(path:reason:)`` when nothing is found or an
    ///   explicitly named directory does not exist.
    public static func locateModels(explicit: String? = nil) throws(VerbatimError) -> String {
        let fm = FileManager.default
        func isDirectory(_ path: String) -> Bool {
            var d: ObjCBool = false
            return fm.fileExists(atPath: path, isDirectory: &d) && d.boolValue
        }
        if let explicit {
            guard isDirectory(explicit) else { throw VerbatimError.model(path: explicit, reason: "models directory not found") }
            return explicit
        }
        if let env = ProcessInfo.processInfo.environment[environmentVariable], !env.isEmpty {
            guard isDirectory(env) else { throw VerbatimError.model(path: env, reason: "models directory not found (from \(environmentVariable))") }
            return env
        }
        if let found = ResourceLocator.find("Models") { return found }
        throw VerbatimError.model(path: "Models", reason: "no models directory found: pass one explicitly (--models DIR) or set \(environmentVariable)")
    }

    // MARK: - User lists

    /// Adds a user list that extends and overrides the shipped lexicons.
    ///
    /// Lines are `LABEL<TAB>form[<TAB>type]` (LABEL one of PERSON, ORG, PLACE; `#`
    /// lines are comments) and go to the ``userTableName`` table, which the entity
    /// recognizer consults first. With `extending`, lines are instead in the named
    /// table's own format (`key<TAB>form<TAB>…`; the key is recomputed by folding the
    /// form) and are merged into that table, ahead of shipped entries with the same key.
    /// - Throws: ``VerbatimError/model(path:reason:)`` naming the file and line.
    public mutating func addUserList(contentsOf path: String, extending tableName: String? = nil) throws(VerbatimError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw VerbatimError.model(path: path, reason: "missing or unreadable")
        }
        guard let text = String(validating: [UInt8](data), as: UTF8.self) else {
            throw VerbatimError.model(path: path, reason: "not valid UTF-8")
        }
        var rows: [(key: [UInt8], line: [UInt8])] = []
        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if let tableName {
                guard fields.count >= 2, !fields[1].isEmpty else {
                    throw VerbatimError.model(path: path, reason: "line \(lineNumber): expected key<TAB>form<TAB>… for \(tableName)")
                }
                let key = Fold.fold(fields[1])
                rows.append((Array(key.utf8), Array(([key] + fields.dropFirst()).joined(separator: "\t").utf8)))
            } else {
                let label = fields[0].uppercased()
                guard fields.count >= 2, !fields[1].isEmpty, ["PERSON", "ORG", "PLACE", "TIME"].contains(label) else {
                    throw VerbatimError.model(path: path, reason: "line \(lineNumber): expected LABEL<TAB>form[<TAB>type] with LABEL PERSON, ORG, PLACE or TIME")
                }
                let key = Fold.fold(fields[1])
                let type = fields.count > 2 && !fields[2].isEmpty ? fields[2] : "-"
                rows.append((Array(key.utf8), Array("\(key)\t\(fields[1])\t\(label)\t\(type)".utf8)))
            }
        }
        let name = tableName ?? Lexicon.userTableName
        var merged = rows
        if let existing = tables[name] {
            for i in 0..<existing.count {
                let s = Int(existing.lineStart[i]), k = Int(existing.keyEnd[i]), e = Int(existing.lineEnd[i])
                merged.append((Array(existing.bytes[s..<k]), Array(existing.bytes[s..<e])))
            }
        }
        // Stable by key, user rows first among equal keys.
        let order = merged.indices.sorted { a, b in
            merged[a].key.lexicographicallyPrecedes(merged[b].key) || (merged[a].key == merged[b].key && a < b)
        }
        var bytes: [UInt8] = []
        for i in order { bytes.append(contentsOf: merged[i].line); bytes.append(0x0A) }
        tables[name] = try LexiconTable(bytes: bytes, name: name, path: path)
    }
}
