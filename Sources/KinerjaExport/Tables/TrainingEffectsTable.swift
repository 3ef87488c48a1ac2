package import KinerjaAnalyse

/// The columns of `training_effects`.
package enum TrainingEffectsColumn: String, OutputColumn {
  case by, value, participants
  case preMean = "pre_mean"
  case postMean = "post_mean"
  case meanChange = "mean_change"
  case t, df, p
  case wilcoxonStatistic = "wilcoxon_statistic"
  case wilcoxonP = "wilcoxon_p"
  case wilcoxonMethod = "wilcoxon_method"
  case cohensDz = "cohens_dz"
  case ciLow = "ci_low"
  case ciHigh = "ci_high"
  case bootstrapLow = "bootstrap_low"
  case bootstrapHigh = "bootstrap_high"
  case evaluations
  case feedbackMaterial = "feedback_material"
  case feedbackInstructor = "feedback_instructor"
  case feedbackMethod = "feedback_method"
  case feedbackFacilities = "feedback_facilities"
  case feedbackOverall = "feedback_overall"
  case tested
  case testChange = "test_change"
  case testT = "test_t"
  case testP = "test_p"
  case suppressed

  package static let output = "training_effects"

  /// The course-evaluation aspect (an index into `TrainingEffects.feedbackAspects`) the column holds.
  var feedbackAspect: Int? {
    let aspects: [Self] = [.feedbackMaterial, .feedbackInstructor, .feedbackMethod, .feedbackFacilities, .feedbackOverall]
    return aspects.firstIndex(of: self)
  }
}

extension OutputTable {
  /// The `training_effects` output: one row per dimension × group.
  package static func trainingEffects(_ rows: [TrainingEffectRow]) -> OutputTable {
    OutputTable(TrainingEffectsColumn.self, rows: rows) { row, column in
      switch column {
      case .by: .text(row.by.rawValue)
      case .value: .text(row.value)
      case .participants: .integer(row.participants)
      case .preMean: .number(row.preMean)
      case .postMean: .number(row.postMean)
      case .meanChange: .number(row.meanChange)
      case .t: .number(row.t)
      case .df: row.degreesOfFreedom.map(Cell.integer) ?? .null
      case .p: .number(row.p)
      case .wilcoxonStatistic: .number(row.wilcoxonStatistic)
      case .wilcoxonP: .number(row.wilcoxonP)
      case .wilcoxonMethod: row.wilcoxonMethod.map(Cell.text) ?? .null
      case .cohensDz: .number(row.cohensDz)
      case .ciLow: .number(row.ciLow)
      case .ciHigh: .number(row.ciHigh)
      case .bootstrapLow: .number(row.bootstrapLow)
      case .bootstrapHigh: .number(row.bootstrapHigh)
      case .evaluations: row.evaluations.map(Cell.integer) ?? .null
      case .feedbackMaterial, .feedbackInstructor, .feedbackMethod, .feedbackFacilities, .feedbackOverall:
        .number(row.feedbackMeans[column.feedbackAspect!])
      case .tested: .integer(row.tested)
      case .testChange: .number(row.testChange)
      case .testT: .number(row.testT)
      case .testP: .number(row.testP)
      case .suppressed: .bool(row.suppressed)
      }
    }
  }
}
