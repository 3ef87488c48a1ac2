/// Group-time average treatment effects with staggered adoption, as Callaway and
/// Sant'Anna (2021) define them and the R package `did` computes them (`att_gt` on a
/// balanced panel, no covariates, no anticipation, varying base period, analytic
/// standard errors).
///
/// For cohort g and period t the effect is the difference between the cohort's mean
/// change in outcome and the controls' mean change, from the base period to t. The base
/// is g − 1 for t ≥ g and t − 1 before g ("varying"): pre-treatment estimates are then
/// period-on-period placebo effects, which is what the pre-trend test needs. Units
/// treated in the first period have no untreated base and are left out.
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
    package var att: Double
    package var standardError: Double
    package var treated: Int
    package var controls: Int
    /// Means of the change among treated and controls, and the treated share of them.
    var treatedMean: Double
    var controlMean: Double
    var treatedShare: Double
  }

  package let panel: DiDPanel
  package let control: ControlGroup
  /// Cohorts estimated: treated after the first period (and within the panel).
  package let groups: [Int]
  /// Every ATT(g, t), cohort by cohort, period by period.
  package private(set) var groupTimes: [GroupTime] = []
  /// Units used: all but those treated in the first period.
  let included: [Bool]
  /// The number of units used (n in `did`).
  package let units: Int

  /// Estimates every ATT(g, t); `nil` when there is no cohort or no control to compare with.
  package init?(panel: DiDPanel, control: ControlGroup) {
    self.panel = panel
    self.control = control
    let included = panel.cohort.map { cohort in cohort.map { $0 > 0 && $0 < panel.periods } ?? true }
    self.included = included
    units = included.filter { $0 }.count
    groups = Set(panel.cohort.compactMap { $0 }.filter { $0 > 0 && $0 < panel.periods }).sorted()
    guard !groups.isEmpty, panel.periods >= 2 else { return nil }
    for group in groups {
      for current in 1..<panel.periods {
        let base = current >= group ? group - 1 : current - 1
        if let estimate = estimate(group: group, period: current, base: base) { groupTimes.append(estimate) }
      }
    }
    guard !groupTimes.isEmpty else { return nil }
  }

  /// Whether `unit` is a control for an effect measured in `period` of cohort `group`.
  @inline(__always)
  func isControl(_ unit: Int, group: Int, period: Int) -> Bool {
    guard included[unit] else { return false }
    guard let cohort = panel.cohort[unit] else { return true }
    return control == .notYet && cohort > period && cohort != group
  }

  private func estimate(group: Int, period: Int, base: Int) -> GroupTime? {
    var treatedSum = 0.0
    var treated = 0
    var controlSum = 0.0
    var controls = 0
    for unit in 0..<panel.units where included[unit] {
      let change = panel.outcome(unit, period) - panel.outcome(unit, base)
      if panel.cohort[unit] == group {
        treatedSum += change
        treated += 1
      } else if isControl(unit, group: group, period: period) {
        controlSum += change
        controls += 1
      }
    }
    guard treated > 0, controls > 0 else { return nil }
    var estimate = GroupTime(
      group: group, period: period, base: base,
      att: treatedSum / Double(treated) - controlSum / Double(controls),
      standardError: 0, treated: treated, controls: controls, treatedMean: treatedSum / Double(treated),
      controlMean: controlSum / Double(controls), treatedShare: Double(treated) / Double(treated + controls))
    var squares = 0.0
    for unit in 0..<panel.units where included[unit] {
      let value = influence(of: estimate, unit: unit)
      squares += value * value
    }
    estimate.standardError = squares.squareRoot() / Double(units)
    return estimate
  }

  /// The influence function of ATT(g, t) at `unit`, scaled to the whole sample as `did`
  /// does (n / n₁ times the two-sample influence function of the difference of means).
  @inline(__always)
  func influence(of estimate: GroupTime, unit: Int) -> Double {
    let isTreated = panel.cohort[unit] == estimate.group
    guard isTreated || isControl(unit, group: estimate.group, period: estimate.period) else { return 0 }
    let change = panel.outcome(unit, estimate.period) - panel.outcome(unit, estimate.base)
    let scale = Double(units) / Double(estimate.treated + estimate.controls)
    let share = estimate.treatedShare
    return scale
      * (isTreated ? (change - estimate.treatedMean) / share : -(change - estimate.controlMean) / (1 - share))
  }
}
