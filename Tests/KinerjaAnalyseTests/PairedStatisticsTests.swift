import Foundation
import KinerjaAnalyse
import Testing

@Suite struct PairedStatisticsTests {
  struct Reference: Decodable {
    struct Case: Decodable {
      var name: String
      var pre: [Double]
      var post: [Double]
      var t: Double
      var df: Int
      var p: Double
      var ci_low: Double
      var ci_high: Double
      var dz: Double
      var wilcoxon_statistic: Double
      var wilcoxon_p: Double
    }
    var scipy: String
    var cases: [Case]
  }

  static let cases: [Reference.Case] = {
    let url = Bundle.module.url(
      forResource: "paired_expected", withExtension: "json", subdirectory: "Fixtures")!
    return try! JSONDecoder().decode(Reference.self, from: Data(contentsOf: url)).cases
  }()

  /// The fixture holds every case its script writes: an emptied or truncated file would
  /// otherwise run no case at all and pass.
  @Test func theFixtureHoldsEveryCase() {
    #expect(Self.cases.count == 12)
    #expect(Set(Self.cases.map(\.name)).count == 12)
  }

  /// ttest_rel, its CI, dz and wilcoxon agree with scipy 1.17 to 1e-9, on every path.
  @Test(arguments: cases.map(\.name))
  func agreesWithScipy(name: String) throws {
    let reference = try #require(Self.cases.first { $0.name == name })
    let paired = PairedDifferences(zip(reference.post, reference.pre).map { $0 - $1 })
    let t = paired.tTest()
    #expect(agrees(t.t, reference.t), "t")
    #expect(t.degreesOfFreedom == reference.df)
    #expect(agrees(t.p, reference.p), "p")
    let interval = paired.confidenceInterval()
    #expect(agrees(interval.low, reference.ci_low), "CI low")
    #expect(agrees(interval.high, reference.ci_high), "CI high")
    #expect(agrees(paired.cohensDz, reference.dz), "dz")
    let wilcoxon = try #require(SignedRankTest(paired.differences))
    #expect(agrees(wilcoxon.statistic, reference.wilcoxon_statistic), "W")
    #expect(agrees(wilcoxon.p, reference.wilcoxon_p), "Wilcoxon p (\(wilcoxon.method))")
    let expectedMethod = name.split(separator: " ").first.map(String.init)
    #expect(wilcoxon.method.rawValue == expectedMethod)
  }

  @Test func averageRanksAndTieGroups() {
    let (ranks, groups) = SignedRankTest.averageRanks([3, 1, 3, 2, 3])
    #expect(ranks == [4, 1, 4, 2, 4])
    #expect(groups == [1, 1, 3])
  }
}
