#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder `--format brat -o DIR` writes: `annotation.conf`, `visual.conf` and
/// a `.txt`/`.ann` pair per record. Not thread-safe: write from one thread, in
/// input order, so that the names given to colliding ids are deterministic.
///
/// No input is ever written over: a file whose identity is in `protected` (the
/// run's inputs) is skipped like a name already used, and the pair gets the next
/// free suffix. Each file is written beside its name and renamed into place, with
/// the mode the umask allows.
public final class BratDirectory {
    public let path: String
    private var usedStems: Set<String> = []
    private let protected: Set<FileIdentity>
    /// The files written so far, in order (stems).
    public private(set) var stems: [String] = []

    /// Creates the folder if needed and writes the brat configuration files.
    public init(path: String, protecting protected: Set<FileIdentity> = []) throws(OutputError) {
        self.path = path
        self.protected = protected
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw OutputError("cannot write brat files into \(path): it exists and is not a folder") }
        } else {
            try Self.makeFolders(path)
        }
        try writeFile("annotation.conf", Array(BratWriter.configuration.utf8))
        try writeFile("visual.conf", Array(BratWriter.visualConfiguration.utf8))
    }

    private static func makeFolders(_ path: String) throws(OutputError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part + "/"
            if mkdir(prefix, 0o777) != 0, errno != EEXIST {
                throw OutputError("cannot create the folder \(path): \(plainReason(errno))")
            }
        }
    }

    /// Writes a record's pair; a stem already used (ids that differ only in
    /// characters a file name cannot hold, or in case) or naming an input gets
    /// `-2`, `-3`, … appended.
    @discardableResult
    public func write(_ document: BratDocument) throws(OutputError) -> String {
        var stem = document.stem
        var n = 1
        while usedStems.contains(stem.lowercased()) || isProtected(stem + ".txt") || isProtected(stem + ".ann") {
            n += 1
            stem = "\(document.stem)-\(n)"
        }
        usedStems.insert(stem.lowercased())
        stems.append(stem)
        try writeFile(stem + ".txt", document.text)
        try writeFile(stem + ".ann", document.annotations)
        return stem
    }

    private func isProtected(_ name: String) -> Bool {
        guard !protected.isEmpty, let identity = OutputSink.identity(of: path + "/" + name) else { return false }
        return protected.contains(identity)
    }

    private func writeFile(_ name: String, _ bytes: [UInt8]) throws(OutputError) {
        let target = path + "/" + name
        guard !isProtected(name) else { throw OutputError("refusing to write \(target): it is one of the inputs") }
        var template = Array((path + "/.\(name).partial-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw OutputError("cannot write \(target): \(plainReason(errno))") }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        fchmod(fd, OutputSink.creationMode)
        var offset = 0
        var failure: String?
        bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                let n = systemWrite(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = plainReason(errno)
                    return
                }
                offset += n
            }
        }
        if close(fd) != 0, failure == nil { failure = plainReason(errno) }
        if failure == nil, rename(temporary, target) != 0 { failure = plainReason(errno) }
        if let failure {
            unlink(temporary)
            throw OutputError("cannot write \(target): \(failure)")
        }
    }
}
