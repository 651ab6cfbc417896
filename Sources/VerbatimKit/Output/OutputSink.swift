#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where output goes: standard output, or `-o PATH`.
///
/// - A regular file (new or existing) is written beside its destination, unnamed
///   where the system allows (`O_TMPFILE`: a killed run leaves nothing behind),
///   and moved into place only when the run completes, so an interrupted run
///   never leaves a truncated file. A new file gets the mode the umask allows;
///   an existing file keeps its mode (and, for root, its owner).
/// - A symbolic link is followed: its target is replaced the same way, the link stays.
/// - Anything else that is not a folder (`/dev/null`, a FIFO, a terminal) is
///   written in place, as a shell redirection would.
/// - A folder, or a destination that cannot be created, is refused before any
///   record is read, with a plain message (``OutputError``).
public final class OutputSink {
    public static let brokenPipe = "standard output was closed (broken pipe)"

    private let fd: Int32
    /// The path as the user gave it, for messages.
    public let displayPath: String?
    /// Where the finished file is moved; nil when writing in place (or to stdout).
    private let finalPath: String?
    /// The named temporary file (mkstemp); nil for an unnamed one (O_TMPFILE).
    private var temporaryPath: String?
    private var buffer: [UInt8] = []
    private var closed = false
    private static let flushThreshold = 1 << 18

    /// Standard output.
    public init() {
        fd = 1
        displayPath = nil
        finalPath = nil
    }

