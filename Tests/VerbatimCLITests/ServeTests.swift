import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `verbatim serve` driven over real sockets: every endpoint, every error status,
/// answers compared byte for byte with `verbatim annotate`, concurrency, overload,
/// shutdown with requests in flight and the access log.
@Suite(.serialized) struct ServeTests {
    static let quoteRecord = #"{"id": "q-7", "date": "2021-03-02", "desk": {"n": 1.50}, "text": "“We will rebuild the pier by spring,” Marta Quillon, the mayor of Tressly, said on Monday. The Harbour Trust said it welcomed the plan."}"#
    static let recordWithoutID = #"{"text": "Officials in Vellmoor said the bridge would reopen next week.", "source": "wire"}"#
    static let article = "“It was a long night,” said Ada Brennick, a nurse at St Aldric’s Hospital in Kessington, on Friday.\n"

    /// What annotate writes for `input` on standard input, with `options`.
    private func annotate(_ input: String, _ options: [String] = []) throws -> Data {
        let result = try CLI.run(["annotate"] + options, stdin: Data(input.utf8))
        #expect(result.status <= 1, "\(result.stderr)")
        return result.stdout
    }

    // MARK: Endpoints

    @Test func healthAndVersion() throws {
        let server = try ServerProcess(["--jobs", "2", "--queue", "5"])
        let health = try server.get("/v1/health")
        #expect(health.status == 200)
        #expect(health.headers["content-type"] == "application/json")
        let object = try health.json
        #expect(object["status"] as? String == "ok")
        let models = object["models"] as? [String: Any]
        #expect(models?["loaded"] as? Bool == true)
        #expect((models?["directory"] as? String)?.hasSuffix("Models") == true)
        #expect(object["jobs"] as? Int == 2)
        #expect(object["queue"] as? Int == 5)
        #expect(object["in_flight"] as? Int == 0)
        let cliVersion = try CLI.run(["--version"]).text.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect((object["verbatim"] as? [String: Any])?["version"] as? String == cliVersion)
        let version = try server.get("/v1/version")
        #expect(version.status == 200)
        #expect(version.text == "{\"version\":\"\(cliVersion)\",\"schema\":1}\n")
        #expect(server.stop() == 0)
    }

    @Test func annotateAnswersWhatAnnotateWrites() throws {
        let server = try ServerProcess()
        for (record, query, options) in [
            (Self.quoteRecord, "", [String]()),
            (Self.quoteRecord, "?explain&no-text", ["--explain", "--no-text"]),
            (Self.recordWithoutID, "", []),
            (#"{"guid": 12, "body": "Ms Lorne said: “Not today.”", "when": "2020-01-05"}"#,
             "?text-field=body&id-field=guid&date-field=when", ["--text-field", "body", "--id-field", "guid", "--date-field", "when"]),
        ] {
            let reply = try server.post("/v1/annotate" + query, Data(record.utf8))
            #expect(reply.status == 200, "\(reply.text)")
            #expect(reply.headers["content-type"] == "application/json")
            #expect(reply.body == (try annotate(record + "\n", options)), "\(query)")
        }
        // A plain-text article: what annotate writes for it with --stdin-format text.
        let text = try server.post("/v1/annotate", Data(Self.article.utf8), contentType: "text/plain; charset=utf-8")
        #expect(text.status == 200)
        #expect(text.body == (try annotate(Self.article, ["--stdin-format", "text"])))
        let object = try text.json
        #expect((object["quotes"] as? [Any])?.count == 1)
        #expect(server.stop() == 0)
    }

