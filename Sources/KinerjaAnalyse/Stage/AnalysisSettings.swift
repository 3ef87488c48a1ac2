public import KinerjaIngest

/// An analysis a pipeline can ask for; its raw value is the name in the pipeline file.
public enum Analysis: String, CaseIterable, Sendable {
  case trends
  case trendTests = "trend_tests"
  case serviceSatisfaction = "service_satisfaction"
  case trainingCoverage = "training_coverage"
  case trainingEffects = "training_effects"
  /// `did_group_time` and `did_summary`.
  case did
  case costEffectiveness = "cost_effectiveness"
  case agencyRankings = "agency_rankings"
  case trainingNeeds = "training_needs"
}

/// Everything the analyse stage needs to know from the pipeline file, typed.
public struct AnalysisSettings: Sendable {
  /// The analyses asked for; those they need are run too.
  public var analyses: Set<Analysis>
  /// Groups with fewer employees (or treated employees) have their statistics withheld.
  public var minGroup: Int
  /// The period IKM is reported per.
  public var ikmGrain: Grain
  /// Ranking component weights as written; normalised to sum to 1 when used.
  public var rankingWeights: [RankingComponent: Double]
  /// Pre/post windows and the bootstrap of training effects.
  public var effects: TrainingEffectsOptions
  /// Whom the DiD compares the trained with.
  public var controlGroup: StaggeredDiD.ControlGroup
  /// Worker threads; results do not depend on their number.
  public var threads: Int

  public init(
    analyses: Set<Analysis> = Set(Analysis.allCases), minGroup: Int = 5, ikmGrain: Grain = .quarter,
    rankingWeights: [RankingComponent: Double] = RankingComponent.equalWeights,
    effects: TrainingEffectsOptions = .init(), controlGroup: StaggeredDiD.ControlGroup = .never, threads: Int = 1
  ) {
    self.analyses = analyses
    self.minGroup = minGroup
    self.ikmGrain = ikmGrain
    self.rankingWeights = rankingWeights
    self.effects = effects
    self.controlGroup = controlGroup
    self.threads = threads
  }
}

extension RankingComponent {
  /// Every component weighing the same, summing to 1.
  public static let equalWeights = Dictionary(
    uniqueKeysWithValues: allCases.map { ($0, 1 / Double(allCases.count)) })
}
