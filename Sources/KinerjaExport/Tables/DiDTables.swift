public import KinerjaAnalyse

extension OutputTable {
  /// The `did_group_time` output: ATT(g, t) per study, cohort and period.
  public static func didGroupTime(_ rows: [DiDGroupTimeRow]) -> OutputTable {
    OutputTable(
      name: "did_group_time",
      columns: [
        "variant", "control_group", "cohort", "period", "event_time", "att", "se", "ci_low", "ci_high",
        "treated", "controls", "suppressed",
      ],
      rows: rows.map { row in
        [
          .text(row.variant), .text(row.controlGroup.rawValue), .text(row.cohort), .text(row.period),
          .integer(row.eventTime), .number(row.att), .number(row.standardError), .number(row.low),
          .number(row.high), .integer(row.treated), .integer(row.controls), .bool(row.suppressed),
        ]
      })
  }

  /// The `did_summary` output: the simple, group, dynamic and calendar aggregations per
  /// study (overall, then by cohort, event time or period) and the pre-trend test.
  public static func didSummary(_ rows: [DiDSummaryRow]) -> OutputTable {
    OutputTable(
      name: "did_summary",
      columns: [
        "variant", "control_group", "aggregation", "level", "att", "se", "ci_low", "ci_high", "statistic", "df",
        "p", "treated_units", "suppressed",
      ],
      rows: rows.map { row in
        [
          .text(row.variant), .text(row.controlGroup.rawValue), .text(row.aggregation), .text(row.level),
          .number(row.att), .number(row.standardError), .number(row.low), .number(row.high),
          .number(row.statistic), row.degreesOfFreedom.map(Cell.integer) ?? .null, .number(row.p),
          .integer(row.treatedUnits), .bool(row.suppressed),
        ]
      })
  }
}
