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
