import Foundation
import KinerjaAnalyse
import Testing

@Suite struct TrendTestsTests {
  struct Reference: Decodable {
    struct Case: Decodable {
      var name: String
      var x: [Double]
      var y: [Double]
      var ols_slope, ols_low, ols_high, ols_p: Double
      var theil_slope, theil_low, theil_high: Double
      var mk_s, mk_var_s, mk_z, mk_p, mk_tau: Double
    }
    var cases: [Case]
  }

  static let cases: [Reference.Case] = {
    let url = Bundle.module.url(
      forResource: "trend_tests_expected", withExtension: "json", subdirectory: "Fixtures")!
    return try! JSONDecoder().decode(Reference.self, from: Data(contentsOf: url)).cases
  }()

  /// The fixture holds every case its script writes: an emptied or truncated file would
  /// otherwise run no case at all and pass.
  @Test func theFixtureHoldsEveryCase() {
    #expect(Self.cases.count == 7)
    #expect(Set(Self.cases.map(\.name)).count == 7)
  }

  /// OLS (statsmodels), Theil–Sen (scipy) and Mann–Kendall (pymannkendall) agree to 1e-9.
  @Test(arguments: cases.map(\.name))
  func agreesWithReferences(name: String) throws {
    let reference = try #require(Self.cases.first { $0.name == name })
    let trend = SeriesTrend(x: reference.x, y: reference.y)
    let ols = try #require(trend.leastSquares)
    #expect(agrees(ols.slope, reference.ols_slope), "OLS slope")
    #expect(agrees(ols.low, reference.ols_low), "OLS low")
    #expect(agrees(ols.high, reference.ols_high), "OLS high")
    #expect(agrees(ols.p, reference.ols_p), "OLS p")
    let theil = try #require(trend.theilSen)
    #expect(agrees(theil.slope, reference.theil_slope), "Theil-Sen slope")
    #expect(agrees(theil.low, reference.theil_low), "Theil-Sen low")
    #expect(agrees(theil.high, reference.theil_high), "Theil-Sen high")
    let mk = try #require(trend.mannKendall)
    #expect(mk.s == reference.mk_s && agrees(mk.varianceOfS, reference.mk_var_s), "S and Var(S)")
    #expect(agrees(mk.z, reference.mk_z), "Z")
    #expect(agrees(mk.p, reference.mk_p), "p")
    #expect(agrees(mk.tau, reference.mk_tau), "tau")
  }

  @Test func shortSeriesHaveWhatTheyCan() {
    let two = SeriesTrend(x: [0, 1], y: [80, 81])
    #expect(two.leastSquares == nil)
    #expect(two.theilSen?.slope == 1)
    #expect(two.mannKendall?.s == 1)
  }
}
