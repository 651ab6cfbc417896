#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How standard input is read.
public enum StandardInputFormat: String, Sendable, CaseIterable {
    /// Decided from the first bytes, as for a file of unknown kind: JSON Lines when
    /// the first non-blank line is a JSON object, a JSON array of records when it
    /// starts with `[{`, else all of it is one article (`stdin:1`).
    case auto
    /// One JSON object per line.
    case jsonl
    /// All of standard input is one article (`stdin:1`).
    case text
    /// Every non-blank line is an article (`stdin:N`, N the line number).
    case lines
}

/// One place records come from. Nothing is opened or read when sources are
/// resolved: what a file of unknown kind holds is decided from the stream that is
/// then read (``RecordReader``), so pipes, FIFOs and `/dev/stdin` lose nothing.
public struct InputSource: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// One plain-text article (`.txt`, `.text`, a folder's files, `--stdin-format text`).
        case article
        /// One JSON object per line (`.jsonl`, `.ndjson`, `--stdin-format jsonl`).
        case jsonLines
        /// `.json`: an array of records, JSON Lines, or one (possibly pretty-printed) object.
        case json
        /// Any other file, and standard input by default: JSON Lines when the first
        /// non-blank line is a JSON object, an array of records when it starts with
        /// `[{`, else one article.
        case sniffed
        /// One article per non-blank line (`--stdin-format lines`).
        case lines
    }

    public var kind: Kind
    /// The path as printed (in ids, error lines and messages); `stdin` for standard input.
    public var path: String
    /// The id of a whole-file article: the path relative to the argument that named it.
    public var id: String
    public var isStandardInput: Bool
    /// The name to open, byte for byte (file names need not be UTF-8).
    let fileName: [UInt8]

    init(kind: Kind, path: String, id: String, fileName: [UInt8]) {
        self.kind = kind
        self.path = path
        self.id = id
        self.isStandardInput = false
        self.fileName = fileName
    }

    /// Standard input read as `format`.
    public static func standardInput(_ format: StandardInputFormat) -> InputSource {
        let kind: Kind
        switch format {
        case .auto: kind = .sniffed
        case .jsonl: kind = .jsonLines
        case .text: kind = .article
        case .lines: kind = .lines
        }
        var source = InputSource(kind: kind, path: "stdin", id: "stdin:1", fileName: [])
        source.isStandardInput = true
        return source
    }

    /// A file read as `kind`, with `id` for a whole-file article (default: the path).
    public static func file(_ path: String, kind: Kind, id: String? = nil) -> InputSource {
        InputSource(kind: kind, path: path, id: id ?? path, fileName: Array(path.utf8))
    }

    /// Resolves command-line arguments into sources: `-` is standard input, a
    /// folder stands for every `*.txt` file below it (sorted by path), and a file is
    /// read as its name says (``kind(forName:)``).
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
                throw .cannotOpen(path: argument, reason: plainReason(errno))
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                var found: [[UInt8]] = []
                try collectTextFiles(directory: Array(argument.utf8), relative: [], into: &found)
                guard !found.isEmpty else { throw .noTextFiles(directory: argument) }
                let base = argument.hasSuffix("/") ? argument : argument + "/"
                for name in found.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                    let id = printableName(name)
                    sources.append(InputSource(kind: .article, path: base + id, id: id, fileName: Array(base.utf8) + name))
                }
            } else {
                sources.append(.file(argument, kind: kind(forName: argument)))
            }
        }
        return sources
    }

    /// `.txt`/`.text` is an article and `.jsonl`/`.ndjson` JSON Lines whatever they
    /// hold; `.json` is JSON (an array of records, JSON Lines or one object); any
    /// other name is sniffed from its first bytes.
    public static func kind(forName path: String) -> Kind {
        let lower = path.lowercased()
        if lower.hasSuffix(".txt") || lower.hasSuffix(".text") { return .article }
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return .jsonLines }
        if lower.hasSuffix(".json") { return .json }
        return .sniffed
    }

    /// A file name as text: valid UTF-8 as it is; each byte that is not part of
    /// valid UTF-8 written `\xHH` (as Python's `backslashreplace` does), so that a
    /// file with such a name is still read, and its id says which bytes it had.
    public static func printableName(_ bytes: [UInt8]) -> String {
        guard UTF8Validation.firstInvalidByte(bytes) != nil else { return String(decoding: bytes, as: UTF8.self) }
        var out = ""
        var rest = bytes[...]
        while !rest.isEmpty {
            let bad = UTF8Validation.firstInvalidByte(Array(rest)) ?? rest.count
            out += String(decoding: rest.prefix(bad), as: UTF8.self)
            rest = rest.dropFirst(bad)
            guard let byte = rest.first else { break }
            let hex = Array("0123456789ABCDEF")
            out += "\\x" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
            rest = rest.dropFirst()
        }
        return out
    }

    /// The file's identity (nil for standard input or a file that is gone), so that
    /// no output is ever written over an input.
    public var identity: FileIdentity? {
        guard !isStandardInput else { return nil }
        var info = stat()
        guard withCString(fileName, { stat($0, &info) }) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// The size in bytes where it is known in advance (regular files), for the progress ETA.
    public var knownSize: Int? {
        guard !isStandardInput else { return nil }
        var info = stat()
        guard withCString(fileName, { stat($0, &info) }) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    private static func collectTextFiles(directory: [UInt8], relative: [UInt8], into found: inout [[UInt8]]) throws(InputError) {
        let path = relative.isEmpty ? directory : directory + [UInt8(ascii: "/")] + relative
        guard let dir = withCString(path, { opendir($0) }) else {
            throw .cannotOpen(path: printableName(path), reason: plainReason(errno))
        }
        defer { closedir(dir) }
        var names: [[UInt8]] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: UInt8.self, capacity: 256) { Array(UnsafeBufferPointer(start: $0, count: strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)))) }
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            names.append(name)
        }
        for name in names {
            let child = relative.isEmpty ? name : relative + [UInt8(ascii: "/")] + name
            var info = stat()
            // lstat: a symbolic link to a folder is not followed, so cycles cannot loop.
            guard withCString(directory + [UInt8(ascii: "/")] + child, { lstat($0, &info) }) == 0 else { continue }
            let type = info.st_mode & S_IFMT
            if type == S_IFDIR {
                try collectTextFiles(directory: directory, relative: child, into: &found)
            } else if hasTextSuffix(name) {
                if type == S_IFLNK {
                    var target = stat()
                    guard withCString(directory + [UInt8(ascii: "/")] + child, { stat($0, &target) }) == 0,
                          (target.st_mode & S_IFMT) == S_IFREG else { continue }
                }
                found.append(child)
            }
        }
    }

    private static func hasTextSuffix(_ name: [UInt8]) -> Bool {
        guard name.count >= 4 else { return false }
        return String(decoding: name.suffix(4), as: UTF8.self).lowercased() == ".txt"
    }
}

/// Calls `body` with `bytes` as a NUL-terminated C string.
func withCString<T>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
    var terminated = bytes
    terminated.append(0)
    return terminated.withUnsafeBufferPointer { b in
        b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) { body($0) }
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
