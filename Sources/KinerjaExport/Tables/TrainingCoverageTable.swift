public import KinerjaAnalyse

extension OutputTable {
  /// The `training_coverage` output: one row per agency × year.
  public static func trainingCoverage(_ rows: [CoverageRow]) -> OutputTable {
    OutputTable(
      name: "training_coverage",
      columns: [
        "agency_code", "year", "employees", "trained_employees", "total_jp", "share_with_20_jp", "spend_idr",
        "spend_per_employee_idr", "suppressed",
      ],
      rows: rows.map { row in
        [
          .text(row.agencyCode), .integer(row.year), .integer(row.employees), .integer(row.trainedEmployees),
          .number(row.totalJP), .number(row.shareWith20JP), .number(row.spend), .number(row.spendPerEmployee),
          .bool(row.suppressed),
        ]
      })
  }
}
