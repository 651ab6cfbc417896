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
    /// What the stages asked for while the pipeline was built (shared by copies).
    public let reads = ModelReadLog()

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
        reads.noteTable(name)
        return table
    }

    /// The table `name` when present.
    public func optionalTable(_ name: String) -> LexiconTable? {
        guard let table = tables[name] else { return nil }
        reads.noteTable(name)
        return table
    }

    // MARK: - Word classes

    /// The words of one class: the folded keys of the entries of `table` whose
    /// `column` holds `name` ("foreign-article" in `entities/words`). Rules name
    /// classes; the words live in the model file, where users extend them.
    /// - Throws: ``VerbatimError/model(path:reason:)`` when the table is missing or no
    ///   entry has the class (a rule asking for a class no file provides).
    func words(_ table: String, class name: String, column: Int = 2) throws(VerbatimError) -> WordSet {
        let t = try self.table(table)
        try understand(table, classColumn: column, classes: [name])
        var set = WordSet()
        for e in 0..<t.count where t.field(e, column) == name {
            set.insert(t.key(e))
        }
        return set
    }

    /// Records the classes a stage reads from `table`'s class `column` (for the test
    /// that every class in a file is read by some rule).
    /// - Throws: ``VerbatimError/model(path:reason:)`` naming the first class no
    ///   entry of the table has.
    public func understand(_ table: String, classColumn column: Int, classes: [String]) throws(VerbatimError) {
        let t = try self.table(table)
        var present: Set<String> = []
        for e in 0..<t.count { if let c = t.field(e, column) { present.insert(c) } }
        if let missing = classes.first(where: { !present.contains($0) }) {
            throw VerbatimError.model(path: t.path, reason: "no entry of class \"\(missing)\" (column \(column + 1)), which a rule reads")
        }
        reads.noteClasses(table, column: column, classes)
    }

    /// The model files no stage read and, for files read by class, the classes no
    /// rule reads ("entities/cues: class sport"): empty for a consistent Models/
    /// folder once the pipeline is built.
    public func unreadModelParts() -> [String] {
        var unread: [String] = []
        let read = reads.tables
        for name in tableNames where name != Lexicon.userTableName {
            guard read.contains(name) else { unread.append(name); continue }
            guard let column = reads.classColumns[name], let t = tables[name] else { continue }
            let understood = reads.classes[name] ?? []
            var present: Set<String> = []
            for e in 0..<t.count { if let c = t.field(e, column) { present.insert(c) } }
            for c in present.subtracting(understood).sorted() { unread.append("\(name): class \(c)") }
        }
        return unread
    }

    // MARK: - Finding the models

    /// The environment variable naming the models directory.
    public static let environmentVariable = "VERBATIM_MODELS"

    /// Finds the Models/ directory: `explicit` when given, else `$VERBATIM_MODELS`,
    /// else what ``ResourceLocator`` finds: `share/verbatim/Models` beside an installed
    /// `bin/verbatim`, a `Models/` next to the executable or in one of its parents
    /// (`.build/release/verbatim` → the package's `Models/`), the package's own
    /// `Models/` (for programs that depend on the package), else one in the current
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
        throw VerbatimError.model(path: "Models", reason: "no models directory found: name one with Pipeline(models:) (the command line's --models DIR) or set \(environmentVariable)")
    }

    // MARK: - Extending the models

    /// Adds the lines of every `*.tsv` file below `directory`, a folder laid out like
    /// Models/, to the model table of the same name ("entities/words.tsv" extends
    /// `entities/words`): users grow any class of words without rebuilding. Lines
    /// are in the extended file's own format; keys are recomputed from the forms.
    /// - Throws: ``VerbatimError/model(path:reason:)`` for a missing folder, a file
    ///   that names no model table, or a malformed line.
    public mutating func extend(withModelsIn directory: String) throws(VerbatimError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw VerbatimError.model(path: directory, reason: "folder of model extensions not found")
        }
        let files = ((FileManager.default.enumerator(atPath: directory)?.allObjects as? [String]) ?? [])
            .filter { $0.hasSuffix(".tsv") }.sorted()
        for relative in files {
            let name = String(relative.dropLast(4))
            guard tables[name] != nil, name != Lexicon.userTableName else {
                throw VerbatimError.model(path: directory + "/" + relative,
                                          reason: "extends no model file (expected the path of one below Models/, such as entities/words.tsv)")
            }
            try addUserList(contentsOf: directory + "/" + relative, extending: name)
        }
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

/// Which model tables and word classes the stages asked for while a pipeline was
/// built: what the test that no model file is loaded in vain compares with the
/// Models/ folder. Written while stages are built, read by tests and tools.
public final class ModelReadLog: @unchecked Sendable {
    private let lock = NSLock()
    private var readTables: Set<String> = []
    private var readClasses: [String: Set<String>] = [:]
    private var columns: [String: Int] = [:]

    init() {}

    func noteTable(_ name: String) {
        lock.lock(); defer { lock.unlock() }
        readTables.insert(name)
    }

    func noteClasses(_ table: String, column: Int, _ classes: [String]) {
        lock.lock(); defer { lock.unlock() }
        columns[table] = column
        readClasses[table, default: []].formUnion(classes)
    }

    /// The tables asked for.
    public var tables: Set<String> { lock.lock(); defer { lock.unlock() }; return readTables }
    /// The classes read from each table read by class.
    public var classes: [String: Set<String>] { lock.lock(); defer { lock.unlock() }; return readClasses }
    /// The class column of each table read by class.
    public var classColumns: [String: Int] { lock.lock(); defer { lock.unlock() }; return columns }
}
