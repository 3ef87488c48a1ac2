package import KinerjaClean

/// The cleaned inputs the analyses read; inputs the pipeline does not configure are `nil`.
package struct AnalysisInputs: Sendable {
  package var roster: EmployeeRoster
  package var panel: PerformancePanel
  package var participations: ParticipationTable?
  package var responses: SurveyResponses?
  package var evaluations: CourseEvaluations?

  package init(
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
package struct AnalysisLog: Sendable {
  package var note: @Sendable (String) -> Void
  package var stage: @Sendable (_ name: String, _ detail: String, _ seconds: Double) -> Void

  package init(
    note: @escaping @Sendable (String) -> Void,
    stage: @escaping @Sendable (_ name: String, _ detail: String, _ seconds: Double) -> Void
  ) {
    self.note = note
    self.stage = stage
  }

  /// Says nothing.
  package static let silent = AnalysisLog(note: { _ in }, stage: { _, _, _ in })
}
