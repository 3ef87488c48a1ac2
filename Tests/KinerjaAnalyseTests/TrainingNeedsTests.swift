import KinerjaAggregate
import KinerjaAnalyse
import KinerjaClean
import KinerjaIngest
import KinerjaTestSupport
import Testing

@Suite struct TrainingNeedsTests {
  /// Sector "lemah": rated Butuh Perbaikan, no training, scores falling; "kuat": Baik, 24 JP, rising;
  /// "sedang" in between. The weak sector needs training most.
  ///
  /// Shares below Baik 1, 0, 0 (lemah, sedang, kuat): mean 1/3, sd 1/√3, z = 2/√3, −1/√3, −1/√3.
  /// Shares below 20 JP 1, 1, 0 (12 JP is short): z = 1/√3, 1/√3, −2/√3. Trends −0.5, 0, 0.5:
  /// z = −1, 0, 1. need = z₁ + z₂ − z₃ = √3 + 1, 0, −(√3 + 1) = 2.732, 0, −2.732; with the
  /// trend's sign flipped it would be 0.732, 0, −0.732 in the same order.
  @Test func theWeakestSectorComesFirst() throws {
    let directory = TemporaryDirectory()
    var employees = "nip,agency_code,region,sector\n"
    var performance = "nip,period,score,rating\n"
    var training = "nip,program_id,method,start_date,end_date,hours_jp,status\n"
    let sectors = [
      ("lemah", -0.5, "Butuh Perbaikan", 0), ("sedang", 0.0, "Baik", 12), ("kuat", 0.5, "Baik", 24),
    ]
    var serial = 0
    for (sector, slope, rating, hours) in sectors {
      for _ in 0..<6 {
        serial += 1
        let nip = String(format: "198001012005011%03d", serial)
        employees += "\(nip),A\(serial % 2),R,\(sector)\n"
        for month in 1...6 {
          performance +=
            "\(nip),2024-0\(month),\(85 + slope * Double(month) + Double(serial % 3)),\(rating)\n"
        }
        if hours > 0 { training += "\(nip),P1,seminar,2024-03-01,2024-03-02,\(hours),completed\n" }
      }
    }
    var rejects = DiscardRejects()
    let roster = try EmployeeCleaner().clean(
      InputReader(kind: .employees, path: directory.write("e.csv", employees)), rejects: &rejects
    ).table
    let panel = try PerformanceCleaner(grain: .month).clean(
      InputReader(kind: .performance, path: directory.write("p.csv", performance)), roster: roster,
      rejects: &rejects
    ).table
    let participations = try TrainingCleaner().clean(
      InputReader(kind: .training, path: directory.write("t.csv", training)), roster: roster,
      rejects: &rejects
    ).table
    let statistics = TrendStatistics(minGroup: 5, firstPeriod: panel.firstPeriod!)
    let trends = TrendAggregator(panel: panel, groupings: [EmployeeGrouping(level: .sector, roster: roster)])
      .summarise(threads: 1) { statistics.row(for: $1, of: $0) }.sorted(by: TrendRow.outputOrder)
    let rows = TrainingNeedRow.rows(
      roster: roster, performance: panel, participations: participations,
      trendTests: TrendTestRow.rows(from: trends),
      minGroup: 5)
    let sectorRows = rows.filter { $0.level == "sector" }
    #expect(sectorRows.map(\.group) == ["lemah", "sedang", "kuat"])
    #expect(sectorRows.map(\.priority) == [1, 2, 3])
    #expect(sectorRows[0].shareBelowBaik == 1 && sectorRows[0].shareBelow20JP == 1)
    #expect(sectorRows[2].shareBelowBaik == 0 && sectorRows[2].shareBelow20JP == 0)
    #expect(sectorRows.map(\.employees) == [6, 6, 6] && sectorRows.allSatisfy { $0.year == 2024 && !$0.suppressed })
    #expect(sectorRows.map(\.shareBelowBaik) == [1, 0, 0])
    #expect(sectorRows.map(\.shareBelow20JP) == [1, 1, 0])
    for (row, trend) in zip(sectorRows, [-0.5, 0, 0.5]) {
      #expect(agrees(row.trend, trend, zeroFloor: 1e-12), "\(row.group) trend")
    }
    let root3 = 3.0.squareRoot()
    for (row, need) in zip(sectorRows, [root3 + 1, 0, -(root3 + 1)]) {
      #expect(agrees(row.need, need, zeroFloor: 1e-12), "\(row.group) need \(row.need ?? .nan)")
    }
    // Agencies A0 and A1 hold 3 employees of each sector: 3 of 9 below Baik, 6 of 9 below 20 JP.
    let agencyRows = rows.filter { $0.level == "agency" }
    #expect(agencyRows.count == 2)
    #expect(agencyRows.allSatisfy { $0.employees == 9 && $0.shareBelowBaik == 3.0 / 9 && $0.shareBelow20JP == 6.0 / 9 })
  }
}
