public import KinerjaIngest

/// Appraisals rolled up to the pipeline's grain: one column of employees per period.
///
/// Periods are consecutive from `firstPeriod`; a score is NaN and a rating 0 where an
/// employee has no appraisal in that period.
public struct PerformancePanel: Sendable {
  /// The analysis grain.
  package let grain: Grain
  /// The first period with any appraisal, or `nil` when there are none.
  package let firstPeriod: Period?
  /// The number of employees (the roster's size).
  package let employees: Int
  /// Per period, each employee's mean score (NaN when none).
  package let scores: [[Double]]
  /// Per period, each employee's rating ordinal 1–5 (0 when none).
  package let ratings: [[UInt8]]

  public init(grain: Grain, firstPeriod: Period?, employees: Int, scores: [[Double]], ratings: [[UInt8]]) {
    self.grain = grain
    self.firstPeriod = firstPeriod
    self.employees = employees
    self.scores = scores
    self.ratings = ratings
  }

  /// The periods covered, in order.
  package var periods: [Period] {
    guard let firstPeriod else { return [] }
    return scores.indices.map { Period(grain: grain, index: firstPeriod.index + Int32($0)) }
  }
}
