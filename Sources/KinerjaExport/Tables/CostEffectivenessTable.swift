public import KinerjaAnalyse

extension OutputTable {
  /// The `cost_effectiveness` output: one row per programme, then per method.
  public static func costEffectiveness(_ rows: [CostEffectivenessRow]) -> OutputTable {
    OutputTable(
      name: "cost_effectiveness",
      columns: [
        "by", "value", "name", "participants", "completed", "total_cost_idr", "cost_per_participant_idr",
        "total_jp",
        "cost_per_jp_idr", "did_effect", "did_ci_low", "did_ci_high", "did_treated", "cost_per_point_idr",
        "note",
      ],
      rows: rows.map { row in
        [
          .text(row.by), .text(row.value), .text(row.name), .integer(row.participants),
          .integer(row.completed),
          .number(row.totalCost), .number(row.costPerParticipant), .number(row.totalJP),
          .number(row.costPerJP),
          .number(row.effect?.att), .number(row.effect?.low), .number(row.effect?.high),
          row.effect.map { .integer($0.treated) } ?? .null, .number(row.costPerPoint),
          row.note.map(Cell.text) ?? .null,
        ]
      })
  }
}
