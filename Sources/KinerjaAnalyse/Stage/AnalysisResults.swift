/// The rows of every analysis that ran; `nil` for those not asked for or without their input.
package struct AnalysisResults: Sendable {
  package var trends: [TrendRow]?
  package var trendTests: [TrendTestRow]?
  package var trainingNeeds: [TrainingNeedRow]?
  package var serviceSatisfaction: [SatisfactionRow]?
  package var agencyRankings: [RankingRow]?
  package var trainingCoverage: [CoverageRow]?
  package var trainingEffects: [TrainingEffectRow]?
  package var didGroupTime: [DiDGroupTimeRow]?
  package var didSummary: [DiDSummaryRow]?
  package var costEffectiveness: [CostEffectivenessRow]?
  /// Outputs that came out empty, each with why (also said in the log).
  package var emptyOutputs: [EmptyResult] = []
  /// What analyses skipped or left out, with how many (also said in the log).
  package var notes: [AnalysisNote] = []
  /// Each DiD study's employees: used, treated, and left out by reason.
  package var didUnits: [DiDUnits] = []
  /// Each analysis's wall time, in the order they ran.
  package var timings: [(analysis: String, seconds: Double)] = []

  package init() {}
}

/// An output with no rows, and why.
package struct EmptyResult: Sendable, Equatable {
  /// The output's name (`trends`, `did_summary`).
  package var output: String
  package var reason: String

  package init(output: String, reason: String) {
    self.output = output
    self.reason = reason
  }
}

/// The employees of one DiD study: how many it used and treated, and how many it left
/// out, by reason.
package struct DiDUnits: Sendable, Equatable {
  package var variant: String
  package var used: Int
  package var treated: Int
  package var leftOut: [TrainingCohorts.LeftOut: Int]
}

/// Something an analysis skipped or left out, for `data_quality`: which output, a reason
/// code, how many (when a count), and a sentence saying what.
package struct AnalysisNote: Sendable, Equatable {
  /// The output affected (`did_summary`).
  package var output: String
  /// A reason code (`empty_period`, `did_units_used`, `did_left_out_<reason>`,
  /// `did_cohorts_within_one_agency`, `did_study_not_estimated`, `did_no_post_training`).
  package var reason: String
  package var count: Int?
  package var note: String

  package init(output: String, reason: String, count: Int? = nil, note: String) {
    self.output = output
    self.reason = reason
    self.count = count
    self.note = note
  }
}
