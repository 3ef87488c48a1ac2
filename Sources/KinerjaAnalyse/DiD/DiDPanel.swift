/// The units (employees) of a difference-in-differences study, their outcomes in the
/// periods that have data, the period each was first treated, and the cluster each
/// belongs to.
///
/// A panel may be unbalanced: an outcome is NaN where a unit has none. Periods without
/// any outcome are not in it at all, as `did` takes its periods from the data.
package struct DiDPanel: Sendable {
  /// The periods with at least one outcome, ascending, as offsets from a first period.
  package let periods: [Int]
  /// Units in the panel.
  package let units: Int
  /// Outcomes by unit, then position in `periods`: `outcomes[unit * periods.count + slot]`;
  /// NaN where the unit has none.
  package let outcomes: [Double]
  /// The period each unit was first treated (an offset like `periods`, not necessarily one
  /// of them), or `nil` when never.
  package let cohort: [Int?]
  /// Each unit's cluster, 0 ..< `clusters`.
  package let cluster: [Int32]
  /// The number of clusters.
  package let clusters: Int

  package init(periods: [Int], outcomes: [Double], cohort: [Int?], cluster: [Int32], clusters: Int) {
    precondition(!periods.isEmpty && outcomes.count == cohort.count * periods.count, "one outcome per unit and period")
    precondition(cluster.count == cohort.count && cluster.allSatisfy { $0 >= 0 && Int($0) < clusters })
    self.periods = periods
    self.units = cohort.count
    self.outcomes = outcomes
    self.cohort = cohort
    self.cluster = cluster
    self.clusters = clusters
  }

  /// A panel of periods 0 ..< `periods` in which every unit is its own cluster.
  package init(periods: Int, outcomes: [Double], cohort: [Int?]) {
    self.init(
      periods: Array(0..<periods), outcomes: outcomes, cohort: cohort, cluster: (0..<cohort.count).map(Int32.init),
      clusters: cohort.count)
  }

  /// The outcome of `unit` in the period at `slot` of `periods`; NaN when it has none.
  @inline(__always)
  func outcome(_ unit: Int, slot: Int) -> Double { outcomes[unit * periods.count + slot] }
}
