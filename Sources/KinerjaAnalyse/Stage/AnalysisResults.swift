/// The rows of every analysis that ran; `nil` for those not asked for or without their input.
public struct AnalysisResults: Sendable {
  public var trends: [TrendRow]?
  public var trendTests: [TrendTestRow]?
  public var trainingNeeds: [TrainingNeedRow]?
  public var serviceSatisfaction: [SatisfactionRow]?
  public var agencyRankings: [RankingRow]?
  public var trainingCoverage: [CoverageRow]?
  public var trainingEffects: [TrainingEffectRow]?
  public var didGroupTime: [DiDGroupTimeRow]?
  public var didSummary: [DiDSummaryRow]?
  public var costEffectiveness: [CostEffectivenessRow]?
  /// Outputs that came out empty, each with why (also said in the log).
  public var emptyOutputs: [EmptyResult] = []
  /// Each analysis's wall time, in the order they ran.
  public var timings: [(analysis: String, seconds: Double)] = []

  public init() {}
}

/// An output with no rows, and why.
public struct EmptyResult: Sendable, Equatable {
  /// The output's name (`trends`, `did_summary`).
  public var output: String
  public var reason: String

  public init(output: String, reason: String) {
    self.output = output
    self.reason = reason
  }
}
