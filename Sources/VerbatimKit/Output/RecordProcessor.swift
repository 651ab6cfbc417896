/// Turns one input record into exactly one output line: annotated, or an error
/// line that keeps the record's id and location. Never throws; one per thread.
/// Reading the record is ``RecordParser``'s job, writing it ``RecordWriter``'s.
public final class RecordProcessor {
    public let worker: Pipeline.Worker
    public let options: RecordOptions
    let parser: RecordParser
    let writer: RecordWriter

    public init(worker: Pipeline.Worker, options: RecordOptions) {
        self.worker = worker
        self.options = options
        self.parser = RecordParser(options: options)
        self.writer = RecordWriter(options: options)
    }

    /// The output line (with its final newline) and whether the record succeeded.
    public func process(_ record: InputRecord) -> (line: [UInt8], ok: Bool) {
        let result = analyze(record)
        return (jsonLine(result), result.isSuccess)
    }

    /// Parses and annotates one record, without writing anything: the common
    /// first half of every output format.
    public func analyze(_ record: InputRecord) -> RecordResult {
        analyze(releasing: record)
    }

    /// ``analyze(_:)`` taking the record over, so that a large record's bytes are
    /// freed once parsed (see ``RecordParser/detachedBytes``) rather than kept
    /// through its analysis; the batch loop hands records over this way.
    public func analyze(releasing record: consuming InputRecord) -> RecordResult {
        let parsed: RecordParser.Parsed
        switch parser.parse(record) {
        case .failure(let problem):
            return failure(record, id: problem.idField, problem.error)
        case .success(let success):
            parsed = success
        }
        if parsed.detached { record.payload = .text([]) }
        let state: AnalysisState
        do {
            state = try worker.analyze(parsed.document, keepingSegmentation: options.keepsSegmentation)
        } catch {
            return failure(record, id: parsed.idField, error)
        }
        return .annotated(AnnotatedRecord(record: record, fields: parsed.fields, idField: parsed.idField,
                                          textKey: parsed.textKey, state: state))
    }

    private func failure(_ record: InputRecord, id: JSONObjectReader.Field?, _ error: VerbatimError) -> RecordResult {
        .failed(FailedRecord(record: record, idField: id, id: RecordParser.printableID(id) ?? record.fallbackID, error: error))
    }

    /// The schema-1 JSON line of a result, with its final newline.
    public func jsonLine(_ result: RecordResult) -> [UInt8] {
        writer.jsonLine(result)
    }
}
