package import KinerjaAnalyse

/// The columns of `training_needs`.
package enum TrainingNeedsColumn: String, OutputColumn {
  case level, group, year, employees
  case shareBelowBaik = "share_below_baik"
  case shareBelow20JP = "share_below_20_jp"
  case trendSlope = "trend_slope"
  case need, priority, suppressed

  package static let output = "training_needs"
}

extension OutputTable {
  /// The `training_needs` output: sectors, then agencies, most in need first.
  package static func trainingNeeds(_ rows: [TrainingNeedRow]) -> OutputTable {
    OutputTable(TrainingNeedsColumn.self, rows: rows) { row, column in
      switch column {
      case .level: .text(row.level)
      case .group: .text(row.group)
      case .year: .integer(row.year)
      case .employees: .integer(row.employees)
      case .shareBelowBaik: .number(row.shareBelowBaik)
      case .shareBelow20JP: .number(row.shareBelow20JP)
      case .trendSlope: .number(row.trend)
      case .need: .number(row.need)
      case .priority: row.priority.map(Cell.integer) ?? .null
      case .suppressed: .bool(row.suppressed)
      }
    }
  }
}
