package import KinerjaClean
package import KinerjaIngest

/// Builds a DiD study's panel of employees from appraisals and the training history, and
/// counts every employee it leaves out by reason.
///
/// An employee's cohort is the grain period of the start (or end) date of their first
/// completed training. Employees trained only in programmes they did not complete are
/// left out, since they are neither cleanly treated nor clean controls; so are those whose
/// first completed training is not the study's, and those trained by the first period
/// with data (plus anticipation), who have no untreated base. Training after the last
/// period counts as never treated within the panel. The periods are those in which the
/// study's employees have appraisals: a period without any is skipped, as `did` takes its
/// periods from the data. An unbalanced panel keeps every appraisal; a balanced one only
/// employees appraised in every period.
package struct TrainingCohorts: Sendable {
  /// Why an employee is not in a study.
  package enum LeftOut: String, CaseIterable, Sendable {
    /// No appraisal in any period.
    case notAppraised = "not_appraised"
    /// Trained, but completed no training.
    case trainingNotCompleted = "training_not_completed"
    /// The first completed training is not the study's method or programme.
    case trainedOtherwise = "first_trained_otherwise"
    /// Trained by the first period with data (plus anticipation).
    case trainedByFirstPeriod = "trained_by_first_period"
    /// Not appraised in every period, in a balanced panel.
    case notAppraisedEveryPeriod = "not_appraised_every_period"
  }

  /// The panel of kept employees; periods are offsets from `firstPeriod`.
  package let panel: DiDPanel
  /// The roster index of each unit of the panel.
  package let employees: [Int32]
  /// The performance panel's first period, to name periods.
  package let firstPeriod: Period
  /// Employees left out, by reason; reasons with none are absent.
  package let leftOut: [LeftOut: Int]
  /// The period (offset) of the end date of each unit's first completed training; `nil`
  /// for the never treated.
  package let courseEnd: [Int?]

  /// Whose first completed training makes them treated.
  package enum Selection: Sendable {
    /// Everyone trained.
    case all
    /// Employees whose first completed training used this method.
    case method(TrainingMethod)
    /// Employees whose first completed training was this programme (an id in `programs`).
    case program(Int32)
  }

  /// The panel for `selection` against the never (or not yet) trained; clusters are the
  /// employees' agencies in `roster` when the settings cluster by agency (an employee
  /// without one is a cluster alone), else the employees.
  package init?(
    performance: PerformancePanel, participations: ParticipationTable, roster: EmployeeRoster? = nil,
    selection: Selection = .all, settings: DiDSettings = DiDSettings()
  ) {
    guard let firstPeriod = performance.firstPeriod, !performance.scores.isEmpty else { return nil }
    self.firstPeriod = firstPeriod
    let periods = performance.scores.count
    // First completed training per employee (by the cohort date); employees trained at all.
    var first = [Int32](repeating: Int32.max, count: performance.employees)
    var firstParticipation = [Int](repeating: -1, count: performance.employees)
    var trainedAtAll = [Bool](repeating: false, count: performance.employees)
    for index in 0..<participations.count {
      let employee = Int(participations.employee[index])
      trainedAtAll[employee] = true
      guard participations.status[index] == .completed else { continue }
      let date = settings.cohortFrom == .start ? participations.startDate[index] : participations.endDate[index]
      let offset = Period.containing(date, grain: firstPeriod.grain).index - firstPeriod.index
      if offset < first[employee] {
        first[employee] = offset
        firstParticipation[employee] = index
      }
    }
    var leftOut: [LeftOut: Int] = [:]
    // Employees the selection keeps, with their cohort and course end.
    var candidates: [(employee: Int, cohort: Int?, end: Int?)] = []
    for employee in 0..<performance.employees {
      guard (0..<periods).contains(where: { !performance.scores[$0][employee].isNaN }) else {
        leftOut[.notAppraised, default: 0] += 1
        continue
      }
      if first[employee] == Int32.max {
        if trainedAtAll[employee] {
          leftOut[.trainingNotCompleted, default: 0] += 1
        } else {
          candidates.append((employee, nil, nil))
        }
        continue
      }
      guard Int(first[employee]) < periods else {
        candidates.append((employee, nil, nil))
        continue
      }
      let participation = firstParticipation[employee]
      let chosen: Bool
      switch selection {
      case .all: chosen = true
      case .method(let method): chosen = participations.method[participation] == method
      case .program(let program): chosen = participations.program[participation] == program
      }
      guard chosen else {
        leftOut[.trainedOtherwise, default: 0] += 1
        continue
      }
      let end = Period.containing(participations.endDate[participation], grain: firstPeriod.grain).index
      candidates.append((employee, Int(first[employee]), Int(end - firstPeriod.index)))
    }
    // The periods with data among them; the trained by the first of those (plus
    // anticipation) go, and training after the last of them counts as never (as `did`).
    func periodsWithData() -> [Int] {
      (0..<periods).filter { period in candidates.contains { !performance.scores[period][$0.employee].isNaN } }
    }
    var observed = periodsWithData()
    guard let firstObserved = observed.first, let lastObserved = observed.last else { return nil }
    for index in candidates.indices where (candidates[index].cohort ?? Int.min) > lastObserved {
      candidates[index].cohort = nil
      candidates[index].end = nil
    }
    candidates.removeAll { candidate in
      guard let cohort = candidate.cohort, cohort <= firstObserved + settings.anticipation else { return false }
      leftOut[.trainedByFirstPeriod, default: 0] += 1
      return true
    }
    if settings.panel == .balanced {
      candidates.removeAll { candidate in
        guard observed.contains(where: { performance.scores[$0][candidate.employee].isNaN }) else { return false }
        leftOut[.notAppraisedEveryPeriod, default: 0] += 1
        return true
      }
    }
    // Removals can empty a period: the periods are those with data among who is left.
    observed = periodsWithData()
    guard !candidates.isEmpty, !observed.isEmpty else { return nil }
    var outcomes: [Double] = []
    outcomes.reserveCapacity(candidates.count * observed.count)
    for candidate in candidates {
      for period in observed { outcomes.append(performance.scores[period][candidate.employee]) }
    }
    // Clusters numbered in order of first appearance among the units, so they do not
    // depend on label ids.
    var clusterOf: [Int32: Int32] = [:]
    var cluster: [Int32] = []
    var clusters: Int32 = 0
    for candidate in candidates {
      let agency = settings.cluster == .agency ? roster.map { $0.agency[candidate.employee] } ?? -1 : -1
      if agency >= 0, let known = clusterOf[agency] {
        cluster.append(known)
        continue
      }
      if agency >= 0 { clusterOf[agency] = clusters }
      cluster.append(clusters)
      clusters += 1
    }
    panel = DiDPanel(
      periods: observed, outcomes: outcomes, cohort: candidates.map(\.cohort), cluster: cluster,
      clusters: Int(clusters))
    employees = candidates.map { Int32($0.employee) }
    courseEnd = candidates.map(\.end)
    self.leftOut = leftOut
  }

  /// The periods of `performance` in which nobody has an appraisal.
  package static func emptyPeriods(of performance: PerformancePanel) -> [Period] {
    zip(performance.periods, performance.scores).filter { _, scores in scores.allSatisfy(\.isNaN) }.map(\.0)
  }
}
