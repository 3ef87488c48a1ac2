import KinerjaAnalyse
import KinerjaClean
import KinerjaIngest
import KinerjaTestSupport
import Testing

@Suite struct TrainingCoverageTests {
  @Test func jpCountOnlyForCompletedTrainingAndSpendForAll() throws {
    let directory = TemporaryDirectory()
    let nips = (1...6).map { "19800101200501100\($0)" }
    var employees = "nip,agency_code,region\n"
    for (index, nip) in nips.enumerated() { employees += "\(nip),\(index < 5 ? "A" : "B"),R\n" }
    let training = """
      nip,program_id,method,start_date,end_date,hours_jp,cost_idr,status
      \(nips[0]),P1,seminar,2024-02-01,2024-02-01,12,Rp 1.000.000,completed
      \(nips[0]),P2,seminar,2024-09-01,2024-09-01,10,Rp 500.000,completed
      \(nips[1]),P3,klasikal,2024-03-01,2024-03-05,20,Rp 4.000.000,lulus
      \(nips[2]),P3,klasikal,2024-03-01,2024-03-05,40,Rp 4.000.000,gugur
      \(nips[3]),P4,daring,2023-12-20,2024-01-03,30,Rp 300.000,completed
      \(nips[5]),P4,daring,2023-12-01,2023-12-20,30,Rp 300.000,completed

      """
    var rejects = DiscardRejects()
    let roster = try EmployeeCleaner().clean(
      InputReader(kind: .employees, path: directory.write("e.csv", employees)), rejects: &rejects
    ).table
    let participations = try TrainingCleaner().clean(
      InputReader(kind: .training, path: directory.write("t.csv", training)), roster: roster,
      rejects: &rejects
    ).table
    let rows = CoverageRow.rows(
      roster: roster, participations: participations, years: [2023, 2024], minGroup: 5)
    #expect(rows.map { "\($0.agencyCode) \($0.year)" } == ["A 2023", "A 2024", "B 2023", "B 2024"])
    let a2024 = rows[1]
    #expect(a2024.employees == 5)
    #expect(a2024.trainedEmployees == 3, "employees 1, 2 and 4 (whose training ended in January)")
    #expect(a2024.totalJP == 12 + 10 + 20 + 30)
    #expect(a2024.shareWith20JP == 3.0 / 5, "22, exactly 20, and 30 JP reach the rule; the dropout does not")
    #expect(a2024.spend == 1_000_000 + 500_000 + 4_000_000 + 4_000_000 + 300_000)
    #expect(a2024.spendPerEmployee == 9_800_000.0 / 5)
    #expect(rows[0].trainedEmployees == 0 && rows[0].spend == 0)
    #expect(
      rows[2].suppressed && rows[2].shareWith20JP == nil && rows[2].trainedEmployees == 1,
      "agency B has one employee")
  }
}
