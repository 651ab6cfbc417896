import Foundation

/// Finds the package's data folders (Models/, Corpora/) from wherever Verbatim runs:
/// an installed binary with the data beside it (`bin/../share/verbatim`), `swift run`
/// and `.build/*/verbatim` (the package root is an ancestor of the executable), a
/// program that depends on the package (the package's own checkout, where this
/// source file was compiled: SwiftPM keeps dependencies checked out under the
/// dependent's `.build/checkouts/`), or the current directory and its ancestors.
/// This is the one place that knows where models live; ``Lexicon/locateModels(explicit:)``
/// puts the explicit choices (an argument, `$VERBATIM_MODELS`) in front of it.
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
            roots.append(((executable as NSString).appendingPathComponent("../share/verbatim") as NSString).standardizingPath)
            ancestors(of: executable)
        }
        roots.append(packageRoot)
        ancestors(of: FileManager.default.currentDirectoryPath)
        return roots
    }

    /// The root of the package this library was built from: the folder three levels
    /// above `Sources/VerbatimKit/Support/`.
    static var packageRoot: String {
        var path = "\(#filePath)" as NSString
        for _ in 0..<4 { path = path.deletingLastPathComponent as NSString }
        return path as String
    }
}
