import Foundation
import KinerjaAnalyse
import Testing

/// Agreement with scipy to 1e-10 relative (values below 1e-300 compare as 0).
func agreesClosely(_ actual: Double, _ expected: Double, tolerance: Double = 1e-10) -> Bool {
  if expected == 0 || abs(expected) < 1e-300 { return abs(actual) < 1e-300 }
  return abs(actual - expected) <= tolerance * abs(expected)
}

@Suite struct DistributionTests {
  struct Reference: Decodable {
    struct TCase: Decodable {
      var df: Double
      var t: Double
      var survival: Double
      var two_sided: Double
    }
    struct TQuantile: Decodable {
      var df: Double
      var p: Double
      var quantile: Double
    }
    struct NormalCase: Decodable {
      var z: Double
      var two_sided: Double
      var cdf: Double
    }
    struct NormalQuantile: Decodable {
      var p: Double
      var quantile: Double
    }
    struct ChiCase: Decodable {
      var df: Double
      var x: Double
      var survival: Double
    }
    struct BetaCase: Decodable {
      var x: Double
      var a: Double
      var b: Double
      var value: Double
    }
    var scipy: String
    var t: [TCase]
    var t_quantiles: [TQuantile]
    var normal: [NormalCase]
    var normal_quantiles: [NormalQuantile]
    var chi2: [ChiCase]
    var beta: [BetaCase]

    static func load() throws -> Reference {
      let url = try #require(
        Bundle.module.url(
          forResource: "distributions_expected", withExtension: "json", subdirectory: "Fixtures"))
      return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }
  }

  @Test func studentTAgreesWithScipy() throws {
    let reference = try Reference.load()
    #expect(reference.t.count == 150)
    for test in reference.t {
      let distribution = StudentT(degreesOfFreedom: test.df)
      #expect(agreesClosely(distribution.survival(test.t), test.survival), "sf(\(test.t), df \(test.df))")
      #expect(agreesClosely(distribution.twoSidedP(test.t), test.two_sided), "p(\(test.t), df \(test.df))")
    }
    for test in reference.t_quantiles {
      let quantile = StudentT(degreesOfFreedom: test.df).quantile(test.p)
      #expect(agreesClosely(quantile, test.quantile), "ppf(\(test.p), df \(test.df)) = \(quantile)")
    }
  }

  @Test func normalAgreesWithScipy() throws {
    let reference = try Reference.load()
    for test in reference.normal {
      #expect(agreesClosely(Normal.twoSidedP(test.z), test.two_sided), "p(\(test.z))")
      #expect(agreesClosely(Normal.cdf(test.z), test.cdf), "cdf(\(test.z))")
    }
    for test in reference.normal_quantiles {
      #expect(agreesClosely(Normal.quantile(test.p), test.quantile), "ppf(\(test.p))")
    }
  }

  @Test func chiSquaredAndIncompleteBetaAgreeWithScipy() throws {
    let reference = try Reference.load()
    for test in reference.chi2 {
      #expect(
        agreesClosely(ChiSquared(degreesOfFreedom: test.df).survival(test.x), test.survival),
        "chi2 sf(\(test.x), \(test.df))")
    }
    for test in reference.beta {
      #expect(
        agreesClosely(SpecialFunctions.regularizedBeta(test.x, test.a, test.b), test.value),
        "I_\(test.x)(\(test.a), \(test.b))")
    }
  }
}
