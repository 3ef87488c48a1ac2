package import KinerjaClean
package import KinerjaIngest

/// Builds the DiD panel of employees from appraisals and the training history.
///
/// As `did` does for panel data, only employees with a score in every period are kept
/// (a balanced panel). An employee's cohort is the grain period of the end date of their
/// first completed training; employees trained only in programmes they did not complete
/// are left out, since they are neither cleanly treated nor clean controls. Training
/// after the last period counts as never treated within the panel.
package struct TrainingCohorts: Sendable {
  /// The panel of kept employees.
  package let panel: DiDPanel
  /// The roster index of each unit of the panel.
  package let employees: [Int32]
  /// The panel's first period, to name periods.
  package let firstPeriod: Period

  /// Whose first completed training makes them treated.
  package enum Selection: Sendable {
    /// Everyone trained.
    case all
    /// Employees whose first completed training used this method.
    case method(TrainingMethod)
    /// Employees whose first completed training was this programme (an id in `programs`).
    case program(Int32)
  }

  /// The panel for `selection` against the never (or not yet) trained; employees first
  /// trained otherwise are left out.
  package init?(performance: PerformancePanel, participations: ParticipationTable, selection: Selection = .all)
  {
    guard let firstPeriod = performance.firstPeriod, !performance.scores.isEmpty else { return nil }
    self.firstPeriod = firstPeriod
    let periods = performance.scores.count
    // First completed training per employee; employees with any training but none completed.
    var first = [Int32](repeating: Int32.max, count: performance.employees)
    var firstParticipation = [Int](repeating: -1, count: performance.employees)
    var trainedAtAll = [Bool](repeating: false, count: performance.employees)
    for index in 0..<participations.count {
      let employee = Int(participations.employee[index])
      trainedAtAll[employee] = true
      guard participations.status[index] == .completed else { continue }
      let period = Period.containing(participations.endDate[index], grain: firstPeriod.grain)
      let offset = period.index - firstPeriod.index
      if offset < first[employee] {
        first[employee] = offset
        firstParticipation[employee] = index
      }
    }
    var outcomes: [Double] = []
    var cohorts: [Int?] = []
    var employees: [Int32] = []
    for employee in 0..<performance.employees {
      guard (0..<periods).allSatisfy({ !performance.scores[$0][employee].isNaN }) else { continue }
      let cohort: Int?
      if first[employee] == Int32.max {
        guard !trainedAtAll[employee] else { continue }
        cohort = nil
      } else if Int(first[employee]) >= periods {
        cohort = nil
      } else {
        let participation = firstParticipation[employee]
        switch selection {
        case .all: break
        case .method(let method): if participations.method[participation] != method { continue }
        case .program(let program): if participations.program[participation] != program { continue }
        }
        cohort = Int(first[employee])
      }
      for period in 0..<periods { outcomes.append(performance.scores[period][employee]) }
      cohorts.append(cohort.map { max(0, $0) })
      employees.append(Int32(employee))
    }
    guard !employees.isEmpty else { return nil }
    panel = DiDPanel(periods: periods, outcomes: outcomes, cohort: cohorts)
    self.employees = employees
  }
}
