/// The wild cluster bootstrap-t with the null imposed (WCR), for effects that are linear
/// combinations of a study's ATT(g, t): a p-value for any hypothesised value, and the 95 %
/// interval found by inverting it.
///
/// Each ATT(g, t) is a signed sum of four means (treated and controls, now and at base).
/// Clustered standard errors sum the residuals' influence within clusters; when a cohort is
/// a single agency (training assigned by agency), its own shared shocks are among its
/// residuals' mean and vanish from those sums, so analytic intervals are too narrow. Under
/// the null, the four means are refitted with the effect held at the hypothesised value
/// (a restricted least-squares fit of the stacked cells), the restricted residuals are
/// multiplied by one Rademacher weight per cluster, and the t statistic — studentised by
/// the same clustered variance — is recomputed: the treated agency's shock now moves the
/// bootstrap effect. With at most 12 clusters every one of the 2^G weight vectors is used,
/// so the result is exact and needs no seed. Cohort-share weights of the aggregations are
/// held fixed.
package struct WildClusterBootstrap: Sendable {
  /// The parts of one ATT(g, t): for each of its four means, its sign, its size and, per
  /// cluster, how many of its values and their residuals' sum fall in the cluster.
  struct Cell: Sendable {
    var signs: [Double] = [1, -1, -1, 1]
    var sizes: [Double] = []
    /// `counts[part][cluster]`, `residuals[part][cluster]`.
    var counts: [[Double]] = []
    var residuals: [[Double]] = []
  }

  let cells: [Cell]
  let clusters: Int
  let units: Double
  /// Weight vectors, one per draw, each `clusters` long (+1 or −1).
  let weights: [[Double]]
  /// The number of draws (weight vectors).
  package var draws: Int { weights.count }

  /// Prepares the bootstrap of `did`'s effects: all 2^G weight vectors when G ≤ 12, else
  /// `draws` random ones from `seed` (one stream per draw). Cells are prepared on
  /// `threads` workers; nothing depends on their number.
  package init(_ did: StaggeredDiD, draws: Int, seed: UInt64, threads: Int = 1) {
    clusters = did.panel.clusters
    units = Double(did.units)
    cells = parallelMap(count: did.groupTimes.count, threads: threads) { Self.cell(of: did.groupTimes[$0], in: did) }
    if clusters <= 12 {
      weights = (0..<(1 << clusters)).map { pattern in
        (0..<did.panel.clusters).map { (pattern >> $0) & 1 == 0 ? 1 : -1 }
      }
    } else {
      let clusters = self.clusters
      weights = (0..<draws).map { draw in
        var random = SplitMix64(seed: seed, stream: UInt64(draw) | 1 << 40)
        var bits: UInt64 = 0
        return (0..<clusters).map { c in
          if c % 64 == 0 { bits = random.next() }
          return (bits >> UInt64(c % 64)) & 1 == 0 ? 1 : -1
        }
      }
    }
  }

  private static func cell(of effect: StaggeredDiD.GroupTime, in did: StaggeredDiD) -> Cell {
    let g = did.panel.clusters
    var cell = Cell()
    let means = [effect.treatedNow, effect.treatedBase, effect.controlNow, effect.controlBase]
    cell.sizes = means.map { Double($0.count) }
    cell.counts = [[Double]](repeating: [Double](repeating: 0, count: g), count: 4)
    cell.residuals = cell.counts
    for unit in 0..<did.panel.units where did.included[unit] {
      let part: Int
      if did.panel.cohort[unit] == effect.group {
        part = 0
      } else if did.isControl(unit, group: effect.group, period: effect.period) {
        part = 2
      } else {
        continue
      }
      let cluster = Int(did.panel.cluster[unit])
      for (offset, slot) in [(0, effect.slot), (1, effect.baseSlot)] {
        let value = did.panel.outcome(unit, slot: slot)
        guard !value.isNaN else { continue }
        cell.counts[part + offset][cluster] += 1
        cell.residuals[part + offset][cluster] += value - means[part + offset].value
      }
    }
    return cell
  }

  /// The statistic Σ w_k ATT_k prepared for testing: its clustered scores and the
  /// per-draw terms that make its bootstrap t statistic a function of the hypothesised value.
  package struct Statistic: Sendable {
    /// The estimate.
    package let estimate: Double
    /// √(Σ_c S_c²) / n, the clustered standard error without the weights' estimation.
    package let standardError: Double
    /// Per draw: Σ v S, Σ v Q, |A|², A·B, |B|² (see `WildClusterBootstrap`).
    let terms: [(score: Double, shift: Double, aa: Double, ab: Double, bb: Double)]
    let shiftScale: Double

    /// The share of draws whose |t| is at least that of the estimate against `value`.
    package func p(_ value: Double) -> Double {
      let delta = estimate - value
      guard standardError > 0 else { return delta == 0 ? 1 : 0 }
      // Ties count as at least as extreme (the weight vectors ±1 reproduce the data, so
      // they tie exactly, up to rounding, which the margin absorbs).
      let observed = abs(delta) / standardError * (1 - 1e-12)
      var atLeast = 0
      for term in terms {
        let numerator = term.score + shiftScale * delta * term.shift
        let variance = term.aa + 2 * delta * term.ab + delta * delta * term.bb
        // A draw whose bootstrap variance vanishes counts as at least as extreme.
        if variance <= 0 || abs(numerator) / variance.squareRoot() >= observed { atLeast += 1 }
      }
      return Double(atLeast) / Double(terms.count)
    }

    /// The values not rejected at level 1 − `confidence`: the interval found by bisection
    /// of `p` on either side of the estimate.
    package func interval(confidence: Double = 0.95) -> (low: Double, high: Double)? {
      let alpha = 1 - confidence
      guard standardError > 0, standardError.isFinite else { return nil }
      func bound(_ direction: Double) -> Double? {
        var inside = 0.0
        var outside = 2 * standardError
        var steps = 0
        while p(estimate + direction * outside) > alpha {
          inside = outside
          outside *= 2
          steps += 1
          if steps > 40 { return nil }
        }
        for _ in 0..<40 {
          let middle = (inside + outside) / 2
          if p(estimate + direction * middle) > alpha { inside = middle } else { outside = middle }
        }
        return estimate + direction * outside
      }
      guard let low = bound(-1), let high = bound(1) else { return nil }
      return (low, high)
    }
  }

  /// The statistic Σ weights[k] · ATT(cells[k]).
  package func statistic(_ members: [(cell: Int, weight: Double)], estimate: Double) -> Statistic {
    let g = clusters
    let n = units
    var scores = [Double](repeating: 0, count: g)
    var leverage = [Double](repeating: 0, count: g)
    var m0 = [Double](repeating: 0, count: g * g)
    var m1 = [Double](repeating: 0, count: g * g)
    for (index, weight) in members {
      let cell = cells[index]
      for part in 0..<4 where cell.sizes[part] > 0 {
        let size = cell.sizes[part]
        let sign = cell.signs[part]
        let counts = cell.counts[part]
        let residuals = cell.residuals[part]
        for c in 0..<g {
          scores[c] += n * weight * sign / size * residuals[c]
          leverage[c] += weight * weight * counts[c] / (size * size)
          guard counts[c] != 0 else { continue }
          let row = c * g
          let a = n * weight * sign / (size * size) * counts[c]
          let b = n * weight * weight * counts[c] / (size * size * size)
          for other in 0..<g {
            m0[row + other] += a * residuals[other]
            m1[row + other] += b * counts[other]
          }
        }
      }
    }
    let total = leverage.reduce(0, +)
    let squares = scores.reduce(0) { $0 + $1 * $1 }
    let shiftScale = total > 0 ? n / total : 0
    var terms: [(Double, Double, Double, Double, Double)] = []
    terms.reserveCapacity(weights.count)
    var a = [Double](repeating: 0, count: g)
    var b = [Double](repeating: 0, count: g)
    for v in weights {
      var score = 0.0
      var shift = 0.0
      for c in 0..<g {
        score += v[c] * scores[c]
        shift += v[c] * leverage[c]
        var m0v = 0.0
        var m1v = 0.0
        let row = c * g
        for other in 0..<g {
          m0v += m0[row + other] * v[other]
          m1v += m1[row + other] * v[other] / total
        }
        a[c] = v[c] * scores[c] - m0v
        b[c] = shiftScale * v[c] * leverage[c] - m1v
      }
      var aa = 0.0
      var ab = 0.0
      var bb = 0.0
      for c in 0..<g {
        aa += a[c] * a[c]
        ab += a[c] * b[c]
        bb += b[c] * b[c]
      }
      terms.append((score, shift, aa, ab, bb))
    }
    return Statistic(
      estimate: estimate, standardError: squares.squareRoot() / n,
      terms: terms.map { (score: $0.0, shift: $0.1, aa: $0.2, ab: $0.3, bb: $0.4) }, shiftScale: shiftScale)
  }

  /// The sup-t test that every statistic is zero, with the null imposed on each: the
  /// largest |estimate / standard error| against the same maximum over the draws (all
  /// statistics share each draw's weights). `nil` without statistics.
  package static func supTest(_ statistics: [Statistic]) -> (statistic: Double, p: Double)? {
    let usable = statistics.filter { $0.standardError > 0 }
    guard let draws = usable.first?.terms.count, draws > 0 else { return nil }
    let observed = usable.map { abs($0.estimate) / $0.standardError }.max()!
    var atLeast = 0
    for draw in 0..<draws {
      var largest = 0.0
      for statistic in usable {
        let term = statistic.terms[draw]
        let delta = statistic.estimate
        let numerator = term.score + statistic.shiftScale * delta * term.shift
        let variance = term.aa + 2 * delta * term.ab + delta * delta * term.bb
        largest = max(largest, variance > 0 ? abs(numerator) / variance.squareRoot() : .infinity)
      }
      if largest >= observed { atLeast += 1 }
    }
    return (observed, Double(atLeast) / Double(draws))
  }
}
