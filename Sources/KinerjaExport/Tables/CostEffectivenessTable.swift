package import KinerjaAnalyse

/// The columns of `cost_effectiveness`.
package enum CostEffectivenessColumn: String, OutputColumn {
  case by, value, name, participants, completed
  case totalCostIDR = "total_cost_idr"
  case costPerParticipantIDR = "cost_per_participant_idr"
  case totalJP = "total_jp"
  case costPerJPIDR = "cost_per_jp_idr"
  case didEffect = "did_effect"
  case didCILow = "did_ci_low"
  case didCIHigh = "did_ci_high"
  case didTreated = "did_treated"
  case costPerPointIDR = "cost_per_point_idr"
  case note

  package static let output = "cost_effectiveness"
}

extension OutputTable {
  /// The `cost_effectiveness` output: one row per programme, then per method.
  package static func costEffectiveness(_ rows: [CostEffectivenessRow]) -> OutputTable {
    OutputTable(CostEffectivenessColumn.self, rows: rows) { row, column in
      switch column {
      case .by: .text(row.by.rawValue)
      case .value: .text(row.value)
      case .name: .text(row.name)
      case .participants: .integer(row.participants)
      case .completed: .integer(row.completed)
      case .totalCostIDR: .number(row.totalCost)
      case .costPerParticipantIDR: .number(row.costPerParticipant)
      case .totalJP: .number(row.totalJP)
      case .costPerJPIDR: .number(row.costPerJP)
      case .didEffect: .number(row.effect?.att)
      case .didCILow: .number(row.effect?.low)
      case .didCIHigh: .number(row.effect?.high)
      case .didTreated: row.effect.map { .integer($0.treated) } ?? .null
      case .costPerPointIDR: .number(row.costPerPoint)
      case .note: row.note.map(Cell.text) ?? .null
      }
    }
  }
}
