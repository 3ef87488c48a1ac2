package import KinerjaAggregate
package import KinerjaClean
package import KinerjaIngest

/// The citizens' satisfaction index (IKM) of PermenPANRB 14/2017.
///
/// For each of the nine elements the NRR is the mean of its 1–4 answers (unanswered
/// elements left out); IKM = 25 × (Σ NRR / 9), each element weighing exactly 1/9 (not
/// the rounded 0.11). The grade is read from the IKM rounded to two decimals, as it is
/// reported: A Sangat Baik 88.31–100, B Baik 76.61–88.30, C Kurang Baik 65.00–76.60,
/// D Tidak Baik 25.00–64.99.
package enum IKM {
  /// The index from the nine element means.
  package static func index(elementMeans: [Double]) -> Double {
    25 * elementMeans.reduce(0, +) / 9
  }

  /// The grade letter and its Indonesian label.
  package static func grade(_ ikm: Double) -> (letter: String, label: String) {
    let reported = (ikm * 100).rounded() / 100
    switch reported {
    case 88.31...: return ("A", "Sangat Baik")
    case 76.61...: return ("B", "Baik")
    case 65.00...: return ("C", "Kurang Baik")
    default: return ("D", "Tidak Baik")
    }
  }
}

/// One row of `service_satisfaction`: an agency's (or a service unit's) respondents in a period.
package struct SatisfactionRow: Sendable {
  /// `agency`, or `unit` for a service unit within its agency.
  package var level: String
  package var agencyCode: String
  /// The service unit; empty at the agency level.
  package var unit: String
  package var period: Period
  package var respondents: Int
  /// NRR of elements u1 … u9 (nil when nobody answered one, or when suppressed).
  package var elementMeans: [Double?]
  package var ikm: Double?
  /// An approximate 95 % interval of the IKM: ± t × sd / √n of the respondents' own scores
  /// (25 × the mean of the elements each answered).
  package var ikmLow: Double?
  package var ikmHigh: Double?
  package var grade: String?
  package var gradeLabel: String?
  /// Fewer respondents than `min_group`.
  package var suppressed: Bool

  /// Rows for every agency and every service unit, per survey period rolled up to `grain`
  /// (IKM is reported per quarter, semester or year; a coarser survey period stays as stated).
  package static func rows(from responses: SurveyResponses, grain: Grain, minGroup: Int) -> [SatisfactionRow] {
    rows(from: SurveyTotals(responses: responses, grain: grain), minGroup: minGroup)
  }

  /// Rows for every agency and every service unit of a run's survey totals.
  package static func rows(from survey: SurveyTotals, minGroup: Int) -> [SatisfactionRow] {
    let elements = SurveyResponses.elementCount
    let rows = survey.totals.map { key, entry -> SatisfactionRow in
      let shown = entry.respondents >= minGroup
      let means = entry.elementMeans
      let complete = means.allSatisfy { $0 != nil }
      let ikm = shown && complete ? IKM.index(elementMeans: means.map { $0! }) : nil
      let grade = ikm.map(IKM.grade)
      var interval: (Double, Double)?
      if let ikm, entry.respondents >= 2 {
        let n = Double(entry.respondents)
        let variance = max(0, (entry.ownScoreSquares - entry.ownScoreSum * entry.ownScoreSum / n) / (n - 1))
        let half = StudentT(degreesOfFreedom: n - 1).quantile(0.975) * (variance / n).squareRoot()
        interval = (ikm - half, ikm + half)
      }
      return SatisfactionRow(
        level: key.isAgency ? "agency" : "unit", agencyCode: survey.agencies[key.agency],
        unit: key.isAgency ? "" : survey.units[key.unit], period: key.period,
        respondents: entry.respondents,
        elementMeans: shown ? means : [Double?](repeating: nil, count: elements), ikm: ikm,
        ikmLow: interval?.0, ikmHigh: interval?.1, grade: grade?.letter,
        gradeLabel: grade?.label, suppressed: !shown)
    }
    return rows.sorted { lhs, rhs in
      (
        lhs.level == "agency" ? 0 : 1, lhs.agencyCode, lhs.unit, lhs.period.grain.periodsPerYear,
        lhs.period.index
      )
        < (
          rhs.level == "agency" ? 0 : 1, rhs.agencyCode, rhs.unit, rhs.period.grain.periodsPerYear,
          rhs.period.index
        )
    }
  }
}
