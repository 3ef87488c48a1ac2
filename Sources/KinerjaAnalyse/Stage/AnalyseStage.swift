import Foundation
import KinerjaAggregate
import KinerjaClean

/// The analyse stage: runs the analyses the settings ask for, and those they need, on the
/// cleaned inputs.
///
/// Which analysis needs which is decided here and nowhere else: trend tests and training
/// needs need the trends; training needs need the trend tests; cost-effectiveness needs the
/// per-method DiD studies; rankings need coverage and the training pairs. Shared results
/// are computed once per run.
package struct AnalyseStage: Sendable {
  package let settings: AnalysisSettings
  package let log: AnalysisLog

  package init(settings: AnalysisSettings, log: AnalysisLog = .silent) {
    self.settings = settings
    self.log = log
  }

  /// Why the trend outputs are empty, when they are.
  package static let noTrends = "no appraisal was accepted (see the rejects)"

  /// Runs every analysis asked for.
  package func run(_ inputs: AnalysisInputs) -> AnalysisResults {
    var run = Run(stage: self, inputs: inputs)
    run.all()
    return run.results
  }

  /// One run's state: the results so far and what later analyses reuse.
  private struct Run {
    let stage: AnalyseStage
    let inputs: AnalysisInputs
    var results = AnalysisResults()
    /// Employees per agency, each year's appraisals, training by year and survey sums, made once.
    private let rollups: Rollups
    private var coverage: [CoverageRow]?
    private var pairs: [(participation: Int, pre: Double, post: Double)]?

    init(stage: AnalyseStage, inputs: AnalysisInputs) {
      self.stage = stage
      self.inputs = inputs
      rollups = Rollups(
        roster: inputs.roster, panel: inputs.panel, participations: inputs.participations,
        responses: inputs.responses, surveyGrain: stage.settings.ikmGrain)
    }

    private var settings: AnalysisSettings { stage.settings }
    private var log: AnalysisLog { stage.log }
    private func asked(_ analysis: Analysis) -> Bool { settings.analyses.contains(analysis) }

    mutating func all() {
      if asked(.trends) || asked(.trendTests) || asked(.trainingNeeds) { trendsAndNeeds() }
      if let survey = rollups.surveyTotals, asked(.serviceSatisfaction) {
        results.serviceSatisfaction = timed("service_satisfaction") { run in
          let started = Date()
          let rows = SatisfactionRow.rows(from: survey, minGroup: run.settings.minGroup)
          run.log.stage(
            "analyse service_satisfaction", "\(rows.count) agency and unit periods",
            Date().timeIntervalSince(started))
          return rows
        }
      }
      if asked(.agencyRankings) {
        results.agencyRankings = timed("agency_rankings") { $0.agencyRankings() }
      }
      guard let participations = inputs.participations else { return }
      if asked(.trainingCoverage) {
        results.trainingCoverage = timed("training_coverage") { run in
          let started = Date()
          let rows = run.sharedCoverage(participations)
          run.log.stage("analyse training_coverage", "\(rows.count) agency years", Date().timeIntervalSince(started))
          return rows
        }
      }
      if asked(.trainingEffects) {
        results.trainingEffects = timed("training_effects") { $0.trainingEffects(participations) }
      }
      var methodEffects: [TrainingMethod: EffectEstimate] = [:]
      if asked(.did) || asked(.costEffectiveness) {
        let (groupTime, summary, effects) = timed("did") { $0.differenceInDifferences(participations) }
        if asked(.did) {
          results.didGroupTime = groupTime
          results.didSummary = summary
          if groupTime.isEmpty { results.emptyOutputs.append(.init(output: "did_group_time", reason: noCohort)) }
          if summary.isEmpty { results.emptyOutputs.append(.init(output: "did_summary", reason: noCohort)) }
        }
        methodEffects = effects
      }
      if asked(.costEffectiveness) {
        results.costEffectiveness = timed("cost_effectiveness") {
          $0.costEffectiveness(participations, methodEffects: methodEffects)
        }
      }
    }

    private mutating func timed<Result>(_ analysis: String, _ body: (inout Run) -> Result) -> Result {
      let started = Date()
      let result = body(&self)
      results.timings.append((analysis, Date().timeIntervalSince(started)))
      return result
    }

    private mutating func trendsAndNeeds() {
      let rows = timed("trends") { $0.trendRows() }
      if asked(.trends) {
        results.trends = rows
        if rows.isEmpty { results.emptyOutputs.append(.init(output: "trends", reason: AnalyseStage.noTrends)) }
      }
      let needsTests = asked(.trendTests) || asked(.trainingNeeds)
      let tests = needsTests ? timed("trend_tests") { _ in TrendTestRow.rows(from: rows) } : []
      if asked(.trendTests) {
        results.trendTests = tests
        if tests.isEmpty {
          results.emptyOutputs.append(.init(output: "trend_tests", reason: AnalyseStage.noTrends))
        }
      }
      if asked(.trainingNeeds) {
        results.trainingNeeds = timed("training_needs") { run in
          TrainingNeedRow.rows(rollups: run.rollups, trendTests: tests, minGroup: run.settings.minGroup)
        }
      }
    }

    private func trendRows() -> [TrendRow] {
      let started = Date()
      guard let firstPeriod = inputs.panel.firstPeriod else {
        log.note("trends, trend_tests: empty: \(AnalyseStage.noTrends)")
        return []
      }
      let groupings = Dimension.rosterLevels.map { EmployeeGrouping(level: $0, roster: inputs.roster) }
      let statistics = TrendStatistics(minGroup: settings.minGroup, firstPeriod: firstPeriod)
      var rows = TrendAggregator(panel: inputs.panel, groupings: groupings).summarise(threads: settings.threads) {
        grouping, sample in
        statistics.row(for: sample, of: grouping)
      }
      rows.sort(by: TrendRow.outputOrder)
      log.stage(
        "aggregate+analyse trends",
        "\(rows.count) rows over \(groupings.count) levels × \(inputs.panel.scores.count) periods, "
          + "\(rows.filter(\.suppressed).count) suppressed, \(settings.threads) threads",
        Date().timeIntervalSince(started))
      return rows
    }

    /// Coverage rows per agency and year, computed once for coverage and rankings.
    private mutating func sharedCoverage(_ participations: ParticipationTable) -> [CoverageRow] {
      if let coverage { return coverage }
      let years = Set(inputs.panel.periods.map(\.year)).sorted()
      let rows = CoverageRow.rows(rollups: rollups, years: years, minGroup: settings.minGroup)
      coverage = rows
      return rows
    }

    /// The (pre, post) pairs around completed trainings, computed once for effects and rankings.
    private mutating func sharedPairs(_ participations: ParticipationTable)
      -> [(participation: Int, pre: Double, post: Double)]
    {
      if let pairs { return pairs }
      let made = TrainingEffects(options: settings.effects).pairs(
        performance: inputs.panel, participations: participations)
      pairs = made
      return made
    }

    private mutating func agencyRankings() -> [RankingRow] {
      let started = Date()
      let weights = Dictionary(
        uniqueKeysWithValues: RankingComponent.allCases.map { ($0, settings.rankingWeights[$0] ?? 0) })
      let total = RankingComponent.allCases.reduce(0) { $0 + weights[$1]! }
      if abs(total - 1) > 1e-12 {
        log.note("agency_rankings: weights sum to \(total); normalised to sum to 1")
      }
      let coverage = inputs.participations.map { sharedCoverage($0) } ?? []
      let pairs = inputs.participations.map { sharedPairs($0) } ?? []
      let rows = AgencyRankings(weights: weights, minGroup: settings.minGroup).rows(
        rollups: rollups, coverage: coverage, trainingPairs: pairs)
      log.stage(
        "analyse agency_rankings", "\(rows.filter { $0.rank != nil }.count) ranked agency years",
        Date().timeIntervalSince(started))
      return rows
    }

    private mutating func trainingEffects(_ participations: ParticipationTable) -> [TrainingEffectRow] {
      let started = Date()
      let rows = TrainingEffects(options: settings.effects).rows(
        pairs: sharedPairs(participations), participations: participations, roster: inputs.roster,
        evaluations: inputs.evaluations, threads: settings.threads)
      log.stage(
        "analyse training_effects", "\(rows.count) groups, \(rows.filter(\.suppressed).count) suppressed",
        Date().timeIntervalSince(started))
      return rows
    }

    private var noCohort: String {
      "no cohort to estimate: it needs employees whose first completed training starts after the first "
        + "period with appraisals, appraised before and after it\(settings.did.panel == .balanced ? " in every period" : ""), and "
        + "\(settings.did.control == .never ? "never-trained" : "not-yet-trained") employees to compare with"
    }

    /// The study of all trained employees, then one per method, one at a time, so only
    /// its rows are kept once it is done. Says which periods have no appraisal and, per
    /// study, how many employees it used and left out, by reason.
    private mutating func differenceInDifferences(_ participations: ParticipationTable)
      -> ([DiDGroupTimeRow], [DiDSummaryRow], [TrainingMethod: EffectEstimate])
    {
      let started = Date()
      let output = "did_summary"
      for period in TrainingCohorts.emptyPeriods(of: inputs.panel) {
        let note = "\(period): no appraisal at all; the DiD skips the period"
        log.note("did: \(note)")
        results.notes.append(AnalysisNote(output: output, reason: "empty_period", note: note))
      }
      var groupTime: [DiDGroupTimeRow] = []
      var summary: [DiDSummaryRow] = []
      var effects: [TrainingMethod: EffectEstimate] = [:]
      var studies = 0
      for method in [nil] + TrainingMethod.allCases.map(Optional.some) {
        guard
          let study = DiDStudy(
            method.map { .method($0) } ?? .all, variant: method?.description ?? "all", performance: inputs.panel,
            participations: participations, roster: inputs.roster, settings: settings.did,
            minGroup: settings.minGroup, bootstrap: true)
        else {
          let variant = method?.description ?? "all"
          let note = "study \(variant): not estimated: \(noCohort)"
          log.note("did \(note)")
          results.notes.append(AnalysisNote(output: output, reason: "did_study_not_estimated", note: note))
          continue
        }
        if !study.summary.estimates.contains(where: { $0.aggregation == "post_training" }) {
          let note =
            "study \(study.variant): no post_training: no event time from \(study.summary.postTrainingFrom) on "
            + "(after its longest course) has an estimate"
          log.note("did \(note)")
          results.notes.append(AnalysisNote(output: output, reason: "did_no_post_training", note: note))
        }
        let used = "study \(study.variant): \(study.units) employees used, \(study.treatedUnits) of them treated"
        log.note("did \(used)")
        results.notes.append(AnalysisNote(output: output, reason: "did_units_used", count: study.units, note: used))
        results.didUnits.append(
          DiDUnits(
            variant: study.variant, used: study.units, treated: study.treatedUnits, leftOut: study.cohorts.leftOut))
        for reason in TrainingCohorts.LeftOut.allCases {
          guard let count = study.cohorts.leftOut[reason] else { continue }
          let note = "study \(study.variant): \(count) employees left out: \(reason.rawValue)"
          log.note("did \(note)")
          results.notes.append(
            AnalysisNote(output: output, reason: "did_left_out_\(reason.rawValue)", count: count, note: note))
        }
        let withinOne = study.did.cohortsWithinOneCluster.count
        if withinOne > 0 {
          let scope =
            study.wild == nil
            ? "the clustered intervals leave out that agency's own shared shocks and are too narrow"
            : "their ATT(g, t) intervals leave out that agency's own shared shocks and are too narrow "
              + "(aggregations use the wild cluster bootstrap, which does not)"
          let note =
            "study \(study.variant): \(withinOne) of \(study.did.groups.count) cohorts are trained within a single "
            + "agency: \(scope)"
          log.note("did \(note)")
          results.notes.append(
            AnalysisNote(output: output, reason: "did_cohorts_within_one_agency", count: withinOne, note: note))
        }
        if let omitted = study.summary.preTrendOmission {
          log.note("did \(study.variant): no pre-trend Wald test: \(omitted.reason)")
        }
        groupTime += DiDGroupTimeRow.rows(of: study)
        summary += DiDSummaryRow.rows(of: study)
        if let method { effects[method] = study.postTrainingEffect }
        studies += 1
      }
      if studies == 0 { log.note("did_group_time, did_summary: empty: \(noCohort)") }
      log.stage(
        "analyse did",
        "\(studies) studies (all methods and each method), control \(settings.did.control.rawValue), "
          + "\(settings.did.panel.rawValue) panel, clustered by \(settings.did.cluster.rawValue)",
        Date().timeIntervalSince(started))
      return (groupTime, summary, effects)
    }

    private func costEffectiveness(
      _ participations: ParticipationTable, methodEffects: [TrainingMethod: EffectEstimate]
    ) -> [CostEffectivenessRow] {
      let started = Date()
      let programEffects = ProgrammeEffects.estimate(
        performance: inputs.panel, participations: participations, roster: inputs.roster, settings: settings.did,
        minGroup: settings.minGroup, threads: settings.threads)
      let rows = CostEffectivenessRow.rows(
        participations: participations, programEffects: programEffects, methodEffects: methodEffects)
      log.stage(
        "analyse cost_effectiveness",
        "\(rows.count) programmes and methods, \(programEffects.count) with a DiD effect",
        Date().timeIntervalSince(started))
      return rows
    }
  }
}
