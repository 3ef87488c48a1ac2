package import KinerjaAnalyse

/// The columns of `agency_rankings`.
package enum AgencyRankingsColumn: String, OutputColumn {
  case agencyCode = "agency_code"
  case agencyName = "agency_name"
  case year, employees
  case meanScore = "mean_score"
  case shrunkenMean = "shrunken_mean"
  case shrunkenCILow = "shrunken_ci_low"
  case shrunkenCIHigh = "shrunken_ci_high"
  case improvement, ikm, coverage
  case trainingEffect = "training_effect"
  case zPerformance = "z_performance"
  case zImprovement = "z_improvement"
  case zIKM = "z_ikm"
  case zCoverage = "z_coverage"
  case zTrainingEffect = "z_training_effect"
  case composite, rank
  case rankChange = "rank_change"
  case smallAgency = "small_agency"
  case shareSangatBaik = "share_sangat_baik"
  case ratingInflation = "rating_inflation"

  package static let output = "agency_rankings"
}

extension OutputTable {
  /// The `agency_rankings` output: one row per agency × year, ranked agencies first.
  package static func agencyRankings(_ rows: [RankingRow]) -> OutputTable {
    OutputTable(AgencyRankingsColumn.self, rows: rows) { row, column in
      switch column {
      case .agencyCode: .text(row.agencyCode)
      case .agencyName: .text(row.agencyName)
      case .year: .integer(row.year)
      case .employees: .integer(row.employees)
      case .meanScore: .number(row.meanScore)
      case .shrunkenMean: .number(row.shrunkenMean)
      case .shrunkenCILow: .number(row.shrunkenLow)
      case .shrunkenCIHigh: .number(row.shrunkenHigh)
      case .improvement: .number(row.values[.improvement])
      case .ikm: .number(row.values[.ikm])
      case .coverage: .number(row.values[.coverage])
      case .trainingEffect: .number(row.values[.trainingEffect])
      case .zPerformance: .number(row.zScores[.performance])
      case .zImprovement: .number(row.zScores[.improvement])
      case .zIKM: .number(row.zScores[.ikm])
      case .zCoverage: .number(row.zScores[.coverage])
      case .zTrainingEffect: .number(row.zScores[.trainingEffect])
      case .composite: .number(row.composite)
      case .rank: row.rank.map(Cell.integer) ?? .null
      case .rankChange: row.rankChange.map(Cell.integer) ?? .null
      case .smallAgency: .bool(row.smallAgency)
      case .shareSangatBaik: .number(row.shareSangatBaik)
      case .ratingInflation: .bool(row.ratingInflation)
      }
    }
  }
}
