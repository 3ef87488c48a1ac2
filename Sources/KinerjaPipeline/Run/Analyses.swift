import Dispatch
import Foundation
import KinerjaAggregate
import KinerjaAnalyse
import KinerjaClean
import KinerjaExport

/// The analyses a pipeline asks for, run on the cleaned inputs; each yields output tables.
struct Analyses: Sendable {
  let pipeline: PipelineFile
  let threads: Int
  let log: RunLog

  static let noTrends = "no appraisal was accepted (see the rejects)"

  private func noCohort(_ cleaned: CleanedInputs) -> String {
    "no cohort to estimate: it needs employees whose first completed training ends after the first "
      + "period, scored in every one of the \(cleaned.panel.scores.count) periods, and "
      + "\(controlGroup == .never ? "never-trained" : "not-yet-trained") employees to compare with"
  }

  /// The trend and DiD outputs among `tables` that came out empty, each with why, for
  /// `data_quality` (stderr said so when they were made).
  func emptyOutputs(_ tables: [OutputTable], _ cleaned: CleanedInputs) -> [EmptyOutput] {
    let reasons = [
      "trends": Self.noTrends, "trend_tests": Self.noTrends, "did_group_time": noCohort(cleaned),
      "did_summary": noCohort(cleaned),
    ]
    return tables.compactMap { table in
      guard table.rows.isEmpty, let reason = reasons[table.name] else { return nil }
      return EmptyOutput(output: table.name, reason: reason)
    }
  }

  /// Every output table the pipeline's analyses produce, in output order.
  func tables(for cleaned: CleanedInputs, stages: inout [RunManifest.Stage]) -> [OutputTable] {
    var tables: [OutputTable] = []
    let needsTrends = [.trends, .trendTests, .trainingNeeds].contains(where: pipeline.outputs.contains)
    if needsTrends {
      let rows = timed("trends", &stages) { trendRows(cleaned) }
      if pipeline.outputs.contains(.trends) { tables.append(.trends(rows)) }
      let needsTests = pipeline.outputs.contains(.trendTests) || pipeline.outputs.contains(.trainingNeeds)
      let tests = needsTests ? timed("trend_tests", &stages) { TrendTestRow.rows(from: rows) } : []
      if pipeline.outputs.contains(.trendTests) { tables.append(.trendTests(tests)) }
      if pipeline.outputs.contains(.trainingNeeds) {
        tables.append(
          timed("training_needs", &stages) {
            .trainingNeeds(
              TrainingNeedRow.rows(
                roster: cleaned.roster, performance: cleaned.panel, participations: cleaned.participations,
                trendTests: tests, minGroup: pipeline.minGroup))
          })
      }
    }
    if let responses = cleaned.responses, pipeline.outputs.contains(.serviceSatisfaction) {
      tables.append(
        timed("service_satisfaction", &stages) {
          let started = Date()
          let rows = SatisfactionRow.rows(
            from: responses, grain: pipeline.ikmGrain, minGroup: pipeline.minGroup)
          log.stage(
            "analyse service_satisfaction", "\(rows.count) agency and unit periods",
            seconds: Date().timeIntervalSince(started))
          return .serviceSatisfaction(rows)
        })
    }
    if pipeline.outputs.contains(.agencyRankings) {
      tables.append(timed("agency_rankings", &stages) { agencyRankings(cleaned) })
    }
    if let participations = cleaned.participations {
      if pipeline.outputs.contains(.trainingCoverage) {
        tables.append(timed("training_coverage", &stages) { trainingCoverage(cleaned, participations) })
      }
      if pipeline.outputs.contains(.trainingEffects) {
        tables.append(timed("training_effects", &stages) { trainingEffects(cleaned, participations) })
      }
      var methodEffects: [TrainingMethod: EffectEstimate] = [:]
      if pipeline.outputs.contains(.did) || pipeline.outputs.contains(.costEffectiveness) {
        let (didTables, effects) = timed("did", &stages) { differenceInDifferences(cleaned, participations) }
        if pipeline.outputs.contains(.did) { tables += didTables }
        methodEffects = effects
      }
      if pipeline.outputs.contains(.costEffectiveness) {
        tables.append(
          timed("cost_effectiveness", &stages) {
            costEffectiveness(cleaned, participations, methodEffects: methodEffects)
          })
      }
    }
    return tables
  }