    /// `-o path`, checked and opened now so that a bad destination fails before any work.
    public init(path: String) throws(OutputError) {
        displayPath = path
        var destination = path
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            // Replace the link's target, not the link.
            if let resolved = realpath(path, nil) {
                destination = String(cString: resolved)
                free(resolved)
            }
        }
        let exists = stat(destination, &info) == 0
        if exists, (info.st_mode & S_IFMT) == S_IFDIR {
            throw OutputError("cannot write \(path): it is a folder")
        }
        if exists, (info.st_mode & S_IFMT) != S_IFREG {
            // A device, FIFO or socket: written in place, never replaced.
            var opened: Int32
            repeat { opened = open(destination, O_WRONLY | O_CLOEXEC) } while opened < 0 && errno == EINTR
            guard opened >= 0 else { throw OutputError("cannot write \(path): \(plainReason(errno))") }
            fd = opened
            finalPath = nil
            return
        }
        let mode: mode_t = exists ? info.st_mode & 0o7777 : Self.creationMode
        let directory = Self.directory(of: destination)
        let (opened, named) = try Self.openTemporary(in: directory, beside: destination, displayPath: path)
        fchmod(opened, mode)
        if exists, getuid() == 0 { _ = fchown(opened, info.st_uid, info.st_gid) }
        fd = opened
        finalPath = destination
        temporaryPath = named
    }

    /// The mode a new file gets: read-write for all, less the umask.
    public static var creationMode: mode_t {
        let mask = umask(0o022)
        umask(mask)
        return 0o666 & ~mask
    }

    static func directory(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        let prefix = String(path[..<slash])
        return prefix.isEmpty ? "/" : prefix
    }

    /// An unnamed file in `directory` when the system has `O_TMPFILE` and `/proc`
    /// (to name it at the end), else `.NAME.partial-XXXXXX` beside the destination.
    static func openTemporary(in directory: String, beside destination: String, displayPath: String) throws(OutputError) -> (Int32, String?) {
        #if os(Linux)
        if access("/proc/self/fd", F_OK) == 0 {
            let unnamed = open(directory, Self.temporaryFileFlag | O_WRONLY | O_CLOEXEC, mode_t(0o600))
            if unnamed >= 0 { return (unnamed, nil) }
            if errno == ENOENT || errno == EACCES || errno == ENOTDIR || errno == EROFS {
                throw OutputError("cannot write \(displayPath): \(plainReason(errno))")
            }
        }
        #endif
        let name = destination.split(separator: "/").last.map(String.init) ?? destination
        var template = Array((directory + "/.\(name).partial-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw OutputError("cannot write \(displayPath): \(plainReason(errno))") }
        return (descriptor, template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
    }

    #if os(Linux)
    /// `O_TMPFILE`, which Swift does not import (a macro of two flags).
    static let temporaryFileFlag: Int32 = 0o20000000 | O_DIRECTORY
    #endif

    /// Queues bytes (callers write complete lines, or the pieces of one line in
    /// order); a large piece goes straight to the file, without a copy.
    public func write(_ line: [UInt8]) throws(OutputError) {
        if line.count >= Self.flushThreshold {
            try flush()
            try writeAll(line)
            return
        }
        buffer.append(contentsOf: line)
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    public func flush() throws(OutputError) {
        defer { buffer.removeAll(keepingCapacity: true) }
        try writeAll(buffer)
    }

    private func writeAll(_ bytes: [UInt8]) throws(OutputError) {
        var offset = 0
        let fd = self.fd
        let failure: OutputError? = bytes.withUnsafeBytes { raw -> OutputError? in
            while offset < raw.count {
                let n = systemWrite(fd, raw.baseAddress! + offset, raw.count - offset)
                if n >= 0 { offset += n; continue }
                switch errno {
                case EINTR:
                    continue
                case EAGAIN, EWOULDBLOCK:
                    // Standard output left non-blocking by the caller: wait until it drains.
                    var poller = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&poller, 1, 200)
                case EPIPE:
                    return OutputError(Self.brokenPipe, isBrokenPipe: true)
                default:
                    return OutputError("cannot write \(displayPath ?? "standard output"): \(plainReason(errno))")
                }
            }
            return nil
        }
        if let failure { throw failure }
    }

    /// Flushes and, for a file written beside its destination, moves it into place.
    public func commit() throws(OutputError) {
        try flush()
        guard fd != 1, !closed else { return }
        let shown = displayPath ?? ""
        guard let finalPath else {
            closed = true
            close(fd)
            return
        }
        guard fsync(fd) == 0 || errno == EINVAL else {
            let reason = plainReason(errno)
            abandon()
            throw OutputError("cannot write \(shown): \(reason)")
        }
        if temporaryPath == nil {
            // Name the unnamed file beside the destination, then move it over.
            let name = finalPath.split(separator: "/").last.map(String.init) ?? finalPath
            let staging = Self.directory(of: finalPath) + "/.\(name).partial-\(getpid())"
            unlink(staging)
            guard linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, staging, AT_SYMLINK_FOLLOW) == 0 else {
                let reason = plainReason(errno)
                abandon()
                throw OutputError("cannot write \(shown): \(reason)")
            }
            temporaryPath = staging
        }
        closed = true
        close(fd)
        guard rename(temporaryPath!, finalPath) == 0 else {
            let reason = plainReason(errno)
            unlink(temporaryPath!)
            throw OutputError("cannot move the output into \(shown): \(reason)")
        }
    }

    /// Gives up: standard output keeps the complete lines written so far; a
    /// temporary file is removed and the destination left untouched.
    public func abandon() {
        if fd == 1 {
            try? flush()
            return
        }
        guard !closed else { return }
        closed = true
        if finalPath == nil { try? flush() }  // a device or FIFO keeps what it got
        close(fd)
        if let temporaryPath { unlink(temporaryPath) }
    }

    /// The file identity of the destination, if it exists (to refuse writing over an input).
    public static func identity(of path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}

/// `write(2)`, named apart from ``OutputSink/write(_:)``.
func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, bytes, count)
}

/// A file as the system knows it (device and inode), whatever path names it.
public struct FileIdentity: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64
}

/// A problem writing the output, as a plain sentence.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public let description: String
    /// The reader went away (`| head`): end quietly, exit 141.
    public let isBrokenPipe: Bool
    public init(_ description: String, isBrokenPipe: Bool = false) {
        self.description = description
        self.isBrokenPipe = isBrokenPipe
    }
}
