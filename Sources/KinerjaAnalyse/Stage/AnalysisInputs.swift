public import KinerjaClean

/// The cleaned inputs the analyses read; inputs the pipeline does not configure are `nil`.
public struct AnalysisInputs: Sendable {
  public var roster: EmployeeRoster
  public var panel: PerformancePanel
  public var participations: ParticipationTable?
  public var responses: SurveyResponses?
  public var evaluations: CourseEvaluations?

  public init(
    roster: EmployeeRoster, panel: PerformancePanel, participations: ParticipationTable? = nil,
    responses: SurveyResponses? = nil, evaluations: CourseEvaluations? = nil
  ) {
    self.roster = roster
    self.panel = panel
    self.participations = participations
    self.responses = responses
    self.evaluations = evaluations
  }
}

/// Where the analyse stage says what it did: one line per analysis with its time, and
/// notes such as why an output is empty.
public struct AnalysisLog: Sendable {
  public var note: @Sendable (String) -> Void
  public var stage: @Sendable (_ name: String, _ detail: String, _ seconds: Double) -> Void

  public init(
    note: @escaping @Sendable (String) -> Void,
    stage: @escaping @Sendable (_ name: String, _ detail: String, _ seconds: Double) -> Void
  ) {
    self.note = note
    self.stage = stage
  }

  /// Says nothing.
  public static let silent = AnalysisLog(note: { _ in }, stage: { _, _, _ in })
}
