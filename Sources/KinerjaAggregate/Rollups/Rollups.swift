public import KinerjaClean
public import KinerjaIngest

/// The roll-ups several analyses share, each made on first use and then kept, so one run
/// computes each once: employees per agency, each year's appraisals per employee,
/// training per employee and agency by year, and the citizens' survey sums per agency.
///
/// Not for concurrent use: the analyse stage asks for roll-ups from one thread.
public final class Rollups: @unchecked Sendable {
  public let roster: EmployeeRoster
  public let panel: PerformancePanel
  public let participations: ParticipationTable?
  public let responses: SurveyResponses?
  /// The grain survey periods are rolled up to (the IKM's reporting grain).
  public let surveyGrain: Grain
  private var years: [Int: AppraisalYear] = [:]
  private var training: TrainingYears?
  private var headcount: [Int]?
  private var survey: SurveyTotals?

  public init(
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
  public var employeesPerAgency: [Int] {
    if let headcount { return headcount }
    var counts = [Int](repeating: 0, count: roster.agencies.count)
    for agency in roster.agency { counts[Int(agency)] += 1 }
    headcount = counts
    return counts
  }

  /// Each employee's mean score and last rating in `year`.
  public func appraisals(in year: Int) -> AppraisalYear {
    if let made = years[year] { return made }
    let made = AppraisalYear(panel: panel, year: year)
    years[year] = made
    return made
  }

  /// Training by year; `nil` when the run has no training input.
  public var trainingYears: TrainingYears? {
    guard let participations else { return nil }
    if let training { return training }
    let made = TrainingYears(participations: participations, roster: roster)
    training = made
    return made
  }

  /// The survey answers summed per agency, service unit and period at ``surveyGrain``;
  /// `nil` when the run has no survey input.
  public var surveyTotals: SurveyTotals? {
    guard let responses else { return nil }
    if let survey { return survey }
    let made = SurveyTotals(responses: responses, grain: surveyGrain)
    survey = made
    return made
  }
}
