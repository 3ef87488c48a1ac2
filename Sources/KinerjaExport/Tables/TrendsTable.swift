public import KinerjaAnalyse
import KinerjaClean

extension OutputTable {
  /// The `trends` output: one row per level × group × period.
  public static func trends(_ rows: [TrendRow]) -> OutputTable {
    let shareColumns = Rating.allCases.reversed().map { "share_\($0.key)" }
    let columns =
      [
        "level", "group", "group_name", "agency_code", "period", "employees", "n", "mean", "sd", "median",
        "p10",
        "p90", "n_rated",
      ] + shareColumns + ["suppressed"]
    return OutputTable(
      name: "trends", columns: columns,
      rows: rows.map { row in
        [
          .text(row.level.rawValue), .text(row.group.key), .text(row.group.name), .text(row.group.agencyCode),
          .text(row.period.description), .integer(row.employees), .integer(row.scored), .number(row.mean),
          .number(row.standardDeviation), .number(row.median), .number(row.p10), .number(row.p90),
          .integer(row.rated),
        ] + row.ratingShares.map { Cell.number($0) } + [.bool(row.suppressed)]
      })
  }
}
