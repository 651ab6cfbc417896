import Foundation

/// The folder `--format brat -o DIR` writes: `annotation.conf`, `visual.conf` and
/// a `.txt`/`.ann` pair per record. Not thread-safe: write from one thread, in
/// input order, so that the names given to colliding ids are deterministic.
public final class BratDirectory {
    public let path: String
    private var usedStems: Set<String> = []
    /// The files written so far, in order (stems).
    public private(set) var stems: [String] = []

    /// Creates the folder if needed and writes the brat configuration files.
    public init(path: String) throws {
        self.path = path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw BratDirectoryError("\(path) exists and is not a folder") }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw BratDirectoryError("cannot create the folder \(path): \(error.localizedDescription)")
            }
        }
        try writeFile("annotation.conf", Array(BratWriter.configuration.utf8))
        try writeFile("visual.conf", Array(BratWriter.visualConfiguration.utf8))
    }

    /// Writes a record's pair; a stem already used (ids that differ only in
    /// characters a file name cannot hold, or in case) gets `-2`, `-3`, … appended.
    @discardableResult
    public func write(_ document: BratDocument) throws -> String {
        var stem = document.stem
        var n = 1
        while usedStems.contains(stem.lowercased()) {
            n += 1
            stem = "\(document.stem)-\(n)"
        }
        usedStems.insert(stem.lowercased())
        stems.append(stem)
        try writeFile(stem + ".txt", document.text)
        try writeFile(stem + ".ann", document.annotations)
        return stem
    }

    private func writeFile(_ name: String, _ bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: path).appendingPathComponent(name)
        do {
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw BratDirectoryError("cannot write \(url.path): \(error.localizedDescription)")
        }
    }
}

public struct BratDirectoryError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
