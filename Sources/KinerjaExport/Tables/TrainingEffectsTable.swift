public import KinerjaAnalyse

extension OutputTable {
  /// The `training_effects` output: one row per dimension × group.
  public static func trainingEffects(_ rows: [TrainingEffectRow]) -> OutputTable {
    let columns =
      [
        "by", "value", "participants", "pre_mean", "post_mean", "mean_change", "t", "df", "p",
        "wilcoxon_statistic",
        "wilcoxon_p", "wilcoxon_method", "cohens_dz", "ci_low", "ci_high", "bootstrap_low", "bootstrap_high",
        "evaluations",
      ] + TrainingEffects.feedbackAspects.map { "feedback_\($0)" }
      + ["tested", "test_change", "test_t", "test_p", "suppressed"]
    return OutputTable(
      name: "training_effects", columns: columns,
      rows: rows.map { row in
        [
          .text(row.by), .text(row.value), .integer(row.participants), .number(row.preMean),
          .number(row.postMean),
          .number(row.meanChange), .number(row.t), row.degreesOfFreedom.map(Cell.integer) ?? .null,
          .number(row.p),
          .number(row.wilcoxonStatistic), .number(row.wilcoxonP), row.wilcoxonMethod.map(Cell.text) ?? .null,
          .number(row.cohensDz), .number(row.ciLow), .number(row.ciHigh), .number(row.bootstrapLow),
          .number(row.bootstrapHigh), row.evaluations.map(Cell.integer) ?? .null,
        ] + row.feedbackMeans.map { Cell.number($0) }
          + [
            .integer(row.tested), .number(row.testChange), .number(row.testT), .number(row.testP),
            .bool(row.suppressed),
          ]
      })
  }
}
