package import KinerjaIngest

/// An analysis a pipeline can ask for; its raw value is the name in the pipeline file.
package enum Analysis: String, CaseIterable, Sendable {
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
package struct AnalysisSettings: Sendable {
  /// The analyses asked for; those they need are run too.
  package var analyses: Set<Analysis>
  /// Groups with fewer employees (or treated employees) have their statistics withheld.
  package var minGroup: Int
  /// The period IKM is reported per.
  package var ikmGrain: Grain
  /// Ranking component weights as written; normalised to sum to 1 when used.
  package var rankingWeights: [RankingComponent: Double]
  /// Pre/post windows and the bootstrap of training effects.
  package var effects: TrainingEffectsOptions
  /// How the DiD studies are set up (control group, panel, clusters, cohorts, bootstrap).
  package var did: DiDSettings
  /// Worker threads; results do not depend on their number.
  package var threads: Int

  package init(
    analyses: Set<Analysis> = Set(Analysis.allCases), minGroup: Int = 5, ikmGrain: Grain = .quarter,
    rankingWeights: [RankingComponent: Double] = RankingComponent.equalWeights,
    effects: TrainingEffectsOptions = .init(), did: DiDSettings = .init(), threads: Int = 1
  ) {
    self.analyses = analyses
    self.minGroup = minGroup
    self.ikmGrain = ikmGrain
    self.rankingWeights = rankingWeights
    self.effects = effects
    self.did = did
    self.did.threads = threads
    self.threads = threads
  }
}

extension RankingComponent {
  /// Every component weighing the same, summing to 1.
  package static let equalWeights = Dictionary(
    uniqueKeysWithValues: allCases.map { ($0, 1 / Double(allCases.count)) })
}
