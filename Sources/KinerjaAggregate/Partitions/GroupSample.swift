/// The appraisals of one group in one period, handed to the analyse stage.
///
/// `scores` is in employee order, valid only during the call that receives it, which may
/// reorder it (to select quantiles).
public struct GroupSample {
  /// The group's id in its level's `EmployeeGrouping`.
  package let group: Int32
  /// The period's position in the panel (0 = the panel's first period).
  package let periodOffset: Int
  /// Employees with any appraisal (a score or a rating) in the period.
  package let employees: Int
  /// The employees' scores (employees without a score left out).
  public let scores: UnsafeMutableBufferPointer<Double>
  /// How many employees had each rating, indexed by ordinal 1–5 (index 0 unused).
  package let ratingCounts: [Int]

  package init(
    group: Int32, periodOffset: Int, employees: Int, scores: UnsafeMutableBufferPointer<Double>,
    ratingCounts: [Int]
  ) {
    self.group = group
    self.periodOffset = periodOffset
    self.employees = employees
    self.scores = scores
    self.ratingCounts = ratingCounts
  }

  /// Employees with a rating.
  package var rated: Int { ratingCounts.reduce(0, +) }
}
