package import KinerjaClean
import KinerjaIngest

/// One difference-in-differences study — all trained employees, those of one method or of
/// one programme — with what it may publish: estimates from fewer than `minGroup`
/// treated employees are withheld.
package struct DiDStudy: Sendable {
  /// `all`, the method whose participants are the treated, or empty for a programme.
  package var variant: String
  package var settings: DiDSettings
  package var cohorts: TrainingCohorts
  package var did: StaggeredDiD
  package var summary: DiDSummary
  /// Estimates based on fewer treated employees are withheld.
  package var minGroup: Int

  /// z for a two-sided 95 % normal interval, as `did` uses for pointwise intervals.
  package static let z95 = Normal.quantile(0.975)

  /// The multiplier of the standard error in pointwise 95 % intervals: `z95` with one
  /// employee per cluster, as `did`; with G agencies, Student's t on G − 1 degrees of
  /// freedom times √(G / (G − 1)), the usual small-sample correction of a cluster-robust
  /// variance (CR1), which `se` itself leaves out (it is `did`'s CR0).
  package let critical: Double

  /// Studies clustered by 6 to this many agencies get their aggregations' intervals and
  /// the band pre-trend test from the wild cluster bootstrap with the null imposed (with
  /// fewer, its 2^G draws, two of which always tie, cannot reach p below 0.05).
  package static let wildBootstrapClusters = 6...50
  /// Draws of that bootstrap beyond 12 agencies (up to 12, all 2^G weight vectors).
  package static let wildBootstrapDraws = 999
  /// That bootstrap, when the study is clustered by `wildBootstrapClusters` agencies.
  package let wild: WildClusterBootstrap?
  /// The sup-t pre-trend test: from the wild bootstrap when there is one, else the
  /// multiplier bootstrap's.
  package let preTrendBand: DiDSummary.PreTrendTest?

  /// The study of the employees `selection` picks, if there is one to estimate; with
  /// `bootstrap`, its event study and ATT(g, t) get uniform bands.
  package init?(
    _ selection: TrainingCohorts.Selection, variant: String, performance: PerformancePanel,
    participations: ParticipationTable, roster: EmployeeRoster? = nil, settings: DiDSettings = DiDSettings(),
    minGroup: Int, bootstrap: Bool = false
  ) {
    guard
      let cohorts = TrainingCohorts(
        performance: performance, participations: participations, roster: roster, selection: selection,
        settings: settings),
      let did = StaggeredDiD(
        panel: cohorts.panel, control: settings.control, anticipation: settings.anticipation,
        threads: settings.threads)
    else { return nil }
    self.variant = variant
    self.settings = settings
    self.cohorts = cohorts
    self.did = did
    // post_training starts at the first event time after every treated unit's course has ended.
    var lastInCourse = 0
    var treated = 0
    for unit in 0..<did.panel.units where did.included[unit] {
      guard let cohort = did.panel.cohort[unit] else { continue }
      treated += 1
      if let end = cohorts.courseEnd[unit], end > cohort {
        lastInCourse = max(lastInCourse, end - cohort)
      }
    }
    treatedUnits = treated
    let multiplier =
      bootstrap && settings.bootstrapDraws > 0
      ? MultiplierBootstrap(draws: settings.bootstrapDraws, seed: settings.bootstrapSeed, threads: settings.threads)
      : nil
    self.summary = DiDSummary(did, postTrainingFrom: lastInCourse + 1, bootstrap: multiplier)
    self.minGroup = minGroup
    let clusters = did.panel.clusters
    let wild =
      settings.cluster == .agency && clusters < did.units && Self.wildBootstrapClusters.contains(clusters)
      ? WildClusterBootstrap(
        did, draws: Self.wildBootstrapDraws, seed: settings.bootstrapSeed, threads: settings.threads) : nil
    self.wild = wild
    if let wild {
      let pre = summary.estimates.filter {
        $0.aggregation == "dynamic" && $0.index.map { $0 < -settings.anticipation } == true
      }
      let test = WildClusterBootstrap.supTest(pre.map { wild.statistic($0.cells.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, estimate: $0.att) })
      preTrendBand = test.map { DiDSummary.PreTrendTest(statistic: $0.statistic, degreesOfFreedom: pre.count, p: $0.p) }
    } else {
      preTrendBand = summary.preTrendBand
    }
    critical =
      clusters >= did.units
      ? Self.z95
      : clusters >= 2
        ? StudentT(degreesOfFreedom: Double(clusters - 1)).quantile(0.975)
          * (Double(clusters) / Double(clusters - 1)).squareRoot() : .infinity
  }

  /// Treated employees in the study.
  package let treatedUnits: Int

  /// Units the study uses (treated and controls).
  package var units: Int { did.units }

  /// Whether the study has enough treated employees to publish anything.
  package var isShown: Bool { treatedUnits >= minGroup }

  /// The study's effect after training with its 95 % interval, unless withheld.
  package var postTrainingEffect: EffectEstimate? {
    guard isShown,
      let estimate = summary.estimates.first(where: { $0.aggregation == "post_training" && $0.index == nil })
    else { return nil }
    let (low, high) = interval(of: estimate)
    return EffectEstimate(att: estimate.att, low: low, high: high, treated: treatedUnits)
  }

  /// The 95 % interval of an aggregated effect: by inverting the wild cluster bootstrap
  /// when the study has one, else att ± `critical` · se.
  package func interval(of estimate: DiDSummary.Estimate) -> (low: Double, high: Double) {
    if let wild,
      let interval = wild.statistic(
        estimate.cells.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, estimate: estimate.att
      ).interval()
    {
      return interval
    }
    return (estimate.att - critical * estimate.standardError, estimate.att + critical * estimate.standardError)
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
  /// The estimate, its pointwise 95 % interval and its uniform 95 % band (over all the
  /// study's ATT(g, t), from the bootstrap); `nil` when withheld or not bootstrapped.
  package var att: Double?
  package var standardError: Double?
  package var low: Double?
  package var high: Double?
  package var uniformLow: Double?
  package var uniformHigh: Double?
  package var treated: Int
  package var controls: Int
  package var suppressed: Bool

  /// The study's rows: a cell is withheld when it or the study has fewer than
  /// `minGroup` treated employees.
  package static func rows(of study: DiDStudy) -> [DiDGroupTimeRow] {
    let band = study.summary.groupTimeBand
    return study.did.groupTimes.enumerated().map { index, effect in
      let shown = effect.treated >= study.minGroup && study.isShown
      let z = study.critical
      let bandError = band.flatMap { $0.critical != nil ? $0.standardErrors[index] : nil }
      let halfBand = bandError.flatMap { error in band?.critical.map { $0 * error } }
      return DiDGroupTimeRow(
        variant: study.variant, controlGroup: study.did.control, cohort: study.label(effect.group),
        period: study.label(effect.period), eventTime: effect.eventTime,
        att: shown ? effect.att : nil, standardError: shown ? effect.standardError : nil,
        low: shown ? effect.att - z * effect.standardError : nil,
        high: shown ? effect.att + z * effect.standardError : nil,
        uniformLow: shown ? halfBand.map { effect.att - $0 } : nil,
        uniformHigh: shown ? halfBand.map { effect.att + $0 } : nil, treated: effect.treated,
        controls: effect.controls, suppressed: !shown)
    }
  }
}

/// One row of `did_summary`: an aggregation of a study (overall, or by cohort, event time
/// or period), or one of its pre-trend tests.
package struct DiDSummaryRow: Sendable {
  package var variant: String
  package var controlGroup: StaggeredDiD.ControlGroup
  /// `simple`, `group`, `dynamic`, `calendar`, `post_training`, `pre_trend_wald`,
  /// `pre_trend_event_wald` or `pre_trend_band`.
  package var aggregation: String
  /// The cohort of a `group` row, the period of a `calendar` row, the event time of a
  /// `dynamic` row; all `nil` on overall rows and tests.
  package var cohort: String?
  package var period: String?
  package var eventTime: Int?
  package var att: Double?
  package var standardError: Double?
  package var low: Double?
  package var high: Double?
  /// The event study's uniform 95 % band (dynamic rows by event time, when bootstrapped).
  package var uniformLow: Double?
  package var uniformHigh: Double?
  /// A test's statistic (chi-square, or the largest |t| for the band test), degrees of
  /// freedom (estimates tested) and p-value.
  package var statistic: Double?
  package var degreesOfFreedom: Int?
  package var p: Double?
  /// Why a test has no statistic.
  package var note: String?
  package var treatedUnits: Int
  /// Units the study used, treated and controls.
  package var units: Int
  package var suppressed: Bool

  /// The study's rows: every aggregation, then the pre-trend tests (a Wald test without a
  /// statistic says why); all withheld when the study is too small.
  package static func rows(of study: DiDStudy) -> [DiDSummaryRow] {
    let shown = study.isShown
    let critical = study.summary.dynamicCritical
    var rows: [DiDSummaryRow] = study.summary.estimates.map { estimate in
      var row = DiDSummaryRow(study, aggregation: estimate.aggregation)
      switch (estimate.aggregation, estimate.index) {
      case (_, nil): break
      case ("dynamic", let event?): row.eventTime = event
      case ("group", let cohort?): row.cohort = study.label(cohort)
      case (_, let period?): row.period = study.label(period)
      }
      guard shown else { return row }
      // An aggregate of few treated employees' cells (an event time only one small cohort
      // reaches) would publish what their suppressed ATT(g, t) hide.
      guard study.summary.treatedUnits(of: estimate) >= study.minGroup else {
        row.suppressed = true
        row.note = "fewer than \(study.minGroup) treated employees"
        return row
      }
      row.att = estimate.att
      row.standardError = estimate.standardError
      (row.low, row.high) = study.interval(of: estimate)
      if let critical, let error = estimate.bootstrapError {
        row.uniformLow = estimate.att - critical * error
        row.uniformHigh = estimate.att + critical * error
      }
      if estimate.aggregation == "dynamic", let event = estimate.index,
        study.summary.preTrendEventsLeftOut.contains(event)
      {
        row.note =
          (study.did.panel.clusters < study.did.units
            ? "its treated employees are all in one agency" : "one treated employee")
          + ": its SE is the controls' alone, and its interval too narrow"
      }
      return row
    }
    let draws = study.wild?.draws ?? study.settings.bootstrapDraws
    for (aggregation, test, omission, floor, reason) in [
      (
        "pre_trend_wald", study.summary.preTrend, study.summary.preTrendOmission, Double.leastNonzeroMagnitude,
        "the smallest double"
      ),
      (
        "pre_trend_event_wald", study.summary.eventPreTrend, study.summary.eventPreTrendOmission,
        Double.leastNonzeroMagnitude, "the smallest double"
      ),
      ("pre_trend_band", study.preTrendBand, nil, 1 / Double(max(1, draws)), "no bootstrap draw as extreme"),
    ] {
      var row = DiDSummaryRow(study, aggregation: aggregation)
      if let test {
        row.degreesOfFreedom = test.degreesOfFreedom
        if shown {
          row.statistic = test.statistic
          // A p below what can be resolved is written as that bound, and says so.
          (row.p, row.note) = Self.bounded(test.p, below: floor, because: reason)
        }
        let leftOut = study.summary.preTrendEventsLeftOut
        let multiplierTest = aggregation == "pre_trend_event_wald" || (aggregation == "pre_trend_band" && study.wild == nil)
        if multiplierTest && !leftOut.isEmpty {
          let said =
            "event time\(leftOut.count == 1 ? "" : "s") \(leftOut.map(String.init).joined(separator: ", ")) "
            + "left out of the test: "
            + (study.did.panel.clusters < study.did.units
              ? "the treated employees of each are all in one agency" : "each has one treated employee")
            + ", so its SE says nothing of the treated"
          row.note = [row.note, said].compactMap { $0 }.joined(separator: "; ")
        }
      } else if let omission {
        row.degreesOfFreedom = omission.degreesOfFreedom
        row.note = omission.reason
      } else {
        continue
      }
      rows.append(row)
    }
    return rows
  }

  /// A p-value as written: one below what can be resolved (the smallest double, one in
  /// the bootstrap's draws) is written as that bound, with a note saying so, never as 0.
  package static func bounded(_ p: Double, below floor: Double, because reason: String) -> (Double, String?) {
    p < floor ? (floor, "p below \(floor): \(reason)") : (p, nil)
  }

  /// An empty row of `study` for `aggregation`.
  init(_ study: DiDStudy, aggregation: String) {
    variant = study.variant
    controlGroup = study.did.control
    self.aggregation = aggregation
    treatedUnits = study.treatedUnits
    units = study.units
    suppressed = !study.isShown
  }
}
