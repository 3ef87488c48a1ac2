import Foundation
import KinerjaAnalyse
import KinerjaClean
import KinerjaIngest
import Testing

/// Records any reject as a test failure: the hand-built inputs are all valid.
struct UnexpectedRejects: RejectRecorder {
  mutating func reject(_ record: CSVRecord, of input: InputReader, because rejection: Rejection) throws {
    Issue.record("unexpected reject on line \(record.line) of \(input.path): \(rejection)")
  }
}

/// The cohort rules of `TrainingCohorts` and the DiD of each study on a small hand-built
/// history (Fixtures/did_cohorts, made by did_cohorts_reference.py, whose doc comment
/// lists the 61 employees by roster index): a missing year, trainees who never completed,
/// training before, in and after the panel's years, two methods.
@Suite struct DiDCohortTests {
  struct Reference: Decodable {
    struct GroupTime: Decodable {
      var group, period: Int
      var att, se: Double
      var treated, controls: Int
    }
    struct By: Decodable {
      var index: Int
      var att, se: Double
    }
    struct Aggregation: Decodable {
      var att, se: Double
      var by: [By]?
    }
    struct Study: Decodable {
      var variant: String
      var control: String
      var units: Int
      var group_time: [GroupTime]
      var aggregations: [String: Aggregation]
      var pretest: [String: Double]
    }
    var moderndid: String
    var studies: [Study]
  }

  static let reference: Reference = {
    let url = Bundle.module.url(
      forResource: "did_cohorts_expected", withExtension: "json", subdirectory: "Fixtures/did_cohorts")!
    return try! JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
  }()

