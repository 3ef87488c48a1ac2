package import KinerjaAggregate
package import KinerjaClean

/// One row of `training_needs`: how much a sector or an agency needs training next year.
package struct TrainingNeedRow: Sendable {
  /// `sector` or `agency`.
  package var level: String
  package var group: String
  /// The last year with appraisals, which the shares describe.
  package var year: Int
  package var employees: Int
  /// Share of rated employees whose last rating that year is below Baik.
  package var shareBelowBaik: Double?
  /// Share of employees with fewer than 20 JP that year.
  package var shareBelow20JP: Double?
  /// The OLS slope of the group's mean score per period (from `trend_tests`).
  package var trend: Double?
  /// need = z(share below Baik) + z(share below 20 JP) − z(trend), over the groups of the level.
  package var need: Double?
  /// 1 = most in need; competition ranks of `need` within the level.
  package var priority: Int?
  package var suppressed: Bool

  /// Rows per sector and agency for the last year of `performance`.
  package static func rows(
    roster: EmployeeRoster, performance: PerformancePanel, participations: ParticipationTable?,
    trendTests: [TrendTestRow], minGroup: Int
  ) -> [TrainingNeedRow] {
    rows(
      rollups: Rollups(roster: roster, panel: performance, participations: participations), trendTests: trendTests,
      minGroup: minGroup)
  }

  /// ``rows(roster:performance:participations:trendTests:minGroup:)`` from a run's shared roll-ups.
  package static func rows(rollups: Rollups, trendTests: [TrendTestRow], minGroup: Int) -> [TrainingNeedRow] {
    let (roster, performance) = (rollups.roster, rollups.panel)
    guard let year = performance.periods.last?.year else { return [] }
    let appraisals = rollups.appraisals(in: year)
    let completed = rollups.trainingYears?.completedJP[year] ?? [:]
    var rows: [TrainingNeedRow] = []
    for level in [Dimension.sector, .agency] {
      let grouping = EmployeeGrouping(level: level, roster: roster)
      var employees = [Int](repeating: 0, count: grouping.count)
      var rated = [Int](repeating: 0, count: grouping.count)
      var below = [Int](repeating: 0, count: grouping.count)
      var short = [Int](repeating: 0, count: grouping.count)
      for employee in 0..<roster.count {
        let group = Int(grouping.groupOfEmployee[employee])
        employees[group] += 1
        if completed[Int32(employee)] ?? 0 < CoverageRow.requiredJP { short[group] += 1 }
        let last = appraisals.lastRating[employee]
        if last != 0 {
          rated[group] += 1
          if last < Rating.baik.rawValue { below[group] += 1 }
        }
      }
      let trends = Dictionary(
        trendTests.filter { $0.level == level }.map { ($0.group.key, $0.trend.leastSquares?.slope) },
        uniquingKeysWith: { first, _ in first })
      var levelRows: [TrainingNeedRow] = []
      for group in 0..<grouping.count where employees[group] > 0 {
        let shown = employees[group] >= minGroup
        levelRows.append(
          TrainingNeedRow(
            level: level.rawValue, group: grouping.labels[group].key, year: year, employees: employees[group],
            shareBelowBaik: shown && rated[group] > 0 ? Double(below[group]) / Double(rated[group]) : nil,
            shareBelow20JP: shown && rollups.participations != nil
              ? Double(short[group]) / Double(employees[group]) : nil,
            trend: shown ? trends[grouping.labels[group].key] ?? nil : nil, suppressed: !shown))
      }
      rank(&levelRows)
      rows += levelRows.sorted { ($0.priority ?? Int.max, $0.group) < ($1.priority ?? Int.max, $1.group) }
    }
    return rows
  }

  /// need and priority from the z-scores of the three parts; a part nobody has is left out.
  private static func rank(_ rows: inout [TrainingNeedRow]) {
    let parts: [(KeyPath<TrainingNeedRow, Double?>, Double)] = [
      (\.shareBelowBaik, 1), (\.shareBelow20JP, 1), (\.trend, -1),
    ]
    var scores = [Double?](repeating: nil, count: rows.count)
    for (path, sign) in parts {
      let present = rows.indices.filter { rows[$0][keyPath: path] != nil }
      guard let standard = standardScores(present.map { rows[$0][keyPath: path]! }) else { continue }
      for (index, score) in zip(present, standard) { scores[index] = (scores[index] ?? 0) + sign * score }
    }
    let ranked = rows.indices.filter { scores[$0] != nil && !rows[$0].suppressed }
    let priorities = competitionRanks(ranked.map { scores[$0]! })
    for (position, index) in ranked.enumerated() {
      rows[index].need = scores[index]
      rows[index].priority = priorities[position]
    }
  }
}
