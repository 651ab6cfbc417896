#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How standard input is read.
public enum StandardInputFormat: String, Sendable, CaseIterable {
    /// One JSON object per line.
    case jsonl
    /// All of standard input is one article (`stdin:1`).
    case text
    /// Every non-blank line is an article (`stdin:N`, N the line number).
    case lines
}

/// One place records come from.
public enum InputSource: Sendable, Equatable {
    /// A plain-text article; `id` is its path relative to the argument that named it.
    case textFile(path: String, id: String)
    /// A JSON Lines file, one article per line.
    case jsonlFile(path: String)
    case standardInput(StandardInputFormat)

    /// Resolves command-line arguments into sources: `-` is standard input, a
    /// folder stands for every `*.txt` file below it (sorted by path), a file
    /// ending in `.jsonl` or `.ndjson` is JSON Lines, a `.txt` file is one article, and
    /// any other file is JSON Lines if it starts with `{`, else one article.
    public static func resolve(_ arguments: [String], stdinFormat: StandardInputFormat) throws(InputError) -> [InputSource] {
        if arguments.isEmpty { return [.standardInput(stdinFormat)] }
        var sources: [InputSource] = []
        for argument in arguments {
            if argument == "-" {
                sources.append(.standardInput(stdinFormat))
                continue
            }
            var info = stat()
            guard stat(argument, &info) == 0 else {
                throw .cannotOpen(path: argument, reason: String(cString: strerror(errno)))
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                var found: [String] = []
                try collectTextFiles(directory: argument, relative: "", into: &found)
                guard !found.isEmpty else { throw .noTextFiles(directory: argument) }
                let base = argument.hasSuffix("/") ? argument : argument + "/"
                sources += found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                    .map { .textFile(path: base + $0, id: $0) }
            } else {
                if isJSONLines(path: argument) {
                    sources.append(.jsonlFile(path: argument))
                } else {
                    sources.append(.textFile(path: argument, id: argument))
                }
            }
        }
        return sources
    }

    /// `.txt` is an article and `.jsonl`/`.ndjson` is JSON Lines whatever they hold;
    /// any other file (`in.jsonl.tmp`, `records.in`) is JSON Lines when its first
    /// non-space character is `{`, since plain prose never starts that way.
    static func isJSONLines(path: String) -> Bool {
        let lower = path.lowercased()
        if lower.hasSuffix(".txt") || lower.hasSuffix(".text") { return false }
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return true }
        guard let file = fopen(path, "rb") else { return false }
        defer { fclose(file) }
        var head = [UInt8](repeating: 0, count: 4096)
        let n = fread(&head, 1, head.count, file)
        var i = n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF ? 3 : 0
        while i < n, head[i] == 0x20 || head[i] == 0x09 || head[i] == 0x0A || head[i] == 0x0D { i += 1 }
        return i < n && head[i] == UInt8(ascii: "{")
    }

    /// The size in bytes where it is known in advance (files), for the progress ETA.
    public var knownSize: Int? {
        switch self {
        case .textFile(let path, _), .jsonlFile(let path):
            var info = stat()
            return stat(path, &info) == 0 ? Int(info.st_size) : nil
        case .standardInput:
            return nil
        }
    }

    private static func collectTextFiles(directory: String, relative: String, into found: inout [String]) throws(InputError) {
        let path = relative.isEmpty ? directory : directory + "/" + relative
        guard let dir = opendir(path) else {
            throw .cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            names.append(name)
        }
        for name in names {
            let child = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            // lstat: a symbolic link to a folder is not followed, so cycles cannot loop.
            guard lstat(directory + "/" + child, &info) == 0 else { continue }
            let type = info.st_mode & S_IFMT
            if type == S_IFDIR {
                try collectTextFiles(directory: directory, relative: child, into: &found)
            } else if name.lowercased().hasSuffix(".txt") {
                if type == S_IFLNK {
                    var target = stat()
                    guard stat(directory + "/" + child, &target) == 0, (target.st_mode & S_IFMT) == S_IFREG else { continue }
                }
                found.append(child)
            }
        }
    }
}

/// A problem with the command line's inputs, reported before any record is read.
public enum InputError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case noTextFiles(directory: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot open \(path): \(reason)"
        case .noTextFiles(let directory): return "no .txt files found under \(directory)"
        }
    }
}
