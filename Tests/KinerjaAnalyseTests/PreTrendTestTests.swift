import Foundation
import KinerjaAnalyse
import Testing

/// The Wald pre-trend test of `DiDSummary`, on panels small enough to reason about.
@Suite struct PreTrendTestTests {
  /// Outcomes that vary by unit and period without a pattern a test could rely on.
  static func outcomes(units: Int, periods: Int) -> [Double] {
    (0..<units * periods).map { index in 70 + 5 * sin(Double(index) * 1.7 + Double(index / periods)) }
  }

  /// With one pre-treatment cell the statistic is that cell's squared t ratio, n · θ² / V
  /// with V = n · SE², on 1 degree of freedom.
  @Test func oneCellIsItsSquaredTRatio() throws {
    let cohort: [Int?] = [2, 2, 2, nil, nil, nil, nil]
    let panel = DiDPanel(periods: 3, outcomes: Self.outcomes(units: 7, periods: 3), cohort: cohort)
    let did = try #require(StaggeredDiD(panel: panel, control: .never))
    let pre = try #require(did.groupTimes.first { $0.period < $0.group })
    #expect(did.groupTimes.filter { $0.period < $0.group }.count == 1)
    let test = try #require(DiDSummary(did).preTrend)
    let squaredT = (pre.att / pre.standardError) * (pre.att / pre.standardError)
    #expect(abs(test.statistic - squaredT) <= 1e-9 * squaredT, "\(test.statistic) vs \(squaredT)")
    #expect(test.degreesOfFreedom == 1)
    #expect(abs(test.p - ChiSquared(degreesOfFreedom: 1).survival(squaredT)) <= 1e-12)
    #expect(DiDSummary(did).preTrendOmission == nil)
  }

  /// Seven pre-treatment cells estimated from four employees, each its own cluster: their
  /// covariance has rank at most three, so there is no statistic, and the summary says why.
  @Test func fewerClustersThanCellsGiveNoStatistic() throws {
    let cohort: [Int?] = [8, nil, nil, nil]
    let panel = DiDPanel(periods: 9, outcomes: Self.outcomes(units: 4, periods: 9), cohort: cohort)
    let did = try #require(StaggeredDiD(panel: panel, control: .never))
    #expect(did.groupTimes.filter { $0.period < $0.group }.count == 7)
    let summary = DiDSummary(did)
    #expect(summary.preTrend == nil)
    let omission = try #require(summary.preTrendOmission)
    #expect(omission.degreesOfFreedom == 7)
    #expect(omission.reason.contains("4 clusters, of rank at most 3"), "\(omission.reason)")
  }

  /// A cohort of three treated employees with five pre-treatment cells among many
  /// controls: the treated part of the covariance has rank two, the statistic would blow
  /// up in the directions only controls vary in, so it is refused.
  @Test func aCohortSmallerThanItsPreTreatmentCellsGivesNoStatistic() throws {
    let cohort: [Int?] = [6, 6, 6] + [Int?](repeating: nil, count: 40)
    let panel = DiDPanel(periods: 8, outcomes: Self.outcomes(units: 43, periods: 8), cohort: cohort)
    let did = try #require(StaggeredDiD(panel: panel, control: .never))
    #expect(did.groupTimes.filter { $0.period < $0.group }.count == 5)
    let summary = DiDSummary(did)
    #expect(summary.preTrend == nil)
    let omission = try #require(summary.preTrendOmission)
    #expect(omission.reason.contains("3 treated employees for its 5 pre-treatment"), "\(omission.reason)")
  }

  /// Outcomes that never change make every influence function zero: a singular
  /// covariance, no statistic (as `did`, which refuses when `rcond` ≤ ε).
  @Test func aSingularCovarianceGivesNoStatistic() throws {
    let cohort: [Int?] = [Int?](repeating: 3, count: 6) + [Int?](repeating: nil, count: 6)
    let panel = DiDPanel(periods: 5, outcomes: [Double](repeating: 70, count: 12 * 5), cohort: cohort)
    let did = try #require(StaggeredDiD(panel: panel, control: .never))
    let summary = DiDSummary(did)
    #expect(summary.preTrend == nil)
    #expect(try #require(summary.preTrendOmission).reason.contains("singular"))
  }

  /// A cohort all of whose employees are in one agency is named: its clustered variance
  /// cannot see the agency's shared shocks. Cohorts spread over agencies are not.
  @Test func cohortsWithinOneAgencyAreNamed() throws {
    let cohort: [Int?] = [3, 3, 3, 4, 4, 4, nil, nil, nil, nil, nil, nil]
    let cluster: [Int32] = [0, 0, 0, 1, 2, 1, 1, 2, 3, 3, 0, 2]
    let panel = DiDPanel(
      periods: Array(0..<6), outcomes: Self.outcomes(units: 12, periods: 6), cohort: cohort, cluster: cluster,
      clusters: 4)
    let did = try #require(StaggeredDiD(panel: panel, control: .never))
    #expect(did.cohortsWithinOneCluster == [3])
    let perEmployee = DiDPanel(periods: 6, outcomes: Self.outcomes(units: 12, periods: 6), cohort: cohort)
    #expect(try #require(StaggeredDiD(panel: perEmployee, control: .never)).cohortsWithinOneCluster.isEmpty)
  }

