public import KinerjaAnalyse
import KinerjaIngest

/// One difference-in-differences study: all trained employees, or those of one method.
public struct DiDStudy: Sendable {
  /// `all`, or the method whose participants are the treated.
  public var variant: String
  public var cohorts: TrainingCohorts
  public var did: StaggeredDiD
  public var summary: DiDSummary
  /// Estimates based on fewer treated employees are withheld.
  public var minGroup: Int

  public init(
    variant: String, cohorts: TrainingCohorts, did: StaggeredDiD, summary: DiDSummary, minGroup: Int
  ) {
    self.variant = variant
    self.cohorts = cohorts
    self.did = did
    self.summary = summary
    self.minGroup = minGroup
  }

  /// Treated employees in the study.
  public var treatedUnits: Int {
    did.groupTimes.filter { $0.period == $0.group }.reduce(0) { $0 + $1.treated }
  }

  func label(_ offset: Int) -> String {
    Period(grain: cohorts.firstPeriod.grain, index: cohorts.firstPeriod.index + Int32(offset)).description
  }
}

extension OutputTable {
  /// z for a two-sided 95 % normal interval, as `did` uses for pointwise intervals.
  static let z95 = Normal.quantile(0.975)

  /// The `did_group_time` output: ATT(g, t) per study, cohort and period.
  public static func didGroupTime(_ studies: [DiDStudy]) -> OutputTable {
    let columns = [
      "variant", "control_group", "cohort", "period", "event_time", "att", "se", "ci_low", "ci_high",
      "treated",
      "controls", "suppressed",
    ]
    var rows: [[Cell]] = []
    for study in studies {
      for effect in study.did.groupTimes {
        let shown = effect.treated >= study.minGroup && study.treatedUnits >= study.minGroup
        rows.append([
          .text(study.variant), .text(study.did.control.rawValue), .text(study.label(effect.group)),
          .text(study.label(effect.period)), .integer(effect.period - effect.group),
          .number(shown ? effect.att : nil), .number(shown ? effect.standardError : nil),
          .number(shown ? effect.att - z95 * effect.standardError : nil),
          .number(shown ? effect.att + z95 * effect.standardError : nil), .integer(effect.treated),
          .integer(effect.controls), .bool(!shown),
        ])
      }
    }
    return OutputTable(name: "did_group_time", columns: columns, rows: rows)
  }

  /// The `did_summary` output: the simple, group, dynamic and calendar aggregations per
  /// study (overall, then by cohort, event time or period) and the pre-trend test.
  public static func didSummary(_ studies: [DiDStudy]) -> OutputTable {
    let columns = [
      "variant", "control_group", "aggregation", "level", "att", "se", "ci_low", "ci_high", "statistic", "df",
      "p",
      "treated_units", "suppressed",
    ]
    var rows: [[Cell]] = []
    for study in studies {
      let shown = study.treatedUnits >= study.minGroup
      for estimate in study.summary.estimates {
        let level: String
        switch (estimate.aggregation, estimate.index) {
        case (_, nil): level = "all"
        case ("dynamic", let event?): level = String(event)
        case (_, let offset?): level = study.label(offset)
        }
        rows.append([
          .text(study.variant), .text(study.did.control.rawValue), .text(estimate.aggregation), .text(level),
          .number(shown ? estimate.att : nil), .number(shown ? estimate.standardError : nil),
          .number(shown ? estimate.att - z95 * estimate.standardError : nil),
          .number(shown ? estimate.att + z95 * estimate.standardError : nil), .null, .null, .null,
          .integer(study.treatedUnits), .bool(!shown),
        ])
      }
      if let test = study.summary.preTrend {
        rows.append([
          .text(study.variant), .text(study.did.control.rawValue), .text("pre_trend_test"), .text("all"),
          .null, .null,
          .null, .null, .number(shown ? test.statistic : nil), .integer(test.degreesOfFreedom),
          .number(shown ? test.p : nil), .integer(study.treatedUnits), .bool(!shown),
        ])
      } else if let omitted = study.summary.preTrendOmission {
        rows.append([
          .text(study.variant), .text(study.did.control.rawValue), .text("pre_trend_test"), .text("all"),
          .null, .null, .null, .null, .null, .integer(omitted.degreesOfFreedom), .null,
          .integer(study.treatedUnits), .bool(!shown),
        ])
      }
    }
    return OutputTable(name: "did_summary", columns: columns, rows: rows)
  }
}
