/// Normal–normal empirical-Bayes shrinkage of group means toward their common mean.
///
/// Group j has mean y_j with sampling variance v_j = s²_j / n_j. The spread of true
/// means τ² is the DerSimonian–Laird moment estimate (as statsmodels'
/// `combine_effects(method_re="dl")`); the shrunken mean is μ + (1 − B_j)(y_j − μ) with
/// B_j = v_j / (v_j + τ²) and μ the random-effects mean. A small group has a large v_j,
/// so its mean is pulled most: a lucky average of three people does not top a ranking.
package struct EmpiricalBayes: Sendable {
  /// DerSimonian–Laird τ².
  package let tau2: Double
  /// The random-effects mean μ = Σ y_j / (v_j + τ²) / Σ 1 / (v_j + τ²).
  package let mean: Double
  /// Shrinkage factors B_j = v_j / (v_j + τ²), one per group: 0 keeps the group's mean,
  /// 1 replaces it by μ.
  package let shrinkage: [Double]
  /// Shrunken means, one per group.
  package let shrunken: [Double]
  /// Posterior standard deviations √((1 − B_j) v_j), one per group.
  package let posteriorSD: [Double]

  /// Shrinks `means` with sampling `variances` (each > 0).
  package init(means: [Double], variances: [Double]) {
    let weights = variances.map { 1 / $0 }
    let totalWeight = weights.reduce(0, +)
    let fixedMean = zip(weights, means).reduce(0) { $0 + $1.0 * $1.1 } / totalWeight
    let q = zip(weights, means).reduce(0) { $0 + $1.0 * ($1.1 - fixedMean) * ($1.1 - fixedMean) }
    let c = totalWeight - weights.reduce(0) { $0 + $1 * $1 } / totalWeight
    // Truncated at zero, as DerSimonian and Laird (1986) define it (statsmodels 0.15
    // reports the untruncated value); a negative τ² would shrink past the mean.
    let between = means.count > 1 && c > 0 ? max(0, (q - Double(means.count - 1)) / c) : 0
    let randomWeights = variances.map { 1 / ($0 + between) }
    let overall = zip(randomWeights, means).reduce(0) { $0 + $1.0 * $1.1 } / randomWeights.reduce(0, +)
    let shrinkage = variances.map { $0 / ($0 + between) }
    tau2 = between
    mean = overall
    self.shrinkage = shrinkage
    shrunken = zip(means, shrinkage).map { overall + (1 - $1) * ($0 - overall) }
    posteriorSD = zip(variances, shrinkage).map { ((1 - $1) * $0).squareRoot() }
  }
}

/// Competition ranking ("1, 2, 2, 4"): higher scores rank first; equal scores share a
/// rank and the next rank skips; ties are broken by nothing else.
package func competitionRanks(_ scores: [Double]) -> [Int] {
  scores.map { score in 1 + scores.filter { $0 > score }.count }
}
