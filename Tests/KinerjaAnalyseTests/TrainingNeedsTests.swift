import KinerjaAggregate
import KinerjaAnalyse
import KinerjaClean
import KinerjaIngest
import KinerjaTestSupport
import Testing

@Suite struct TrainingNeedsTests {
  /// Sector "lemah": rated Butuh Perbaikan, no training, scores falling; "kuat": Baik, 24 JP, rising;
  /// "sedang" in between. The weak sector needs training most.
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
    ).roster
    let panel = try PerformanceCleaner(grain: .month).clean(
      InputReader(kind: .performance, path: directory.write("p.csv", performance)), roster: roster,
      rejects: &rejects
    ).panel
    let participations = try TrainingCleaner().clean(
      InputReader(kind: .training, path: directory.write("t.csv", training)), roster: roster,
      rejects: &rejects
    ).participations
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
    #expect(abs(sectorRows[0].trend! + 0.5) < 1e-9)
    #expect(rows.filter { $0.level == "agency" }.count == 2)
  }
}
