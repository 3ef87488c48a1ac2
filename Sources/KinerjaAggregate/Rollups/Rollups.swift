package import KinerjaClean
package import KinerjaIngest

/// The roll-ups several analyses share, each made on first use and then kept, so one run
/// computes each once: employees per agency, each year's appraisals per employee,
/// training per employee and agency by year, and the citizens' survey sums per agency.
///
/// Not for concurrent use: the analyse stage asks for roll-ups from one thread.
package final class Rollups: @unchecked Sendable {
  package let roster: EmployeeRoster
  package let panel: PerformancePanel
  package let participations: ParticipationTable?
  package let responses: SurveyResponses?
  /// The grain survey periods are rolled up to (the IKM's reporting grain).
  package let surveyGrain: Grain
  private var years: [Int: AppraisalYear] = [:]
  private var training: TrainingYears?
  private var headcount: [Int]?
  private var survey: SurveyTotals?

  package init(
    roster: EmployeeRoster, panel: PerformancePanel, participations: ParticipationTable?,
    responses: SurveyResponses? = nil, surveyGrain: Grain = .quarter
  ) {
    self.roster = roster
    self.panel = panel
    self.participations = participations
    self.responses = responses
    self.surveyGrain = surveyGrain
  }

  /// Employees per agency id, over the whole roster.
  package var employeesPerAgency: [Int] {
    if let headcount { return headcount }
    var counts = [Int](repeating: 0, count: roster.agencies.count)
    for agency in roster.agency { counts[Int(agency)] += 1 }
    headcount = counts
    return counts
  }

  /// Each employee's mean score and last rating in `year`.
  package func appraisals(in year: Int) -> AppraisalYear {
    if let made = years[year] { return made }
    let made = AppraisalYear(panel: panel, year: year)
    years[year] = made
    return made
  }

  /// Training by year; `nil` when the run has no training input.
  package var trainingYears: TrainingYears? {
    guard let participations else { return nil }
    if let training { return training }
    let made = TrainingYears(participations: participations, roster: roster)
    training = made
    return made
  }

  /// The survey answers summed per agency, service unit and period at ``surveyGrain``;
  /// `nil` when the run has no survey input.
  package var surveyTotals: SurveyTotals? {
    guard let responses else { return nil }
    if let survey { return survey }
    let made = SurveyTotals(responses: responses, grain: surveyGrain)
    survey = made
    return made
  }
}
