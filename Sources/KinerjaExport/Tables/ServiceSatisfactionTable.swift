package import KinerjaAnalyse

/// The columns of `service_satisfaction`: `u1`…`u9` are the nine SKM elements' means.
package enum ServiceSatisfactionColumn: String, OutputColumn {
  case level
  case agencyCode = "agency_code"
  case unit, period, respondents
  case u1, u2, u3, u4, u5, u6, u7, u8, u9
  case ikm
  case ikmCILow = "ikm_ci_low"
  case ikmCIHigh = "ikm_ci_high"
  case grade
  case gradeLabel = "grade_label"
  case suppressed

  package static let output = "service_satisfaction"

  /// The SKM element (0 for u1) whose mean the column holds.
  var element: Int? {
    let elements: [Self] = [.u1, .u2, .u3, .u4, .u5, .u6, .u7, .u8, .u9]
    return elements.firstIndex(of: self)
  }
}

extension OutputTable {
  /// The `service_satisfaction` output: one row per agency (and service unit) × period.
  package static func serviceSatisfaction(_ rows: [SatisfactionRow]) -> OutputTable {
    OutputTable(ServiceSatisfactionColumn.self, rows: rows) { row, column in
      switch column {
      case .level: .text(row.level)
      case .agencyCode: .text(row.agencyCode)
      case .unit: .text(row.unit)
      case .period: .text(row.period.description)
      case .respondents: .integer(row.respondents)
      case .u1, .u2, .u3, .u4, .u5, .u6, .u7, .u8, .u9: .number(row.elementMeans[column.element!])
      case .ikm: .number(row.ikm)
      case .ikmCILow: .number(row.ikmLow)
      case .ikmCIHigh: .number(row.ikmHigh)
      case .grade: row.grade.map(Cell.text) ?? .null
      case .gradeLabel: row.gradeLabel.map(Cell.text) ?? .null
      case .suppressed: .bool(row.suppressed)
      }
    }
  }
}
