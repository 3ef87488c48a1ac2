/// The five exports Kinerja reads.
public enum InputKind: String, CaseIterable, Sendable, Codable {
  /// The employee master (SIASN / SIMPEG): one row per employee.
  case employees
  /// Periodic performance appraisals (e-Kinerja): one row per employee per period.
  case performance
  /// Training history: one row per participation.
  case training
  /// Citizens' service-satisfaction survey (SKM): one row per respondent.
  case serviceFeedback = "service_feedback"
  /// Participants' evaluations of courses: one row per evaluation.
  case trainingFeedback = "training_feedback"

  /// The order inputs are read in: each may refer to the ones before it.
  package static let readingOrder: [InputKind] = [
    .employees, .performance, .training, .serviceFeedback, .trainingFeedback,
  ]
}
