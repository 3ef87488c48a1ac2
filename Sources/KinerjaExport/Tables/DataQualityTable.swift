public import KinerjaAnalyse
public import KinerjaClean
public import KinerjaIngest

/// What the data-quality report says about one input.
public struct InputQuality: Sendable {
  public var reader: InputReader
  /// The path as the pipeline file names it.
  public var displayPath: String
  public var tally: InputTally

  public init(reader: InputReader, displayPath: String, tally: InputTally) {
    self.reader = reader
    self.displayPath = displayPath
    self.tally = tally
  }
}

extension OutputTable {
  /// The `data_quality` output: one row per input × reject reason (one row with an
  /// empty reason for an input without rejects), with the input's totals, dialect,
  /// the mapping used for each column and the columns the contract does not know; then
  /// one row per empty output (`reason` `empty_output`, the why in `note`).
  public static func dataQuality(_ inputs: [InputQuality], emptyOutputs: [EmptyResult] = []) -> OutputTable {
    let columns = [
      "input", "file", "rows_read", "rows_accepted", "rows_rejected", "reason", "rejected", "delimiter",
      "decimal_mark", "byte_order_mark", "crlf", "columns_mapped", "unknown_columns", "note",
    ]
    var rows: [[Cell]] = []
    for input in inputs {
      let mapping = input.reader.mapping
      let mapped = mapping.columnsUsed.map { "\($0.canonical)=\($0.header)" }.joined(separator: "; ")
      let dialect = input.reader.dialect
      let reasons = input.tally.rejectedByReason.sorted { $0.key < $1.key }
      let reasonCells: [(Cell, Int)] =
        reasons.isEmpty ? [(.null, 0)] : reasons.map { (.text($0.key.rawValue), $0.value) }
      for (reason, count) in reasonCells {
        rows.append([
          .text(input.reader.kind.rawValue), .text(input.displayPath), .integer(input.tally.rowsRead),
          .integer(input.tally.accepted), .integer(input.tally.rejected), reason, .integer(count),
          .text(dialect.delimiter == 0x09 ? "tab" : String(UnicodeScalar(dialect.delimiter))),
          .text(String(UnicodeScalar(dialect.decimalMark))), .bool(dialect.hasByteOrderMark),
          .bool(dialect.usesCRLF),
          .text(mapped), .text(mapping.unknownColumns.joined(separator: "; ")), .null,
        ])
      }
    }
    for empty in emptyOutputs {
      rows.append(
        [.text(empty.output)] + Array(repeating: .null, count: 4) + [.text("empty_output")]
          + Array(repeating: .null, count: 7) + [.text(empty.reason)])
    }
    return OutputTable(name: "data_quality", columns: columns, rows: rows)
  }
}
