#if canImport(Glibc)
  import Glibc
#endif

/// The Wilcoxon signed-rank test of paired differences, as `scipy.stats.wilcoxon` 1.17
/// computes it with its defaults (zero_method "wilcox", no continuity correction,
/// method "auto", two-sided).
///
/// Zeros are dropped before ranking. With at most 50 pairs and no ties or zeros the
/// p-value comes from the exact null distribution; with ties or zeros and at most 13
/// pairs, from all 2ⁿ sign flips; otherwise from the normal approximation with the
/// tie correction. The statistic is min(r⁺, r⁻).
package struct SignedRankTest: Sendable, Equatable {
  /// How the p-value was found.
  package enum Method: String, Sendable {
    case exact
    case permutation
    case asymptotic
  }

  package let statistic: Double
  package let p: Double
  package let method: Method

  /// Runs the test on `differences` (post − pre); `nil` when there are none.
  package init?(_ differences: [Double]) {
    guard !differences.isEmpty else { return nil }
    let nonzero = differences.filter { $0 != 0 }
    let hasZeros = nonzero.count < differences.count
    let (ranks, tieGroups) = Self.averageRanks(nonzero.map(abs))
    var plus = 0.0
    var minus = 0.0
    for (index, value) in nonzero.enumerated() {
      if value > 0 { plus += ranks[index] } else { minus += ranks[index] }
    }
    let hasTies = tieGroups.contains { $0 > 1 }
    statistic = min(plus, minus)
    if differences.count > 50 || ((hasTies || hasZeros) && differences.count > 13) {
      method = .asymptotic
      let m = Double(nonzero.count)
      let tieCorrection = tieGroups.reduce(0.0) { $0 + Double($1 * $1 * $1 - $1) }
      let se = ((m * (m + 1) * (2 * m + 1) - tieCorrection / 2) / 24).squareRoot()
      let z = (plus - m * (m + 1) / 4) / se
      p = se > 0 ? Normal.twoSidedP(z) : .nan
    } else if hasTies || hasZeros {
      method = .permutation
      p = Self.permutationP(ranks: ranks, observed: plus)
    } else {
      method = .exact
      p = Self.exactP(n: nonzero.count, observed: plus)
    }
  }

  /// Average ranks of `values` (1-based) and the sizes of the groups of equal values.
  package static func averageRanks(_ values: [Double]) -> (ranks: [Double], tieGroups: [Int]) {
    let order = values.indices.sorted { values[$0] < values[$1] }
    var ranks = [Double](repeating: 0, count: values.count)
    var groups: [Int] = []
    var start = 0
    while start < order.count {
      var end = start + 1
      while end < order.count && values[order[end]] == values[order[start]] { end += 1 }
      let average = Double(start + end + 1) / 2
      for position in start..<end { ranks[order[position]] = average }
      groups.append(end - start)
      start = end
    }
    return (ranks, groups)
  }

  /// Two-sided p from the exact distribution of r⁺ under H0 for `n` untied, nonzero pairs.
  private static func exactP(n: Int, observed: Double) -> Double {
    // counts[k]: subsets of {1, …, n} summing to k. Exact in a Double up to n = 50 (2⁵⁰).
    let maximum = n * (n + 1) / 2
    var counts = [Double](repeating: 0, count: maximum + 1)
    counts[0] = 1
    for rank in stride(from: 1, through: n, by: 1) {
      for sum in stride(from: maximum, through: rank, by: -1) { counts[sum] += counts[sum - rank] }
    }
    // Both tails are sums of whole counts, exact before the one division.
    let total = pow(2, Double(n))
    func cdf(_ k: Int) -> Double { k < 0 ? 0 : counts[0...min(k, maximum)].reduce(0, +) / total }
    func survival(_ k: Int) -> Double { k > maximum ? 0 : counts[max(0, k)...maximum].reduce(0, +) / total }
    let p = 2 * min(survival(Int(observed.rounded(.down))), cdf(Int(observed.rounded(.up))))
    return min(1, max(0, p))
  }

  /// Two-sided p from every assignment of signs to the ranks, as scipy's exhaustive
  /// `permutation_test` finds it.
  private static func permutationP(ranks: [Double], observed: Double) -> Double {
    let patterns = 1 << ranks.count
    let tolerance = abs(observed) * Double.ulpOfOne * 100
    var atMost = 0
    var atLeast = 0
    for pattern in 0..<patterns {
      var sum = 0.0
      for (index, rank) in ranks.enumerated() where pattern & (1 << index) != 0 { sum += rank }
      if sum <= observed + tolerance { atMost += 1 }
      if sum >= observed - tolerance { atLeast += 1 }
    }
    let p = 2 * Double(min(atMost, atLeast)) / Double(patterns)
    return min(1, p)
  }
}
