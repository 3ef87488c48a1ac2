import KinerjaAggregate
import KinerjaAnalyse
import KinerjaClean
import KinerjaIngest
import Testing

/// `trend_tests`' `last_mean`, `year_earlier_mean` and `change_from_year_earlier`: the last
/// shown period against the same period one year before it, at each grain.
@Suite struct YearEarlierChangeTests {
  let grouping = EmployeeGrouping(level: .nation, roster: EmployeeRoster())

  /// One group's trend rows from `first` on: a mean per period, `nil` for a period whose
  /// group is too small to show (three employees against `min_group` 5).
  func series(from first: Period, means: [Double?]) -> [TrendRow] {
    let statistics = TrendStatistics(minGroup: 5, firstPeriod: first)
    return means.enumerated().map { offset, mean in
      var scores: [Double] = mean.map { [$0 - 2, $0 - 1, $0, $0 + 1, $0 + 2] } ?? [70, 71, 72]
      return scores.withUnsafeMutableBufferPointer { buffer in
        statistics.row(
          for: GroupSample(
            group: 0, periodOffset: offset, employees: buffer.count, scores: buffer,
            ratingCounts: [0, 0, 0, 0, 0, 0]),
          of: grouping)
      }
    }
  }

  func testRow(_ rows: [TrendRow]) throws -> TrendTestRow {
    let tested = TrendTestRow.rows(from: rows)
    #expect(tested.count == 1)
    return try #require(tested.first)
  }

  @Test func monthsCompareWithTheSameMonthOfThePreviousYear() throws {
    // 2023-01 … 2024-06: the mean climbs 0.5 a month, so 2024-06 is 6 above 2023-06.
    let rows = series(from: .month(1, of: 2023), means: (0..<18).map { 70 + 0.5 * Double($0) })
    let row = try testRow(rows)
    #expect(row.lastPeriod == .month(6, of: 2024))
    #expect(row.lastMean == 78.5)
    #expect(row.yearEarlierMean == 72.5)
    #expect(row.changeFromYearEarlier == 6)
  }

  @Test func quartersCompareFourPeriodsBack() throws {
    let rows = series(from: .quarter(1, of: 2023), means: [60, 62, 64, 66, 61, 69])
    let row = try testRow(rows)
    #expect(row.lastPeriod == .quarter(2, of: 2024))
    #expect(row.yearEarlierMean == 62, "2023-Q2, not 2023-Q1 or 2023-Q3")
    #expect(row.changeFromYearEarlier == 7)
  }

  @Test func yearsCompareWithThePreviousYear() throws {
    let row = try testRow(series(from: .year(2022), means: [80, 83, 79]))
    #expect(row.yearEarlierMean == 83 && row.changeFromYearEarlier == -4, "a fall is negative")
  }

  @Test func aSuppressedYearEarlierLeavesTheChangeEmpty() throws {
    var means: [Double?] = (0..<18).map { 70 + Double($0) }
    means[5] = nil  // 2023-06 withheld
    let row = try testRow(series(from: .month(1, of: 2023), means: means))
    #expect(row.lastMean == 87)
    #expect(row.yearEarlierMean == nil && row.changeFromYearEarlier == nil)
    #expect(row.suppressed)
  }

  /// A withheld last period is not compared: the last shown period is, with its own year earlier.
  @Test func aSuppressedLastPeriodFallsBackToTheLastShownOne() throws {
    var means: [Double?] = (0..<18).map { 70 + Double($0) }
    means[17] = nil  // 2024-06 withheld
    let row = try testRow(series(from: .month(1, of: 2023), means: means))
    #expect(row.lastPeriod == .month(5, of: 2024))
    #expect(row.lastMean == 86 && row.yearEarlierMean == 74 && row.changeFromYearEarlier == 12)
  }

  @Test func lessThanAYearOfPeriodsHasNoYearEarlier() throws {
    let row = try testRow(series(from: .month(1, of: 2024), means: (0..<12).map { 70 + Double($0) }))
    #expect(row.lastMean == 81)
    #expect(row.yearEarlierMean == nil && row.changeFromYearEarlier == nil, "2023-12 is not in the data")
  }
}
