package import KinerjaAggregate
package import KinerjaIngest

/// One row of `trend_tests`: the trend of one group's mean score over the periods.
package struct TrendTestRow: Sendable {
  package var level: Dimension
  package var group: EmployeeGrouping.Label
  /// Periods with a shown mean (suppressed periods are left out).
  package var periods: Int
  package var firstPeriod: Period?
  package var lastPeriod: Period?
  package var trend: SeriesTrend
  /// The last period's mean, the mean of the same period a year earlier, and the change.
  package var lastMean: Double?
  package var yearEarlierMean: Double?
  package var changeFromYearEarlier: Double?
  /// Whether some of the group's periods were suppressed.
  package var suppressed: Bool

  /// The trend tests of every group in `rows` (as the trends output orders them).
  package static func rows(from trends: [TrendRow]) -> [TrendTestRow] {
    var result: [TrendTestRow] = []
    var start = 0
    while start < trends.count {
      var end = start + 1
      while end < trends.count && trends[end].level == trends[start].level
        && trends[end].group == trends[start].group
      {
        end += 1
      }
      result.append(row(Array(trends[start..<end])))
      start = end
    }
    return result
  }

  private static func row(_ series: [TrendRow]) -> TrendTestRow {
    let shown = series.filter { $0.mean != nil }
    let first = shown.first?.period
    let x = shown.map { Double($0.period.index - (first?.index ?? 0)) }
    let y = shown.map { $0.mean! }
    let last = shown.last
    let yearEarlier = last.flatMap { last in
      shown.first { $0.period.index == last.period.index - Int32(last.period.grain.periodsPerYear) }
    }
    return TrendTestRow(
      level: series[0].level, group: series[0].group, periods: shown.count, firstPeriod: first,
      lastPeriod: last?.period, trend: SeriesTrend(x: x, y: y), lastMean: last?.mean,
      yearEarlierMean: yearEarlier?.mean,
      changeFromYearEarlier: yearEarlier.flatMap { earlier in last?.mean.map { $0 - earlier.mean! } },
      suppressed: series.contains(where: \.suppressed))
  }
}
