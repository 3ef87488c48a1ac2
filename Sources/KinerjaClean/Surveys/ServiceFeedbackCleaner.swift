public import KinerjaIngest

/// Cleans citizens' service-satisfaction responses into `SurveyResponses`.
///
/// The free-text comment is never read. A response needs a date or a period and at
/// least one of the nine elements answered; each answer is an integer 1–4.
public struct ServiceFeedbackCleaner {
  /// The pipeline's grain; dates and finer periods are placed in its periods.
  package var grain: Grain
  /// The months surveys may lie in; a response outside is `period_out_of_range`.
  package var periods: PeriodRange?

  public init(grain: Grain, periods: PeriodRange? = nil) {
    self.grain = grain
    self.periods = periods
  }

  /// Reads every row of `input`.
  public func clean(
    _ input: InputReader, rejects: inout some RejectRecorder, progress: ((Int64) -> Void)? = nil
  ) throws -> CleanedInput<SurveyResponses> {
    let agencyCode = ColumnReader("agency_code", of: input)
    let unit = ColumnReader("unit", of: input)
    let date = ColumnReader("date", of: input)
    let period = ColumnReader("period", of: input)
    let elements = (1...SurveyResponses.elementCount).map { ColumnReader("u\($0)", of: input) }
    let grain = grain
    let periods = periods

    var responses = SurveyResponses()
    var answers = [UInt8](repeating: 0, count: SurveyResponses.elementCount)
    let (tally, fingerprint) = try CleaningPass(input: input, progress: progress).run(rejects: &rejects) {
      record throws(Rejection) in
      let agency = try agencyCode.required(record)
      let surveyPeriod: Period
      if let day = try date.converted(record, else: .invalidDate, { $0.date() }) {
        if let periods, !periods.contains(.containing(day, grain: .month)) {
          throw Rejection(.periodOutOfRange, column: "date", detail: "allowed: \(periods)")
        }
        surveyPeriod = Period.containing(day, grain: grain)
      } else if let stated = try period.converted(record, else: .invalidPeriod, { $0.period() }) {
        if let periods, !periods.contains(stated) {
          throw Rejection(.periodOutOfRange, column: "period", detail: "allowed: \(periods)")
        }
        surveyPeriod = stated.rolled(to: grain) ?? stated
      } else {
        throw Rejection(.missingRequired, column: date.position != nil ? "date" : "period")
      }
      for (index, element) in elements.enumerated() {
        guard let value = try element.converted(record, else: .invalidNumber, { $0.integer() }) else {
          answers[index] = 0
          continue
        }
        guard (1...4).contains(value) else { throw Rejection(.valueOutOfRange, column: element.name) }
        answers[index] = UInt8(value)
      }
      guard answers.contains(where: { $0 != 0 }) else {
        throw Rejection(.missingRequired, column: "u1", detail: "no element answered")
      }
      responses.agency.append(responses.agencies.intern(agency))
      responses.unit.append(unit.optional(record).map { responses.units.intern($0) } ?? -1)
      responses.period.append(surveyPeriod)
      responses.answers.append(contentsOf: answers)
    }
    return CleanedInput(table: responses, tally: tally, fingerprint: fingerprint)
  }
}
