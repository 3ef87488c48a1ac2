import Foundation
import KinerjaAggregate
import KinerjaAnalyse
import KinerjaClean
import KinerjaIngest
import KinerjaTestSupport
import Testing

@Suite struct TrainingEffectsTests {
  /// Six employees, appraised monthly January–August 2024; five of them complete a
  /// workshop in April, and the sixth drops out of one.
  struct Fixture {
    let roster: EmployeeRoster
    let performance: PerformancePanel
    let participations: ParticipationTable
    let evaluations: CourseEvaluations

    init(_ directory: TemporaryDirectory) throws {
      let nips = (1...6).map { "19800101200501100\($0)" }
      var employees = "nip,agency_code,region,grade\n"
      for nip in nips { employees += "\(nip),A,R,III/a\n" }
      var performance = "nip,period,score\n"
      for (index, nip) in nips.enumerated() {
        for month in 1...8 {
          // Before April: 80 + index; after: 80 + index + 2 × (index + 1); employee 0 misses March.
          if index == 0 && month == 3 { continue }
          let score = Double(80 + index) + (month > 4 ? Double(2 * (index + 1)) : 0)
          performance += "\(nip),2024-0\(month),\(score)\n"
        }
      }
      var training = "nip,program_id,method,topic,start_date,end_date,status,pre_test,post_test\n"
      for (index, nip) in nips.enumerated() {
        let status = index == 5 ? "dropped" : "completed"
        training +=
          "\(nip),P1,lokakarya,manajemen waktu,2024-04-02,2024-04-05,\(status),\(50 + index),\(60 + 2 * index)\n"
      }
      let feedback =
        "program_id,material,instructor,overall\nP1,4,5,\nP1,3,4,4\nP1,5,5,5\nP1,4,4,4\nP1,2,3,\n"
      var rejects = DiscardRejects()
      roster = try EmployeeCleaner().clean(
        InputReader(kind: .employees, path: directory.write("e.csv", employees)), rejects: &rejects
      ).table
      self.performance = try PerformanceCleaner(grain: .month).clean(
        InputReader(kind: .performance, path: directory.write("p.csv", performance)), roster: roster,
        rejects: &rejects
      ).table
      participations = try TrainingCleaner().clean(
        InputReader(kind: .training, path: directory.write("t.csv", training)), roster: roster,
        rejects: &rejects
      ).table
      evaluations = try TrainingFeedbackCleaner().clean(
        InputReader(kind: .trainingFeedback, path: directory.write("f.csv", feedback)), roster: roster,
        participations: participations, rejects: &rejects
      ).table
    }

    func rows(_ options: TrainingEffectsOptions, threads: Int = 2) -> [TrainingEffectRow] {
      TrainingEffects(options: options).rows(
        performance: performance, participations: participations, roster: roster, evaluations: evaluations,
        threads: threads)
    }
  }

