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
  case uniformLow = "uniform_low"
  case uniformHigh = "uniform_high"
  case treated, controls, suppressed

  package static let output = "did_group_time"
}

/// The columns of `did_summary`.
package enum DiDSummaryColumn: String, OutputColumn {
  case variant
  case controlGroup = "control_group"
  case aggregation, cohort, period
  case eventTime = "event_time"
  case att, se
  case ciLow = "ci_low"
  case ciHigh = "ci_high"
  case uniformLow = "uniform_low"
  case uniformHigh = "uniform_high"
  case statistic, df, p, note
  case treatedUnits = "treated_units"
  case units, suppressed

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
      case .uniformLow: .number(row.uniformLow)
      case .uniformHigh: .number(row.uniformHigh)
      case .treated: .integer(row.treated)
      case .controls: .integer(row.controls)
      case .suppressed: .bool(row.suppressed)
      }
    }
  }

  /// The `did_summary` output: the simple, group, dynamic and calendar aggregations and
  /// post_training per study (overall, then by cohort, event time or period, each in a
  /// column of its own type) and the two pre-trend tests.
  package static func didSummary(_ rows: [DiDSummaryRow], units: [DiDUnits] = []) -> OutputTable {
    var table = OutputTable(DiDSummaryColumn.self, rows: rows) { row, column in
      switch column {
      case .variant: .text(row.variant)
      case .controlGroup: .text(row.controlGroup.rawValue)
      case .aggregation: .text(row.aggregation)
      case .cohort: row.cohort.map(Cell.text) ?? .null
      case .period: row.period.map(Cell.text) ?? .null
      case .eventTime: row.eventTime.map(Cell.integer) ?? .null
      case .att: .number(row.att)
      case .se: .number(row.standardError)
      case .ciLow: .number(row.low)
      case .ciHigh: .number(row.high)
      case .uniformLow: .number(row.uniformLow)
      case .uniformHigh: .number(row.uniformHigh)
      case .statistic: .number(row.statistic)
      case .df: row.degreesOfFreedom.map(Cell.integer) ?? .null
      case .p: .number(row.p)
      case .note: row.note.map(Cell.text) ?? .null
      case .treatedUnits: .integer(row.treatedUnits)
      case .units: .integer(row.units)
      case .suppressed: .bool(row.suppressed)
      }
    }
    // The JSON metadata says, per study, whom it used and whom it left out, by reason.
    let studies = units.map { study in
      let leftOut = TrainingCohorts.LeftOut.allCases.compactMap { reason in
        study.leftOut[reason].map { "\(CellFormatting.jsonString(reason.rawValue)): \($0)" }
      }
      return "{\"variant\": \(CellFormatting.jsonString(study.variant)), \"employees_used\": \(study.used), "
        + "\"treated\": \(study.treated), \"left_out\": {\(leftOut.joined(separator: ", "))}}"
    }
    if !studies.isEmpty { table.metadata["studies"] = "[\(studies.joined(separator: ", "))]" }
    return table
  }
}
