import Foundation
import KinerjaClean
import KinerjaExport
import KinerjaIngest

/// Every input of a pipeline, read and cleaned, in reading order.
struct CleanedInputs: Sendable {
  var roster = EmployeeRoster()
  var panel: PerformancePanel
  var participations: ParticipationTable?
  var responses: SurveyResponses?
  var evaluations: CourseEvaluations?
  /// One summary per input, in reading order.
  var summaries: [InputSummary] = []

  /// Opens, streams and cleans each configured input, logging one line per input.
  ///
  /// Large inputs are read in chunks on `threads` threads; the result does not depend on their number.
  static func read(
    _ pipeline: PipelineFile, threads: Int, periods: PeriodRange, rejects: inout RejectFiles, log: RunLog,
    stages: inout [RunManifest.Stage]
  ) throws -> CleanedInputs {
    var result = CleanedInputs(
      panel: PerformancePanel(grain: pipeline.grain, firstPeriod: nil, employees: 0, scores: [], ratings: []))
    for input in pipeline.inputs {
      let started = Date()
      let reader = try InputReader(kind: input.kind, path: input.path, options: input.options)
      try rejects.open(reader)
      let progress = log.progress(label: "reading \(input.declaredPath)", size: reader.size)
      let tally: InputTally
      let fingerprint: InputFingerprint
      switch input.kind {
      case .employees:
        let cleaned = try EmployeeCleaner(chunkSize: pipeline.chunkSize).clean(
          reader, threads: threads, rejects: &rejects, progress: progress)
        (result.roster, tally, fingerprint) = (cleaned.table, cleaned.tally, cleaned.fingerprint)
      case .performance:
        let cleaner = PerformanceCleaner(grain: pipeline.grain, chunkSize: pipeline.chunkSize, periods: periods)
        let cleaned = try cleaner.clean(
          reader, roster: result.roster, threads: threads, rejects: &rejects, progress: progress)
        (result.panel, tally, fingerprint) = (cleaned.table, cleaned.tally, cleaned.fingerprint)
      case .training:
        let cleaned = try TrainingCleaner().clean(
          reader, roster: result.roster, rejects: &rejects, progress: progress)
        (result.participations, tally, fingerprint) = (cleaned.table, cleaned.tally, cleaned.fingerprint)
      case .serviceFeedback:
        let cleaned = try ServiceFeedbackCleaner(grain: pipeline.grain, periods: periods).clean(
          reader, rejects: &rejects, progress: progress)
        (result.responses, tally, fingerprint) = (cleaned.table, cleaned.tally, cleaned.fingerprint)
      case .trainingFeedback:
        let cleaned = try TrainingFeedbackCleaner().clean(
          reader, roster: result.roster, participations: result.participations, rejects: &rejects,
          progress: progress)
        (result.evaluations, tally, fingerprint) = (cleaned.table, cleaned.tally, cleaned.fingerprint)
      }
      let seconds = Date().timeIntervalSince(started)
      stages.append(.init(stage: "ingest+clean \(input.kind.rawValue)", seconds: seconds))
      log.stage(
        "ingest+clean \(input.kind.rawValue)",
        "\(tally.rowsRead) rows, \(tally.accepted) accepted, \(tally.rejected) rejected", seconds: seconds)
      result.summaries.append(
        InputSummary(reader: reader, displayPath: input.declaredPath, tally: tally, fingerprint: fingerprint))
    }
    return result
  }
}
