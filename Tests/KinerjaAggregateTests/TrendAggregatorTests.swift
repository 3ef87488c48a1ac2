import KinerjaAggregate
import KinerjaClean
import KinerjaIngest
import KinerjaTestSupport
import Testing

/// A roster of `count` employees spread over agencies, regions, units and grades.
func makeRoster(count: Int, seed: UInt64, directory: TemporaryDirectory) throws -> EmployeeRoster {
  var generator = SeededGenerator(seed: seed)
  var lines = ["nip,agency_code,region,unit,sector,grade,position_type"]
  let grades = ["II/a", "III/a", "III/b", "IV/a", ""]
  let positions = ["pelaksana", "fungsional", "pengawas", ""]
  for index in 0..<count {
    let nip = "19800101200501" + "1" + String(format: "%03d", index % 999 + 1)
    let birth = String(format: "%04d%02d%02d", 1970 + index / 999, 1 + index % 12, 1 + index % 28)
    let agency = Int.random(in: 0..<9, using: &generator)
    lines.append(
      "\(birth)\(nip.dropFirst(8)),AG\(agency),R\(agency % 3),U\(Int.random(in: 0..<3, using: &generator)),"
        + "S\(agency % 4),\(grades.randomElement(using: &generator)!),\(positions.randomElement(using: &generator)!)"
    )
  }
  var rejects = NoRejects()
  let input = try InputReader(kind: .employees, path: directory.write("e.csv", lines.joined(separator: "\n")))
  return try EmployeeCleaner().clean(input, rejects: &rejects).table
}

struct NoRejects: RejectRecorder {
  mutating func reject(_ record: CSVRecord, of input: InputReader, because rejection: Rejection) throws {
    Issue.record("unexpected reject on line \(record.line): \(rejection)")
  }
}

/// A summary that records every number the aggregator hands over, bit for bit.
struct Fingerprint: Equatable, Sendable {
  var level: Dimension
  var group: Int32
  var period: Int
  var employees: Int
  var scoreBits: [UInt64]
  var ratingCounts: [Int]
}

@Suite struct TrendAggregatorTests {
  /// Results are identical, in content and order, for 1, 2 and 8 threads.
  @Test(arguments: [1 as UInt64, 7, 2024])
  func sameResultsForEveryThreadCount(seed: UInt64) throws {
    let directory = TemporaryDirectory()
    let roster = try makeRoster(count: 3000, seed: seed, directory: directory)
    var generator = SeededGenerator(seed: seed &+ 1)
    let periods = 6
    let scores = (0..<periods).map { _ in
      (0..<roster.count).map { _ in
        Double.random(in: 0..<1, using: &generator) < 0.1
          ? .nan : Double.random(in: 40...120, using: &generator)
      }
    }
    let ratings = (0..<periods).map { _ in
      (0..<roster.count).map { _ in UInt8.random(in: 0...5, using: &generator) }
    }
    let panel = PerformancePanel(
      grain: .month, firstPeriod: .month(1, of: 2024), employees: roster.count, scores: scores,
      ratings: ratings)
    let aggregator = TrendAggregator(
      panel: panel, groupings: Dimension.rosterLevels.map { EmployeeGrouping(level: $0, roster: roster) })
    let results = [1, 2, 8].map { threads in
      aggregator.summarise(threads: threads) { grouping, sample in
        Fingerprint(
          level: grouping.level, group: sample.group, period: sample.periodOffset,
          employees: sample.employees,
          scoreBits: sample.scores.map(\.bitPattern), ratingCounts: sample.ratingCounts)
      }
    }
    #expect(results[0].count > Dimension.rosterLevels.count * periods, "seed \(seed)")
    #expect(results[0] == results[1], "seed \(seed): 1 vs 2 threads")
    #expect(results[0] == results[2], "seed \(seed): 1 vs 8 threads")
    // Every appraised employee is counted once per level and period.
    let nation = results[0].filter { $0.level == .nation }
    for period in 0..<periods {
      let appraised = (0..<roster.count).filter { !scores[period][$0].isNaN || ratings[period][$0] != 0 }
        .count
      #expect(nation.first { $0.period == period }?.employees == appraised)
    }
    // Samples arrive in employee order: the nation's first period is every score, in turn.
    let firstPeriod = try #require(nation.first { $0.period == 0 })
    #expect(firstPeriod.scoreBits == scores[0].filter { !$0.isNaN }.map(\.bitPattern))
  }

  @Test func unitsAreGroupedWithinTheirAgency() throws {
    let directory = TemporaryDirectory()
    let text = """
      nip,agency_code,region,unit
      198001012005011001,A,R,Sekretariat
      198001012005011002,B,R,Sekretariat
      198001012005011003,A,R,Sekretariat
      198001012005011004,A,R,

      """
    var rejects = NoRejects()
    let roster = try EmployeeCleaner().clean(
      InputReader(kind: .employees, path: directory.write("e.csv", text)), rejects: &rejects
    ).table
    let units = EmployeeGrouping(level: .unit, roster: roster)
    #expect(units.groupOfEmployee == [0, 1, 0, 2])
    #expect(units.labels.map(\.agencyCode) == ["A", "B", "A"])
    #expect(units.labels.map(\.key) == ["Sekretariat", "Sekretariat", EmployeeGrouping.missingKey])
    let grades = EmployeeGrouping(level: .grade, roster: roster)
    #expect(grades.labels.count == 18, "17 grades and missing")
    #expect(Set(grades.groupOfEmployee) == [17])
  }
}
