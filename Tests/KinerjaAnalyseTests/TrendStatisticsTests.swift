import KinerjaAggregate
import KinerjaAnalyse
import KinerjaClean
import KinerjaIngest
import Testing

@Suite struct TrendStatisticsTests {
  let grouping = EmployeeGrouping(level: .nation, roster: EmployeeRoster())

  func row(scores: [Double], ratings: [Int], employees: Int, minGroup: Int = 5) -> TrendRow {
    let statistics = TrendStatistics(minGroup: minGroup, firstPeriod: .month(1, of: 2024))
    var values = scores
    return values.withUnsafeMutableBufferPointer { buffer in
      statistics.row(
        for: GroupSample(
          group: 0, periodOffset: 2, employees: employees, scores: buffer, ratingCounts: ratings),
        of: grouping)
    }
  }

  @Test func sharesAndPeriod() {
    let trend = row(scores: [80, 85, 90, 95, 100], ratings: [0, 0, 1, 1, 2, 1], employees: 5)
    #expect(trend.period.description == "2024-03")
    #expect(trend.mean == 90)
    #expect(trend.ratingShares == [0.2, 0.4, 0.2, 0.2, 0.0], "best first: Sangat Baik … Sangat Kurang")
    #expect(!trend.suppressed)
  }

  @Test func smallGroupsKeepCountsButNotStatistics() {
    let trend = row(scores: [80, 85, 90, 95], ratings: [0, 0, 0, 1, 3, 0], employees: 4)
    #expect(trend.employees == 4 && trend.scored == 4 && trend.rated == 4)
    #expect(trend.mean == nil && trend.median == nil && trend.p90 == nil)
    #expect(trend.ratingShares.allSatisfy { $0 == nil })
    #expect(trend.suppressed)
  }

  @Test func fewScoresWithinALargeGroupAreSuppressed() {
    let trend = row(scores: [80, 85], ratings: [0, 0, 0, 2, 4, 0], employees: 6)
    #expect(trend.mean == nil)
    #expect(trend.ratingShares[1] == 4.0 / 6.0)
    #expect(trend.suppressed)
  }
}
