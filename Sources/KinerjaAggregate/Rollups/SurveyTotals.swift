package import KinerjaClean
package import KinerjaIngest

/// Citizens' survey answers summed per agency, per service unit and per period: the sums
/// the satisfaction index (IKM) of a group is computed from.
///
/// Every response counts for its agency and, when it names one, for its service unit too.
/// Survey periods are rolled up to the reporting grain; a survey period coarser than the
/// grain stays as stated.
package struct SurveyTotals: Sendable {
  /// An agency (`unit` < 0) or a service unit within its agency, in one period.
  package struct Key: Hashable, Sendable {
    /// The agency's id in the survey export's own agency table.
    package var agency: Int32
    /// The service unit's id in the survey export's unit table; −1 for the agency as a whole.
    package var unit: Int32
    package var period: Period

    package init(agency: Int32, unit: Int32, period: Period) {
      self.agency = agency
      self.unit = unit
      self.period = period
    }

    /// Whether the key is an agency as a whole rather than one of its service units.
    package var isAgency: Bool { unit < 0 }
  }

  /// The sums of one key's responses.
  package struct Totals: Sendable {
    package internal(set) var respondents = 0
    /// Σ of the 1–4 answers to elements u1 … u9.
    package internal(set) var elementSums = [Int](repeating: 0, count: SurveyResponses.elementCount)
    /// Answers given to each element (unanswered elements are left out).
    package internal(set) var elementAnswers = [Int](repeating: 0, count: SurveyResponses.elementCount)
    /// Σ and Σ² of the respondents' own scores: 25 × the mean of the elements each answered.
    package internal(set) var ownScoreSum = 0.0
    package internal(set) var ownScoreSquares = 0.0

    /// Each element's mean answer (NRR); nil where nobody answered it.
    package var elementMeans: [Double?] {
      zip(elementSums, elementAnswers).map { sum, answers in answers > 0 ? Double(sum) / Double(answers) : nil }
    }

    /// Adds `other`'s integer sums (the own-score sums are left alone).
    mutating func addAnswers(of other: Totals) {
      respondents += other.respondents
      for element in elementSums.indices {
        elementSums[element] += other.elementSums[element]
        elementAnswers[element] += other.elementAnswers[element]
      }
    }
  }

  /// The grain periods were rolled up to.
  package let grain: Grain
  /// The totals of every agency and service unit that has responses, per period.
  package let totals: [Key: Totals]
  /// The survey export's agency codes, by the ids in ``Key/agency``.
  package let agencies: LabelTable
  /// The survey export's service units, by the ids in ``Key/unit``.
  package let units: LabelTable

  /// Sums `responses` per agency, service unit and period rolled up to `grain`.
  package init(responses: SurveyResponses, grain: Grain) {
    let elements = SurveyResponses.elementCount
    var totals: [Key: Totals] = [:]
    for index in 0..<responses.count {
      let period = responses.period[index].rolled(to: grain) ?? responses.period[index]
      var keys = [Key(agency: responses.agency[index], unit: -1, period: period)]
      if responses.unit[index] >= 0 {
        keys.append(Key(agency: responses.agency[index], unit: responses.unit[index], period: period))
      }
      let answers = responses.answers[(index * elements)..<((index + 1) * elements)]
      var answered = 0
      var total = 0
      for answer in answers where answer > 0 {
        answered += 1
        total += Int(answer)
      }
      let own = 25 * Double(total) / Double(max(1, answered))
      for key in keys {
        var entry = totals[key] ?? Totals()
        entry.respondents += 1
        entry.ownScoreSum += own
        entry.ownScoreSquares += own * own
        for (element, answer) in answers.enumerated() where answer > 0 {
          entry.elementSums[element] += Int(answer)
          entry.elementAnswers[element] += 1
        }
        totals[key] = entry
      }
    }
    self.grain = grain
    self.totals = totals
    self.agencies = responses.agencies
    self.units = responses.units
  }

  /// Each agency's answers over the periods of `year`, by the survey's agency code.
  ///
  /// The own-score sums are not carried over: only the element sums are exact in any order.
  package func agencyAnswers(in year: Int) -> [String: Totals] {
    var byAgency: [String: Totals] = [:]
    for (key, entry) in totals where key.isAgency && key.period.year == year {
      byAgency[agencies[key.agency], default: Totals()].addAnswers(of: entry)
    }
    return byAgency
  }
}
