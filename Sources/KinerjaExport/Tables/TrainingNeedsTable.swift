public import KinerjaAnalyse

extension OutputTable {
  /// The `training_needs` output: sectors, then agencies, most in need first.
  public static func trainingNeeds(_ rows: [TrainingNeedRow]) -> OutputTable {
    OutputTable(
      name: "training_needs",
      columns: [
        "level", "group", "year", "employees", "share_below_baik", "share_below_20_jp", "trend_slope", "need",
        "priority", "suppressed",
      ],
      rows: rows.map { row in
        [
          .text(row.level), .text(row.group), .integer(row.year), .integer(row.employees),
          .number(row.shareBelowBaik),
          .number(row.shareBelow20JP), .number(row.trend), .number(row.need),
          row.priority.map(Cell.integer) ?? .null,
          .bool(row.suppressed),
        ]
      })
  }
}
