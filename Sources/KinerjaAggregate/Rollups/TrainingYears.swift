package import KinerjaClean

/// Training rolled up by the year of its end date: completed JP per employee and spend
/// per agency, as coverage and training needs read them.
package struct TrainingYears: Sendable {
  /// Year → employee → JP of the trainings completed that year, summed in participation
  /// order (a missing JP counts 0), so the sums are the same bits on every run.
  package let completedJP: [Int: [Int32: Double]]
  /// Year → agency → rupiah spent on participations of any status (a missing cost counts 0).
  package let spendByAgency: [Int: [Int32: Double]]

  package init(participations: ParticipationTable, roster: EmployeeRoster) {
    var jp: [Int: [Int32: Double]] = [:]
    var spend: [Int: [Int32: Double]] = [:]
    for index in 0..<participations.count {
      let year = participations.endDate[index].components.year
      let employee = participations.employee[index]
      let cost = participations.costIDR[index]
      spend[year, default: [:]][roster.agency[Int(employee)], default: 0] += cost.isNaN ? 0 : cost
      if participations.status[index] == .completed {
        let hours = participations.hoursJP[index]
        jp[year, default: [:]][employee, default: 0] += hours.isNaN ? 0 : hours
      }
    }
    completedJP = jp
    spendByAgency = spend
  }
}
