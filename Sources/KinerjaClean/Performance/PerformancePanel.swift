public import KinerjaIngest

/// Appraisals rolled up to the pipeline's grain: one column of employees per period.
///
/// Periods are consecutive from `firstPeriod`; a score is NaN and a rating 0 where an
/// employee has no appraisal in that period.
public struct PerformancePanel: Sendable {
  /// The analysis grain.
  public let grain: Grain
  /// The first period with any appraisal, or `nil` when there are none.
  public let firstPeriod: Period?
  /// The number of employees (the roster's size).
  public let employees: Int
  /// Per period, each employee's mean score (NaN when none).
  public let scores: [[Double]]
  /// Per period, each employee's rating ordinal 1–5 (0 when none).
  public let ratings: [[UInt8]]

  public init(grain: Grain, firstPeriod: Period?, employees: Int, scores: [[Double]], ratings: [[UInt8]]) {
    self.grain = grain
    self.firstPeriod = firstPeriod
    self.employees = employees
    self.scores = scores
    self.ratings = ratings
  }

  /// The periods covered, in order.
  public var periods: [Period] {
    guard let firstPeriod else { return [] }
    return scores.indices.map { Period(grain: grain, index: firstPeriod.index + Int32($0)) }
  }
}
