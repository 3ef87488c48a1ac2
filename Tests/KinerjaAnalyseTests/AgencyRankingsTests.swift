import KinerjaAnalyse
import KinerjaClean
import KinerjaIngest
import KinerjaTestSupport
import Testing

@Suite struct AgencyRankingsTests {
  /// Agencies with `sizes[i]` employees whose scores in every month of 2024 are `levels[i]`
  /// plus a fixed spread of ±4 between employees.
  func data(sizes: [Int], levels: [Double]) throws -> (EmployeeRoster, PerformancePanel) {
    let directory = TemporaryDirectory()
    var employees = "nip,agency_code,region\n"
    var performance = "nip,period,score,rating\n"
    var serial = 0
    for (agency, size) in sizes.enumerated() {
      for member in 0..<size {
        serial += 1
        let nip = String(format: "198001012005011%03d", serial)
        employees += "\(nip),AG\(agency),R\n"
        let score =
          levels[agency] + (member % 2 == 0 ? 4 : -4) + (member == size - 1 && size % 2 == 1 ? 4 : 0)
        for month in 1...6 {
          performance += "\(nip),2024-0\(month),\(score + 0.1 * Double(month) * Double(agency)),Baik\n"
        }
      }
    }
    var rejects = DiscardRejects()
    let roster = try EmployeeCleaner().clean(
      InputReader(kind: .employees, path: directory.write("e.csv", employees)), rejects: &rejects
    ).roster
    let panel = try PerformanceCleaner(grain: .month).clean(
      InputReader(kind: .performance, path: directory.write("p.csv", performance)), roster: roster,
      rejects: &rejects
    ).panel
    return (roster, panel)
  }

  func ranks(_ rows: [RankingRow]) -> [String: Int] {
    Dictionary(uniqueKeysWithValues: rows.compactMap { row in row.rank.map { (row.agencyCode, $0) } })
  }

  @Test func aThreeEmployeeAgencyDoesNotTopOnALuckyMean() throws {
    let (roster, panel) = try data(sizes: [3, 20, 20, 20, 20, 20], levels: [90.5, 85, 86, 87, 88, 91])
    let rankings = AgencyRankings(weights: [.performance: 1], minGroup: 2)
    let rows = rankings.rows(
      roster: roster, performance: panel, responses: nil, coverage: [], trainingPairs: [], participations: nil
    )
    let small = try #require(rows.first { $0.agencyCode == "AG0" })
    let meanScore = try #require(small.meanScore)
    let shrunken = try #require(small.shrunkenMean)
    #expect(
      rows.allSatisfy { $0.agencyCode == "AG0" || ($0.meanScore ?? 0) < meanScore },
      "its raw mean is the highest")
    #expect(shrunken < meanScore)
    #expect(ranks(rows)["AG0"] != 1, "shrunk, it does not top the ranking")
    #expect(ranks(rows)["AG5"] == 1)
    let high = try #require(small.shrunkenHigh)
    let low = try #require(small.shrunkenLow)
    #expect(high > shrunken && low < shrunken)
  }

  @Test func weightsAreNormalisedAndTiesShareARank() throws {
    let (roster, panel) = try data(sizes: [10, 10, 10, 10], levels: [85, 88, 88, 90])
    let unnormalised = AgencyRankings(weights: [.performance: 3, .improvement: 3], minGroup: 5)
    let normalised = AgencyRankings(weights: [.performance: 0.5, .improvement: 0.5], minGroup: 5)
    #expect(unnormalised.weights[.performance] == 0.5)
    let a = unnormalised.rows(
      roster: roster, performance: panel, responses: nil, coverage: [], trainingPairs: [], participations: nil
    )
    let b = normalised.rows(
      roster: roster, performance: panel, responses: nil, coverage: [], trainingPairs: [], participations: nil
    )
    #expect(a.map(\.composite) == b.map(\.composite))
    // A component no agency has ranks nobody: there is nothing to standardise.
    let unranked = AgencyRankings(weights: [.coverage: 1, .performance: 0], minGroup: 5).rows(
      roster: roster, performance: panel, responses: nil, coverage: [], trainingPairs: [], participations: nil
    )
    #expect(unranked.allSatisfy { $0.rank == nil }, "no agency has coverage, so none is ranked")
    #expect(competitionRanks([0.5, 0.2, 0.5, -1]) == [1, 3, 1, 4])
  }
}
