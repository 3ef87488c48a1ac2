import Foundation
import KinerjaAnalyse
import KinerjaClean
import KinerjaIngest
import Testing

/// The clustered multiplier bootstrap against moderndid's (`att_gt(..., boot=True,
/// clustervars=["agency"])`) on the unbalanced fixture, whose 12 agencies each have 48
/// employees in the study: with equal clusters moderndid's cluster means and `did`'s
/// cluster sums give the same draws. The references are the exact bootstrap limits (all
/// 2¹² Mammen weight vectors); one run of 20,000 draws must come within 4 of moderndid's
/// seed-to-seed standard deviations (over 40 seeds) for a single number (each critical
/// value), within 8 for each of the ~420 cells and ~40 event times: at 4, some cell of
/// the 418 falls outside in 35 % of moderndid's own held-out seeds, at 8 in none.
@Suite struct ClusteredBootstrapTests {
  struct Spread: Decodable {
    var se_exact: Double
    var se_sd_40: Double
  }

  struct Critical: Decodable {
    var exact: Double
    var sd_40: Double
  }

  struct Dynamic: Decodable {
    var by: [Spread]
    var critical_value: Critical
  }

  struct Bootstrap: Decodable {
    var biters: Int
    var group_time: [Spread]
    var critical_value: Critical
    var dynamic: Dynamic
  }

  struct Reference: Decodable {
    var bootstrap: Bootstrap
  }

  static let reference: Reference = {
    let url = Bundle.module.url(
      forResource: "did_unbalanced_expected", withExtension: "json", subdirectory: "Fixtures/did_unbalanced")!
    return try! JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
  }()

  static func summary(threads: Int, draws: Int) throws -> (StaggeredDiD, DiDSummary) {
    let (did, _) = try UnbalancedDiDTests.did(DiDSettings())
    let bootstrap = MultiplierBootstrap(draws: draws, seed: 1, threads: threads)
    return (did, DiDSummary(did, bootstrap: bootstrap))
  }

  @Test func agreesWithModerndidWithinMonteCarloError() throws {
    let reference = Self.reference.bootstrap
    let (did, summary) = try Self.summary(threads: 2, draws: reference.biters)
    let band = try #require(summary.groupTimeBand)
    #expect(band.standardErrors.count == reference.group_time.count && did.groupTimes.count == band.standardErrors.count)
    for (index, (error, expected)) in zip(band.standardErrors, reference.group_time).enumerated() {
      let actual = try #require(error, "cell \(index)")
      #expect(abs(actual - expected.se_exact) <= 8 * expected.se_sd_40, "cell \(index): \(actual) vs \(expected.se_exact)")
    }
    let critical = try #require(band.critical)
    #expect(abs(critical - reference.critical_value.exact) <= 4 * reference.critical_value.sd_40, "\(critical)")
    let dynamic = summary.estimates.filter { $0.aggregation == "dynamic" && $0.index != nil }
    #expect(dynamic.count == reference.dynamic.by.count)
    for (estimate, expected) in zip(dynamic, reference.dynamic.by) {
      let actual = try #require(estimate.bootstrapError)
      #expect(abs(actual - expected.se_exact) <= 8 * expected.se_sd_40, "e = \(estimate.index!)")
    }
    let dynamicCritical = try #require(summary.dynamicCritical)
    #expect(
      abs(dynamicCritical - reference.dynamic.critical_value.exact) <= 4 * reference.dynamic.critical_value.sd_40)
  }

  /// The draws, bands and the sup-t test do not depend on the thread count.
  @Test func sameForEveryThreadCount() throws {
    let (_, one) = try Self.summary(threads: 1, draws: 500)
    let (_, three) = try Self.summary(threads: 3, draws: 500)
    #expect(one.groupTimeBand?.standardErrors == three.groupTimeBand?.standardErrors)
    #expect(one.groupTimeBand?.critical == three.groupTimeBand?.critical)
    #expect(one.estimates == three.estimates)
    #expect(one.preTrendBand == three.preTrendBand && one.preTrendBand != nil)
  }

  /// ATT(g, t) estimated on several workers, and the wild bootstrap prepared on them, are
  /// the same as on one.
  @Test func cellsAreTheSameForEveryThreadCount() throws {
    let (one, cohorts) = try UnbalancedDiDTests.did(DiDSettings())
    let three = try #require(StaggeredDiD(panel: cohorts.panel, control: .never, threads: 3))
    #expect(one.groupTimes.map(\.att) == three.groupTimes.map(\.att))
    #expect(one.groupTimes.map(\.standardError) == three.groupTimes.map(\.standardError))
    let post = try #require(DiDSummary(three).estimates.first { $0.aggregation == "post_training" })
    let cells = post.cells.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    let serial = WildClusterBootstrap(one, draws: 0, seed: 1).statistic(cells, estimate: post.att)
    let parallel = WildClusterBootstrap(three, draws: 0, seed: 1, threads: 3).statistic(cells, estimate: post.att)
    #expect(serial.interval()! == parallel.interval()!)
  }
}
