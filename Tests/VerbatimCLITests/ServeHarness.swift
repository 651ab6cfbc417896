import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `verbatim serve` on an ephemeral loopback port, as a child process whose
/// standard error (the listening line, the access log) is collected.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    private(set) var port = 0
    private let lock = NSCondition()
    private var errorText = ""
    private var errorClosed = false

    init(_ arguments: [String] = []) throws {
        process.executableURL = CLI.binary
        process.arguments = ["serve", "--port", "0"] + arguments
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let handle = err.fileHandleForReading
        Thread.detachNewThread { [self] in
            while true {
                let data = handle.availableData
                lock.lock()
                if data.isEmpty { errorClosed = true } else { errorText += String(decoding: data, as: UTF8.self) }
                lock.broadcast()
                lock.unlock()
                if data.isEmpty { return }
            }
        }
        let line = try waitForStandardError(containing: "listening on", timeout: 60)
        guard let range = line.range(of: #"http://127\.0\.0\.1:(\d+)"#, options: .regularExpression),
              let number = Int(line[range].split(separator: ":").last ?? "") else {
            throw HarnessError("no port in: \(line)")
        }
        port = number
    }

    /// Everything the server wrote to standard error so far.
    var standardError: String {
        lock.lock()
        defer { lock.unlock() }
        return errorText
    }

    /// Waits until standard error holds `text` and returns it all.
    @discardableResult
    func waitForStandardError(containing text: String, timeout: Double = 20) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        lock.lock()
        defer { lock.unlock() }
        while !errorText.contains(text) {
            if errorClosed { throw HarnessError("the server ended without writing \"\(text)\": \(errorText)") }
            if !lock.wait(until: deadline) { throw HarnessError("no \"\(text)\" after \(timeout) s: \(errorText)") }
        }
        return errorText
    }

    /// Sends SIGTERM and waits for the process to end; its exit status.
    func stop(signal number: Int32 = SIGTERM) -> Int32 {
        if process.isRunning { kill(process.processIdentifier, number) }
        process.waitUntilExit()
        // The pipe closes with the process; give its reader a moment to see the end.
        let deadline = Date().addingTimeInterval(5)
        lock.lock()
        while !errorClosed, lock.wait(until: deadline) {}
        lock.unlock()
        return process.terminationStatus
    }

    /// The access-log lines: every stderr line that starts with a timestamp.
    var accessLog: [String] {
        standardError.split(separator: "\n").map(String.init).filter {
            $0.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z "#, options: .regularExpression) != nil
        }
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    func get(_ path: String) throws -> HTTPReply {
        try HTTPClient.request(port: port, method: "GET", path: path)
    }

    func post(_ path: String, _ body: Data, contentType: String? = "application/json", headers: [(String, String)] = []) throws -> HTTPReply {
        var all = headers
        if let contentType { all.append(("Content-Type", contentType)) }
        return try HTTPClient.request(port: port, method: "POST", path: path, headers: all, body: body)
    }

    /// The server's health object.
    func health() throws -> [String: Any] {
        try get("/v1/health").json
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// An HTTP/1.1 answer as it came over the socket.
struct HTTPReply {
    var status: Int
    /// Header names in lower case.
    var headers: [String: String]
    var body: Data
    var text: String { String(decoding: body, as: UTF8.self) }
    var json: [String: Any] {
        get throws {
            guard let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
                throw HarnessError("not a JSON object: \(text)")
            }
            return object
        }
    }
}

/// A deliberately small HTTP/1.1 client over a blocking loopback socket: it sends
/// exactly the bytes a test writes (chunked bodies sent a piece at a time, bodies
/// declared larger than they are) and reads the answer to the connection's end,
/// which URLSession and curl would not let a test control.
enum HTTPClient {
    static func request(port: Int, method: String, path: String, headers: [(String, String)] = [], body: Data? = nil) throws -> HTTPReply {
        let socket = try Socket(port: port)
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if let body, !headers.contains(where: { $0.0.lowercased() == "content-length" || $0.0.lowercased() == "transfer-encoding" }) {
            head += "Content-Length: \(body.count)\r\n"
        }
        try socket.send(Data((head + "\r\n").utf8))
        if let body { try socket.send(body) }
        return try socket.readReply()
    }

    /// The first request of a connection whose chunked body the test sends later.
    static func startChunked(port: Int, path: String, contentType: String) throws -> Socket {
        let socket = try Socket(port: port)
        let head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\nContent-Type: \(contentType)\r\nTransfer-Encoding: chunked\r\n\r\n"
        try socket.send(Data(head.utf8))
        return socket
    }

    static func parse(_ data: Data) throws -> HTTPReply {
        guard let split = data.range(of: Data("\r\n\r\n".utf8)) else {
            throw HarnessError("no complete HTTP head in \(data.count) bytes: \(String(decoding: data.prefix(200), as: UTF8.self))")
        }
        let lines = String(decoding: data[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/1."), let status = Int(statusParts[1]) else {
            throw HarnessError("bad status line \(lines[0])")
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { throw HarnessError("bad header line \(line)") }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(data[split.upperBound...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" {
            body = try dechunk(body)
        } else if let length = headers["content-length"].flatMap(Int.init) {
            guard body.count == length else { throw HarnessError("Content-Length \(length), \(body.count) bytes read") }
        }
        return HTTPReply(status: status, headers: headers, body: body)
    }

    /// Decodes a chunked body; an unterminated one (a cut-off stream) is an error.
    static func dechunk(_ data: Data) throws -> Data {
        var out = Data()
        var index = data.startIndex
        while true {
            guard let lineEnd = data[index...].range(of: Data("\r\n".utf8)) else { throw HarnessError("truncated chunk size") }
            let sizeText = String(decoding: data[index..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";")[0]
            guard let size = Int(sizeText, radix: 16) else { throw HarnessError("bad chunk size \(sizeText)") }
            index = lineEnd.upperBound
            if size == 0 { return out }
            guard data.distance(from: index, to: data.endIndex) >= size + 2 else { throw HarnessError("truncated chunk") }
            out.append(data[index..<data.index(index, offsetBy: size)])
            index = data.index(index, offsetBy: size + 2)
        }
    }
}

/// A blocking TCP connection to 127.0.0.1.
final class Socket {
    let fd: Int32

    init(port: Int) throws {
        fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw HarnessError("socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard status == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw HarnessError("connect to port \(port): \(reason)")
        }
        var timeout = timeval(tv_sec: 120, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    func send(_ data: Data) throws {
        try data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if n < 0 {
                    if errno == EINTR { continue }
                    throw HarnessError("send: \(String(cString: strerror(errno)))")
                }
                offset += n
            }
        }
    }

    /// Sends one chunk of a chunked body (an empty one ends the body).
    func sendChunk(_ data: Data) throws {
        var framed = Data(String(data.count, radix: 16).utf8) + Data("\r\n".utf8)
        framed.append(data)
        framed.append(Data("\r\n".utf8))
        if data.isEmpty { framed = Data("0\r\n\r\n".utf8) }
        try send(framed)
    }

    /// Reads until the server closes the connection.
    func readToEnd() throws -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n == 0 { return data }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == ECONNRESET { return data }
                throw HarnessError("recv: \(String(cString: strerror(errno))) after \(data.count) bytes")
            }
            data.append(contentsOf: buffer[0..<n])
        }
    }

    func readReply() throws -> HTTPReply {
        try HTTPClient.parse(try readToEnd())
    }
}
