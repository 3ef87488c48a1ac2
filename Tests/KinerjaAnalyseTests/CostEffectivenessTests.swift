import KinerjaAnalyse
import KinerjaClean
import KinerjaIngest
import KinerjaTestSupport
import Testing

@Suite struct CostEffectivenessTests {
  func participations() throws -> ParticipationTable {
    let directory = TemporaryDirectory()
    let nips = (1...4).map { "19800101200501100\($0)" }
    var employees = "nip,agency_code,region\n"
    for nip in nips { employees += "\(nip),A,R\n" }
    let training = """
      nip,program_id,program_name,method,start_date,end_date,hours_jp,cost_idr,status
      \(nips[0]),P1,Kelas Kinerja,klasikal,2024-02-01,2024-02-05,40,Rp 4.000.000,completed
      \(nips[1]),P1,Kelas Kinerja,klasikal,2024-02-01,2024-02-05,40,Rp 5.000.000,completed
      \(nips[2]),P1,Kelas Kinerja,klasikal,2024-02-01,2024-02-05,40,Rp 3.000.000,gugur
      \(nips[3]),P2,Seminar,seminar,2024-03-01,2024-03-01,8,Rp 600.000,completed

      """
    var rejects = DiscardRejects()
    let roster = try EmployeeCleaner().clean(
      InputReader(kind: .employees, path: directory.write("e.csv", employees)), rejects: &rejects
    ).table
    return try TrainingCleaner().clean(
      InputReader(kind: .training, path: directory.write("t.csv", training)), roster: roster,
      rejects: &rejects
    ).table
  }

  @Test func costsPerParticipantJPAndPoint() throws {
    let table = try participations()
    let p1 = try #require(table.programs.id(of: "P1"))
    let rows = CostEffectivenessRow.rows(
      participations: table, programEffects: [p1: EffectEstimate(att: 2.5, low: 1, high: 4, treated: 40)],
      methodEffects: [.seminar: EffectEstimate(att: 0.4, low: -0.2, high: 1, treated: 30)])
    #expect(
      rows.map { "\($0.by) \($0.value)" } == [
        "program P1", "program P2", "method pelatihan", "method seminar",
      ])
    let program = rows[0]
    #expect(program.name == "Kelas Kinerja")
    #expect(program.participants == 3 && program.completed == 2)
    #expect(program.totalCost == 12_000_000, "the dropout's place was paid for too")
    #expect(program.costPerParticipant == 4_000_000)
    #expect(program.totalJP == 80 && program.costPerJP == 150_000)
    #expect(program.costPerPoint == 1_600_000, "4,000,000 per participant / 2.5 points")
    #expect(program.note == nil)
    #expect(
      rows[1].effect == nil && rows[1].costPerPoint == nil
        && rows[1].note?.contains("no DiD estimate") == true)
    #expect(rows[3].costPerPoint == nil && rows[3].note?.contains("CI includes 0") == true)
    let negative = CostEffectivenessRow.rows(
      participations: table, programEffects: [p1: EffectEstimate(att: -1, low: -2, high: -0.5, treated: 40)],
      methodEffects: [:])
    #expect(negative[0].costPerPoint == nil && negative[0].note == "the effect is negative")
  }
}
