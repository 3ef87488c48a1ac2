package import KinerjaClean
import KinerjaIngest

/// One difference-in-differences study — all trained employees, those of one method or of
/// one programme — with what it may publish: estimates from fewer than `minGroup`
/// treated employees are withheld.
package struct DiDStudy: Sendable {
  /// `all`, the method whose participants are the treated, or empty for a programme.
  package var variant: String
  package var cohorts: TrainingCohorts
  package var did: StaggeredDiD
  package var summary: DiDSummary
  /// Estimates based on fewer treated employees are withheld.
  package var minGroup: Int

  /// z for a two-sided 95 % normal interval, as `did` uses for pointwise intervals.
  package static let z95 = Normal.quantile(0.975)

  /// The study of the employees `selection` picks, if there is one to estimate.
  package init?(
    _ selection: TrainingCohorts.Selection, variant: String, performance: PerformancePanel,
    participations: ParticipationTable, control: StaggeredDiD.ControlGroup, minGroup: Int
  ) {
    guard
      let cohorts = TrainingCohorts(performance: performance, participations: participations, selection: selection),
      let did = StaggeredDiD(panel: cohorts.panel, control: control)
    else { return nil }
    self.variant = variant
    self.cohorts = cohorts
    self.did = did
    self.summary = DiDSummary(did)
    self.minGroup = minGroup
  }

  /// Treated employees in the study.
  package var treatedUnits: Int {
    did.groupTimes.filter { $0.period == $0.group }.reduce(0) { $0 + $1.treated }
  }

  /// Whether the study has enough treated employees to publish anything.
  package var isShown: Bool { treatedUnits >= minGroup }

  /// The study's effect after the training period with its 95 % interval, unless withheld.
  package var postTrainingEffect: EffectEstimate? {
    guard isShown,
      let estimate = summary.estimates.first(where: { $0.aggregation == "post_training" && $0.index == nil })
    else { return nil }
    return EffectEstimate(
      att: estimate.att, low: estimate.att - Self.z95 * estimate.standardError,
      high: estimate.att + Self.z95 * estimate.standardError, treated: treatedUnits)
  }

  /// The period `offset` periods after the study's first.
  func label(_ offset: Int) -> String {
    Period(grain: cohorts.firstPeriod.grain, index: cohorts.firstPeriod.index + Int32(offset)).description
  }
}

/// One row of `did_group_time`: ATT(g, t) of one study, cohort and period.
package struct DiDGroupTimeRow: Sendable {
  package var variant: String
  package var controlGroup: StaggeredDiD.ControlGroup
  package var cohort: String
  package var period: String
  package var eventTime: Int
  /// The estimate and its 95 % interval; `nil` when withheld.
  package var att: Double?
  package var standardError: Double?
  package var low: Double?
  package var high: Double?
  package var treated: Int
  package var controls: Int
  package var suppressed: Bool

  /// The study's rows: a cell is withheld when it or the study has fewer than
  /// `minGroup` treated employees.
  package static func rows(of study: DiDStudy) -> [DiDGroupTimeRow] {
    study.did.groupTimes.map { effect in
      let shown = effect.treated >= study.minGroup && study.isShown
      let z = DiDStudy.z95
      return DiDGroupTimeRow(
        variant: study.variant, controlGroup: study.did.control, cohort: study.label(effect.group),
        period: study.label(effect.period), eventTime: effect.period - effect.group,
        att: shown ? effect.att : nil, standardError: shown ? effect.standardError : nil,
        low: shown ? effect.att - z * effect.standardError : nil,
        high: shown ? effect.att + z * effect.standardError : nil, treated: effect.treated,
        controls: effect.controls, suppressed: !shown)
    }
  }
}

/// One row of `did_summary`: an aggregation of a study (overall, or by cohort, event time
/// or period), or its pre-trend test.
package struct DiDSummaryRow: Sendable {
  package var variant: String
  package var controlGroup: StaggeredDiD.ControlGroup
  /// `simple`, `group`, `dynamic`, `calendar`, `post_training` or `pre_trend_test`.
  package var aggregation: String
  /// `all`, a cohort or period label, or an event time.
  package var level: String
  package var att: Double?
  package var standardError: Double?
  package var low: Double?
  package var high: Double?
  /// The pre-trend test's chi-square, degrees of freedom and p-value.
  package var statistic: Double?
  package var degreesOfFreedom: Int?
  package var p: Double?
  package var treatedUnits: Int
  package var suppressed: Bool

  /// The study's rows: every aggregation, then the pre-trend test (or its degrees of
  /// freedom when it could not be computed); all withheld when the study is too small.
  package static func rows(of study: DiDStudy) -> [DiDSummaryRow] {
    let shown = study.isShown
    let z = DiDStudy.z95
    var rows: [DiDSummaryRow] = study.summary.estimates.map { estimate in
      let level: String
      switch (estimate.aggregation, estimate.index) {
      case (_, nil): level = "all"
      case ("dynamic", let event?): level = String(event)
      case (_, let offset?): level = study.label(offset)
      }
      return DiDSummaryRow(
        variant: study.variant, controlGroup: study.did.control, aggregation: estimate.aggregation, level: level,
        att: shown ? estimate.att : nil, standardError: shown ? estimate.standardError : nil,
        low: shown ? estimate.att - z * estimate.standardError : nil,
        high: shown ? estimate.att + z * estimate.standardError : nil, treatedUnits: study.treatedUnits,
        suppressed: !shown)
    }
    var test = DiDSummaryRow(
      variant: study.variant, controlGroup: study.did.control, aggregation: "pre_trend_test", level: "all",
      treatedUnits: study.treatedUnits, suppressed: !shown)
    if let preTrend = study.summary.preTrend {
      test.statistic = shown ? preTrend.statistic : nil
      test.degreesOfFreedom = preTrend.degreesOfFreedom
      test.p = shown ? preTrend.p : nil
      rows.append(test)
    } else if let omitted = study.summary.preTrendOmission {
      test.degreesOfFreedom = omitted.degreesOfFreedom
      rows.append(test)
    }
    return rows
  }

  init(
    variant: String, controlGroup: StaggeredDiD.ControlGroup, aggregation: String, level: String,
    att: Double? = nil, standardError: Double? = nil, low: Double? = nil, high: Double? = nil,
    treatedUnits: Int, suppressed: Bool
  ) {
    self.variant = variant
    self.controlGroup = controlGroup
    self.aggregation = aggregation
    self.level = level
    self.att = att
    self.standardError = standardError
    self.low = low
    self.high = high
    self.treatedUnits = treatedUnits
    self.suppressed = suppressed
  }
}