  /// A p that underflows, or that no bootstrap draw reaches, is written as its bound.
  @Test func pValuesBelowResolutionAreBounds() {
    let tiny = DiDSummaryRow.bounded(0, below: .leastNonzeroMagnitude, because: "the smallest double")
    #expect(tiny.0 == .leastNonzeroMagnitude && tiny.1?.hasPrefix("p below") == true)
    let band = DiDSummaryRow.bounded(0, below: 0.001, because: "no bootstrap draw as extreme")
    #expect(band.0 == 0.001 && band.1 == "p below 0.001: no bootstrap draw as extreme")
    let ordinary = DiDSummaryRow.bounded(0.2, below: 0.001, because: "")
    #expect(ordinary.0 == 0.2 && ordinary.1 == nil)
    #expect(ChiSquared(degreesOfFreedom: 3).survival(5000) == 0, "the Wald p underflows this far out")
  }

  /// Event times are t − g in periods, as `did::aggte` counts them, also across a period
  /// without data that no cohort starts in; the base of a post-treatment cell is the last
  /// period with data before the cohort.
  @Test func eventTimesCountPeriodsAcrossAGap() throws {
    let cohort: [Int?] = [2, 2, 2, nil, nil, nil]
    let panel = DiDPanel(
      periods: [0, 1, 2, 4, 5], outcomes: Self.outcomes(units: 6, periods: 5), cohort: cohort,
      cluster: [0, 1, 2, 3, 4, 5], clusters: 6)
    let did = try #require(StaggeredDiD(panel: panel, control: .never))
    let byPeriod = Dictionary(uniqueKeysWithValues: did.groupTimes.map { ($0.period, $0) })
    #expect(byPeriod[4]?.eventTime == 2 && byPeriod[5]?.eventTime == 3 && byPeriod[2]?.eventTime == 0)
    #expect(byPeriod[4]?.base == 1 && byPeriod[1]?.base == 0)
    #expect(byPeriod[3] == nil, "no cell in the period without data")
  }

  /// F survival against scipy.stats.f.sf (scipy 1.17.1): the law of clustered Wald tests.
  /// Event times whose treated employees are one person (only the latest cohort, of one
  /// employee, reaches back to −4 and −3) are left out of the event study's pre-trend
  /// tests, and said to be; the rest are tested.
  @Test func eventTimesWithOneTreatedEmployeeAreLeftOut() throws {
    let cohort: [Int?] = [5] + [3, 3, 3, 3] + [Int?](repeating: nil, count: 10)
    let panel = DiDPanel(periods: 6, outcomes: Self.outcomes(units: cohort.count, periods: 6), cohort: cohort)
    let did = try #require(StaggeredDiD(panel: panel, control: .never))
    let summary = DiDSummary(did, bootstrap: MultiplierBootstrap(draws: 199, seed: 1))
    #expect(summary.preTrendEventsLeftOut == [-4, -3])
    #expect(try #require(summary.eventPreTrend).degreesOfFreedom == 2)
    #expect(try #require(summary.preTrendBand).degreesOfFreedom == 2)
    let events = summary.estimates.filter { $0.aggregation == "dynamic" }.compactMap(\.index)
    #expect(events.contains(-4) && events.contains(-3), "the event study still shows them")
    // What the published rows' suppression counts: the treated employees behind each.
    func treated(_ aggregation: String, _ index: Int) throws -> Int {
      summary.treatedUnits(of: try #require(summary.estimates.first { $0.aggregation == aggregation && $0.index == index }))
    }
    #expect(try treated("dynamic", -4) == 1 && treated("dynamic", -1) == 5)
    #expect(try treated("group", 3) == 4 && treated("group", 5) == 1)
  }

  /// Two pre-period effects whose treated part rests on two employees: that part of their
  /// covariance has rank one, so the event study's Wald test is refused and says why.
  @Test func theEventWaldNeedsMoreTreatedThanEffects() throws {
    let cohort: [Int?] = [5, 3] + [Int?](repeating: nil, count: 10)
    let panel = DiDPanel(periods: 6, outcomes: Self.outcomes(units: cohort.count, periods: 6), cohort: cohort)
    let did = try #require(StaggeredDiD(panel: panel, control: .never))
    let summary = DiDSummary(did)
    #expect(summary.preTrendEventsLeftOut == [-4, -3])
    #expect(summary.eventPreTrend == nil)
    let omission = try #require(summary.eventPreTrendOmission)
    #expect(omission.degreesOfFreedom == 2 && omission.reason.contains("as few as 2 employees"))
  }

  /// A ratio at the 97.5 % point of t on (clusters − 1) degrees of freedom, after the CR1
  /// factor, is moved to the normal's 97.5 % point; with many clusters a ratio stays as it is.
  @Test func ratiosAreMovedToTheNormalScale() {
    for clusters in [2, 5, 30] {
      let t = StudentT(degreesOfFreedom: Double(clusters - 1)).quantile(0.975)
      let ratio = t / (Double(clusters - 1) / Double(clusters)).squareRoot()
      let z = DiDSummary.normalScale(ratio, treatedClusters: clusters)
      #expect(abs(z - 1.959963984540054) < 1e-6, "\(clusters) clusters: \(z)")
    }
    #expect(abs(DiDSummary.normalScale(2.5, treatedClusters: 1_000_000) - 2.5) < 1e-4)
  }

  @Test func fSurvivalAgreesWithScipy() {
    #expect(agrees(FDistribution(numerator: 3, denominator: 10).survival(2.5), 0.11903956265827809, tolerance: 1e-12))
    #expect(agrees(FDistribution(numerator: 11, denominator: 1).survival(0.7), 0.7428698578556822, tolerance: 1e-12))
    #expect(agrees(FDistribution(numerator: 5, denominator: 200).survival(40), 2.1694116821877662e-28, tolerance: 1e-9))
  }
}
