/// A balanced panel for difference-in-differences: every unit's outcome in every
/// period, and the period each unit was first treated.
package struct DiDPanel: Sendable {
  /// Units (employees) in the panel.
  package let units: Int
  /// Periods, 0 … periods − 1.
  package let periods: Int
  /// Outcomes by unit, then period: `outcomes[unit * periods + period]`.
  package let outcomes: [Double]
  /// The period each unit was first treated, or `nil` when never.
  package let cohort: [Int?]

  package init(periods: Int, outcomes: [Double], cohort: [Int?]) {
    precondition(periods > 0 && outcomes.count == cohort.count * periods, "one outcome per unit and period")
    self.units = cohort.count
    self.periods = periods
    self.outcomes = outcomes
    self.cohort = cohort
  }

  @inline(__always)
  func outcome(_ unit: Int, _ period: Int) -> Double { outcomes[unit * periods + period] }
}
