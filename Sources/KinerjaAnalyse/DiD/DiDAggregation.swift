/// Summaries of group-time effects, as `did::aggte` computes them with analytic
/// standard errors, uniform bands from the multiplier bootstrap, and three pre-trend tests.
///
/// Each summary is a weighted mean of ATT(g, t)s with weights proportional to the
/// cohorts' sizes; its influence function adds, to the weighted influence functions of
/// the ATT(g, t)s, the effect of estimating those weights from the data (`wif` in `did`).
/// Standard errors sum influence functions within the panel's clusters.
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
    /// The bootstrap standard error, for the event study's rows when bootstrapped.
    package var bootstrapError: Double?
    /// The weight of each ATT(g, t) (by position in `groupTimes`) in the estimate.
    package var cells: [Int: Double] = [:]
  }

  /// An aggregated effect while it is computed: estimate, its influence function summed
  /// within each cluster, and the weight of each ATT(g, t) in it.
  private struct Combination {
    var att: Double
    var sums: [Double]
    var cells: [Int: Double]
  }

  /// A pre-trend test's statistic, its degrees of freedom (the number of pre-treatment
  /// estimates tested) and p-value.
  package struct PreTrendTest: Sendable, Equatable {
    package var statistic: Double
    package var degreesOfFreedom: Int
    package var p: Double
  }

  /// The overall and per-index estimates of every aggregation.
  package private(set) var estimates: [Estimate] = []
  /// The Wald test that every pre-treatment ATT(g, t) is zero.
  package private(set) var preTrend: PreTrendTest?
  /// Why there is no Wald test although there are pre-treatment effects, if so.
  package private(set) var preTrendOmission: (degreesOfFreedom: Int, reason: String)?
  /// The sup-t test that every pre-treatment event-study effect is zero: the largest
  /// |effect / bootstrap SE| against the bootstrap's distribution of it (a uniform band
  /// over the pre-periods that excludes zero somewhere rejects).
  package private(set) var preTrendBand: PreTrendTest?
  /// The Wald test that every pre-treatment event-study effect is zero.
  package private(set) var eventPreTrend: PreTrendTest?
  /// Why there is no event-study Wald test although there are pre-treatment effects, if so.
  package private(set) var eventPreTrendOmission: (degreesOfFreedom: Int, reason: String)?
  /// Pre-treatment event times left out of `eventPreTrend` and `preTrendBand`: their
  /// treated units are all in one cluster (one employee, or one agency), so their SE
  /// says nothing of the treated.
  package private(set) var preTrendEventsLeftOut: [Int] = []
  /// The event study's uniform band: its sup-t critical value.
  package private(set) var dynamicCritical: Double?
  /// The bootstrap over every ATT(g, t), for their uniform band.
  package private(set) var groupTimeBand: MultiplierBootstrap.Result?
  /// The first event time `post_training` averages from.
  package let postTrainingFrom: Int

  private let did: StaggeredDiD
  /// P(G = g) among the units used, by cohort.
  private let cohortShares: [Int: Double]
  /// Each unit's cohort as a position in `did.groups`, −1 for the never treated.
  private let cohortPosition: [Int32]
  /// Treated units of each cohort among the units used.
  private let treatedOfCohort: [Int: Int]
  /// The clusters holding each cohort's treated units, when clusters hold several units.
  private let clustersOfCohort: [Int: Set<Int32>]

  /// Aggregates `did`'s effects; `post_training` averages event times from
  /// `postTrainingFrom` on; with a `bootstrap`, the event study and the ATT(g, t) get
  /// uniform bands and the pre-periods a sup-t test.
  package init(_ did: StaggeredDiD, postTrainingFrom: Int = 1, bootstrap: MultiplierBootstrap? = nil) {
    self.did = did
    self.postTrainingFrom = postTrainingFrom
    var counts: [Int: Int] = [:]
    for unit in 0..<did.panel.units where did.included[unit] {
      if let cohort = did.panel.cohort[unit] { counts[cohort, default: 0] += 1 }
    }
    cohortShares = counts.mapValues { Double($0) / Double(did.units) }
    treatedOfCohort = counts
    var clustersOfCohort: [Int: Set<Int32>] = [:]
    if did.panel.clusters < did.units {
      for unit in 0..<did.panel.units where did.included[unit] {
        if let cohort = did.panel.cohort[unit] { clustersOfCohort[cohort, default: []].insert(did.panel.cluster[unit]) }
      }
    }
    self.clustersOfCohort = clustersOfCohort
    let positions = Dictionary(uniqueKeysWithValues: did.groups.enumerated().map { ($1, Int32($0)) })
    cohortPosition = did.panel.cohort.map { $0.flatMap { positions[$0] } ?? -1 }
    let dynamicSums = computeEstimates()
    preTrend = computePreTrend()
    let preEvents = testedPreEvents(dynamicSums)
    eventPreTrend = computeEventPreTrend(preEvents)
    if let bootstrap { computeBands(bootstrap, dynamicSums: dynamicSums, preEvents: preEvents) }
  }

  /// Computes every aggregation; returns the cluster sums of each dynamic row's influence
  /// function, by event time, for the bootstrap.
  private mutating func computeEstimates() -> [(event: Int, sums: [Double])] {
    let effects = did.groupTimes
    let post = effects.indices.filter { effects[$0].period >= effects[$0].group }
    // Without any post-treatment ATT(g, t) there is nothing to aggregate: no overall rows
    // (the event study's pre-periods remain).
    // simple: post-treatment effects weighted by cohort size.
    if !post.isEmpty {
      let simple = aggregate(post)
      estimates.append(
        Estimate(
          aggregation: "simple", index: nil, att: simple.att, standardError: standardError(simple.sums),
          cells: simple.cells))
    }

    // group: each cohort's mean post-treatment effect, then their size-weighted mean.
    var groupEffects: [Combination] = []
    for group in did.groups {
      let members = post.filter { effects[$0].group == group }
      guard !members.isEmpty else { continue }
      let equal = [Double](repeating: 1 / Double(members.count), count: members.count)
      let combined = combine(members, weights: equal, estimateWeights: false)
      groupEffects.append(combined)
      estimates.append(
        Estimate(
          aggregation: "group", index: group, att: combined.att,
          standardError: standardError(combined.sums), cells: combined.cells))
    }
    let groupsWithEffects = did.groups.filter { group in post.contains { effects[$0].group == group } }
    let groupWeights = groupsWithEffects.map { cohortShares[$0, default: 0] }
    if !groupEffects.isEmpty {
      let overallGroup = combineSummaries(
        groupEffects, weights: groupWeights.map { $0 / groupWeights.reduce(0, +) }, weightCohorts: groupsWithEffects)
      estimates.insert(
        Estimate(
          aggregation: "group", index: nil, att: overallGroup.att,
          standardError: standardError(overallGroup.sums), cells: overallGroup.cells),
        at: estimates.count - groupEffects.count)
    }

    // dynamic: by event time e (positions from g to t); overall = mean over e ≥ 0.
    let eventTimes = Set(effects.map(\.eventTime)).sorted()
    var dynamicPositive: [(event: Int, combination: Combination)] = []
    var dynamicRows: [Estimate] = []
    var dynamicSums: [(event: Int, sums: [Double])] = []
    for event in eventTimes {
      let summary = aggregate(effects.indices.filter { effects[$0].eventTime == event })
      dynamicRows.append(
        Estimate(
          aggregation: "dynamic", index: event, att: summary.att,
          standardError: standardError(summary.sums), cells: summary.cells))
      dynamicSums.append((event, summary.sums))
      if event >= 0 { dynamicPositive.append((event, summary)) }
    }
    if !dynamicPositive.isEmpty {
      let dynamic = equallyWeighted(dynamicPositive.map(\.combination))
      estimates.append(
        Estimate(
          aggregation: "dynamic", index: nil, att: dynamic.att, standardError: standardError(dynamic.sums),
          cells: dynamic.cells))
    }
    estimates += dynamicRows

    // post_training: like dynamic, but from the first event time after every course of
    // the study has ended (`aggte` dynamic with min_e): ATT(g, t) during a course
    // measures a programme still under way; this is the effect once it is over.
    let afterTraining = dynamicPositive.filter { $0.event >= postTrainingFrom }.map(\.combination)
    if !afterTraining.isEmpty {
      let post = equallyWeighted(afterTraining)
      estimates.append(
        Estimate(
          aggregation: "post_training", index: nil, att: post.att,
          standardError: standardError(post.sums), cells: post.cells))
    }

    // calendar: by period t ≥ the first cohort, over cohorts treated by t; overall = mean.
    var calendar: [Combination] = []
    var calendarRows: [Estimate] = []
    for period in did.panel.periods where period >= did.groups.first ?? 0 {
      let members = post.filter { effects[$0].period == period }
      guard !members.isEmpty else { continue }
      let summary = aggregate(members)
      calendar.append(summary)
      calendarRows.append(
        Estimate(
          aggregation: "calendar", index: period, att: summary.att,
          standardError: standardError(summary.sums), cells: summary.cells))
    }
    if !calendar.isEmpty {
      let overallCalendar = equallyWeighted(calendar)
      estimates.append(
        Estimate(
          aggregation: "calendar", index: nil, att: overallCalendar.att,
          standardError: standardError(overallCalendar.sums), cells: overallCalendar.cells))
    }
    estimates += calendarRows
    return dynamicSums
  }

  /// The plain mean of already aggregated effects (their weights are fixed, not estimated).
  private func equallyWeighted(_ parts: [Combination]) -> Combination {
    combineSummaries(parts, weights: [Double](repeating: 1 / Double(max(1, parts.count)), count: parts.count))
  }

  /// The cohort-size-weighted mean of the effects at `members`, with the weights'
  /// estimation effect in its influence function.
  private func aggregate(_ members: [Int]) -> Combination {
    let shares = members.map { cohortShares[did.groupTimes[$0].group, default: 0] }
    let total = shares.reduce(0, +)
    return combine(members, weights: shares.map { $0 / total }, estimateWeights: true)
  }

  /// The cluster sums of the influence function of the ATT(g, t) at `cell`.
  private func sums(ofCell cell: Int) -> [Double] {
    did.clusterSums(ofCell: cell)
  }

  /// Σ w_k ATT_k and the cluster sums of its influence function.
  private func combine(_ members: [Int], weights: [Double], estimateWeights: Bool) -> Combination {
    let effects = members.map { did.groupTimes[$0] }
    let att = zip(effects, weights).reduce(0) { $0 + $1.0.att * $1.1 }
    var sums = [Double](repeating: 0, count: did.panel.clusters)
    for (member, weight) in zip(members, weights) {
      let cell = self.sums(ofCell: member)
      for c in sums.indices { sums[c] += weight * cell[c] }
    }
    if estimateWeights {
      let estimation = weightEstimationSums(cohorts: effects.map(\.group), effects: effects.map(\.att))
      for c in sums.indices { sums[c] += estimation[c] }
    }
    return Combination(att: att, sums: sums, cells: Dictionary(zip(members, weights), uniquingKeysWith: +))
  }

  /// Combines already aggregated effects with fixed `weights`, plus, when `weightCohorts`
  /// names the cohort of each part, the estimation effect of weights proportional to the
  /// cohort shares.
  private func combineSummaries(_ parts: [Combination], weights: [Double], weightCohorts: [Int]? = nil)
    -> Combination
  {
    let att = zip(parts, weights).reduce(0) { $0 + $1.0.att * $1.1 }
    var sums = [Double](repeating: 0, count: did.panel.clusters)
    for (part, weight) in zip(parts, weights) {
      for c in sums.indices { sums[c] += weight * part.sums[c] }
    }
    if let weightCohorts {
      let estimation = weightEstimationSums(cohorts: weightCohorts, effects: parts.map(\.att))
      for c in sums.indices { sums[c] += estimation[c] }
    }
    var cells: [Int: Double] = [:]
    for (part, weight) in zip(parts, weights) {
      for (cell, share) in part.cells { cells[cell, default: 0] += weight * share }
    }
    return Combination(att: att, sums: sums, cells: cells)
  }

  /// The cluster sums of `did`'s `wif` term: the influence of estimating weights
  /// P(G = g_k) / Σ P(G = g_j) on a weighted mean whose k-th term, `effects[k]`, belongs
  /// to cohort `cohorts[k]`. It depends on a unit only through its cohort, so it is
  /// worked out once per cohort and then summed over the units.
  private func weightEstimationSums(cohorts: [Int], effects: [Double]) -> [Double] {
    let shares = cohorts.map { cohortShares[$0, default: 0] }
    let total = shares.reduce(0, +)
    var positionsOfCohort: [Int: Int] = [:]
    for group in cohorts { positionsOfCohort[group, default: 0] += 1 }
    func value(_ cohort: Int?) -> Double {
      let deviations = Double(cohort.flatMap { positionsOfCohort[$0] } ?? 0) - total
      var value = 0.0
      for position in cohorts.indices {
        let own = ((cohort == cohorts[position] ? 1 : 0) - shares[position]) / total
        value += (own - deviations * shares[position] / (total * total)) * effects[position]
      }
      return value
    }
    let byCohort = did.groups.map(value)
    let never = value(nil)
    var sums = [Double](repeating: 0, count: did.panel.clusters)
    for unit in 0..<did.panel.units where did.included[unit] {
      let position = Int(cohortPosition[unit])
      sums[Int(did.panel.cluster[unit])] += position >= 0 ? byCohort[position] : never
    }
    return sums
  }

  /// The cluster-robust standard error √(Σ_c S_c²) / n of an estimate with these cluster sums.
  private func standardError(_ sums: [Double]) -> Double {
    sums.reduce(0) { $0 + $1 * $1 }.squareRoot() / Double(did.units)
  }

  /// Whether `effect` is a pre-treatment estimate the tests check: measured before the
  /// cohort's treatment and before any anticipation of it.
  private func isPreTreatment(_ effect: StaggeredDiD.GroupTime) -> Bool {
    effect.period < effect.group - did.anticipation
  }

  /// The Wald statistic n · θ′ V⁻¹ θ over pre-treatment effects θ, with V = Σ_c S_c S_c′ / n
  /// from the influence functions' cluster sums S_c.
  ///
  /// Refused, with the reason, when V cannot be trusted: fewer clusters than estimates
  /// (V has rank at most clusters − 1), a cohort with no more treated units than its
  /// pre-treatment estimates (their part of V is then rank-deficient, and the statistic
  /// explodes in the directions only the controls vary in), or V numerically singular
  /// (reciprocal condition number at most k machine epsilons, as `did` refuses).
  private mutating func computePreTrend() -> PreTrendTest? {
    let pre = did.groupTimes.filter(isPreTreatment)
    guard !pre.isEmpty else { return nil }
    let k = pre.count
    if did.panel.clusters - 1 < k {
      preTrendOmission = (
        k,
        "its \(k) pre-treatment ATT(g, t) have a covariance estimated from \(did.panel.clusters) clusters, "
          + "of rank at most \(did.panel.clusters - 1)"
      )
      return nil
    }
    var cellsOfCohort: [Int: Int] = [:]
    for effect in pre { cellsOfCohort[effect.group, default: 0] += 1 }
    for (cohort, cells) in cellsOfCohort.sorted(by: { $0.key < $1.key }) {
      let treated = pre.filter { $0.group == cohort }.map(\.treated).max() ?? 0
      if treated <= cells {
        preTrendOmission = (
          k,
          "a cohort has \(treated) treated employees for its \(cells) pre-treatment ATT(g, t): "
            + "their covariance cannot be estimated"
        )
        return nil
      }
    }
    let sums = did.groupTimes.indices.filter { isPreTreatment(did.groupTimes[$0]) }.map(sums(ofCell:))
    guard let test = wald(pre.map(\.att), sums: sums) else {
      preTrendOmission = (k, "the covariance of its \(k) pre-treatment ATT(g, t) is singular")
      return nil
    }
    return test
  }

  /// A pre-treatment event-study effect as its tests take it: estimate, cluster sums and
  /// the clusters holding its treated units.
  private struct PreEvent {
    var event: Int
    var att: Double
    var sums: [Double]
    /// The treated part of the effect's variance is estimated from these clusters alone,
    /// however many control clusters there are: few of them make its SE noisy, and one
    /// makes it blind to the treated altogether.
    var treatedClusters: Int
  }

  /// The event study's pre-treatment effects that its pre-trend tests check: those whose
  /// treated units lie in at least two clusters (the others are listed in
  /// `preTrendEventsLeftOut`).
  private mutating func testedPreEvents(_ dynamicSums: [(event: Int, sums: [Double])]) -> [PreEvent] {
    var tested: [PreEvent] = []
    for row in dynamicSums where row.event < -did.anticipation {
      let estimate = estimates.first { $0.aggregation == "dynamic" && $0.index == row.event }!
      let cohorts = Set(estimate.cells.filter { $0.value != 0 }.map { did.groupTimes[$0.key].group })
      let clusters =
        did.panel.clusters < did.units
        ? cohorts.reduce(into: Set<Int32>()) { $0.formUnion(clustersOfCohort[$1] ?? []) }.count
        : cohorts.reduce(0) { $0 + treatedOfCohort[$1, default: 0] }
      if clusters >= 2 {
        tested.append(PreEvent(event: row.event, att: estimate.att, sums: row.sums, treatedClusters: clusters))
      } else {
        preTrendEventsLeftOut.append(row.event)
      }
    }
    return tested
  }

  /// The Wald test that every tested pre-treatment effect of the event study is zero (the
  /// leads of an event-study regression): fewer, pooled estimates than ATT(g, t), so their
  /// covariance is estimated well where the cells' is not. Refused, with the reason, when
  /// there are fewer clusters than effects, or fewer holding the treated units of some
  /// effect (the treated part of the covariance then has too low a rank), or the
  /// covariance is singular.
  private mutating func computeEventPreTrend(_ pre: [PreEvent]) -> PreTrendTest? {
    guard !pre.isEmpty else { return nil }
    let j = pre.count
    if did.panel.clusters - 1 < j {
      eventPreTrendOmission = (
        j,
        "its \(j) pre-treatment event-time effects have a covariance estimated from \(did.panel.clusters) "
          + "clusters, of rank at most \(did.panel.clusters - 1)"
      )
      return nil
    }
    let fewest = pre.map(\.treatedClusters).min()!
    if fewest - 1 < j {
      eventPreTrendOmission = (
        j,
        "its \(j) pre-treatment event-time effects have a covariance whose treated part rests on as few as "
          + "\(fewest) \(did.panel.clusters < did.units ? "agencies" : "employees"), of rank at most \(fewest - 1)"
      )
      return nil
    }
    guard let test = wald(pre.map(\.att), sums: pre.map(\.sums), treatedClusters: pre.map(\.treatedClusters)) else {
      eventPreTrendOmission = (j, "the covariance of its \(j) pre-treatment event-time effects is singular")
      return nil
    }
    return test
  }

  /// W = n · θ′ V⁻¹ θ with V = Σ_c S_c S_c′ / n from each estimate's cluster sums, on as
  /// many degrees of freedom k as estimates; `nil` when V is singular (reciprocal
  /// condition number at most k machine epsilons, as `did` refuses). With one unit per
  /// cluster p is χ²_k's, as `did`'s; with G clusters of units (agencies) V itself comes
  /// from G observations, so p is that of W (G − k) / (k (G − 1)) under F(k, G − k), the
  /// small-sample law of such a statistic (Hotelling's T²). Given each estimate's
  /// `treatedClusters`, each estimate's t ratio is first moved to the normal scale
  /// (`normalScale`), so that W is z′ R⁻¹ z with R the estimates' correlation.
  private func wald(_ estimates: [Double], sums: [[Double]], treatedClusters: [Int]? = nil) -> PreTrendTest? {
    let k = estimates.count
    var covariance = [Double](repeating: 0, count: k * k)
    for cluster in 0..<did.panel.clusters {
      for i in 0..<k where sums[i][cluster] != 0 {
        for j in 0..<k { covariance[i * k + j] += sums[i][cluster] * sums[j][cluster] }
      }
    }
    let n = Double(did.units)
    covariance = covariance.map { $0 / n }
    guard let inverse = Self.invert(covariance, size: k),
      Self.reciprocalCondition(covariance, inverse, size: k) > Double(k) * Double.ulpOfOne
    else { return nil }
    var estimates = estimates
    if let treatedClusters {
      for i in 0..<k {
        let error = (covariance[i * k + i] / n).squareRoot()
        guard error > 0 else { continue }
        let ratio = estimates[i] / error
        estimates[i] = (ratio < 0 ? -1 : 1) * Self.normalScale(abs(ratio), treatedClusters: treatedClusters[i]) * error
      }
    }
    var statistic = 0.0
    for i in 0..<k {
      for j in 0..<k { statistic += estimates[i] * inverse[i * k + j] * estimates[j] }
    }
    statistic *= n
    let clusters = Double(did.panel.clusters)
    let p =
      did.panel.clusters < did.units
      ? FDistribution(numerator: Double(k), denominator: clusters - Double(k)).survival(
        statistic * (clusters - Double(k)) / (Double(k) * (clusters - 1)))
      : ChiSquared(degreesOfFreedom: Double(k)).survival(statistic)
    return PreTrendTest(statistic: statistic, degreesOfFreedom: k, p: p)
  }

  /// The uniform bands of the event study and of the ATT(g, t), and the sup-t pre-trend test.
  private mutating func computeBands(
    _ bootstrap: MultiplierBootstrap, dynamicSums: [(event: Int, sums: [Double])], preEvents pre: [PreEvent]
  ) {
    let dynamic = bootstrap.run(dynamicSums.map(\.sums), units: did.units)
    dynamicCritical = dynamic.critical
    for (position, estimate) in estimates.enumerated() where estimate.aggregation == "dynamic" {
      guard let index = estimate.index, let row = dynamicSums.firstIndex(where: { $0.event == index })
      else { continue }
      estimates[position].bootstrapError = dynamic.standardErrors[row]
    }
    groupTimeBand = bootstrap.run(did.groupTimes.indices.map(sums(ofCell:)), units: did.units)
    guard !pre.isEmpty else { return }
    let test = bootstrap.run(pre.map(\.sums), units: did.units)
    let scale = { (estimate: Int, ratio: Double) in
      Self.normalScale(ratio, treatedClusters: pre[estimate].treatedClusters)
    }
    var statistic = 0.0
    for (estimate, error) in zip(pre, test.standardErrors) {
      if let error { statistic = max(statistic, abs(estimate.att) / error) }
    }
    if let p = test.supTestP(pre.map(\.att), scale: scale) {
      preTrendBand = PreTrendTest(statistic: statistic, degreesOfFreedom: pre.count, p: p)
    }
  }

  /// The treated units behind `estimate`: those of the cohorts its ATT(g, t) belong to.
  package func treatedUnits(of estimate: Estimate) -> Int {
    Set(estimate.cells.filter { $0.value != 0 }.map { did.groupTimes[$0.key].group })
      .reduce(0) { $0 + treatedOfCohort[$1, default: 0] }
  }

  /// An |effect / SE| moved to the normal scale by its tail probability. With few
  /// clusters holding the treated units, their part of the SE is estimated from few
  /// observations, so the ratio is nearer a t on (those clusters − 1) degrees of freedom,
  /// with the CR1 factor, than a normal; the pre-trend tests compare it, so moved, with
  /// normal (and bootstrap) laws.
  package static func normalScale(_ ratio: Double, treatedClusters clusters: Int) -> Double {
    let clusters = Double(clusters)
    let tail = StudentT(degreesOfFreedom: clusters - 1).survival(ratio * ((clusters - 1) / clusters).squareRoot())
    return tail > 0 ? -Normal.quantile(tail) : ratio
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
