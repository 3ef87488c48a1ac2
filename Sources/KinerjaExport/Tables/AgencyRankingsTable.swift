public import KinerjaAnalyse

extension OutputTable {
  /// The `agency_rankings` output: one row per agency × year, ranked agencies first.
  public static func agencyRankings(_ rows: [RankingRow]) -> OutputTable {
    let components = RankingComponent.allCases
    let columns =
      [
        "agency_code", "agency_name", "year", "employees", "mean_score", "shrunken_mean", "shrunken_ci_low",
        "shrunken_ci_high",
      ]
      + components.filter { $0 != .performance }.map(\.rawValue) + components.map { "z_\($0.rawValue)" }
      + ["composite", "rank", "rank_change", "small_agency", "share_sangat_baik", "rating_inflation"]
    return OutputTable(
      name: "agency_rankings", columns: columns,
      rows: rows.map { row in
        let hide = row.smallAgency
        return [
          .text(row.agencyCode), .text(row.agencyName), .integer(row.year), .integer(row.employees),
          .number(hide ? nil : row.meanScore), .number(row.shrunkenMean), .number(row.shrunkenLow),
          .number(row.shrunkenHigh),
        ]
          + components.filter { $0 != .performance }.map { Cell.number(row.values[$0]) }
          + components.map { Cell.number(row.zScores[$0]) }
          + [
            .number(row.composite), row.rank.map(Cell.integer) ?? .null,
            row.rankChange.map(Cell.integer) ?? .null,
            .bool(row.smallAgency), .number(row.shareSangatBaik), .bool(row.ratingInflation),
          ]
      })
  }
}
