/// Summaries of group-time effects, as `did::aggte` computes them with analytic
/// standard errors.
///
/// Each summary is a weighted mean of ATT(g, t)s with weights proportional to the
/// cohorts' sizes; its influence function adds, to the weighted influence functions of
/// the ATT(g, t)s, the effect of estimating those weights from the data (`wif` in `did`).
package struct DiDSummary: Sendable {
  /// One aggregated effect.
  package struct Estimate: Sendable, Equatable {
    /// `simple`, `group`, `dynamic`, `calendar` (as `did`), or `post_training`: the mean
    /// event-time effect from the first period after the training period on.
    package var aggregation: String
    /// The cohort, event time or period it is for; `nil` for an overall estimate.
    package var index: Int?
    package var att: Double
    package var standardError: Double
  }

  /// The overall and per-index estimates of every aggregation.
  package private(set) var estimates: [Estimate] = []
  /// The Wald test that every pre-treatment ATT(g, t) is zero.
  package private(set) var preTrend: (statistic: Double, degreesOfFreedom: Int, p: Double)?
  /// Why there is no pre-trend test although there are pre-treatment effects, if so.
  package private(set) var preTrendOmission: (degreesOfFreedom: Int, reason: String)?

  private let did: StaggeredDiD
  /// P(G = g) among the units used, by cohort.
  private let cohortShares: [Int: Double]

  package init(_ did: StaggeredDiD) {
    self.did = did
    var counts: [Int: Int] = [:]
    for unit in 0..<did.panel.units where did.included[unit] {
      if let cohort = did.panel.cohort[unit] { counts[cohort, default: 0] += 1 }
    }
    cohortShares = counts.mapValues { Double($0) / Double(did.units) }
    computeEstimates()
    preTrend = computePreTrend()
  }

  private mutating func computeEstimates() {
    let effects = did.groupTimes
    let post = effects.indices.filter { effects[$0].period >= effects[$0].group }
    // simple: post-treatment effects weighted by cohort size.
    let simple = aggregate(post)
    estimates.append(
      Estimate(
        aggregation: "simple", index: nil, att: simple.att, standardError: standardError(simple.influence)))

    // group: each cohort's mean post-treatment effect, then their size-weighted mean.
    var groupEffects: [(att: Double, influence: [Double])] = []
    for group in did.groups {
      let members = post.filter { effects[$0].group == group }
      guard !members.isEmpty else { continue }
      let equal = [Double](repeating: 1 / Double(members.count), count: members.count)
      let combined = combine(members, weights: equal, estimateWeights: false)
      groupEffects.append(combined)
      estimates.append(
        Estimate(
          aggregation: "group", index: group, att: combined.att,
          standardError: standardError(combined.influence)))
    }
    let groupsWithEffects = did.groups.filter { group in post.contains { effects[$0].group == group } }
    let groupWeights = groupsWithEffects.map { cohortShares[$0, default: 0] }
    let overallGroup = combineSummaries(
      groupEffects, weights: groupWeights.map { $0 / groupWeights.reduce(0, +) },
      weightInfluence: weightInfluence(cohorts: groupsWithEffects))
    estimates.insert(
      Estimate(
        aggregation: "group", index: nil, att: overallGroup.att,
        standardError: standardError(overallGroup.influence)),
      at: estimates.count - groupEffects.count)

    // dynamic: by event time e = t − g; overall = mean over e ≥ 0.
    let eventTimes = Set(effects.map { $0.period - $0.group }).sorted()
    var dynamicPositive: [(att: Double, influence: [Double])] = []
    var dynamicRows: [Estimate] = []
    for event in eventTimes {
      let summary = aggregate(effects.indices.filter { effects[$0].period - effects[$0].group == event })
      dynamicRows.append(
        Estimate(
          aggregation: "dynamic", index: event, att: summary.att,
          standardError: standardError(summary.influence)))
      if event >= 0 { dynamicPositive.append(summary) }
    }
    let dynamic = equallyWeighted(dynamicPositive)
    estimates.append(
      Estimate(
        aggregation: "dynamic", index: nil, att: dynamic.att, standardError: standardError(dynamic.influence))
    )
    estimates += dynamicRows

    // post_training: like dynamic, but from the first period after the training period
    // (e ≥ 1). Training takes place during period g, so ATT(g, g) measures a programme
    // still under way; this is the effect once it is over.
    let afterTraining = Array(dynamicPositive.dropFirst(eventTimes.contains(0) ? 1 : 0))
    if !afterTraining.isEmpty {
      let post = equallyWeighted(afterTraining)
      estimates.append(
        Estimate(
          aggregation: "post_training", index: nil, att: post.att,
          standardError: standardError(post.influence)))
    }

    // calendar: by period t ≥ the first cohort, over cohorts treated by t; overall = mean.
    var calendar: [(att: Double, influence: [Double])] = []
    var calendarRows: [Estimate] = []
    for period in (did.groups.first ?? 0)..<did.panel.periods {
      let members = post.filter { effects[$0].period == period }
      guard !members.isEmpty else { continue }
      let summary = aggregate(members)
      calendar.append(summary)
      calendarRows.append(
        Estimate(
          aggregation: "calendar", index: period, att: summary.att,
          standardError: standardError(summary.influence)))
    }
    let overallCalendar = equallyWeighted(calendar)
    estimates.append(
      Estimate(
        aggregation: "calendar", index: nil, att: overallCalendar.att,
        standardError: standardError(overallCalendar.influence)))
    estimates += calendarRows
  }

  /// The plain mean of already aggregated effects (their weights are fixed, not estimated).
  private func equallyWeighted(_ parts: [(att: Double, influence: [Double])]) -> (
    att: Double, influence: [Double]
  ) {
    combineSummaries(
      parts, weights: [Double](repeating: 1 / Double(max(1, parts.count)), count: parts.count),
      weightInfluence: nil)
  }

  /// The cohort-size-weighted mean of the effects at `members`, with the weights'
  /// estimation effect in its influence function.
  private func aggregate(_ members: [Int]) -> (att: Double, influence: [Double]) {
    let shares = members.map { cohortShares[did.groupTimes[$0].group, default: 0] }
    let total = shares.reduce(0, +)
    return combine(members, weights: shares.map { $0 / total }, estimateWeights: true)
  }

  /// Σ w_k ATT_k and its influence function over the units.
  private func combine(_ members: [Int], weights: [Double], estimateWeights: Bool) -> (
    att: Double, influence: [Double]
  ) {
    let effects = members.map { did.groupTimes[$0] }
    let att = zip(effects, weights).reduce(0) { $0 + $1.0.att * $1.1 }
    var influence = [Double](repeating: 0, count: did.panel.units)
    for unit in 0..<did.panel.units where did.included[unit] {
      var value = 0.0
      for (effect, weight) in zip(effects, weights) {
        value += weight * did.influence(of: effect, unit: unit)
      }
      influence[unit] = value
    }
    if estimateWeights {
      let cohorts = effects.map(\.group)
      let factor = weightInfluence(cohorts: cohorts)
      for unit in 0..<did.panel.units where did.included[unit] {
        var value = 0.0
        for (position, effect) in effects.enumerated() { value += factor(unit, position) * effect.att }
        influence[unit] += value
      }
    }
    return (att, influence)
  }

  /// Combines already aggregated effects with fixed `weights`, plus, when given, the
  /// estimation effect of weights proportional to the cohort shares.
  private func combineSummaries(
    _ parts: [(att: Double, influence: [Double])], weights: [Double], weightInfluence: ((Int, Int) -> Double)?
  ) -> (att: Double, influence: [Double]) {
    let att = zip(parts, weights).reduce(0) { $0 + $1.0.att * $1.1 }
    var influence = [Double](repeating: 0, count: did.panel.units)
    for unit in 0..<did.panel.units where did.included[unit] {
      var value = 0.0
      for (part, weight) in zip(parts, weights) { value += weight * part.influence[unit] }
      if let weightInfluence {
        for (position, part) in parts.enumerated() { value += weightInfluence(unit, position) * part.att }
      }
      influence[unit] = value
    }
    return (att, influence)
  }

  /// `did`'s `wif`: the influence of estimating weights P(G = g_k) / Σ P(G = g_j) on a
  /// weighted mean whose k-th term belongs to cohort `cohorts[k]`.
  private func weightInfluence(cohorts: [Int]) -> (Int, Int) -> Double {
    let shares = cohorts.map { cohortShares[$0, default: 0] }
    let total = shares.reduce(0, +)
    // Σ_k (1[G = g_k] − p_k) depends on the unit only through its cohort.
    var positionsOfCohort: [Int: Int] = [:]
    for group in cohorts { positionsOfCohort[group, default: 0] += 1 }
    let cohort = did.panel.cohort
    return { unit, position in
      let matches = cohort[unit].flatMap { positionsOfCohort[$0] } ?? 0
      let deviations = Double(matches) - total
      let own = ((cohort[unit] == cohorts[position] ? 1 : 0) - shares[position]) / total
      return own - deviations * shares[position] / (total * total)
    }
  }

  /// sqrt(mean(IF²) / n) over the units used.
  private func standardError(_ influence: [Double]) -> Double {
    var squares = 0.0
    for unit in 0..<did.panel.units where did.included[unit] { squares += influence[unit] * influence[unit] }
    return (squares / Double(did.units)).squareRoot() / Double(did.units).squareRoot()
  }

  /// The Wald statistic n · θ′ V⁻¹ θ over pre-treatment effects θ, with V = IF′IF / n.
  private mutating func computePreTrend() -> (statistic: Double, degreesOfFreedom: Int, p: Double)? {
    let pre = did.groupTimes.filter { $0.period < $0.group }
    guard !pre.isEmpty else { return nil }
    let k = pre.count
    var covariance = [Double](repeating: 0, count: k * k)
    var row = [Double](repeating: 0, count: k)
    for unit in 0..<did.panel.units where did.included[unit] {
      for (index, effect) in pre.enumerated() { row[index] = did.influence(of: effect, unit: unit) }
      for i in 0..<k where row[i] != 0 {
        for j in 0..<k { covariance[i * k + j] += row[i] * row[j] }
      }
    }
    let n = Double(did.units)
    covariance = covariance.map { $0 / n }
    // As `did::att_gt`: no statistic from a covariance matrix whose reciprocal condition
    // number is at most machine epsilon (small cohorts make their cells collinear).
    guard let inverse = Self.invert(covariance, size: k),
      Self.reciprocalCondition(covariance, inverse, size: k) > Double.ulpOfOne
    else {
      preTrendOmission = (k, "the covariance of its \(k) pre-treatment ATT(g, t) is singular")
      return nil
    }
    let att = pre.map(\.att)
    var statistic = 0.0
    for i in 0..<k {
      for j in 0..<k { statistic += att[i] * inverse[i * k + j] * att[j] }
    }
    statistic *= n
    return (statistic, k, ChiSquared(degreesOfFreedom: Double(k)).survival(statistic))
  }

  /// The inverse of a square matrix by Gauss–Jordan elimination with partial pivoting;
  /// `nil` when a pivot vanishes.
  static func invert(_ matrix: [Double], size: Int) -> [Double]? {
    var a = matrix
    var inverse = [Double](repeating: 0, count: size * size)
    for i in 0..<size { inverse[i * size + i] = 1 }
    for column in 0..<size {
      let pivot = (column..<size).max { abs(a[$0 * size + column]) < abs(a[$1 * size + column]) }!
      guard abs(a[pivot * size + column]) > 1e-300 else { return nil }
      if pivot != column {
        for j in 0..<size {
          a.swapAt(pivot * size + j, column * size + j)
          inverse.swapAt(pivot * size + j, column * size + j)
        }
      }
      let scale = 1 / a[column * size + column]
      for j in 0..<size {
        a[column * size + j] *= scale
        inverse[column * size + j] *= scale
      }
      for row in 0..<size where row != column {
        let factor = a[row * size + column]
        guard factor != 0 else { continue }
        for j in 0..<size {
          a[row * size + j] -= factor * a[column * size + j]
          inverse[row * size + j] -= factor * inverse[column * size + j]
        }
      }
    }
    return inverse
  }

  /// 1 / (‖A‖₁ ‖A⁻¹‖₁), the reciprocal condition number in the 1-norm (R's `rcond`).
  static func reciprocalCondition(_ matrix: [Double], _ inverse: [Double], size: Int) -> Double {
    func norm(_ m: [Double]) -> Double {
      (0..<size).map { column in (0..<size).reduce(0) { $0 + abs(m[$1 * size + column]) } }.max() ?? 0
    }
    return 1 / (norm(matrix) * norm(inverse))
  }
}
