/// Group-time average treatment effects with staggered adoption, as Callaway and
/// Sant'Anna (2021) define them and the R package `did` computes them (`att_gt` without
/// covariates, varying base period, analytic standard errors), on balanced or unbalanced
/// panels (`allow_unbalanced_panel = TRUE`).
///
/// For cohort g and period t the effect is the change of the cohort's mean outcome from
/// the base period to t, less the controls' change. Means are over the units that have an
/// outcome in that period, so a unit appraised in only one of the two periods still counts
/// (in a balanced panel this is the mean of the units' own changes). The base is the last
/// period with data before g − anticipation for t ≥ g, and the period with data before t
/// otherwise ("varying"): pre-treatment estimates are then period-on-period placebo
/// effects. Units treated by the first period (plus anticipation) have no untreated base
/// and are left out. Standard errors sum the influence function within clusters (one unit
/// per cluster gives `did`'s).
package struct StaggeredDiD: Sendable {
  /// Who the treated are compared with.
  package enum ControlGroup: String, Sendable, CaseIterable {
    /// Units never treated.
    case never
    /// Units not yet treated by period t (never-treated included).
    case notYet = "not_yet"
  }

  /// One ATT(g, t) with what its influence function needs.
  package struct GroupTime: Sendable {
    /// The cohort: the period of first treatment.
    package var group: Int
    /// The period the effect is measured in.
    package var period: Int
    /// The base period the change is measured from.
    package var base: Int
    /// Periods from the cohort to `period`, t − g, as `did::aggte` counts them (a period
    /// without data still counts).
    package var eventTime: Int
    package var att: Double
    package var standardError: Double
    /// Treated units with an outcome in `period` or in `base`, whichever are fewer.
    package var treated: Int
    /// Control units, counted the same way.
    package var controls: Int
    /// Where `period` and `base` are in the panel's periods.
    var slot: Int
    var baseSlot: Int
    /// Mean outcome and number of units with one, for treated and controls, now and at base.
    var treatedNow: Mean
    var treatedBase: Mean
    var controlNow: Mean
    var controlBase: Mean
  }

  /// A mean and the number of values in it.
  struct Mean: Sendable {
    var sum = 0.0
    var count = 0
    var value: Double { sum / Double(count) }

    mutating func add(_ value: Double) {
      guard !value.isNaN else { return }
      sum += value
      count += 1
    }
  }

  package let panel: DiDPanel
  package let control: ControlGroup
  /// Periods before the cohort's in which treatment may already act.
  package let anticipation: Int
  /// Cohorts estimated: treated after the first period plus anticipation.
  package let groups: [Int]
  /// Every ATT(g, t), cohort by cohort, period by period.
  package private(set) var groupTimes: [GroupTime] = []
  /// The cluster sums of each ATT(g, t)'s influence function, kept while cells × clusters
  /// is at most `keptSumsLimit` (256 MiB of them: agencies, even nationally); beyond
  /// (clusters of one employee at national size) they are worked out when needed.
  private var keptSums: [[Double]]?
  static let keptSumsLimit = 1 << 25
  /// Units used: all but those treated by the first period plus anticipation.
  let included: [Bool]
  /// The number of units used (n in `did`).
  package let units: Int

  /// Estimates every ATT(g, t), several at a time on `threads` workers (the result does
  /// not depend on their number); `nil` when there is no cohort or no control to compare with.
  package init?(panel: DiDPanel, control: ControlGroup, anticipation: Int = 0, threads: Int = 1) {
    self.panel = panel
    self.control = control
    self.anticipation = anticipation
    let first = panel.periods[0]
    let included = panel.cohort.map { cohort in cohort.map { $0 > first + anticipation } ?? true }
    self.included = included
    units = included.filter { $0 }.count
    groups = Set(zip(panel.cohort, included).compactMap { $1 ? $0 : nil }).sorted()
    guard !groups.isEmpty, panel.periods.count >= 2 else { return nil }
    var cells: [(group: Int, slot: Int, baseSlot: Int)] = []
    for group in groups {
      guard let lastBase = panel.periods.lastIndex(where: { $0 < group - anticipation }) else { continue }
      for slot in 1..<panel.periods.count {
        cells.append((group, slot, panel.periods[slot] >= group ? lastBase : slot - 1))
      }
    }
    let keep = cells.count * panel.clusters <= Self.keptSumsLimit
    let estimated = parallelMap(count: cells.count, threads: threads) { [self] index -> (GroupTime, [Double])? in
      let cell = cells[index]
      return estimate(group: cell.group, slot: cell.slot, baseSlot: cell.baseSlot)
    }
    groupTimes = estimated.compactMap { $0?.0 }
    keptSums = keep ? estimated.compactMap { $0?.1 } : nil
    guard !groupTimes.isEmpty else { return nil }
  }

  /// Cohorts whose treated units all belong to one cluster, when clusters are groups of
  /// units: such a cohort's shared shocks sum
  /// to zero in its cluster's influence function, so the clustered variance leaves them
  /// out and its intervals are too narrow (training assigned by agency, one batch each).
  package var cohortsWithinOneCluster: [Int] {
    guard panel.clusters < units else { return [] }
    var clusterOf: [Int: Int32] = [:]
    var mixed: Set<Int> = []
    for unit in 0..<panel.units where included[unit] {
      guard let cohort = panel.cohort[unit] else { continue }
      if let known = clusterOf[cohort] {
        if known != panel.cluster[unit] { mixed.insert(cohort) }
      } else {
        clusterOf[cohort] = panel.cluster[unit]
      }
    }
    return groups.filter { !mixed.contains($0) }
  }

  /// Whether `unit` is a control for an effect measured in `period` of cohort `group`.
  @inline(__always)
  func isControl(_ unit: Int, group: Int, period: Int) -> Bool {
    guard included[unit] else { return false }
    guard let cohort = panel.cohort[unit] else { return true }
    return control == .notYet && cohort > period + anticipation && cohort != group
  }

  /// ATT(g, t) for cohort `group` at the period in `slot` from the one in `baseSlot`, with
  /// the cluster sums of its influence function.
  private func estimate(group: Int, slot: Int, baseSlot: Int) -> (GroupTime, [Double])? {
    let period = panel.periods[slot]
    var treatedNow = Mean(), treatedBase = Mean(), controlNow = Mean(), controlBase = Mean()
    for unit in 0..<panel.units where included[unit] {
      if panel.cohort[unit] == group {
        treatedNow.add(panel.outcome(unit, slot: slot))
        treatedBase.add(panel.outcome(unit, slot: baseSlot))
      } else if isControl(unit, group: group, period: period) {
        controlNow.add(panel.outcome(unit, slot: slot))
        controlBase.add(panel.outcome(unit, slot: baseSlot))
      }
    }
    // As `did` on repeated cross-sections: every one of the four means needs a unit.
    guard treatedNow.count > 0, treatedBase.count > 0, controlNow.count > 0, controlBase.count > 0 else {
      return nil
    }
    var estimate = GroupTime(
      group: group, period: period, base: panel.periods[baseSlot],
      eventTime: period - group,
      att: (treatedNow.value - treatedBase.value) - (controlNow.value - controlBase.value), standardError: 0,
      treated: min(treatedNow.count, treatedBase.count), controls: min(controlNow.count, controlBase.count),
      slot: slot, baseSlot: baseSlot, treatedNow: treatedNow, treatedBase: treatedBase, controlNow: controlNow,
      controlBase: controlBase)
    let sums = clusterSums(of: estimate)
    estimate.standardError = sums.reduce(0) { $0 + $1 * $1 }.squareRoot() / Double(units)
    return (estimate, sums)
  }

  /// The influence function of ATT(g, t) at `unit`, scaled to the whole sample as `did`
  /// does: n times the unit's share in each of the four means it is in, signed.
  @inline(__always)
  func influence(of estimate: GroupTime, unit: Int) -> Double {
    let isTreated = panel.cohort[unit] == estimate.group
    guard included[unit], isTreated || isControl(unit, group: estimate.group, period: estimate.period) else {
      return 0
    }
    let now = panel.outcome(unit, slot: estimate.slot)
    let base = panel.outcome(unit, slot: estimate.baseSlot)
    func share(_ value: Double, of mean: Mean) -> Double {
      value.isNaN ? 0 : (value - mean.value) / Double(mean.count)
    }
    let value =
      isTreated
      ? share(now, of: estimate.treatedNow) - share(base, of: estimate.treatedBase)
      : share(base, of: estimate.controlBase) - share(now, of: estimate.controlNow)
    return Double(units) * value
  }

  /// The cluster sums of the ATT(g, t) at `index` in `groupTimes`.
  func clusterSums(ofCell index: Int) -> [Double] { keptSums?[index] ?? clusterSums(of: groupTimes[index]) }

  /// The influence function of ATT(g, t) summed within each cluster, S_c: its
  /// cluster-robust standard error is √(Σ_c S_c²) / n (with one unit per cluster, `did`'s
  /// √(Σ ψ²) / n).
  func clusterSums(of estimate: GroupTime) -> [Double] {
    var sums = [Double](repeating: 0, count: panel.clusters)
    for unit in 0..<panel.units where included[unit] {
      sums[Int(panel.cluster[unit])] += influence(of: estimate, unit: unit)
    }
    return sums
  }
}
