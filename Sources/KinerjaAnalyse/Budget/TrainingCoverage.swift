package import KinerjaAggregate
package import KinerjaClean
import KinerjaIngest

/// One row of `training_coverage`: an agency's training in one calendar year.
///
/// A participation counts in the year of its end date. JP count only for completed
/// participations (PP 11/2017 asks for 20 JP of development a year); spend counts every
/// participation, completed or not, since it was paid for.
package struct CoverageRow: Sendable {
  package var agencyCode: String
  package var year: Int
  /// Employees of the agency in the master (a snapshot: the same every year).
  package var employees: Int
  /// Employees with at least one completed participation that year.
  package var trainedEmployees: Int
  /// JP of completed participations.
  package var totalJP: Double
  /// Share of the agency's employees with at least 20 JP that year.
  package var shareWith20JP: Double?
  /// Rupiah spent on every participation.
  package var spend: Double
  package var spendPerEmployee: Double?
  /// Fewer employees than `min_group`: shares withheld.
  package var suppressed: Bool

  /// The JP a year every civil servant should reach.
  package static let requiredJP = 20.0

  /// Rows for every agency and every year of `years` (and any year with training).
  package static func rows(
    roster: EmployeeRoster, participations: ParticipationTable, years: [Int], minGroup: Int
  ) -> [CoverageRow] {
    let noAppraisals = PerformancePanel(grain: .month, firstPeriod: nil, employees: 0, scores: [], ratings: [])
    return rows(
      rollups: Rollups(roster: roster, panel: noAppraisals, participations: participations), years: years,
      minGroup: minGroup)
  }

  /// ``rows(roster:participations:years:minGroup:)`` from a run's shared roll-ups (which
  /// must have training).
  package static func rows(rollups: Rollups, years: [Int], minGroup: Int) -> [CoverageRow] {
    let roster = rollups.roster
    let training = rollups.trainingYears!
    let (jp, spend) = (training.completedJP, training.spendByAgency)
    let employeesPerAgency = rollups.employeesPerAgency
    var rows: [CoverageRow] = []
    for year in Set(years).union(jp.keys).union(spend.keys).sorted() {
      var trained = [Int](repeating: 0, count: roster.agencies.count)
      var hours = [Double](repeating: 0, count: roster.agencies.count)
      var reached = [Int](repeating: 0, count: roster.agencies.count)
      // In employee order, so sums of fractional JP are the same bits on every run.
      for (employee, total) in (jp[year] ?? [:]).sorted(by: { $0.key < $1.key }) {
        let agency = Int(roster.agency[Int(employee)])
        trained[agency] += 1
        hours[agency] += total
        if total >= requiredJP { reached[agency] += 1 }
      }
      for agency in 0..<roster.agencies.count {
        let employees = employeesPerAgency[agency]
        let shown = employees >= minGroup
        let paid = spend[year]?[Int32(agency)] ?? 0
        rows.append(
          CoverageRow(
            agencyCode: roster.agencies[Int32(agency)], year: year, employees: employees,
            trainedEmployees: trained[agency],
            totalJP: hours[agency], shareWith20JP: shown ? Double(reached[agency]) / Double(employees) : nil,
            spend: paid, spendPerEmployee: shown ? paid / Double(employees) : nil, suppressed: !shown))
      }
    }
    return rows.sorted { ($0.agencyCode, $0.year) < ($1.agencyCode, $1.year) }
  }
}
