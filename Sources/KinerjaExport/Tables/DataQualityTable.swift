package import KinerjaAnalyse
package import KinerjaClean
import KinerjaIngest

/// The columns of `data_quality`.
package enum DataQualityColumn: String, OutputColumn {
  case input, file
  case rowsRead = "rows_read"
  case rowsAccepted = "rows_accepted"
  case rowsRejected = "rows_rejected"
  case reason, rejected, delimiter
  case decimalMark = "decimal_mark"
  case byteOrderMark = "byte_order_mark"
  case crlf
  case columnsMapped = "columns_mapped"
  case unknownColumns = "unknown_columns"
  case note

  package static let output = "data_quality"
}

extension OutputTable {
  /// The `data_quality` output: one row per input × reject reason (one row with an
  /// empty reason for an input without rejects), with the input's totals, dialect,
  /// the mapping used for each column and the columns the contract does not know; then
  /// one row per empty output (`reason` `empty_output`, the why in `note`), then one per
  /// thing an analysis skipped or left out (its reason code, the count in `rejected`).
  package static func dataQuality(
    _ inputs: [InputSummary], emptyOutputs: [EmptyResult] = [], notes: [AnalysisNote] = []
  ) -> OutputTable {
    /// One row: an input's count for one reason, or an empty output.
    enum Line {
      case input(InputSummary, reason: RejectReason?, count: Int)
      case empty(EmptyResult)
      case note(AnalysisNote)
    }
    var lines: [Line] = []
    for input in inputs {
      let reasons = input.tally.rejectedByReason.sorted { $0.key < $1.key }
      if reasons.isEmpty { lines.append(.input(input, reason: nil, count: 0)) }
      for (reason, count) in reasons { lines.append(.input(input, reason: reason, count: count)) }
    }
    lines += emptyOutputs.map(Line.empty)
    lines += notes.map(Line.note)
    return OutputTable(DataQualityColumn.self, rows: lines) { line, column in
      switch line {
      case .note(let note):
        switch column {
        case .input: .text(note.output)
        case .reason: .text(note.reason)
        case .rejected: note.count.map(Cell.integer) ?? .null
        case .note: .text(note.note)
        default: .null
        }
      case .empty(let empty):
        switch column {
        case .input: .text(empty.output)
        case .reason: .text("empty_output")
        case .note: .text(empty.reason)
        default: .null
        }
      case .input(let input, let reason, let count):
        switch column {
        case .input: .text(input.reader.kind.rawValue)
        case .file: .text(input.displayPath)
        case .rowsRead: .integer(input.tally.rowsRead)
        case .rowsAccepted: .integer(input.tally.accepted)
        case .rowsRejected: .integer(input.tally.rejected)
        case .reason: reason.map { .text($0.rawValue) } ?? .null
        case .rejected: .integer(count)
        case .delimiter:
          .text(input.reader.dialect.delimiter == 0x09 ? "tab" : String(UnicodeScalar(input.reader.dialect.delimiter)))
        case .decimalMark: .text(String(UnicodeScalar(input.reader.dialect.decimalMark)))
        case .byteOrderMark: .bool(input.reader.dialect.hasByteOrderMark)
        case .crlf: .bool(input.reader.dialect.usesCRLF)
        case .columnsMapped:
          .text(input.reader.mapping.columnsUsed.map { "\($0.canonical)=\($0.header)" }.joined(separator: "; "))
        case .unknownColumns: .text(input.reader.mapping.unknownColumns.joined(separator: "; "))
        case .note: .null
        }
      }
    }
  }
}
