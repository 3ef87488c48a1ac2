#if canImport(Glibc)
  import Glibc
#endif

/// Trend statistics of one series y over x, as statsmodels, scipy and pymannkendall
/// compute them.
package struct SeriesTrend: Sendable {
  /// The ordinary least-squares slope of y on x with its t-based 95 % interval and
  /// two-sided p (statsmodels `OLS(y, add_constant(x))`).
  package struct LeastSquares: Sendable {
    package var slope: Double
    package var low: Double
    package var high: Double
    package var p: Double
  }

  /// The Theil–Sen slope and Sen's 95 % interval (`scipy.stats.theilslopes(y, x,
  /// alpha=0.95, method='separate')`).
  package struct TheilSen: Sendable {
    package var slope: Double
    package var low: Double
    package var high: Double
  }

  /// The Mann–Kendall test (`pymannkendall.original_test`): S, Var(S) with the tie
  /// correction, Z with the ±1 continuity correction, two-sided normal p, and
  /// tau = S / (n(n − 1)/2).
  package struct MannKendall: Sendable {
    package var s: Double
    package var varianceOfS: Double
    package var z: Double
    package var p: Double
    package var tau: Double
  }

  package let leastSquares: LeastSquares?
  package let theilSen: TheilSen?
  package let mannKendall: MannKendall?

  /// The trend statistics of `y` at `x` (same length, x increasing); each needs enough points.
  package init(x: [Double], y: [Double]) {
    precondition(x.count == y.count, "one y per x")
    leastSquares = x.count >= 3 ? Self.leastSquares(x, y) : nil
    theilSen = x.count >= 2 ? Self.theilSen(x, y) : nil
    mannKendall = y.count >= 2 ? Self.mannKendall(y) : nil
  }

  private static func leastSquares(_ x: [Double], _ y: [Double]) -> LeastSquares {
    let n = Double(x.count)
    let meanX = x.reduce(0, +) / n
    let meanY = y.reduce(0, +) / n
    var sxx = 0.0
    var sxy = 0.0
    for (xi, yi) in zip(x, y) {
      sxx += (xi - meanX) * (xi - meanX)
      sxy += (xi - meanX) * (yi - meanY)
    }
    let slope = sxy / sxx
    let intercept = meanY - slope * meanX
    let residuals = zip(x, y).reduce(0.0) { sum, point in
      let residual = point.1 - intercept - slope * point.0
      return sum + residual * residual
    }
    let standardError = (residuals / (n - 2) / sxx).squareRoot()
    let t = StudentT(degreesOfFreedom: n - 2)
    let half = t.quantile(0.975) * standardError
    return LeastSquares(
      slope: slope, low: slope - half, high: slope + half,
      p: standardError > 0 ? t.twoSidedP(slope / standardError) : (slope == 0 ? 1 : 0))
  }

  private static func theilSen(_ x: [Double], _ y: [Double]) -> TheilSen {
    var slopes: [Double] = []
    slopes.reserveCapacity(x.count * (x.count - 1) / 2)
    for i in 0..<x.count {
      for j in 0..<x.count where x[j] > x[i] { slopes.append((y[j] - y[i]) / (x[j] - x[i])) }
    }
    slopes.sort()
    let slope = slopes.withUnsafeBufferPointer { SortedSample($0).quantile(0.5) }
    // Sen (1968), eq. 2.6: the interval's ranks from the variance of Kendall's S.
    let n = Double(y.count)
    let ties = Self.tieSizes(x) + Self.tieSizes(y)
    let variance = (n * (n - 1) * (2 * n + 5) - ties.reduce(0) { $0 + $1 * ($1 - 1) * (2 * $1 + 5) }) / 18
    let z = Normal.quantile(0.025)
    let count = Double(slopes.count)
    let upper = min(
      Int(((count - z * variance.squareRoot()) / 2).rounded(.toNearestOrEven)), slopes.count - 1)
    let lower = max(Int(((count + z * variance.squareRoot()) / 2).rounded(.toNearestOrEven)) - 1, 0)
    guard upper >= 0, lower < slopes.count else { return TheilSen(slope: slope, low: .nan, high: .nan) }
    return TheilSen(slope: slope, low: slopes[lower], high: slopes[upper])
  }

  private static func mannKendall(_ y: [Double]) -> MannKendall {
    var s = 0.0
    for i in 0..<y.count {
      for j in (i + 1)..<y.count where y[j] != y[i] { s += y[j] > y[i] ? 1 : -1 }
    }
    let n = Double(y.count)
    let ties = Self.tieSizes(y)
    let variance = (n * (n - 1) * (2 * n + 5) - ties.reduce(0) { $0 + $1 * ($1 - 1) * (2 * $1 + 5) }) / 18
    let z = s > 0 ? (s - 1) / variance.squareRoot() : (s < 0 ? (s + 1) / variance.squareRoot() : 0)
    return MannKendall(
      s: s, varianceOfS: variance, z: z, p: Normal.twoSidedP(z), tau: s / (0.5 * n * (n - 1)))
  }

  /// Sizes of the groups of equal values that have more than one member.
  private static func tieSizes(_ values: [Double]) -> [Double] {
    var counts: [Double: Int] = [:]
    for value in values { counts[value, default: 0] += 1 }
    return counts.values.filter { $0 > 1 }.map(Double.init)
  }
}