    @Test func batchStreamsWhatAnnotateWrites() throws {
        let server = try ServerProcess(["--jobs", "2"])
        // Good records, a malformed line, a blank line, one without text, CRLF
        // endings and no final line break: every line as annotate writes it.
        var lines = [Self.quoteRecord, "{\"id\": \"broken\", \"text\": \"unterminated}", "", Self.recordWithoutID,
                     #"{"id": "no-text", "body": "x"}"#]
        for i in 0..<40 { lines.append(#"{"id": "n\#(i)", "text": "Reporter \#(i) said: “It is done,” in Ostrava."}"#) }
        let body = lines.joined(separator: "\r\n")
        for (query, options) in [("", [String]()), ("?explain", ["--explain"])] {
            let reply = try server.post("/v1/annotate/batch" + query, Data(body.utf8), contentType: "application/x-ndjson")
            #expect(reply.status == 200)
            #expect(reply.headers["content-type"] == "application/x-ndjson")
            #expect(reply.headers["transfer-encoding"] == "chunked")
            let expected = try annotate(body, options)
            #expect(reply.body == expected)
            #expect(reply.text.split(separator: "\n").count == lines.count - 1)
        }
        // text/plain: an article per line, as --stdin-format lines.
        let articles = "First line, said Ann Vey.\n\nSecond: “Yes,” said Bo Tarr.\n"
        let reply = try server.post("/v1/annotate/batch", Data(articles.utf8), contentType: "text/plain")
        #expect(reply.body == (try annotate(articles, ["--stdin-format", "lines"])))
        // An empty batch: no lines.
        let empty = try server.post("/v1/annotate/batch", Data(), contentType: "application/x-ndjson")
        #expect(empty.status == 200 && empty.body.isEmpty)
        #expect(server.stop() == 0)
    }

    @Test func batchRecordOverTheLimitIsAnErrorLine() throws {
        let server = try ServerProcess(["--max-body-mb", "1"])
        let huge = #"{"id": "big", "text": ""# + String(repeating: "word ", count: 600_000) + "\"}"
        let body = [Self.quoteRecord, huge, Self.recordWithoutID].joined(separator: "\n") + "\n"
        let reply = try server.post("/v1/annotate/batch", Data(body.utf8), contentType: "application/x-ndjson")
        #expect(reply.status == 200)
        let expected = try annotate(body, ["--max-record-mb", "1"])
        #expect(reply.body == expected)
        #expect(reply.text.contains("\"record_too_large\""))
        #expect(server.stop() == 0)
    }

    // MARK: Errors

    @Test func clientErrorsAreJSONWithTheirStatus() throws {
        let server = try ServerProcess(["--max-body-mb", "1"])
        func check(_ reply: HTTPReply, _ status: Int, _ code: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            #expect(reply.status == status, "\(reply.text)", sourceLocation: sourceLocation)
            #expect(reply.headers["content-type"] == "application/json", sourceLocation: sourceLocation)
            let error = try reply.json["error"] as? [String: Any]
            #expect(error?["code"] as? String == code, sourceLocation: sourceLocation)
            #expect((error?["message"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
        }
        // 400: a malformed record and a record without text answer with the error
        // line annotate writes for them; a bad query with the service's own error.
        let malformed = #"{"id": "m1", "text": "no end"#
        let bad = try server.post("/v1/annotate", Data(malformed.utf8))
        try check(bad, 400, "invalid_json")
        #expect(bad.body == (try annotate(malformed + "\n")))
        let missing = #"{"id": "m2", "body": "Text elsewhere."}"#
        let noText = try server.post("/v1/annotate", Data(missing.utf8))
        try check(noText, 400, "missing_text")
        #expect(noText.body == (try annotate(missing + "\n")))
        try check(try server.post("/v1/annotate", Data([0x22, 0xFF, 0x22]), contentType: "text/plain"), 400, "invalid_utf8")
        try check(try server.post("/v1/annotate?explian", Data(Self.quoteRecord.utf8)), 400, "bad_request")
        try check(try server.post("/v1/annotate?explain=maybe", Data(Self.quoteRecord.utf8)), 400, "bad_request")
        try check(try server.post("/v1/annotate/batch?text-field=", Data(), contentType: "application/x-ndjson"), 400, "bad_request")
        // 413: declared too large (answered before the body is read), or chunked
        // past the limit with no length declared.
        let big = Data(repeating: UInt8(ascii: "a"), count: (1 << 20) + 1)
        try check(try server.post("/v1/annotate", big, contentType: "text/plain"), 413, "body_too_large")
        let socket = try HTTPClient.startChunked(port: server.port, path: "/v1/annotate", contentType: "text/plain")
        for _ in 0..<3 { try socket.sendChunk(Data(repeating: UInt8(ascii: "b"), count: 400_000)) }
        try socket.sendChunk(Data())
        try check(try socket.readReply(), 413, "body_too_large")
        // 415: no Content-Type, a form (curl -d's default), a charset other than UTF-8.
        try check(try server.post("/v1/annotate", Data(Self.quoteRecord.utf8), contentType: nil), 415, "unsupported_media_type")
        try check(try server.post("/v1/annotate", Data("a=b".utf8), contentType: "application/x-www-form-urlencoded"), 415, "unsupported_media_type")
        try check(try server.post("/v1/annotate", Data("x".utf8), contentType: "text/plain; charset=latin1"), 415, "unsupported_media_type")
        try check(try server.post("/v1/annotate/batch", Data("<a/>".utf8), contentType: "application/xml"), 415, "unsupported_media_type")
        // 404 and 405 (with Allow).
        try check(try server.get("/v2/annotate"), 404, "not_found")
        let wrongMethod = try server.get("/v1/annotate")
        try check(wrongMethod, 405, "method_not_allowed")
        #expect(wrongMethod.headers["allow"] == "POST")
        // The server is still serving, and says so.
        #expect(try server.health()["status"] as? String == "ok")
        #expect(server.stop() == 0)
    }

    /// --jobs 1 --queue 0: one request in progress fills the service. A batch whose
    /// body is still arriving holds its place, so the overload is certain, not timed.
    @Test func overloadAnswers503WithRetryAfter() throws {
        let server = try ServerProcess(["--jobs", "1", "--queue", "0"])
        let batch = try HTTPClient.startChunked(port: server.port, path: "/v1/annotate/batch", contentType: "application/x-ndjson")
        try batch.sendChunk(Data((Self.quoteRecord + "\n").utf8))
        try waitUntil { try server.health()["in_flight"] as? Int == 1 }
        let refused = try server.post("/v1/annotate", Data(Self.quoteRecord.utf8))
        #expect(refused.status == 503)
        #expect(refused.headers["retry-after"] == "1")
        #expect((try refused.json["error"] as? [String: Any])?["code"] as? String == "overloaded")
        let refusedBatch = try server.post("/v1/annotate/batch", Data(Self.quoteRecord.utf8), contentType: "application/x-ndjson")
        #expect(refusedBatch.status == 503)
        // The batch goes on and completes; then the place is free again.
        try batch.sendChunk(Data((Self.recordWithoutID + "\n").utf8))
        try batch.sendChunk(Data())
        let reply = try batch.readReply()
        #expect(reply.status == 200)
        #expect(reply.body == (try annotate(Self.quoteRecord + "\n" + Self.recordWithoutID + "\n")))
        try waitUntil { try server.health()["in_flight"] as? Int == 0 }
        #expect(try server.post("/v1/annotate", Data(Self.quoteRecord.utf8)).status == 200)
        #expect(server.stop() == 0)
    }

    /// `Expect: 100-continue` (curl's, before bodies over 1 MB) is answered at once,
    /// unless the declared body is too large: then the 413 comes instead.
    @Test func expectContinue() throws {
        let server = try ServerProcess(["--max-body-mb", "1"])
        let body = Data(Self.quoteRecord.utf8)
        let socket = try Socket(port: server.port)
        try socket.send(Data("POST /v1/annotate HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\nExpect: 100-continue\r\n\r\n".utf8))
        var interim = [UInt8](repeating: 0, count: 25)
        #expect(recv(socket.fd, &interim, interim.count, Int32(MSG_WAITALL)) == 25)
        #expect(String(decoding: interim, as: UTF8.self) == "HTTP/1.1 100 Continue\r\n\r\n")
        try socket.send(body)
        let reply = try socket.readReply()
        #expect(reply.status == 200)
        #expect(reply.body == (try annotate(Self.quoteRecord + "\n")))

        let refused = try Socket(port: server.port)
        try refused.send(Data("POST /v1/annotate HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 2000000\r\nExpect: 100-continue\r\n\r\n".utf8))
        var head = [UInt8](repeating: 0, count: 12)
        #expect(recv(refused.fd, &head, head.count, Int32(MSG_WAITALL)) == 12)
        #expect(String(decoding: head, as: UTF8.self) == "HTTP/1.1 413")
        #expect(server.stop() == 0)
    }

    // MARK: Concurrency and shutdown

    /// 100 requests at once, each answered with annotate's line for its record.
    @Test func hundredConcurrentRequestsEqualAnnotate() throws {
        let samples = CLI.packageRoot.appendingPathComponent("Corpora/samples")
        let texts = try FileManager.default.contentsOfDirectory(atPath: samples.path).filter { $0.hasSuffix(".txt") }.sorted()
            .map { try String(contentsOf: samples.appendingPathComponent($0), encoding: .utf8) }
        var records: [String] = []
        for i in 0..<100 {
            let text = i % 4 == 3 ? "“Item \(i) is ready,” said Pell Arner in Dunmore on Tuesday." : texts[i % texts.count]
            let object: [String: Any] = ["id": "c\(i)", "date": "2019-0\(1 + i % 9)-1\(i % 10)", "text": text]
            records.append(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
        }
        let input = records.joined(separator: "\n") + "\n"
        let plain = try annotate(input).split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
        let explained = try annotate(input, ["--explain"]).split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
        try #require(plain.count == 100 && explained.count == 100)

        let server = try ServerProcess(["--jobs", "2", "--queue", "200"])
        let port = server.port
        let bodies = records.map { Data($0.utf8) }
        nonisolated(unsafe) var replies = [HTTPReply?](repeating: nil, count: 100)
        nonisolated(unsafe) var failures: [String] = []
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: 100) { i in
            do {
                let reply = try HTTPClient.request(port: port, method: "POST", path: i % 2 == 0 ? "/v1/annotate" : "/v1/annotate?explain",
                                                   headers: [("Content-Type", "application/json")], body: bodies[i])
                lock.lock(); replies[i] = reply; lock.unlock()
            } catch {
                lock.lock(); failures.append("\(i): \(error)"); lock.unlock()
            }
        }
        #expect(failures.isEmpty, "\(failures)")
        for i in 0..<100 {
            let expected = Data((i % 2 == 0 ? plain : explained)[plain.startIndex + i]) + Data([0x0A])
            #expect(replies[i]?.status == 200, "request \(i)")
            #expect(replies[i]?.body == expected, "request \(i)")
        }
        #expect(server.stop() == 0)
        #expect(server.accessLog.filter { $0.contains("\"POST /v1/annotate") && $0.contains("\" 200 ") }.count == 100)
    }

    /// SIGTERM while two batches are half sent and a long article is being
    /// annotated: the server stops listening, takes the rest of both bodies, answers
    /// all three in full, and exits 0. The second batch's answer (megabytes, read
    /// last) is written after the shutdown began, so it ends with the connection's
    /// close: the close must not drop what is still queued.
    @Test func shutdownFinishesRequestsInFlight() throws {
        let server = try ServerProcess(["--jobs", "2"])
        var lines: [String] = []
        for i in 0..<30 { lines.append(#"{"id": "s\#(i)", "text": "“Line \#(i),” said Rhona Vask in Carrow."}"#) }
        let paragraph = String(repeating: "“The tide is late,” said Orla Fenwick in Brackley on Sunday. ", count: 1_500)
        var bigLines: [String] = []
        for i in 0..<20 { bigLines.append(#"{"id": "b\#(i)", "text": "\#(paragraph)"}"#) }
        let batch = try HTTPClient.startChunked(port: server.port, path: "/v1/annotate/batch", contentType: "application/x-ndjson")
        try batch.sendChunk(Data((lines[..<10].joined(separator: "\n") + "\n").utf8))
        let bigBatch = try HTTPClient.startChunked(port: server.port, path: "/v1/annotate/batch", contentType: "application/x-ndjson")
        try bigBatch.sendChunk(Data((bigLines[..<2].joined(separator: "\n") + "\n").utf8))
        try waitUntil { try server.health()["in_flight"] as? Int == 2 }
        // A single request in flight too: an article long enough (3.8 MB, over half
        // a second of work) that the shutdown begins before its answer is written.
        let article = String(repeating: paragraph, count: 40)
        let single = try Socket(port: server.port)
        let body = Data(article.utf8)
        try single.send(Data("POST /v1/annotate HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body)
        try waitUntil { try server.health()["in_flight"] as? Int == 3 }

        kill(server.process.processIdentifier, SIGTERM)
        // New connections are refused once the listener is closed.
        try waitUntil { (try? Socket(port: server.port)) == nil }
        try batch.sendChunk(Data((lines[10...].joined(separator: "\n") + "\n").utf8))
        try batch.sendChunk(Data())
        try bigBatch.sendChunk(Data((bigLines[2...].joined(separator: "\n") + "\n").utf8))
        try bigBatch.sendChunk(Data())
        let reply = try batch.readReply()
        #expect(reply.status == 200)
        #expect(reply.body == (try annotate(lines.joined(separator: "\n") + "\n")))
        let singleReply = try single.readReply()
        #expect(singleReply.status == 200)
        #expect(singleReply.body == (try annotate(article, ["--stdin-format", "text"])))
        let bigReply = try bigBatch.readReply()
        #expect(bigReply.status == 200)
        #expect(bigReply.body.count > 8 << 20)
        #expect(bigReply.body == (try annotate(bigLines.joined(separator: "\n") + "\n")))
        #expect(server.stop() == 0)
        #expect(server.standardError.contains("verbatim: stopped after 3 annotation request(s)"))
    }

    /// A client that hangs up in the middle of a batch takes nothing down: its place
    /// is given back, the log says `aborted`, and the next request is served.
    @Test func aClientLeavingMidBatchIsLoggedAndForgotten() throws {
        let server = try ServerProcess(["--jobs", "1", "--queue", "0"])
        do {
            let batch = try HTTPClient.startChunked(port: server.port, path: "/v1/annotate/batch", contentType: "application/x-ndjson")
            try batch.sendChunk(Data((Self.quoteRecord + "\n").utf8))
            try waitUntil { try server.health()["in_flight"] as? Int == 1 }
        }  // the socket closes here, the body unfinished
        try waitUntil { try server.health()["in_flight"] as? Int == 0 }
        #expect(try server.post("/v1/annotate", Data(Self.quoteRecord.utf8)).status == 200)
        #expect(server.stop() == 0)
        #expect(server.accessLog.contains { $0.contains("\"POST /v1/annotate/batch\" 200 ") && $0.hasSuffix(" aborted") },
                "\(server.standardError)")
    }

    @Test func sigintStopsAnIdleServer() throws {
        let server = try ServerProcess()
        #expect(server.stop(signal: SIGINT) == 0)
        #expect(server.standardError.contains("verbatim: stopped after 0 annotation request(s)"))
    }

    // MARK: Access log and usage

    @Test func oneAccessLogLinePerRequest() throws {
        let server = try ServerProcess()
        let requests: [(String, String, Data?, String?, Int)] = [
            ("GET", "/v1/health", nil, nil, 200),
            ("POST", "/v1/annotate?explain", Data(Self.quoteRecord.utf8), "application/json", 200),
            ("POST", "/v1/annotate/batch", Data((Self.quoteRecord + "\n" + Self.recordWithoutID).utf8), "application/x-ndjson", 200),
            ("POST", "/v1/annotate", Data("x".utf8), "image/png", 415),
            ("GET", "/nowhere", nil, nil, 404),
            ("POST", "/v1/annotate", Data("{".utf8), "application/json", 400),
            ("GET", "/v1/version", nil, nil, 200),
        ]
        var sizes: [Int] = []
        for (method, path, body, type, status) in requests {
            let reply = try HTTPClient.request(port: server.port, method: method, path: path,
                                               headers: type.map { [("Content-Type", $0)] } ?? [], body: body)
            #expect(reply.status == status, "\(method) \(path)")
            sizes.append(reply.body.count)
        }
        #expect(server.stop() == 0)
        let log = server.accessLog
        try #require(log.count == requests.count, "\(server.standardError)")
        for (line, (request, size)) in zip(log, zip(requests, sizes)) {
            let pattern = #"^\S+ 127\.0\.0\.1 "\#(request.0) \#(NSRegularExpression.escapedPattern(for: request.1))" \#(request.4) \#(size) \d+\.\dms$"#
            #expect(line.range(of: pattern, options: .regularExpression) != nil, "\(line)")
        }
    }

    @Test func usageErrorsAndABusyPort() throws {
        #expect(try CLI.run(["serve", "--port", "70000"]).status == 2)
        #expect(try CLI.run(["serve", "--jobs", "0"]).status == 2)
        #expect(try CLI.run(["serve", "--max-body-mb", "0"]).status == 2)
        #expect(try CLI.run(["serve", "--models", "/nonexistent"]).status == 2)
        let server = try ServerProcess()
        let busy = try CLI.run(["serve", "--port", String(server.port)])
        #expect(busy.status == 1)
        #expect(busy.stderr.contains("cannot serve on 127.0.0.1:\(server.port)"), "\(busy.stderr)")
        #expect(server.stop() == 0)
    }

    private func waitUntil(timeout: Double = 20, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while try !condition() {
            guard Date() < deadline else { throw HarnessError("condition not met within \(timeout) s") }
            usleep(20_000)
        }
    }
}
