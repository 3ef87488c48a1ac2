public import KinerjaAnalyse

extension OutputTable {
  /// The `trend_tests` output: one row per level × group.
  public static func trendTests(_ rows: [TrendTestRow]) -> OutputTable {
    let columns = [
      "level", "group", "group_name", "agency_code", "periods", "first_period", "last_period", "ols_slope",
      "ols_ci_low",
      "ols_ci_high", "ols_p", "theil_sen_slope", "theil_sen_ci_low", "theil_sen_ci_high", "mk_s", "mk_var_s",
      "mk_z",
      "mk_p", "mk_tau", "last_mean", "year_earlier_mean", "change_from_year_earlier", "suppressed",
    ]
    return OutputTable(
      name: "trend_tests", columns: columns,
      rows: rows.map { row in
        let ols = row.trend.leastSquares
        let theil = row.trend.theilSen
        let mk = row.trend.mannKendall
        return [
          .text(row.level.rawValue), .text(row.group.key), .text(row.group.name), .text(row.group.agencyCode),
          .integer(row.periods), row.firstPeriod.map { .text($0.description) } ?? .null,
          row.lastPeriod.map { .text($0.description) } ?? .null, .number(ols?.slope), .number(ols?.low),
          .number(ols?.high), .number(ols?.p), .number(theil?.slope), .number(theil?.low),
          .number(theil?.high),
          .number(mk?.s), .number(mk?.varianceOfS), .number(mk?.z), .number(mk?.p), .number(mk?.tau),
          .number(row.lastMean), .number(row.yearEarlierMean), .number(row.changeFromYearEarlier),
          .bool(row.suppressed),
        ]
      })
  }
}