  private func timed<Result>(_ stage: String, _ stages: inout [RunManifest.Stage], _ body: () -> Result)
    -> Result
  {
    let started = Date()
    let result = body()
    stages.append(.init(stage: "analyse \(stage)", seconds: Date().timeIntervalSince(started)))
    return result
  }

  private func trendRows(_ cleaned: CleanedInputs) -> [TrendRow] {
    let started = Date()
    guard let firstPeriod = cleaned.panel.firstPeriod else {
      log.line("trends, trend_tests: empty: \(Self.noTrends)")
      return []
    }
    let groupings = TrendLevel.allCases.map { EmployeeGrouping(level: $0, roster: cleaned.roster) }
    let statistics = TrendStatistics(minGroup: pipeline.minGroup, firstPeriod: firstPeriod)
    var rows = TrendAggregator(panel: cleaned.panel, groupings: groupings).summarise(threads: threads) {
      grouping, sample in
      statistics.row(for: sample, of: grouping)
    }
    rows.sort(by: TrendRow.outputOrder)
    log.stage(
      "aggregate+analyse trends",
      "\(rows.count) rows over \(groupings.count) levels × \(cleaned.panel.scores.count) periods, "
        + "\(rows.filter(\.suppressed).count) suppressed, \(threads) threads",
      seconds: Date().timeIntervalSince(started))
    return rows
  }

  private func trainingCoverage(_ cleaned: CleanedInputs, _ participations: ParticipationTable) -> OutputTable
  {
    let started = Date()
    let years = Set(cleaned.panel.periods.map(\.year)).sorted()
    let rows = CoverageRow.rows(
      roster: cleaned.roster, participations: participations, years: years, minGroup: pipeline.minGroup)
    log.stage(
      "analyse training_coverage", "\(rows.count) agency years", seconds: Date().timeIntervalSince(started))
    return .trainingCoverage(rows)
  }

  private func agencyRankings(_ cleaned: CleanedInputs) -> OutputTable {
    let started = Date()
    let weights = Dictionary(
      uniqueKeysWithValues: RankingComponent.allCases.map { ($0, pipeline.rankingWeights[$0.rawValue] ?? 0) })
    let total = RankingComponent.allCases.reduce(0) { $0 + weights[$1]! }
    if abs(total - 1) > 1e-12 {
      log.line("agency_rankings: weights sum to \(total); normalised to sum to 1")
    }
    let years = Set(cleaned.panel.periods.map(\.year)).sorted()
    let coverage =
      cleaned.participations.map {
        CoverageRow.rows(
          roster: cleaned.roster, participations: $0, years: years, minGroup: pipeline.minGroup)
      } ?? []
    let pairs =
      cleaned.participations.map {
        TrainingEffects(options: effectsOptions).pairs(performance: cleaned.panel, participations: $0)
      } ?? []
    let rows = AgencyRankings(weights: weights, minGroup: pipeline.minGroup).rows(
      roster: cleaned.roster, performance: cleaned.panel, responses: cleaned.responses, coverage: coverage,
      trainingPairs: pairs, participations: cleaned.participations)
    log.stage(
      "analyse agency_rankings", "\(rows.filter { $0.rank != nil }.count) ranked agency years",
      seconds: Date().timeIntervalSince(started))
    return .agencyRankings(rows)
  }

  private var effectsOptions: TrainingEffectsOptions {
    let impact = pipeline.impact
    return TrainingEffectsOptions(
      window: impact.window, minPeriods: impact.minPeriods, bootstrapDraws: impact.bootstrapDraws,
      bootstrapSeed: impact.bootstrapSeed, minGroup: pipeline.minGroup)
  }

  private func trainingEffects(_ cleaned: CleanedInputs, _ participations: ParticipationTable) -> OutputTable
  {
    let started = Date()
    let rows = TrainingEffects(options: effectsOptions).rows(
      performance: cleaned.panel, participations: participations, roster: cleaned.roster,
      evaluations: cleaned.evaluations, threads: threads)
    log.stage(
      "analyse training_effects", "\(rows.count) groups, \(rows.filter(\.suppressed).count) suppressed",
      seconds: Date().timeIntervalSince(started))
    return .trainingEffects(rows)
  }