  static func inputs() throws -> (PerformancePanel, ParticipationTable) {
    let folder = try #require(
      Bundle.module.url(forResource: "did_cohorts", withExtension: nil, subdirectory: "Fixtures")
    ).path
    var rejects = UnexpectedRejects()
    let employees = try EmployeeCleaner().clean(
      InputReader(kind: .employees, path: "\(folder)/employees.csv"), rejects: &rejects)
    let performance = try PerformanceCleaner(grain: .year).clean(
      InputReader(kind: .performance, path: "\(folder)/performance.csv"), roster: employees.table,
      rejects: &rejects)
    let training = try TrainingCleaner().clean(
      InputReader(kind: .training, path: "\(folder)/training.csv"), roster: employees.table,
      rejects: &rejects)
    #expect(employees.tally.accepted == 61 && performance.tally.accepted == 363 && training.tally.accepted == 39)
    return (performance.table, training.table)
  }

  /// The fixture's settings: `did`'s balanced panel; start and end fall in the same year.
  static let balanced = DiDSettings(panel: .balanced, cluster: .employee)

  static func selection(_ variant: String) -> TrainingCohorts.Selection {
    switch variant {
    case "pelatihan": .method(.pelatihan)
    case "e-learning": .method(.eLearning)
    default: .all
    }
  }

  @Test func fixtureHasEveryStudy() {
    #expect(Self.reference.studies.count == 6, "all, pelatihan, e-learning × never, not yet")
    #expect(Self.reference.studies.allSatisfy { $0.group_time.count >= 10 && $0.aggregations.count == 5 })
  }

  /// Who is in the panel and with which cohort (periods: 0 = 2019 … 5 = 2024).
  @Test func cohortRules() throws {
    let (performance, participations) = try Self.inputs()
    let cohorts = try #require(
      TrainingCohorts(performance: performance, participations: participations, settings: Self.balanced))
    #expect(cohorts.panel.periods == Array(0..<6))
    let cohortOf = Dictionary(
      uniqueKeysWithValues: zip(cohorts.employees.map(Int.init), cohorts.panel.cohort))
    // Balanced panel: 22, 23 (never trained) and 45 (cohort 2022) miss a year.
    for missing in [22, 23, 45] { #expect(cohortOf[missing] == nil && !cohortOf.keys.contains(missing)) }
    // Trained but never completed: neither treated nor a clean control.
    #expect(!cohortOf.keys.contains(54) && !cohortOf.keys.contains(55))
    // Before (2018) or in (2019) the first period: no untreated base, left out.
    for early in [56, 57, 58] { #expect(!cohortOf.keys.contains(early), "employee \(early)") }
    #expect(cohorts.panel.units == 61 - 3 - 2 - 3)
    #expect(
      cohorts.leftOut == [.notAppraisedEveryPeriod: 3, .trainingNotCompleted: 2, .trainedByFirstPeriod: 3],
      "every employee left out is counted by reason")
    // After the last period: never treated within the panel, so a control.
    for late in [59, 60] { #expect(cohortOf[late] == .some(nil), "employee \(late)") }
    // The first *completed* training sets the cohort.
    #expect(cohortOf[44] == .some(3), "dropped out in 2020, completed in 2022")
    #expect(cohortOf[33] == .some(2), "completed in 2021 and again in 2023")
    #expect(cohorts.panel.cohort.filter { $0 == nil }.count == 22 + 2)
    #expect(cohorts.panel.cohort.filter { $0 == 2 }.count == 10)
    #expect(cohorts.panel.cohort.filter { $0 == 3 }.count == 11)
    #expect(cohorts.panel.cohort.filter { $0 == 4 }.count == 8)
    let did = try #require(StaggeredDiD(panel: cohorts.panel, control: .never))
    #expect(did.units == 53)
    #expect(did.groups == [2, 3, 4])

    // A method's study: its first-trained, against the never trained; 33 stays with pelatihan.
    let elearning = try #require(
      TrainingCohorts(
        performance: performance, participations: participations, selection: .method(.eLearning),
        settings: Self.balanced))
    let elearningCohorts = Dictionary(
      uniqueKeysWithValues: zip(elearning.employees.map(Int.init), elearning.panel.cohort))
    #expect(!elearningCohorts.keys.contains(33) && !elearningCohorts.keys.contains(34))
    #expect(elearningCohorts[44] == .some(3) && elearningCohorts[46] == .some(4))
    #expect(elearningCohorts[59] == .some(nil), "trained after the panel: a control in every study")
    #expect(!elearningCohorts.keys.contains(58), "first trained by e-learning in the first period")
    #expect(elearning.panel.units == 24 + 6 + 8)
    #expect(elearning.leftOut[.trainedByFirstPeriod] == 1 && elearning.leftOut[.trainedOtherwise] != nil)
  }

  /// Every ATT(g, t) with its SE, treated and control counts, every aggregation with
  /// `post_training`, and the pre-trend statistic agree with moderndid to 1e-12 relative
  /// (ATTs to 1e-10, for the rounding of four means against the mean of changes).
  @Test(arguments: reference.studies.indices)
  func agreesWithDid(study index: Int) throws {
    let expected = Self.reference.studies[index]
    let (performance, participations) = try Self.inputs()
    let cohorts = try #require(
      TrainingCohorts(
        performance: performance, participations: participations, selection: Self.selection(expected.variant),
        settings: Self.balanced))
    let control = try #require(StaggeredDiD.ControlGroup(rawValue: expected.control))
    let did = try #require(StaggeredDiD(panel: cohorts.panel, control: control))
    let name = "\(expected.variant), \(expected.control)"
    let year = { (offset: Int) in Int(cohorts.firstPeriod.index) + offset }
    #expect(did.units == expected.units, "\(name): units")
    #expect(did.groupTimes.count == expected.group_time.count, "\(name)")
    for effect in expected.group_time {
      let label = "\(name): ATT(\(effect.group), \(effect.period))"
      let actual = try #require(
        did.groupTimes.first { year($0.group) == effect.group && year($0.period) == effect.period }, "\(label)")
      #expect(agrees(actual.att, effect.att, tolerance: 1e-10), "\(label)")
      #expect(agrees(actual.standardError, effect.se, tolerance: 1e-12), "\(label) SE")
      #expect(actual.treated == effect.treated && actual.controls == effect.controls, "\(label) counts")
    }
    let summary = DiDSummary(did)
    for (aggregation, reference) in expected.aggregations {
      let overall = try #require(summary.estimates.first { $0.aggregation == aggregation && $0.index == nil })
      #expect(agrees(overall.att, reference.att, tolerance: 1e-10), "\(name): \(aggregation)")
      #expect(agrees(overall.standardError, reference.se, tolerance: 1e-12), "\(name): \(aggregation) SE")
      for by in reference.by ?? [] {
        let index = aggregation == "dynamic" ? by.index : by.index - Int(cohorts.firstPeriod.index)
        let actual = try #require(
          summary.estimates.first { $0.aggregation == aggregation && $0.index == index },
          "\(name): \(aggregation) \(by.index)")
        #expect(agrees(actual.att, by.att, tolerance: 1e-10), "\(name): \(aggregation) \(by.index)")
        #expect(agrees(actual.standardError, by.se, tolerance: 1e-12), "\(name): \(aggregation) \(by.index) SE")
      }
    }
    #expect(
      summary.estimates.filter { $0.index == nil }.count == expected.aggregations.count,
      "\(name): no aggregation beyond the reference's")
    let pretest = try #require(summary.preTrend)
    #expect(agrees(pretest.statistic, expected.pretest["statistic"]!, tolerance: 1e-12), "\(name): Wald")
  }
}
