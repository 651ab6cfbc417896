/// Turns one ``InputRecord`` into the ``Document`` the pipeline annotates plus what
/// the output writers need to write it back: the JSON fields to pass through, the
/// id field as written, and the key the text came from. The only place where the
/// record options' field names (`--text-field`, `--id-field`, `--date-field`, the
/// `locale` field) are read.
public struct RecordParser: Sendable {
    public let options: RecordOptions

    public init(options: RecordOptions) {
        self.options = options
    }

    /// A record ready for the pipeline.
    public struct Parsed: Sendable {
        public var document: Document
        /// The JSON record's fields in input order (empty for plain-text articles).
        public var fields: [JSONObjectReader.Field]
        /// The id field as read, if the record had one.
        public var idField: JSONObjectReader.Field?
        /// The key the text was read from.
        public var textKey: String
        /// Whether `fields` and `idField` no longer share the record's bytes (see
        /// ``RecordParser/detachedBytes``), so that dropping the record frees them.
        public var detached = false
    }

    /// From this size on, a JSON record's fields are copied out of its bytes (all but
    /// the text, which the document holds), so that the record's bytes can be let go
    /// before analysis: a record of 100 MB would otherwise stay in memory twice.
    public static let detachedBytes = 1 << 20

    /// Why a record cannot be annotated, with the id field when it was found.
    public struct Failure: Error, Sendable {
        public var idField: JSONObjectReader.Field?
        public var error: VerbatimError
    }

    /// Validates and parses one record.
    public func parse(_ record: InputRecord) -> Result<Parsed, Failure> {
        switch record.payload {
        case .failed(let error):
            return .failure(Failure(idField: nil, error: error))
        case .text(let bytes):
            if let bad = UTF8Validation.firstInvalidByte(bytes) {
                return .failure(Failure(idField: nil, error: .invalidUTF8(offset: bad)))
            }
            let text = Self.stripByteOrderMark(String(decoding: bytes, as: UTF8.self))
            var document = Document(id: record.fallbackID, text: text, date: options.defaultDate)
            document.dateOrder = options.dateOrder
            // The document holds a copy of its own: the record's bytes can go.
            return .success(Parsed(document: document, fields: [], idField: nil, textKey: "text", detached: true))
        case .json(let bytes):
            if let bad = UTF8Validation.firstInvalidByte(bytes) {
                return .failure(Failure(idField: nil, error: .invalidUTF8(offset: bad)))
            }
            let fields: [JSONObjectReader.Field]
            do {
                fields = try JSONObjectReader.fields(of: Self.dropByteOrderMark(bytes))
            } catch {
                return .failure(Failure(idField: nil, error: error))
            }
            let id = fields.first { $0.key == options.idField }
            guard let textField = fields.first(where: { $0.key == options.textField }) else {
                return .failure(Failure(idField: id, error: .missingTextField(options.textField)))
            }
            guard textField.kind == .string else {
                return .failure(Failure(idField: id, error: .textNotString(field: options.textField, found: textField.kind.rawValue)))
            }
            // Decoded to bytes (valid UTF-8, as the record is): the document's only copy.
            var text = JSONObjectReader.decodeBytes(textField.raw)
            if let titleKey = options.titleField, titleKey != options.textField,
               let titleField = fields.first(where: { $0.key == titleKey }), titleField.kind == .string {
                var title = JSONObjectReader.decodeBytes(titleField.raw)
                if !title.isEmpty {
                    title.reserveCapacity(title.count + 2 + text.count)
                    title.append(contentsOf: Self.titleSeparator.utf8)
                    title.append(contentsOf: text)
                    text = title
                }
            }
            var date: CalendarDate?
            if let dateField = fields.first(where: { $0.key == options.dateField }), dateField.kind == .string {
                date = CalendarDate(iso: JSONObjectReader.decodeString(dateField.raw))
            }
            date = date ?? options.defaultDate
            var document = Document(id: Self.printableID(id) ?? record.fallbackID, validUTF8: text, date: date)
            // The record's locale says whose holidays apply and how it orders numeric dates.
            if let localeField = fields.first(where: { $0.key == options.localeField }), localeField.kind == .string {
                document.region = DateOrder.region(ofLocale: JSONObjectReader.decodeString(localeField.raw))
            }
            document.dateOrder = document.region.map(DateOrder.init(region:)) ?? options.dateOrder
            guard bytes.count >= Self.detachedBytes else {
                return .success(Parsed(document: document, fields: fields, idField: id, textKey: options.textField))
            }
            // The writer writes the text field from the document, never from its raw bytes.
            let kept = fields.map { Self.detached($0, keepingValue: $0.key != options.textField) }
            return .success(Parsed(document: document, fields: kept, idField: id.map { Self.detached($0, keepingValue: true) },
                                   textKey: options.textField, detached: true))
        }
    }

    /// A field whose raw value is a copy of its own (or empty without `keepingValue`).
    static func detached(_ field: JSONObjectReader.Field, keepingValue: Bool) -> JSONObjectReader.Field {
        var field = field
        field.raw = keepingValue ? ArraySlice(Array(field.raw)) : []
        return field
    }

    /// Between a headline and its body: a blank line, which the segmenter takes as
    /// a paragraph break, so no sentence runs from the headline into the body.
    public static let titleSeparator = "\n\n"

    /// The id as text: a string id decoded, any other JSON value as written.
    public static func printableID(_ id: JSONObjectReader.Field?) -> String? {
        id.map { $0.kind == .string ? JSONObjectReader.decodeString($0.raw) : String(decoding: $0.raw, as: UTF8.self) }
    }

    /// A UTF-8 byte-order mark is an encoding signature, not text.
    static func stripByteOrderMark(_ text: String) -> String {
        text.hasPrefix("\u{FEFF}") ? String(text.unicodeScalars.dropFirst()) : text
    }

    static func dropByteOrderMark(_ bytes: [UInt8]) -> [UInt8] {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    }
}
