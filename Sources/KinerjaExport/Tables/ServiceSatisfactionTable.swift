public import KinerjaAnalyse

extension OutputTable {
  /// The `service_satisfaction` output: one row per agency (and service unit) × period.
  public static func serviceSatisfaction(_ rows: [SatisfactionRow]) -> OutputTable {
    let columns =
      ["level", "agency_code", "unit", "period", "respondents"] + (1...9).map { "u\($0)" }
      + ["ikm", "ikm_ci_low", "ikm_ci_high", "grade", "grade_label", "suppressed"]
    return OutputTable(
      name: "service_satisfaction", columns: columns,
      rows: rows.map { row in
        [
          .text(row.level), .text(row.agencyCode), .text(row.unit), .text(row.period.description),
          .integer(row.respondents),
        ]
          + row.elementMeans.map { Cell.number($0) }
          + [
            .number(row.ikm), .number(row.ikmLow), .number(row.ikmHigh), row.grade.map(Cell.text) ?? .null,
            row.gradeLabel.map(Cell.text) ?? .null,
            .bool(row.suppressed),
          ]
      })
  }
}
