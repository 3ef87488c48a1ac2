package import KinerjaAnalyse

/// The columns of `training_coverage`.
package enum TrainingCoverageColumn: String, OutputColumn {
  case agencyCode = "agency_code"
  case year, employees
  case trainedEmployees = "trained_employees"
  case totalJP = "total_jp"
  case shareWith20JP = "share_with_20_jp"
  case spendIDR = "spend_idr"
  case spendPerEmployeeIDR = "spend_per_employee_idr"
  case suppressed

  package static let output = "training_coverage"
}

extension OutputTable {
  /// The `training_coverage` output: one row per agency × year.
  package static func trainingCoverage(_ rows: [CoverageRow]) -> OutputTable {
    OutputTable(TrainingCoverageColumn.self, rows: rows) { row, column in
      switch column {
      case .agencyCode: .text(row.agencyCode)
      case .year: .integer(row.year)
      case .employees: .integer(row.employees)
      case .trainedEmployees: .integer(row.trainedEmployees)
      case .totalJP: .number(row.totalJP)
      case .shareWith20JP: .number(row.shareWith20JP)
      case .spendIDR: .number(row.spend)
      case .spendPerEmployeeIDR: .number(row.spendPerEmployee)
      case .suppressed: .bool(row.suppressed)
      }
    }
  }
}
