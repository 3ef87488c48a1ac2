import Foundation
import KinerjaAnalyse
import Testing

/// The wild cluster bootstrap with the null imposed against wildboottest on a 2×2 DiD of
/// 8 agencies, 3 trained (fixture: `Fixtures/wild_bootstrap/wild_bootstrap_reference.py`):
/// both enumerate all 2⁸ weight vectors, so p-values agree exactly but for ties.
@Suite struct WildClusterBootstrapTests {
  struct Unit: Decodable {
    var agency: Int
    var trained: Bool
    var before: Double
    var after: Double
  }

  struct Test: Decodable {
    var value: Double
    var p: Double
  }

  struct Reference: Decodable {
    var units: [Unit]
    var att: Double
    var tests: [Test]
  }

  static let reference: Reference = {
    let url = Bundle.module.url(
      forResource: "wild_bootstrap_expected", withExtension: "json", subdirectory: "Fixtures/wild_bootstrap")!
    return try! JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
  }()

  static func did() throws -> StaggeredDiD {
    let units = reference.units
    let panel = DiDPanel(
      periods: [0, 1], outcomes: units.flatMap { [$0.before, $0.after] }, cohort: units.map { $0.trained ? 1 : nil },
      cluster: units.map { Int32($0.agency) }, clusters: 8)
    return try #require(StaggeredDiD(panel: panel, control: .never))
  }

  @Test func pValuesAgreeWithWildboottest() throws {
    let did = try Self.did()
    #expect(did.groupTimes.count == 1)
    let cell = did.groupTimes[0]
    #expect(abs(cell.att - Self.reference.att) <= 1e-12)
    let statistic = WildClusterBootstrap(did, draws: 0, seed: 1).statistic([(0, 1)], estimate: cell.att)
    #expect(abs(statistic.standardError - cell.standardError) <= 1e-12, "the clustered SE of the cell")
    // wildboottest counts only draws strictly more extreme; Kinerja counts ties too, and
    // the two weight vectors ±1, which reproduce the data, always tie: its p is either
    // wildboottest's or 2/256 above, as rounding falls for wildboottest.
    for test in Self.reference.tests {
      let difference = statistic.p(test.value) - test.p
      #expect(
        abs(difference) <= 1e-12 || abs(difference - 2.0 / 256) <= 1e-12,
        "p at \(test.value): \(statistic.p(test.value)) vs \(test.p)")
    }
    #expect(statistic.p(statistic.estimate) == 1)
  }

  /// The interval is the set of values the test does not reject at 5 %: just inside its
  /// ends p is above 0.05, just outside it is not, and it holds the estimate.
  @Test func intervalInvertsTheTest() throws {
    let did = try Self.did()
    let statistic = WildClusterBootstrap(did, draws: 0, seed: 1).statistic(
      [(0, 1)], estimate: did.groupTimes[0].att)
    let interval = try #require(statistic.interval())
    #expect(interval.low < statistic.estimate && statistic.estimate < interval.high)
    let width = interval.high - interval.low
    #expect(statistic.p(interval.low + 1e-6 * width) > 0.05 && statistic.p(interval.low - 1e-3 * width) <= 0.05)
    #expect(statistic.p(interval.high - 1e-6 * width) > 0.05 && statistic.p(interval.high + 1e-3 * width) <= 0.05)
  }
}
