package import KinerjaAggregate
package import KinerjaClean
import KinerjaIngest

/// The components an agency is ranked on, in output order.
package enum RankingComponent: String, CaseIterable, Sendable {
  /// Mean performance (the empirical-Bayes shrunken mean of employees' yearly means).
  case performance
  /// Improvement: the OLS slope of the agency's mean score over the year's periods.
  case improvement
  /// Citizens' satisfaction (IKM) over the year's surveys.
  case ikm
  /// Share of employees with at least 20 JP in the year.
  case coverage
  /// Mean pre/post change around the trainings completed in the year.
  case trainingEffect = "training_effect"
}

/// One row of `agency_rankings`.
package struct RankingRow: Sendable {
  package var agencyCode: String
  package var agencyName: String
  package var year: Int
  package var employees: Int
  /// Raw component values and their z-scores across agencies, by component.
  package var values: [RankingComponent: Double]
  package var zScores: [RankingComponent: Double]
  /// Mean of employees' yearly means (withheld for a small agency), its shrunken value and 95 % interval.
  package var meanScore: Double?
  package var shrunkenMean: Double?
  package var shrunkenLow: Double?
  package var shrunkenHigh: Double?
  package var composite: Double?
  package var rank: Int?
  /// Last year's rank minus this year's (positive: moved up).
  package var rankChange: Int?
  /// Fewer employees than `min_group`: not ranked, figures withheld.
  package var smallAgency: Bool
  /// Share of rated employees whose last rating of the year is Sangat Baik, and whether it exceeds 70 %.
  package var shareSangatBaik: Double?
  package var ratingInflation: Bool
}

