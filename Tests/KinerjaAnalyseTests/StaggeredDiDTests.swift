import Foundation
import KinerjaAnalyse
import KinerjaClean
import KinerjaIngest
import Testing

/// Ignores rejects; the mpdta fixture has none (checked by the tallies).
struct DiscardRejects: RejectRecorder {
  mutating func reject(_ record: CSVRecord, of input: InputReader, because rejection: Rejection) throws {}
}

@Suite struct StaggeredDiDTests {
  struct Reference: Decodable {
    struct GroupTime: Decodable {
      var group: Int
      var period: Int
      var att: Double
      var se: Double
    }
    struct By: Decodable {
      var index: Int
      var att: Double
      var se: Double
    }
    struct Aggregation: Decodable {
      var att: Double
      var se: Double
      var by: [By]?
    }
    struct Run: Decodable {
      var group_time: [GroupTime]
      var aggregations: [String: Aggregation]
      var pretest: [String: Double]
    }
    var moderndid: String
    var never: Run
    var not_yet: Run
  }

  /// mpdta converted into Kinerja's inputs, read and cleaned as any export is.
  static func mpdtaCohorts() throws -> TrainingCohorts {
    let folder = try #require(
      Bundle.module.url(forResource: "mpdta", withExtension: nil, subdirectory: "Fixtures")
    ).path
    var rejects = DiscardRejects()
    let employees = try EmployeeCleaner().clean(
      InputReader(kind: .employees, path: "\(folder)/employees.csv"), rejects: &rejects)
    let performance = try PerformanceCleaner(grain: .year).clean(
      InputReader(kind: .performance, path: "\(folder)/performance.csv"), roster: employees.table,
      rejects: &rejects)
    let training = try TrainingCleaner().clean(
      InputReader(kind: .training, path: "\(folder)/training.csv"), roster: employees.table,
      rejects: &rejects)
    #expect(
      employees.tally.accepted == 500 && performance.tally.accepted == 2500 && training.tally.accepted == 191)
    return try #require(
      TrainingCohorts(performance: performance.table, participations: training.table))
  }

  static func reference() throws -> Reference {
    let url = try #require(
      Bundle.module.url(forResource: "mpdta_expected", withExtension: "json", subdirectory: "Fixtures/mpdta"))
    return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
  }

  /// All 12 ATT(g,t) and SEs, the four aggregations and `post_training` (aggte dynamic with
  /// min_e = 1) with SEs, and the pre-trend statistic agree with R `did` (through moderndid)
  /// to 1e-12 relative (ATTs to 1e-10: Kinerja differences four means, as `did` does on
  /// unbalanced panels, where moderndid's balanced path averages changes; the two round
  /// differently in the last bits, which near-zero ATTs magnify).
  @Test(arguments: [StaggeredDiD.ControlGroup.never, .notYet])
  func agreesWithDidOnMpdta(control: StaggeredDiD.ControlGroup) throws {
    let cohorts = try Self.mpdtaCohorts()
    let reference = try Self.reference()
    let run = control == .never ? reference.never : reference.not_yet
    #expect(run.group_time.count == 12)
    #expect(
      Set(run.aggregations.keys) == ["simple", "group", "dynamic", "calendar", "post_training"],
      "every aggregation is in the fixture")
    let rowsByIndex: Int = run.aggregations.values.reduce(0) { $0 + ($1.by?.count ?? 0) }
    #expect(rowsByIndex == 3 + 7 + 4, "3 cohorts, 7 event times, 4 periods")
    let did = try #require(StaggeredDiD(panel: cohorts.panel, control: control))
    let year = { (offset: Int) in Int(cohorts.firstPeriod.index) + offset }
    #expect(did.units == 500)
    #expect(did.groupTimes.count == 12)
    for expected in run.group_time {
      let actual = try #require(
        did.groupTimes.first { year($0.group) == expected.group && year($0.period) == expected.period })
      #expect(agrees(actual.att, expected.att, tolerance: 1e-10), "ATT(\(expected.group), \(expected.period))")
      #expect(
        agrees(actual.standardError, expected.se, tolerance: 1e-12),
        "SE(\(expected.group), \(expected.period))")
    }
    let summary = DiDSummary(did)
    for (name, expected) in run.aggregations {
      let overall = try #require(summary.estimates.first { $0.aggregation == name && $0.index == nil })
      #expect(agrees(overall.att, expected.att, tolerance: 1e-10), "\(name) ATT")
      #expect(agrees(overall.standardError, expected.se, tolerance: 1e-12), "\(name) SE")
      for by in expected.by ?? [] {
        let index = name == "dynamic" ? by.index : by.index - Int(cohorts.firstPeriod.index)
        let actual = try #require(
          summary.estimates.first { $0.aggregation == name && $0.index == index }, "\(name) \(by.index)")
        #expect(agrees(actual.att, by.att, tolerance: 1e-10), "\(name) \(by.index) ATT")
        #expect(agrees(actual.standardError, by.se, tolerance: 1e-12), "\(name) \(by.index) SE")
      }
    }
    let pretest = try #require(summary.preTrend)
    #expect(agrees(pretest.statistic, run.pretest["statistic"]!, tolerance: 1e-12), "Wald statistic")
    #expect(abs(pretest.p - run.pretest["p"]!) <= 5e-6, "pre-test p (did rounds it to 5 decimals)")
    #expect(pretest.degreesOfFreedom == 5)
  }

  @Test func publishedValues() throws {
    let did = try #require(StaggeredDiD(panel: try Self.mpdtaCohorts().panel, control: .never))
    let simple = try #require(DiDSummary(did).estimates.first { $0.aggregation == "simple" })
    #expect((simple.att * 1e6).rounded() / 1e6 == -0.039951)
    #expect((simple.standardError * 1e6).rounded() / 1e6 == 0.012034)
    #expect((did.groupTimes[0].att * 1e4).rounded() / 1e4 == -0.0105)
  }
}
