package import KinerjaAnalyse

/// The columns of `trend_tests`.
package enum TrendTestsColumn: String, OutputColumn {
  case level, group
  case groupName = "group_name"
  case agencyCode = "agency_code"
  case periods
  case firstPeriod = "first_period"
  case lastPeriod = "last_period"
  case olsSlope = "ols_slope"
  case olsCILow = "ols_ci_low"
  case olsCIHigh = "ols_ci_high"
  case olsP = "ols_p"
  case theilSenSlope = "theil_sen_slope"
  case theilSenCILow = "theil_sen_ci_low"
  case theilSenCIHigh = "theil_sen_ci_high"
  case mkS = "mk_s"
  case mkVarS = "mk_var_s"
  case mkZ = "mk_z"
  case mkP = "mk_p"
  case mkTau = "mk_tau"
  case lastMean = "last_mean"
  case yearEarlierMean = "year_earlier_mean"
  case changeFromYearEarlier = "change_from_year_earlier"
  case suppressed

  package static let output = "trend_tests"
}

extension OutputTable {
  /// The `trend_tests` output: one row per level × group.
  package static func trendTests(_ rows: [TrendTestRow]) -> OutputTable {
    OutputTable(TrendTestsColumn.self, rows: rows) { row, column in
      let ols = row.trend.leastSquares
      let theil = row.trend.theilSen
      let mk = row.trend.mannKendall
      return switch column {
      case .level: .text(row.level.rawValue)
      case .group: .text(row.group.key)
      case .groupName: .text(row.group.name)
      case .agencyCode: .text(row.group.agencyCode)
      case .periods: .integer(row.periods)
      case .firstPeriod: row.firstPeriod.map { .text($0.description) } ?? .null
      case .lastPeriod: row.lastPeriod.map { .text($0.description) } ?? .null
      case .olsSlope: .number(ols?.slope)
      case .olsCILow: .number(ols?.low)
      case .olsCIHigh: .number(ols?.high)
      case .olsP: .number(ols?.p)
      case .theilSenSlope: .number(theil?.slope)
      case .theilSenCILow: .number(theil?.low)
      case .theilSenCIHigh: .number(theil?.high)
      case .mkS: .number(mk?.s)
      case .mkVarS: .number(mk?.varianceOfS)
      case .mkZ: .number(mk?.z)
      case .mkP: .number(mk?.p)
      case .mkTau: .number(mk?.tau)
      case .lastMean: .number(row.lastMean)
      case .yearEarlierMean: .number(row.yearEarlierMean)
      case .changeFromYearEarlier: .number(row.changeFromYearEarlier)
      case .suppressed: .bool(row.suppressed)
      }
    }
  }
}
