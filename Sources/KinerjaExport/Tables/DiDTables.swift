package import KinerjaAnalyse

/// The columns of `did_group_time`.
package enum DiDGroupTimeColumn: String, OutputColumn {
  case variant
  case controlGroup = "control_group"
  case cohort, period
  case eventTime = "event_time"
  case att, se
  case ciLow = "ci_low"
  case ciHigh = "ci_high"
  case treated, controls, suppressed

  package static let output = "did_group_time"
}

/// The columns of `did_summary`.
package enum DiDSummaryColumn: String, OutputColumn {
  case variant
  case controlGroup = "control_group"
  case aggregation, level, att, se
  case ciLow = "ci_low"
  case ciHigh = "ci_high"
  case statistic, df, p
  case treatedUnits = "treated_units"
  case suppressed

  package static let output = "did_summary"
}

extension OutputTable {
  /// The `did_group_time` output: ATT(g, t) per study, cohort and period.
  package static func didGroupTime(_ rows: [DiDGroupTimeRow]) -> OutputTable {
    OutputTable(DiDGroupTimeColumn.self, rows: rows) { row, column in
      switch column {
      case .variant: .text(row.variant)
      case .controlGroup: .text(row.controlGroup.rawValue)
      case .cohort: .text(row.cohort)
      case .period: .text(row.period)
      case .eventTime: .integer(row.eventTime)
      case .att: .number(row.att)
      case .se: .number(row.standardError)
      case .ciLow: .number(row.low)
      case .ciHigh: .number(row.high)
      case .treated: .integer(row.treated)
      case .controls: .integer(row.controls)
      case .suppressed: .bool(row.suppressed)
      }
    }
  }

  /// The `did_summary` output: the simple, group, dynamic and calendar aggregations per
  /// study (overall, then by cohort, event time or period) and the pre-trend test.
  package static func didSummary(_ rows: [DiDSummaryRow]) -> OutputTable {
    OutputTable(DiDSummaryColumn.self, rows: rows) { row, column in
      switch column {
      case .variant: .text(row.variant)
      case .controlGroup: .text(row.controlGroup.rawValue)
      case .aggregation: .text(row.aggregation)
      case .level: .text(row.level)
      case .att: .number(row.att)
      case .se: .number(row.standardError)
      case .ciLow: .number(row.low)
      case .ciHigh: .number(row.high)
      case .statistic: .number(row.statistic)
      case .df: row.degreesOfFreedom.map(Cell.integer) ?? .null
      case .p: .number(row.p)
      case .treatedUnits: .integer(row.treatedUnits)
      case .suppressed: .bool(row.suppressed)
      }
    }
  }
}
