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
      ).roster
      self.performance = try PerformanceCleaner(grain: .month).clean(
        InputReader(kind: .performance, path: directory.write("p.csv", performance)), roster: roster,
        rejects: &rejects
      ).panel
      participations = try TrainingCleaner().clean(
        InputReader(kind: .training, path: directory.write("t.csv", training)), roster: roster,
        rejects: &rejects
      ).participations
      evaluations = try TrainingFeedbackCleaner().clean(
        InputReader(kind: .trainingFeedback, path: directory.write("f.csv", feedback)), roster: roster,
        participations: participations, rejects: &rejects
      ).evaluations
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
    let method = try #require(rows.first { $0.by == "method" && $0.value == "workshop" })
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
        == Set(TrainingEffects.dimensions).subtracting(["provider", "sector", "position_type"]))
  }

  @Test func minPeriodsAndSuppression() throws {
    let fixture = try Fixture(TemporaryDirectory())
    // Employee 0 has two of the three months before April.
    let lenient = fixture.rows(
      TrainingEffectsOptions(window: 3, minPeriods: 2, bootstrapDraws: 0, minGroup: 5))
    let workshop = try #require(lenient.first { $0.by == "method" })
    #expect(workshop.participants == 5)
    #expect(!workshop.suppressed)
    let strict = fixture.rows(
      TrainingEffectsOptions(window: 3, minPeriods: 3, bootstrapDraws: 0, minGroup: 5))
    let suppressed = try #require(strict.first { $0.by == "method" })
    #expect(suppressed.suppressed && suppressed.participants == 4)
    #expect(suppressed.meanChange == nil && suppressed.p == nil && suppressed.testChange == nil)
    #expect(suppressed.feedbackMeans[0] == 3.6, "level 1 rests on its own 5 evaluations")
    let larger = fixture.rows(
      TrainingEffectsOptions(window: 3, minPeriods: 3, bootstrapDraws: 0, minGroup: 6))
    #expect(larger.first { $0.by == "method" }?.feedbackMeans.allSatisfy { $0 == nil } == true)
  }

  /// The bootstrap interval is the same for every thread count and run, and brackets the mean.
  @Test func bootstrapIsReproducible() throws {
    let fixture = try Fixture(TemporaryDirectory())
    let options = TrainingEffectsOptions(
      window: 2, minPeriods: 1, bootstrapDraws: 500, bootstrapSeed: 42, minGroup: 5)
    let one = fixture.rows(options, threads: 1)
    let four = fixture.rows(options, threads: 4)
    #expect(one.map(\.bootstrapLow) == four.map(\.bootstrapLow))
    #expect(one.map(\.bootstrapHigh) == four.map(\.bootstrapHigh))
    let method = try #require(one.first { $0.by == "method" })
    let low = try #require(method.bootstrapLow)
    let high = try #require(method.bootstrapHigh)
    #expect(low >= 2 && low < 6 && high > 6 && high <= 10)
  }
}
