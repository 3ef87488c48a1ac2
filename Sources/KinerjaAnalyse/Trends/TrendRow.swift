package import KinerjaAggregate
import KinerjaClean
package import KinerjaIngest

/// One row of the `trends` output: a group's appraisals in one period.
package struct TrendRow: Sendable, Equatable {
  package var level: Dimension
  package var group: EmployeeGrouping.Label
  package var period: Period
  /// Employees with any appraisal in the period.
  package var employees: Int
  /// Employees with a score.
  package var scored: Int
  package var mean: Double?
  package var standardDeviation: Double?
  package var median: Double?
  package var p10: Double?
  package var p90: Double?
  /// Employees with a rating.
  package var rated: Int
  /// Share of rated employees with each rating, best first (Sangat Baik … Sangat Kurang).
  package var ratingShares: [Double?]
  /// Whether statistics were withheld because the group is smaller than `min_group`.
  package var suppressed: Bool
}

/// Turns group samples into trend rows, withholding statistics of small groups.
package struct TrendStatistics: Sendable {
  /// Groups with fewer employees than this keep their counts but not their statistics.
  package var minGroup: Int
  /// The panel's first period, to name each sample's period.
  package var firstPeriod: Period

  package init(minGroup: Int, firstPeriod: Period) {
    self.minGroup = minGroup
    self.firstPeriod = firstPeriod
  }

  /// The trend row for `sample` of `grouping`.
  ///
  /// A group below `min_group` employees is suppressed whole; otherwise score
  /// statistics need `min_group` scores and rating shares `min_group` ratings.
  package func row(for sample: GroupSample, of grouping: EmployeeGrouping) -> TrendRow {
    let moments = SampleMoments(UnsafeBufferPointer(sample.scores))
    var order = OrderStatistics(sample.scores)
    let quantiles = order.quantiles([0.1, 0.5, 0.9])
    let scored = sample.scores.count
    let groupTooSmall = sample.employees < minGroup
    let showScores = !groupTooSmall && scored >= minGroup
    let showShares = !groupTooSmall && sample.rated >= minGroup
    func shown(_ value: Double) -> Double? { showScores && value.isFinite ? value : nil }
    let shares: [Double?] = Rating.allCases.reversed().map { rating in
      showShares ? Double(sample.ratingCounts[Int(rating.rawValue)]) / Double(sample.rated) : nil
    }
    return TrendRow(
      level: grouping.level,
      group: grouping.labels[Int(sample.group)],
      period: Period(grain: firstPeriod.grain, index: firstPeriod.index + Int32(sample.periodOffset)),
      employees: sample.employees,
      scored: scored,
      mean: shown(moments.mean),
      standardDeviation: shown(moments.standardDeviation),
      median: shown(quantiles[1]),
      p10: shown(quantiles[0]),
      p90: shown(quantiles[2]),
      rated: sample.rated,
      ratingShares: shares,
      suppressed: groupTooSmall || (scored > 0 && !showScores) || (sample.rated > 0 && !showShares))
  }
}

extension TrendRow {
  /// Output order: by level, then group key (then agency), then period.
  package static func outputOrder(_ lhs: TrendRow, _ rhs: TrendRow) -> Bool {
    let levels = Dimension.rosterLevels
    let left = levels.firstIndex(of: lhs.level)!
    let right = levels.firstIndex(of: rhs.level)!
    if left != right { return left < right }
    if lhs.group.key != rhs.group.key {
      return lhs.group.key.utf8.lexicographicallyPrecedes(rhs.group.key.utf8)
    }
    if lhs.group.agencyCode != rhs.group.agencyCode {
      return lhs.group.agencyCode.utf8.lexicographicallyPrecedes(rhs.group.agencyCode.utf8)
    }
    return lhs.period < rhs.period
  }
}
