/// The multiplier bootstrap of `did::mboot`, clustered as `did` does since it follows
/// Callaway and Sant'Anna's Remark 10: one multiplier per cluster, applied to the cluster
/// sums of the influence function. Multipliers are Mammen's two-point weights (mean 0,
/// variance 1), as moderndid draws them.
///
/// Gives each estimate a bootstrap standard error (the interquartile range of the draws
/// over that of the normal) and the sup-t critical value of a uniform band over all of
/// them. Draw b uses a random stream of its own, seeded by the seed and b, so the results
/// are the same for every thread count.
package struct MultiplierBootstrap: Sendable {
  /// What the draws give.
  package struct Result: Sendable {
    /// Bootstrap standard errors, `nil` for an estimate whose draws are all (nearly) zero.
    package var standardErrors: [Double?]
    /// The 1 − α quantile of the largest |draw / scale| over the estimates; `nil` when
    /// every estimate is degenerate.
    package var critical: Double?
    /// Each draw's largest |draw / scale|, ascending: the null distribution of a sup-t statistic.
    package var maxima: [Double]

    /// The share of draws whose largest |t| is at least that of `estimates`: the p-value
    /// of the sup-t test that every estimate is zero. `scale` maps estimate i's observed
    /// |t| to the normal scale the draws are on (by default it is there already).
    package func supTestP(_ estimates: [Double], scale: (Int, Double) -> Double = { $1 }) -> Double? {
      var observed = 0.0
      for (index, (estimate, error)) in zip(estimates, standardErrors).enumerated() {
        guard let error else { continue }
        observed = max(observed, scale(index, abs(estimate) / error))
      }
      guard !maxima.isEmpty else { return nil }
      let below = maxima.firstIndex { $0 >= observed } ?? maxima.count
      return Double(maxima.count - below) / Double(maxima.count)
    }
  }

  package var draws: Int
  package var seed: UInt64
  package var threads: Int

  package init(draws: Int, seed: UInt64, threads: Int = 1) {
    self.draws = draws
    self.seed = seed
    self.threads = threads
  }

  /// Bootstraps estimates from their influence functions' cluster sums (`columns[j][c]`:
  /// estimate j, cluster c) over `units` units; `alpha` sets the band's level.
  package func run(_ columns: [[Double]], units: Int, alpha: Double = 0.05) -> Result {
    let estimates = columns.count
    let clusters = columns.first?.count ?? 0
    guard draws > 0, estimates > 0, clusters > 0 else { return Result(standardErrors: [], critical: nil, maxima: []) }
    let scale = Double(clusters).squareRoot() / Double(clusters)
    // Cluster-major copy, so a draw reads one cluster's sums together.
    var sums = [Double](repeating: 0, count: clusters * estimates)
    for (j, column) in columns.enumerated() {
      for (c, value) in column.enumerated() { sums[c * estimates + j] = value }
    }
    let seed = self.seed
    let rows = parallelMap(count: draws, threads: threads) { draw -> [Double] in
      var random = SplitMix64(seed: seed, stream: UInt64(draw))
      var row = [Double](repeating: 0, count: estimates)
      for c in 0..<clusters {
        let uniform = Double(random.next() >> 11) * 0x1p-53
        let weight = uniform < Self.mammenLowShare ? Self.mammenLow : Self.mammenHigh
        let base = c * estimates
        for j in 0..<estimates { row[j] += weight * sums[base + j] }
      }
      for j in 0..<estimates { row[j] *= scale }
      return row
    }
    // As `mboot`: estimates whose draws are all near zero get no standard error.
    let threshold = Double.ulpOfOne.squareRoot() * 10
    let spread = Normal.quantile(0.75) - Normal.quantile(0.25)
    var scales = [Double?](repeating: nil, count: estimates)
    var column = [Double](repeating: 0, count: draws)
    for j in 0..<estimates {
      var squares = 0.0
      for b in 0..<draws {
        column[b] = rows[b][j]
        squares += column[b] * column[b]
      }
      guard squares > threshold else { continue }
      column.sort()
      let iqr = Self.quantile(column, 0.75) - Self.quantile(column, 0.25)
      if iqr > 0 { scales[j] = iqr / spread }
    }
    var maxima: [Double] = []
    maxima.reserveCapacity(draws)
    for row in rows {
      var largest = -Double.infinity
      for j in 0..<estimates { if let scale = scales[j] { largest = max(largest, abs(row[j]) / scale) } }
      if largest.isFinite { maxima.append(largest) }
    }
    maxima.sort()
    let errors = scales.map { $0.map { $0 * Double(clusters).squareRoot() / Double(units) } }
    return Result(
      standardErrors: errors, critical: maxima.isEmpty ? nil : Self.quantile(maxima, 1 - alpha), maxima: maxima)
  }

  /// Mammen's weights: (1 − √5) / 2 with probability (√5 + 1) / (2√5), else (1 + √5) / 2.
  static let mammenLow = (1 - 5.0.squareRoot()) / 2
  static let mammenHigh = (1 + 5.0.squareRoot()) / 2
  static let mammenLowShare = (5.0.squareRoot() + 1) / (2 * 5.0.squareRoot())

  /// R's type-1 quantile (the inverse of the empirical distribution) of sorted `values`.
  static func quantile(_ values: [Double], _ p: Double) -> Double {
    let rank = Int((Double(values.count) * p).rounded(.up))
    return values[min(values.count - 1, max(0, rank - 1))]
  }
}

/// SplitMix64 on one of many streams: a seed and a stream number give an independent,
/// reproducible sequence of 64-bit values.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64, stream: UInt64) {
    state = seed ^ 0x9E37_79B9_7F4A_7C15
    state = Self.mix(state &+ stream &* 0xD1B5_4A32_D192_ED03)
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return Self.mix(state)
  }

  private static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