  private var controlGroup: StaggeredDiD.ControlGroup {
    StaggeredDiD.ControlGroup(rawValue: pipeline.impact.controlGroup) ?? .never
  }

  /// The DiD study of the employees `selection` picks, if there is one to estimate.
  private func study(
    _ selection: TrainingCohorts.Selection, variant: String, _ cleaned: CleanedInputs,
    _ participations: ParticipationTable
  ) -> DiDStudy? {
    guard
      let cohorts = TrainingCohorts(
        performance: cleaned.panel, participations: participations, selection: selection),
      let did = StaggeredDiD(panel: cohorts.panel, control: controlGroup)
    else { return nil }
    return DiDStudy(
      variant: variant, cohorts: cohorts, did: did, summary: DiDSummary(did), minGroup: pipeline.minGroup)
  }

  private func differenceInDifferences(
    _ cleaned: CleanedInputs, _ participations: ParticipationTable
  ) -> ([OutputTable], [TrainingMethod: EffectEstimate]) {
    let started = Date()
    // One study at a time: each holds a balanced panel of its employees, so only its
    // output rows are kept once it is done.
    var groupTime = OutputTable.didGroupTime([])
    var summary = OutputTable.didSummary([])
    var effects: [TrainingMethod: EffectEstimate] = [:]
    var studies = 0
    for method in [nil] + TrainingMethod.allCases.map(Optional.some) {
      guard
        let study = study(
          method.map { .method($0) } ?? .all, variant: method?.description ?? "all", cleaned, participations)
      else { continue }
      if let omitted = study.summary.preTrendOmission {
        log.line("did \(study.variant): no pre-trend test: \(omitted.reason)")
      }
      groupTime.rows += OutputTable.didGroupTime([study]).rows
      summary.rows += OutputTable.didSummary([study]).rows
      if let method { effects[method] = study.postTrainingEffect }
      studies += 1
    }
    if studies == 0 { log.line("did_group_time, did_summary: empty: \(noCohort(cleaned))") }
    log.stage(
      "analyse did", "\(studies) studies (all methods and each method), control \(controlGroup.rawValue)",
      seconds: Date().timeIntervalSince(started))
    return ([groupTime, summary], effects)
  }

  /// Costs per programme and method, with each programme's own DiD study.
  private func costEffectiveness(
    _ cleaned: CleanedInputs, _ participations: ParticipationTable,
    methodEffects: [TrainingMethod: EffectEstimate]
  ) -> OutputTable {
    let started = Date()
    var completed = [Int32: Int]()
    for index in 0..<participations.count where participations.status[index] == .completed {
      completed[participations.program[index], default: 0] += 1
    }
    // One study per programme, several at a time; each result has its own slot, so the
    // output does not depend on the thread count.
    let programs = completed.filter { $0.value >= pipeline.minGroup }.keys.sorted()
    let slots = UnsafeMutableBufferPointer<EffectEstimate?>.allocate(capacity: programs.count)
    slots.initialize(repeating: nil)
    defer { slots.deinitialize().deallocate() }
    nonisolated(unsafe) let results = slots
    let workers = max(1, min(threads, programs.count))
    let analyses = self
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      for index in stride(from: worker, to: programs.count, by: workers) {
        results[index] = analyses.study(.program(programs[index]), variant: "", cleaned, participations)?.postTrainingEffect
      }
    }
    var programEffects: [Int32: EffectEstimate] = [:]
    for (index, program) in programs.enumerated() { programEffects[program] = slots[index] }
    let rows = CostEffectivenessRow.rows(
      participations: participations, programEffects: programEffects, methodEffects: methodEffects)
    log.stage(
      "analyse cost_effectiveness",
      "\(rows.count) programmes and methods, \(programEffects.count) with a DiD effect",
      seconds: Date().timeIntervalSince(started))
    return .costEffectiveness(rows)
  }
}
