import KinerjaClean
import KinerjaIngest
import KinerjaTestSupport
import Testing

@Suite struct DuplicateAndRollUpTests {
  @Test func laterEmployeeRowWins() throws {
    let directory = TemporaryDirectory()
    let nip = Fixture.nips[0]
    let text = """
      nip;nama;kode_opd;wilayah;golongan
      \(nip);Nama Lama;A1;Kota Ambon;II/a
      \(Fixture.nips[1]);Dua;A1;Kota Ambon;II/b
      \(nip);Nama Baru;B2;Provinsi Lampung;III/c

      """
    var rejects = CollectedRejects()
    let input = try InputReader(kind: .employees, path: directory.write("e.csv", text))
    let cleaned = try EmployeeCleaner().clean(input, rejects: &rejects)
    let (roster, tally) = (cleaned.table, cleaned.tally)
    #expect(roster.count == 2)
    let index = try #require(roster.index(of: NIP(rawValue: UInt64(nip)!)))
    #expect(roster.agencies[roster.agency[Int(index)]] == "B2")
    #expect(roster.grade[Int(index)]?.description == "III/c")
    #expect(rejects.entries == [.init(input: .employees, line: 2, reason: .duplicateEmployee, column: "nip")])
    #expect(tally.accepted == 2 && tally.rowsRead == 3)
    expectBalanced(tally, rejects, input: .employees)
  }

  @Test func laterAppraisalForThePeriodWins() throws {
    let directory = TemporaryDirectory()
    let roster = try Fixture.roster(directory)
    let nip = Fixture.nips[0]
    let text = """
      nip;periode;nilai
      \(nip);Maret 2024;80
      \(nip);April 2024;85
      \(nip);03/2024;90,5

      """
    var rejects = CollectedRejects()
    let input = try InputReader(kind: .performance, path: directory.write("p.csv", text))
    let cleaned = try PerformanceCleaner(grain: .month).clean(
      input, roster: roster, rejects: &rejects)
    let (panel, tally) = (cleaned.table, cleaned.tally)
    #expect(
      rejects.entries == [.init(input: .performance, line: 2, reason: .duplicatePeriod, column: "period")])
    #expect(panel.periods.map(\.description) == ["2024-03", "2024-04"])
    #expect(panel.scores[0][0] == 90.5)
    #expect(panel.scores[1][0] == 85)
    expectBalanced(tally, rejects, input: .performance)
  }

  @Test func monthsRollUpToQuartersAndCoarserRowsAreRejected() throws {
    let directory = TemporaryDirectory()
    let roster = try Fixture.roster(directory)
    let (first, second) = (Fixture.nips[0], Fixture.nips[1])
    let text = """
      nip,period,score,rating
      \(first),2024-01,80,Baik
      \(first),2024-02,90,Sangat Baik
      \(first),2024-03,,Butuh Perbaikan
      \(second),2024-Q1,70,Kurang
      \(second),2024-04,75,Baik
      \(second),2024,75,Baik

      """
    var rejects = CollectedRejects()
    let input = try InputReader(kind: .performance, path: directory.write("p.csv", text))
    let cleaned = try PerformanceCleaner(grain: .quarter).clean(
      input, roster: roster, rejects: &rejects)
    let (panel, tally) = (cleaned.table, cleaned.tally)
    #expect(panel.periods.map(\.description) == ["2024-Q1", "2024-Q2"])
    #expect(panel.scores[0][0] == 85, "mean of the two scored months")
    #expect(panel.ratings[0][0] == Rating.butuhPerbaikan.rawValue, "the latest month's rating")
    #expect(panel.scores[0][1] == 70)
    #expect(panel.scores[1][1] == 75)
    #expect(panel.scores[0][2].isNaN)
    #expect(rejects.entries.map(\.reason) == [.periodCoarserThanGrain])
    expectBalanced(tally, rejects, input: .performance)
  }

  /// Rolled up to the year, the rating is that of the appraisal ending last; of a month and
  /// a quarter ending together, the month's. A quarter ending after a month is later.
  @Test func rolledUpRatingIsTheLatestAppraisals() throws {
    let directory = TemporaryDirectory()
    let roster = try Fixture.roster(directory)
    let (first, second) = (Fixture.nips[0], Fixture.nips[1])
    let text = """
      nip,period,rating
      \(first),2024-12,Sangat Baik
      \(first),2024-Q4,Kurang
      \(first),2024,Butuh Perbaikan
      \(second),2024-Q1,Baik
      \(second),2024-02,Kurang

      """
    var rejects = CollectedRejects()
    let input = try InputReader(kind: .performance, path: directory.write("p.csv", text))
    let panel = try PerformanceCleaner(grain: .year).clean(input, roster: roster, rejects: &rejects).table
    #expect(
      panel.ratings[0][0] == Rating.sangatBaik.rawValue,
      "December over Q4 and the year, all ending in December")
    #expect(panel.ratings[0][1] == Rating.baik.rawValue, "Q1 ends in March, after February")
    #expect(rejects.entries.isEmpty)
  }

  @Test func ratingFollowsTheResultsAndBehaviourMatrix() throws {
    let directory = TemporaryDirectory()
    let roster = try Fixture.roster(directory)
    let nip = Fixture.nips[0]
    let words = ["Di Atas Ekspektasi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi"]
    var lines = ["nip,period,rating_hasil_kerja,rating_perilaku"]
    for (row, results) in words.enumerated() {
      for (column, behaviour) in words.enumerated() {
        lines.append("\(nip),2024-\(String(format: "%02d", row * 3 + column + 1)),\(results),\(behaviour)")
      }
    }
    var rejects = CollectedRejects()
    let input = try InputReader(
      kind: .performance, path: directory.write("p.csv", lines.joined(separator: "\n")))
    let panel = try PerformanceCleaner(grain: .month).clean(input, roster: roster, rejects: &rejects).table
    let expected: [Rating] = [
      .sangatBaik, .baik, .kurang,
      .baik, .baik, .kurang,
      .butuhPerbaikan, .butuhPerbaikan, .sangatKurang,
    ]
    #expect(panel.ratings.map { $0[0] } == expected.map(\.rawValue))
    #expect(rejects.entries.isEmpty)
  }

  @Test func ratingFromTheExportWinsOverTheMatrix() throws {
    let directory = TemporaryDirectory()
    let roster = try Fixture.roster(directory)
    let text = "nip,period,predikat,hasil_kerja,perilaku_kerja\n\(Fixture.nips[0]),2024-01,Baik,1,1\n"
    var rejects = CollectedRejects()
    let input = try InputReader(kind: .performance, path: directory.write("p.csv", text))
    let panel = try PerformanceCleaner(grain: .month).clean(input, roster: roster, rejects: &rejects).table
    #expect(panel.ratings[0][0] == Rating.baik.rawValue)
  }

  @Test func rosterAttributesAreNormalised() throws {
    let directory = TemporaryDirectory()
    let roster = try Fixture.roster(directory)
    #expect(roster.grade.map { $0?.description } == ["III/a", "III/b", "IV/a"])
    #expect(roster.sectors.labels == ["kesehatan", "pendidikan"], "sector case is folded")
    #expect(roster.gender.map(\.description) == ["L", "P", "L"], "gender from the NIP")
    #expect(roster.birthDate[1].description == "1985-02-02", "birth date from the NIP")
  }
}
