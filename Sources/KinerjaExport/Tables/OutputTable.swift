/// A value in an output table.
package enum Cell: Sendable, Equatable {
  /// Text, such as a group key or a reason code.
  case text(String)
  /// A count or other whole number.
  case integer(Int)
  /// A measurement; `nil` or a non-finite value is written as null.
  case number(Double?)
  /// A flag.
  case bool(Bool)
  /// No value.
  case null
}

/// An output as rows of cells under stable snake_case column names, written the same
/// way to CSV and to JSON.
package struct OutputTable: Sendable, Equatable {
  /// The output's name: the file name without extension (`trends`, `rejects/training`).
  package var name: String
  /// Column names, in order.
  package var columns: [String]
  /// The rows; each has one cell per column.
  package var rows: [[Cell]]
  /// JSON values added to the JSON output's metadata block, by key (written in key order).
  package var metadata: [String: String] = [:]

  /// The name of every table a run writes. Publishing removes an old file only when it is
  /// one of these (as CSV or JSON), a rejects file, `report.html` or `manifest.json`.
  package static let names: Set<String> = [
    TrendsColumn.output, TrendTestsColumn.output, ServiceSatisfactionColumn.output, TrainingCoverageColumn.output,
    TrainingEffectsColumn.output, DiDGroupTimeColumn.output, DiDSummaryColumn.output, CostEffectivenessColumn.output,
    AgencyRankingsColumn.output, TrainingNeedsColumn.output, DataQualityColumn.output,
  ]

  package init(name: String, columns: [String], rows: [[Cell]] = []) {
    self.name = name
    self.columns = columns
    self.rows = rows
  }
}
