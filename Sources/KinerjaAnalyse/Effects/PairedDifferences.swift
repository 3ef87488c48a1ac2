#if canImport(Glibc)
  import Glibc
#endif

/// Paired differences (post − pre) and the tests researchers run on them, computed as
/// scipy 1.17 computes `ttest_rel(post, pre)` and `wilcoxon(post, pre)`.
package struct PairedDifferences: Sendable {
  /// post − pre, one per pair.
  package let differences: [Double]

  package init(_ differences: [Double]) { self.differences = differences }

  /// The number of pairs.
  package var count: Int { differences.count }

  /// The mean difference.
  package var mean: Double { differences.reduce(0, +) / Double(count) }

  /// The standard deviation of the differences (n − 1).
  package var standardDeviation: Double {
    guard count > 1 else { return .nan }
    let mean = self.mean
    return (differences.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count - 1)).squareRoot()
  }

  /// Cohen's dz: mean difference / sd of the differences.
  package var cohensDz: Double { mean / standardDeviation }

  /// The paired t test: t, degrees of freedom and two-sided p (`scipy.stats.ttest_rel`).
  package func tTest() -> (t: Double, degreesOfFreedom: Int, p: Double) {
    let n = Double(count)
    let t = mean / (standardDeviation / n.squareRoot())
    let df = count - 1
    guard t.isFinite, df > 0 else { return (t, df, t.isNaN || df <= 0 ? .nan : 0) }
    return (t, df, StudentT(degreesOfFreedom: Double(df)).twoSidedP(t))
  }

  /// The t-based confidence interval of the mean difference.
  package func confidenceInterval(level: Double = 0.95) -> (low: Double, high: Double) {
    guard count > 1 else { return (.nan, .nan) }
    let half =
      StudentT(degreesOfFreedom: Double(count - 1)).quantile(0.5 + level / 2)
      * standardDeviation / Double(count).squareRoot()
    return (mean - half, mean + half)
  }
}