/// Ranks agencies year by year on standardised components, fairly to small agencies.
///
/// Each component is z-scored across the agencies that have it ((x − mean) / sd, sd with
/// n − 1); the composite is the weighted sum over the components an agency has, divided by
/// their weights' sum. Performance enters shrunk toward the mean of all agencies
/// (`EmpiricalBayes`), so that a few people's lucky average does not top the ranking.
/// Ranks are competition ranks (1, 2, 2, 4) of the composite.
package struct AgencyRankings: Sendable {
  /// Component weights, normalised to sum to 1.
  package let weights: [RankingComponent: Double]
  package let minGroup: Int
  /// z for a two-sided 95 % normal interval.
  static let z95 = Normal.quantile(0.975)
  /// More than this share rated Sangat Baik flags rating inflation.
  package static let inflationShare = 0.7

  package init(weights: [RankingComponent: Double], minGroup: Int) {
    let total = RankingComponent.allCases.reduce(0) { $0 + weights[$1, default: 0] }
    self.weights = weights.mapValues { $0 / total }
    self.minGroup = minGroup
  }

  /// The rows of every agency and year with appraisals.
  package func rows(
    roster: EmployeeRoster, performance: PerformancePanel, responses: SurveyResponses?,
    coverage: [CoverageRow],
    trainingPairs: [(participation: Int, pre: Double, post: Double)], participations: ParticipationTable?
  ) -> [RankingRow] {
    rows(
      rollups: Rollups(
        roster: roster, panel: performance, participations: participations, responses: responses,
        surveyGrain: .year),
      coverage: coverage, trainingPairs: trainingPairs)
  }

  /// ``rows(roster:performance:responses:coverage:trainingPairs:participations:)`` from a
  /// run's shared roll-ups.
  package func rows(
    rollups: Rollups, coverage: [CoverageRow],
    trainingPairs: [(participation: Int, pre: Double, post: Double)]
  ) -> [RankingRow] {
    let (roster, performance, participations) = (rollups.roster, rollups.panel, rollups.participations)
    let periods = performance.periods
    let agencies = roster.agencies.count
    let employeesPerAgency = rollups.employeesPerAgency
    let coverageByKey = Dictionary(
      coverage.map { ("\($0.agencyCode)|\($0.year)", $0.shareWith20JP) }, uniquingKeysWith: { a, _ in a })
    var rows: [RankingRow] = []
    var previousRanks: [Int32: Int] = [:]
    for year in Set(periods.map(\.year)).sorted() {
      let appraisals = rollups.appraisals(in: year)
      let inYear = appraisals.periods
      // Employees' yearly means and last ratings, by agency.
      var yearly = [[Double]](repeating: [], count: agencies)
      var rated = [Int](repeating: 0, count: agencies)
      var best = [Int](repeating: 0, count: agencies)
      var periodSums = [[Double]](repeating: [Double](repeating: 0, count: inYear.count), count: agencies)
      var periodCounts = [[Int]](repeating: [Int](repeating: 0, count: inYear.count), count: agencies)
      for employee in 0..<performance.employees {
        let agency = Int(roster.agency[employee])
        for (position, period) in inYear.enumerated() {
          let score = performance.scores[period][employee]
          if !score.isNaN {
            periodSums[agency][position] += score
            periodCounts[agency][position] += 1
          }
        }
        if !appraisals.meanScore[employee].isNaN { yearly[agency].append(appraisals.meanScore[employee]) }
        let lastRating = appraisals.lastRating[employee]
        if lastRating != 0 {
          rated[agency] += 1
          if lastRating == Rating.sangatBaik.rawValue { best[agency] += 1 }
        }
      }
      var values = [[RankingComponent: Double]](repeating: [:], count: agencies)
      var means = [Double?](repeating: nil, count: agencies)
      var variances = [Double?](repeating: nil, count: agencies)
      for agency in 0..<agencies where employeesPerAgency[agency] >= minGroup && yearly[agency].count >= 2 {
        let sample = SampleMoments(yearly[agency])
        means[agency] = sample.mean
        variances[agency] =
          max(sample.standardDeviation * sample.standardDeviation, 1e-12) / Double(yearly[agency].count)
        let points = inYear.indices.filter { periodCounts[agency][$0] > 0 }
        if points.count >= 3,
          let slope = SeriesTrend(
            x: points.map(Double.init),
            y: points.map { periodSums[agency][$0] / Double(periodCounts[agency][$0]) }
          ).leastSquares?.slope
        {
          values[agency][.improvement] = slope
        }
        if let share = coverageByKey["\(roster.agencies[Int32(agency)])|\(year)"] ?? nil {
          values[agency][.coverage] = share
        }
      }
      let eligible = (0..<agencies).filter { means[$0] != nil }
      var shrunk: [Int: (mean: Double, sd: Double)] = [:]
      if !eligible.isEmpty {
        let bayes = EmpiricalBayes(
          means: eligible.map { means[$0]! }, variances: eligible.map { variances[$0]! })
        for (position, agency) in eligible.enumerated() {
          shrunk[agency] = (bayes.shrunken[position], bayes.posteriorSD[position])
          values[agency][.performance] = bayes.shrunken[position]
        }
      }
      if let survey = rollups.surveyTotals {
        for (agency, ikm) in Self.ikmByAgency(survey, roster: roster, year: year)
        where means[agency] != nil {
          values[agency][.ikm] = ikm
        }
      }
      if let participations {
        var changes = [[Double]](repeating: [], count: agencies)
        for pair in trainingPairs where participations.endDate[pair.participation].components.year == year {
          changes[Int(roster.agency[Int(participations.employee[pair.participation])])].append(
            pair.post - pair.pre)
        }
        for agency in eligible where changes[agency].count >= minGroup {
          values[agency][.trainingEffect] = changes[agency].reduce(0, +) / Double(changes[agency].count)
        }
      }
      // z-scores across agencies, then the weighted composite.
      var zScores = [[RankingComponent: Double]](repeating: [:], count: agencies)
      for component in RankingComponent.allCases {
        let present = eligible.filter { values[$0][component] != nil }
        guard let scores = standardScores(present.map { values[$0][component]! }) else { continue }
        for (agency, score) in zip(present, scores) { zScores[agency][component] = score }
      }
      var composites = [Double?](repeating: nil, count: agencies)
      for agency in eligible {
        // Summed in component order, so the composite is the same bits on every run.
        let used = RankingComponent.allCases.filter {
          zScores[agency][$0] != nil && weights[$0, default: 0] > 0
        }
        let weightSum = used.reduce(0) { $0 + weights[$1]! }
        guard weightSum > 0 else { continue }
        composites[agency] = used.reduce(0) { $0 + weights[$1]! * zScores[agency][$1]! } / weightSum
      }
      let ranked = eligible.filter { composites[$0] != nil }
      let ranks = competitionRanks(ranked.map { composites[$0]! })
      var rankOf: [Int32: Int] = [:]
      for (position, agency) in ranked.enumerated() { rankOf[Int32(agency)] = ranks[position] }
      for agency in 0..<agencies where !yearly[agency].isEmpty {
        let id = Int32(agency)
        let small = employeesPerAgency[agency] < minGroup
        let share = rated[agency] > 0 && !small ? Double(best[agency]) / Double(rated[agency]) : nil
        let name = roster.agencyNames[agency]
        rows.append(
          RankingRow(
            agencyCode: roster.agencies[id], agencyName: name.isEmpty ? roster.agencies[id] : name,
            year: year,
            employees: employeesPerAgency[agency], values: values[agency], zScores: zScores[agency],
            meanScore: means[agency], shrunkenMean: shrunk[agency]?.mean,
            shrunkenLow: shrunk[agency].map { $0.mean - Self.z95 * $0.sd },
            shrunkenHigh: shrunk[agency].map { $0.mean + Self.z95 * $0.sd },
            composite: composites[agency],
            rank: rankOf[id], rankChange: rankOf[id].flatMap { rank in previousRanks[id].map { $0 - rank } },
            smallAgency: small, shareSangatBaik: share, ratingInflation: (share ?? 0) > Self.inflationShare))
      }
      previousRanks = rankOf
    }
    return rows.sorted {
      ($0.year, $0.rank ?? Int.max, $0.agencyCode) < ($1.year, $1.rank ?? Int.max, $1.agencyCode)
    }
  }

  /// Each agency's IKM over the year's survey responses (agencies matched by code).
  private static func ikmByAgency(_ survey: SurveyTotals, roster: EmployeeRoster, year: Int) -> [Int: Double] {
    var byAgency: [Int: Double] = [:]
    for (code, entry) in survey.agencyAnswers(in: year) {
      guard let agency = roster.agencies.id(of: code) else { continue }
      let means = entry.elementMeans
      guard means.allSatisfy({ $0 != nil }) else { continue }
      byAgency[Int(agency)] = IKM.index(elementMeans: means.map { $0! })
    }
    return byAgency
  }
}
