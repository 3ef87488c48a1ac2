package import KinerjaClean

/// What each employee's appraisals of one year add up to: the mean score and the last
/// rating, as rankings and training needs read them.
package struct AppraisalYear: Sendable {
  package let year: Int
  /// The panel's period offsets that lie in the year, in order.
  package let periods: [Int]
  /// Each employee's mean over the year's scored periods (summed in period order); NaN
  /// when no period has a score.
  package let meanScore: [Double]
  /// Each employee's last rating of the year (`Rating.rawValue`); 0 when there is none.
  package let lastRating: [UInt8]

  package init(panel: PerformancePanel, year: Int) {
    self.year = year
    periods = panel.periods.indices.filter { panel.periods[$0].year == year }
    var means = [Double](repeating: .nan, count: panel.employees)
    var ratings = [UInt8](repeating: 0, count: panel.employees)
    for employee in 0..<panel.employees {
      var sum = 0.0
      var count = 0
      for period in periods {
        let score = panel.scores[period][employee]
        if !score.isNaN {
          sum += score
          count += 1
        }
        if panel.ratings[period][employee] != 0 { ratings[employee] = panel.ratings[period][employee] }
      }
      if count > 0 { means[employee] = sum / Double(count) }
    }
    meanScore = means
    lastRating = ratings
  }
}
