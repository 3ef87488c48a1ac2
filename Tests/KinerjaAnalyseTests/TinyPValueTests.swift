import Foundation
import KinerjaAnalyse
import Testing

/// p-values in the far tail: trend and paired tests on very strong signals, whose p run
/// from about 1e-14 down to 7e-299 (fixture made by tiny_p_reference.py, each p checked
/// there against mpmath at 60 digits). Every p must agree to 1e-9 relative, however small.
@Suite struct TinyPValueTests {
  struct Reference: Decodable {
    struct Trend: Decodable {
      var name: String
      var x: [Double]
      var y: [Double]
      var ols_slope, ols_p: Double
      var mk_s, mk_var_s, mk_z, mk_p: Double
    }
    struct Paired: Decodable {
      var name: String
      var pre: [Double]
      var post: [Double]
      var t: Double
      var df: Int
      var p: Double
      var wilcoxon_statistic: Double
      var wilcoxon_p: Double
    }
    var mpmath: String
    var trends: [Trend]
    var paired: [Paired]
  }

  static let reference: Reference = {
    let url = Bundle.module.url(forResource: "tiny_p_expected", withExtension: "json", subdirectory: "Fixtures")!
    return try! JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
  }()

  /// The fixture has its cases, and they do reach the far tail.
  @Test func fixtureReachesTheFarTail() {
    #expect(Self.reference.trends.count == 4)
    #expect(Self.reference.paired.count == 5)
    let smallest = (Self.reference.trends.map(\.mk_p) + Self.reference.paired.map(\.wilcoxon_p)).min() ?? 1
    #expect(smallest > 0 && smallest < 1e-290)
  }

  @Test(arguments: reference.trends.map(\.name))
  func trendPValues(name: String) throws {
    let reference = try #require(Self.reference.trends.first { $0.name == name })
    let trend = SeriesTrend(x: reference.x, y: reference.y)
    let ols = try #require(trend.leastSquares)
    #expect(agrees(ols.slope, reference.ols_slope), "OLS slope")
    #expect(agrees(ols.p, reference.ols_p, zeroFloor: 1e-300), "OLS p \(ols.p) vs \(reference.ols_p)")
    let mk = try #require(trend.mannKendall)
    #expect(mk.s == reference.mk_s && agrees(mk.varianceOfS, reference.mk_var_s), "S and Var(S)")
    #expect(agrees(mk.z, reference.mk_z), "Z")
    #expect(agrees(mk.p, reference.mk_p), "Mann–Kendall p \(mk.p) vs \(reference.mk_p)")
  }

  @Test(arguments: reference.paired.map(\.name))
  func pairedPValues(name: String) throws {
    let reference = try #require(Self.reference.paired.first { $0.name == name })
    let paired = PairedDifferences(zip(reference.post, reference.pre).map { $0 - $1 })
    let t = paired.tTest()
    #expect(agrees(t.t, reference.t), "t")
    #expect(t.degreesOfFreedom == reference.df)
    #expect(agrees(t.p, reference.p, zeroFloor: 1e-300), "t p \(t.p) vs \(reference.p)")
    let wilcoxon = try #require(SignedRankTest(paired.differences))
    #expect(agrees(wilcoxon.statistic, reference.wilcoxon_statistic), "W")
    #expect(agrees(wilcoxon.p, reference.wilcoxon_p), "Wilcoxon p \(wilcoxon.p) vs \(reference.wilcoxon_p)")
  }
}
