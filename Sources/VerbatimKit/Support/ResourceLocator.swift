import Foundation

/// Finds the package's data folders (Models/, Corpora/) from wherever Verbatim runs:
/// `swift run` and `.build/*/verbatim` (the package root is an ancestor of the
/// executable), an installed binary with the data beside it (`bin/../share/verbatim`),
/// or the current directory and its ancestors.
public enum ResourceLocator {
    /// The first existing directory `relative` below one of the search roots.
    public static func find(_ relative: String) -> String? {
        for root in searchRoots() {
            let candidate = (root as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue {
                return candidate
            }
        }
        return nil
    }

    /// Directories searched, most specific first.
    public static func searchRoots() -> [String] {
        var roots: [String] = []
        func ancestors(of path: String) {
            var current = (path as NSString).standardizingPath
            for _ in 0..<8 {
                roots.append(current)
                let parent = (current as NSString).deletingLastPathComponent
                if parent == current || parent.isEmpty { break }
                current = parent
            }
        }
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent().path {
            roots.append((executable as NSString).appendingPathComponent("../share/verbatim"))
            ancestors(of: executable)
        }
        ancestors(of: FileManager.default.currentDirectoryPath)
        return roots
    }
}
