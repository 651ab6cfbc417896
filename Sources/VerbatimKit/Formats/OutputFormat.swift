/// The output formats of `verbatim annotate --format`.
///
/// Every format writes the records in input order and is byte-identical for
/// any number of worker threads: each record is formatted on a worker, and the
/// results are written in order. What each does with a record that failed:
///
/// | format | failed record |
/// |---|---|
/// | `jsonl` | an error line in its place |
/// | `conll` | an empty document (`-DOCSTART-` and nothing else), so the n-th document is still the n-th record |
/// | `brat` | no files |
/// | `csv` | no rows |
/// | `spacy` | no line |
///
/// In every format the failure is also reported on standard error and the run
/// exits with status 1.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Schema 1, one JSON object per record (the default).
    case jsonl
    /// CoNLL-2003 style: `TOKEN<TAB>TAG` per line, IOB2 tags (see ``BIOTagWriter``).
    case conll
    /// brat standoff: a `.txt` and an `.ann` file per record in a folder (see ``BratWriter``).
    case brat
    /// One CSV row per quote (see ``QuoteCSVWriter``).
    case csv
    /// One spaCy/displaCy JSON object per record (see ``SpacyJSONWriter``).
    case spacy

    /// Whether the format writes a folder of files rather than one stream.
    public var writesDirectory: Bool { self == .brat }

    /// What the stream starts with (the CSV header row).
    public var header: [UInt8] {
        self == .csv ? QuoteCSVWriter.header : []
    }
}

/// One record in an output format.
public struct FormattedRecord: Sendable {
    /// Bytes for the output stream (nothing for brat).
    public var bytes: [UInt8]
    /// The brat file pair, for ``OutputFormat/brat``.
    public var brat: BratDocument?
    /// Whether the record was annotated.
    public var ok: Bool
    /// A message for standard error when the record failed and the format has no
    /// place for errors.
    public var notice: String?
    /// A JSONL line too large to build whole: write it with
    /// ``RecordWriter/streamLine(_:emit:)`` where the output goes, in order.
    public var streamed: AnnotatedRecord?

    public init(bytes: [UInt8] = [], brat: BratDocument? = nil, ok: Bool, notice: String? = nil) {
        self.bytes = bytes
        self.brat = brat
        self.ok = ok
        self.notice = notice
    }
}

extension RecordProcessor {
    /// Analyzes a record and writes it in `format`.
    public func format(_ record: InputRecord, as format: OutputFormat) -> FormattedRecord {
        writer.format(analyze(record), as: format)
    }

    /// Writes an analysed record in `format`.
    public func format(_ result: RecordResult, as format: OutputFormat) -> FormattedRecord {
        writer.format(result, as: format)
    }
}

extension RecordWriter {
    /// Writes an analysed record in `format`.
    public func format(_ result: RecordResult, as format: OutputFormat) -> FormattedRecord {
        switch result {
        case .failed(let failed):
            let notice = "record \(failed.id): \(failed.error.code): \(failed.error.description)"
            switch format {
            case .jsonl: return FormattedRecord(bytes: jsonLine(result), ok: false)
            case .conll: return FormattedRecord(bytes: Array(BIOTagWriter.documentStart.utf8), ok: false, notice: notice)
            case .brat, .csv, .spacy: return FormattedRecord(ok: false, notice: notice)
            }
        case .annotated(let a):
            switch format {
            case .jsonl:
                if Self.shouldStream(result) {
                    var record = FormattedRecord(ok: true)
                    record.streamed = a
                    return record
                }
                return FormattedRecord(bytes: jsonLine(result), ok: true)
            case .conll: return FormattedRecord(bytes: BIOTagWriter().write(a.state), ok: true)
            case .brat: return FormattedRecord(brat: BratWriter().write(a.state), ok: true)
            case .csv: return FormattedRecord(bytes: QuoteCSVWriter(guardFormulas: options.guardCSVFormulas).write(a.state), ok: true)
            case .spacy: return FormattedRecord(bytes: SpacyJSONWriter().write(a.state), ok: true)
            }
        }
    }
}
