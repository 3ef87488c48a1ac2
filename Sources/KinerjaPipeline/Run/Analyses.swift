import KinerjaAnalyse
import KinerjaExport

extension AnalysisSettings {
  /// The analyse stage's settings as the pipeline file gives them.
  init(_ pipeline: PipelineFile, threads: Int) {
    let impact = pipeline.impact
    self.init(
      analyses: pipeline.outputs, minGroup: pipeline.minGroup, ikmGrain: pipeline.ikmGrain,
      rankingWeights: pipeline.rankingWeights,
      effects: TrainingEffectsOptions(
        window: impact.window, minPeriods: impact.minPeriods, bootstrapDraws: impact.bootstrapDraws,
        bootstrapSeed: impact.bootstrapSeed, minGroup: pipeline.minGroup),
      did: DiDSettings(
        control: impact.controlGroup, panel: impact.panel, cluster: impact.cluster, cohortFrom: impact.cohortFrom,
        anticipation: impact.anticipation, bootstrapDraws: impact.bootstrapDraws, bootstrapSeed: impact.bootstrapSeed),
      threads: threads)
  }
}

extension CleanedInputs {
  /// What the analyses read.
  var analysisInputs: AnalysisInputs {
    AnalysisInputs(
      roster: roster, panel: panel, participations: participations, responses: responses,
      evaluations: evaluations)
  }
}

extension AnalysisResults {
  /// Every output table of the analyses that ran, in output order.
  var tables: [OutputTable] {
    var tables: [OutputTable] = []
    if let trends { tables.append(.trends(trends)) }
    if let trendTests { tables.append(.trendTests(trendTests)) }
    if let trainingNeeds { tables.append(.trainingNeeds(trainingNeeds)) }
    if let serviceSatisfaction { tables.append(.serviceSatisfaction(serviceSatisfaction)) }
    if let agencyRankings { tables.append(.agencyRankings(agencyRankings)) }
    if let trainingCoverage { tables.append(.trainingCoverage(trainingCoverage)) }
    if let trainingEffects { tables.append(.trainingEffects(trainingEffects)) }
    if let didGroupTime { tables.append(.didGroupTime(didGroupTime)) }
    if let didSummary { tables.append(.didSummary(didSummary, units: didUnits)) }
    if let costEffectiveness { tables.append(.costEffectiveness(costEffectiveness)) }
    return tables
  }
}
