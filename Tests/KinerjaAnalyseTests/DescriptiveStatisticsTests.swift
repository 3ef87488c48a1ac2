import Foundation
import KinerjaAnalyse
import Testing

/// Agreement to 1e-9 relative, as ANALYSES.md asks of closed forms.
func agrees(_ actual: Double?, _ expected: Double?, tolerance: Double = 1e-9) -> Bool {
  switch (actual, expected) {
  case (nil, nil): return true
  case (let actual?, let expected?):
    return abs(actual - expected) <= tolerance * max(1, abs(expected))
  default: return false
  }
}

@Suite struct DescriptiveStatisticsTests {
  struct Reference: Decodable {
    struct Case: Decodable {
      var values: [Double]
      var mean: Double
      var sd: Double?
      var p10: Double
      var median: Double
      var p90: Double
    }
    var numpy: String
    var cases: [Case]
  }

  /// mean, sd and type-7 quantiles agree with numpy (fixture made by descriptive_reference.py).
  @Test func agreesWithNumpy() throws {
    let url = try #require(
      Bundle.module.url(forResource: "descriptive_expected", withExtension: "json", subdirectory: "Fixtures"))
    let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    #expect(reference.cases.count == 11)
    for referenceCase in reference.cases {
      let sorted = referenceCase.values.sorted()
      sorted.withUnsafeBufferPointer { buffer in
        let sample = SortedSample(buffer)
        #expect(agrees(sample.mean, referenceCase.mean), "mean of \(sorted.count) values")
        #expect(
          agrees(sample.standardDeviation.isNaN ? nil : sample.standardDeviation, referenceCase.sd),
          "sd of \(sorted.count)")
        #expect(agrees(sample.quantile(0.1), referenceCase.p10), "p10 of \(sorted.count)")
        #expect(agrees(sample.quantile(0.5), referenceCase.median), "median of \(sorted.count)")
        #expect(agrees(sample.quantile(0.9), referenceCase.p90), "p90 of \(sorted.count)")
      }
    }
  }

  @Test func emptySampleHasNoStatistics() {
    let empty: [Double] = []
    empty.withUnsafeBufferPointer { buffer in
      let sample = SortedSample(buffer)
      #expect(sample.mean.isNaN && sample.standardDeviation.isNaN && sample.quantile(0.5).isNaN)
    }
  }
}
