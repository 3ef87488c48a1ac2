import Foundation
import KinerjaAnalyse
import KinerjaClean
import KinerjaIngest
import Testing

/// The DiD on an export shaped like a real one — missing appraisals, joiners and leavers,
/// a month nobody was appraised in, multi-month courses, 12 agencies — against moderndid
/// (`att_gt(..., allow_unbalanced_panel=True)` and `aggte`), for both cohort dates, with and
/// without anticipation, for both control groups; the analytic standard errors clustered by
/// agency against the cluster sums of moderndid's influence functions, and on the balanced
/// panel against statsmodels' cluster-robust OLS (CR0). Fixture:
/// `Fixtures/did_unbalanced/did_unbalanced_reference.py`.
@Suite struct UnbalancedDiDTests {
  struct Estimate: Decodable {
    var index: Index?
    var att: Double
    var se: Double
    var se_agency: Double?
  }

  /// A cohort or period label, or an event time.
  enum Index: Decodable, Equatable {
    case label(String)
    case event(Int)

    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let event = try? container.decode(Int.self) { self = .event(event) } else {
        self = .label(try container.decode(String.self))
      }
    }
  }

  struct Aggregation: Decodable {
    var att: Double
    var se: Double
    var se_agency: Double?
    var by: [Estimate]?
  }

  struct GroupTime: Decodable {
    var group: String
    var period: String
    var att: Double
    var se: Double
    var se_agency: Double
  }

  struct Pretest: Decodable {
    var wald_stat: Double?
  }

  struct Run: Decodable {
    var pretest: Pretest
    var cohort_from: String
    var anticipation: Int
    var control: String
    var n_units: Int
    var group_time: [GroupTime]
    var aggregations: [String: Aggregation]
  }

  struct Check: Decodable {
    var group: String
    var period: String
    var coefficient: Double
    var se_cluster_cr0: Double
  }

  struct Balanced: Decodable {
    var n_units: Int
    var group_time: [GroupTime]
    var statsmodels_check: [Check]
  }

  struct Reference: Decodable {
    var moderndid: String
    var runs: [Run]
    var balanced: Balanced
  }

  static let reference: Reference = {
    let url = Bundle.module.url(
      forResource: "did_unbalanced_expected", withExtension: "json", subdirectory: "Fixtures/did_unbalanced")!
    return try! JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
  }()

  struct Inputs {
    var roster: EmployeeRoster
    var performance: PerformancePanel
    var participations: ParticipationTable
  }

  static let inputs: Inputs = {
    let folder = Bundle.module.url(forResource: "did_unbalanced", withExtension: nil, subdirectory: "Fixtures")!.path
    var rejects = UnexpectedRejects()
    let employees = try! EmployeeCleaner().clean(
      InputReader(kind: .employees, path: "\(folder)/employees.csv"), rejects: &rejects)
    let performance = try! PerformanceCleaner(grain: .month).clean(
      InputReader(kind: .performance, path: "\(folder)/performance.csv"), roster: employees.table,
      rejects: &rejects)
    let training = try! TrainingCleaner().clean(
      InputReader(kind: .training, path: "\(folder)/training.csv"), roster: employees.table, rejects: &rejects)
    return Inputs(roster: employees.table, performance: performance.table, participations: training.table)
  }()

  static func did(_ settings: DiDSettings) throws -> (StaggeredDiD, TrainingCohorts) {
    let cohorts = try #require(
      TrainingCohorts(
        performance: inputs.performance, participations: inputs.participations, roster: inputs.roster,
        settings: settings))
    let did = try #require(
      StaggeredDiD(panel: cohorts.panel, control: settings.control, anticipation: settings.anticipation))
    return (did, cohorts)
  }

  static func settings(of run: Run, cluster: DiDSettings.Cluster) -> DiDSettings {
    DiDSettings(
      control: run.control == "nevertreated" ? .never : .notYet, cluster: cluster,
      cohortFrom: run.cohort_from == "start" ? .start : .end, anticipation: run.anticipation)
  }

  /// Agreement of effects on scores to 1e-9 relative, or 1e-9 points for effects below one
  /// point: scores are around 70, so an ATT of 4e-6 carries the rounding of means of 70s.
  func agreesOnScores(_ actual: Double, _ expected: Double) -> Bool {
    abs(actual - expected) <= 1e-9 * max(1, abs(expected))
  }

  static func label(_ offset: Int, _ cohorts: TrainingCohorts) -> String {
    Period(grain: .month, index: cohorts.firstPeriod.index + Int32(offset)).description
  }

  @Test func fixtureCoversEveryCombination() {
    #expect(Self.reference.runs.count == 8, "cohort_from × anticipation × control group")
    #expect(Self.reference.runs.allSatisfy { $0.group_time.count > 100 })
  }

  /// The empty month is skipped, not fatal: the panel's periods are the 23 with data.
  @Test func theEmptyMonthIsSkipped() throws {
    let empty = TrainingCohorts.emptyPeriods(of: Self.inputs.performance).map(\.description)
    #expect(empty == ["2023-07"])
    let (_, cohorts) = try Self.did(DiDSettings())
    #expect(cohorts.panel.periods.count == 23)
    #expect(!cohorts.panel.periods.map { Self.label($0, cohorts) }.contains("2023-07"))
  }

  /// Every ATT(g, t) with its SE (per employee, and clustered by agency), every
  /// aggregation overall and by index, and `post_training` from event times 1, 2 and 3
  /// (`aggte` dynamic with min_e) agree with moderndid to 1e-9.
  @Test(arguments: reference.runs.indices)
  func agreesWithDid(run index: Int) throws {
    let run = Self.reference.runs[index]
    let name = "\(run.cohort_from), anticipation \(run.anticipation), \(run.control)"
    for cluster in DiDSettings.Cluster.allCases {
      let (did, cohorts) = try Self.did(Self.settings(of: run, cluster: cluster))
      let expectedError = { (estimate: (se: Double, agency: Double?)) in
        cluster == .agency ? estimate.agency : estimate.se
      }
      #expect(did.units == run.n_units, "\(name): units")
      #expect(did.groupTimes.count == run.group_time.count, "\(name): cells")
      for effect in run.group_time {
        let label = "\(name), \(cluster): ATT(\(effect.group), \(effect.period))"
        let actual = try #require(
          did.groupTimes.first {
            Self.label($0.group, cohorts) == effect.group && Self.label($0.period, cohorts) == effect.period
          }, "\(label)")
        #expect(agreesOnScores(actual.att, effect.att), "\(label)")
        #expect(agrees(actual.standardError, expectedError((effect.se, effect.se_agency)), tolerance: 1e-9), "\(label) SE")
      }
      let summary = DiDSummary(did)
      for aggregation in ["simple", "group", "dynamic", "calendar"] {
        let reference = try #require(run.aggregations[aggregation])
        let overall = try #require(summary.estimates.first { $0.aggregation == aggregation && $0.index == nil })
        #expect(agreesOnScores(overall.att, reference.att), "\(name): \(aggregation)")
        if let error = expectedError((reference.se, reference.se_agency)) {
          #expect(agrees(overall.standardError, error, tolerance: 1e-9), "\(name), \(cluster): \(aggregation) SE")
        }
        for by in reference.by ?? [] {
          let actual = try #require(
            summary.estimates.first { estimate in
              guard estimate.aggregation == aggregation, let index = estimate.index else { return false }
              return aggregation == "dynamic" ? by.index == .event(index) : by.index == .label(Self.label(index, cohorts))
            }, "\(name): \(aggregation) \(String(describing: by.index))")
          #expect(agreesOnScores(actual.att, by.att), "\(name): \(aggregation) \(String(describing: by.index))")
          if let error = expectedError((by.se, by.se_agency)) {
            #expect(agrees(actual.standardError, error, tolerance: 1e-9), "\(name): \(aggregation) SE")
          }
        }
      }
      // moderndid reports Wald statistics of 5e5 to 7e7 (p = 0) for the not-yet runs, from
      // cohorts of 5 to 19 employees with up to 21 pre-treatment cells each; Kinerja
      // refuses such a statistic and says why, as moderndid itself does for the never runs.
      #expect(summary.preTrend == nil, "\(name): no Wald test from a covariance that cannot be estimated")
      let omission = try #require(summary.preTrendOmission, "\(name)")
      #expect(omission.reason.contains("treated employees for its") || omission.reason.contains("clusters"))
      for from in 1...3 {
        guard let reference = run.aggregations["post_training_min_e_\(from)"] else { continue }
        let post = try #require(
          DiDSummary(did, postTrainingFrom: from).estimates.first { $0.aggregation == "post_training" })
        #expect(agreesOnScores(post.att, reference.att), "\(name): post_training from \(from)")
        if let error = expectedError((reference.se, reference.se_agency)) {
          #expect(agrees(post.standardError, error, tolerance: 1e-9), "\(name): post_training from \(from) SE")
        }
      }
    }
  }

  /// On the balanced panel, a 2×2 ATT(g, t) clustered by agency is the OLS coefficient of
  /// the change on a treated dummy with statsmodels' cluster-robust CR0 standard error.
  @Test func clusteredStandardErrorIsStatsmodelsCR0() throws {
    let balanced = Self.reference.balanced
    let (did, cohorts) = try Self.did(DiDSettings(panel: .balanced, cluster: .agency))
    #expect(did.units == balanced.n_units)
    #expect(did.groupTimes.count == balanced.group_time.count)
    #expect(balanced.statsmodels_check.count >= 5)
    for check in balanced.statsmodels_check {
      let actual = try #require(
        did.groupTimes.first {
          Self.label($0.group, cohorts) == check.group && Self.label($0.period, cohorts) == check.period
        })
      #expect(agreesOnScores(actual.att, check.coefficient), "ATT(\(check.group), \(check.period))")
      #expect(
        agrees(actual.standardError, check.se_cluster_cr0, tolerance: 1e-9),
        "ATT(\(check.group), \(check.period)) CR0 SE")
    }
  }
}