  @Test func preAndPostAverageTheWindowAroundTheTrainingPeriod() throws {
    let fixture = try Fixture(TemporaryDirectory())
    let rows = fixture.rows(TrainingEffectsOptions(window: 2, minPeriods: 1, bootstrapDraws: 0, minGroup: 5))
    let method = try #require(rows.first { $0.by == .method && $0.value == "workshop" })
    #expect(method.participants == 5, "the dropped participation is not a pair")
    // Changes are 2 × (index + 1) for index 0…4: 2, 4, 6, 8, 10.
    #expect(method.meanChange == 6)
    #expect(method.preMean == 82)
    #expect(method.postMean == 88)
    #expect(method.degreesOfFreedom == 4)
    #expect(method.wilcoxonMethod == "exact")
    #expect(method.wilcoxonStatistic == 0)
    #expect(method.bootstrapLow == nil)
    #expect(method.tested == 5)
    #expect(method.testChange == 12, "post-test − pre-test: 10 + index for index 0…4")
    #expect(method.evaluations == 5)
    #expect(method.feedbackMeans[0] == 3.6, "material")
    #expect(method.feedbackMeans[4] == 4.0, "overall, the mean of the other aspects where not given")
    #expect(
      Set(rows.map(\.by))
        == Set(TrainingEffects.dimensions).subtracting([.provider, .sector, .positionType]))
  }

  @Test func minPeriodsAndSuppression() throws {
    let fixture = try Fixture(TemporaryDirectory())
    // Employee 0 has two of the three months before April.
    let lenient = fixture.rows(
      TrainingEffectsOptions(window: 3, minPeriods: 2, bootstrapDraws: 0, minGroup: 5))
    let workshop = try #require(lenient.first { $0.by == .method })
    #expect(workshop.participants == 5)
    #expect(!workshop.suppressed)
    let strict = fixture.rows(
      TrainingEffectsOptions(window: 3, minPeriods: 3, bootstrapDraws: 0, minGroup: 5))
    let suppressed = try #require(strict.first { $0.by == .method })
    #expect(suppressed.suppressed && suppressed.participants == 4)
    #expect(suppressed.meanChange == nil && suppressed.p == nil && suppressed.testChange == nil)
    #expect(suppressed.feedbackMeans[0] == 3.6, "level 1 rests on its own 5 evaluations")
    let larger = fixture.rows(
      TrainingEffectsOptions(window: 3, minPeriods: 3, bootstrapDraws: 0, minGroup: 6))
    #expect(larger.first { $0.by == .method }?.feedbackMeans.allSatisfy { $0 == nil } == true)
  }

  struct BootstrapReference: Decodable {
    struct Case: Decodable {
      var by, value: String
      var seed: UInt64
      var draws: Int
      var changes: [Double]
      var low, high: Double
    }
    var cases: [Case]
  }

  /// Twelve employees of agency A, appraised monthly January–August 2024, complete programme
  /// P1 (a workshop) in April; each one's scores change by `changes[i]` after it.
  func rows(changes: [Double], options: TrainingEffectsOptions, threads: Int) throws -> [TrainingEffectRow] {
    let directory = TemporaryDirectory()
    let nips = changes.indices.map { String(format: "198001012005011%03d", $0 + 1) }
    var employees = "nip,agency_code,region,grade\n"
    var performance = "nip,period,score\n"
    var training = "nip,program_id,method,start_date,end_date,status\n"
    for (index, nip) in nips.enumerated() {
      employees += "\(nip),A,R,III/a\n"
      for month in 1...8 {
        performance += "\(nip),2024-0\(month),\(Double(80 + index) + (month > 4 ? changes[index] : 0))\n"
      }
      training += "\(nip),P1,lokakarya,2024-04-02,2024-04-05,completed\n"
    }
    var rejects = UnexpectedRejects()
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
    return TrainingEffects(options: options).rows(
      performance: panel, participations: participations, roster: roster, evaluations: nil, threads: threads)
  }

  /// The percentile interval for a fixed seed is exactly the one bootstrap_reference.py gets
  /// from its own implementation of the documented stream (seed, key, draws, type-7
  /// quantiles), differs between groups and seeds, and lies near the normal interval
  /// mean ± 1.96 σ/√n = 0.8174 … 3.0159 of these changes (σ with n: the bootstrap's
  /// spread), within 0.25, about 3.7 Monte Carlo standard errors of a 500-draw quantile.
  @Test func bootstrapIntervalIsPinned() throws {
    let url = try #require(
      Bundle.module.url(forResource: "bootstrap_expected", withExtension: "json", subdirectory: "Fixtures"))
    let reference = try JSONDecoder().decode(BootstrapReference.self, from: Data(contentsOf: url))
    #expect(reference.cases.count == 6)
    for seed in Set(reference.cases.map(\.seed)).sorted() {
      let cases = reference.cases.filter { $0.seed == seed }
      let options = TrainingEffectsOptions(
        window: 2, minPeriods: 1, bootstrapDraws: cases[0].draws, bootstrapSeed: seed, minGroup: 5)
      let rows = try rows(changes: cases[0].changes, options: options, threads: 2)
      for expected in cases {
        let row = try #require(rows.first { $0.by.rawValue == expected.by && $0.value == expected.value })
        let label = "\(expected.by) \(expected.value), seed \(seed)"
        #expect(row.participants == 12 && agrees(row.meanChange, 23.0 / 12), "\(label)")
        #expect(agrees(row.bootstrapLow, expected.low, tolerance: 1e-12), "\(label) low \(row.bootstrapLow ?? .nan)")
        #expect(agrees(row.bootstrapHigh, expected.high, tolerance: 1e-12), "\(label) high \(row.bootstrapHigh ?? .nan)")
        #expect(abs((row.bootstrapLow ?? .nan) - 0.8174) < 0.25 && abs((row.bootstrapHigh ?? .nan) - 3.0159) < 0.25)
      }
    }
  }

  /// The bootstrap interval is the same for every thread count and run.
  @Test func bootstrapIsReproducible() throws {
    let fixture = try Fixture(TemporaryDirectory())
    let options = TrainingEffectsOptions(
      window: 2, minPeriods: 1, bootstrapDraws: 500, bootstrapSeed: 42, minGroup: 5)
    let one = fixture.rows(options, threads: 1)
    let four = fixture.rows(options, threads: 4)
    #expect(one.map(\.bootstrapLow) == four.map(\.bootstrapLow))
    #expect(one.map(\.bootstrapHigh) == four.map(\.bootstrapHigh))
    #expect(one.allSatisfy { $0.bootstrapLow != nil && $0.bootstrapHigh != nil })
  }
}
