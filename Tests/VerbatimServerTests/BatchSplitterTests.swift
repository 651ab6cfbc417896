import Testing
import VerbatimKit
@testable import VerbatimServer

/// The batch body is cut into records as annotate cuts standard input, whatever
/// the sizes of the chunks it arrives in.
struct BatchSplitterTests {
    struct Cut: Equatable {
        var id: String
        var line: Int?
        var offset: Int?
        var payload: String
    }

    private func cut(_ chunks: [[UInt8]], format: BatchSplitter.Format = .jsonLines, limit: Int = 1 << 20) -> [Cut] {
        var splitter = BatchSplitter(format: format, limit: limit)
        var records: [InputRecord] = []
        for chunk in chunks { records += splitter.feed(chunk) }
        if let last = splitter.finish() { records.append(last) }
        return records.map { record in
            let payload: String
            switch record.payload {
            case .json(let bytes): payload = "json:" + String(decoding: bytes, as: UTF8.self)
            case .text(let bytes): payload = "text:" + String(decoding: bytes, as: UTF8.self)
            case .failed(let error): payload = "failed:" + error.code
            }
            return Cut(id: record.fallbackID, line: record.line, offset: record.offset, payload: payload)
        }
    }

    @Test func linesBlankLinesAndLineEnds() {
        let body = Array("{\"a\":1}\r\n\n  \t\n{\"b\":2}\n{\"c\":3}".utf8)
        let expected = [
            Cut(id: "stdin:1", line: 1, offset: 0, payload: "json:{\"a\":1}"),
            Cut(id: "stdin:4", line: 4, offset: 14, payload: "json:{\"b\":2}"),
            Cut(id: "stdin:5", line: 5, offset: 22, payload: "json:{\"c\":3}"),
        ]
        #expect(cut([body]) == expected)
        // Byte by byte, and in uneven pieces, the records are the same.
        #expect(cut(body.map { [$0] }) == expected)
        #expect(cut([Array(body[..<8]), Array(body[8..<9]), Array(body[9...])]) == expected)
    }

    @Test func textLinesAreArticles() {
        #expect(cut([Array("One.\nTwo.\n".utf8)], format: .textLines).map(\.payload) == ["text:One.", "text:Two."])
    }

    @Test func aLineOverTheLimitIsOneErrorAndTheNextLineIsRead() {
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: 25)
        let body = Array("{}\n".utf8) + long + Array("\n{\"d\":4}\n".utf8)
        let expected = [
            Cut(id: "stdin:1", line: 1, offset: 0, payload: "json:{}"),
            Cut(id: "stdin:2", line: 2, offset: 3, payload: "failed:record_too_large"),
            Cut(id: "stdin:3", line: 3, offset: 29, payload: "json:{\"d\":4}"),
        ]
        #expect(cut([body], limit: 10) == expected)
        #expect(cut(body.map { [$0] }, limit: 10) == expected)
        // At the limit exactly, with or without a CR, a line is a record.
        #expect(cut([Array("0123456789\r\n".utf8)], limit: 10).map(\.payload) == ["json:0123456789"])
        #expect(cut([Array("0123456789x\r\n".utf8)], limit: 10).map(\.payload) == ["failed:record_too_large"])
    }

    @Test func anEmptyBodyHoldsNoRecord() {
        #expect(cut([]).isEmpty)
        #expect(cut([Array("\n\n".utf8)]).isEmpty)
    }
}

struct RequestOptionsTests {
    @Test func queryParametersAreAnnotatesOptions() throws {
        let options = try RequestOptions.parse([("text-field", "body"), ("id-field", "guid"), ("date-field", "when"),
                                                ("no-text", ""), ("explain", "true")], limit: 5)
        #expect(options.textField == "body" && options.idField == "guid" && options.dateField == "when")
        #expect(options.omitText && options.explain && options.maxRecordBytes == 5)
        #expect(try !RequestOptions.parse([("explain", "false")], limit: 5).explain)
        let more = try RequestOptions.parse([("date", "2018-08-14"), ("title-field", "headline"), ("date-order", "dmy")], limit: 5)
        #expect(more.defaultDate?.description == "2018-08-14" && more.titleField == "headline" && more.dateOrder == .dayFirst)
    }

    @Test func unknownOrBadParametersAreRefused() {
        #expect(throws: ServiceError.self) { try RequestOptions.parse([("explian", "")], limit: 5) }
        #expect(throws: ServiceError.self) { try RequestOptions.parse([("no-text", "perhaps")], limit: 5) }
        #expect(throws: ServiceError.self) { try RequestOptions.parse([("text-field", "")], limit: 5) }
        #expect(throws: ServiceError.self) { try RequestOptions.parse([("date", "14/08/2018")], limit: 5) }
        #expect(throws: ServiceError.self) { try RequestOptions.parse([("date-order", "ymd")], limit: 5) }
    }

    @Test func contentTypes() throws {
        #expect(try BodyKind.single(contentType: "application/json") == .jsonRecord)
        #expect(try BodyKind.single(contentType: "Text/Plain; charset=\"UTF-8\"") == .text)
        #expect(try BodyKind.batch(contentType: "application/x-ndjson") == .jsonLines)
        #expect(try BodyKind.batch(contentType: "text/plain") == .textLines)
        for bad in [nil, "", "application/xml", "text/plain; charset=iso-8859-1"] {
            #expect(throws: ServiceError.self) { try BodyKind.single(contentType: bad) }
        }
        #expect(throws: ServiceError.self) { try BodyKind.batch(contentType: "application/x-www-form-urlencoded") }
    }

    @Test func errorBodiesHaveTheErrorLineShape() {
        let error = ServiceError.overloaded("busy", retryAfter: 3)
        #expect(error.status == 503)
        #expect(error.headers[.retryAfter] == "3")
        #expect(String(decoding: error.body, as: UTF8.self)
            == "{\"error\":{\"code\":\"overloaded\",\"message\":\"busy\"},\"verbatim\":{\"version\":\"\(AnnotationEncoder.version)\",\"schema\":1}}\n")
    }
}
