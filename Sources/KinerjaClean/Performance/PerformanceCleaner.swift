public import KinerjaIngest

/// Cleans performance appraisals and rolls them up to the pipeline's grain.
///
/// Finer rows are rolled up (mean score per employee per grain period); coarser rows
/// are rejected. Two rows for the same employee and period: the later wins and the
/// earlier is rejected as `duplicate_period`. When the rating is absent but both work
/// results and behaviour are rated, the rating follows the PermenPANRB 6/2022 matrix.
public struct PerformanceCleaner {
  /// The analysis grain rows are rolled up to.
  package var grain: Grain
  /// Bytes per chunk when the file is read on several threads.
  package var chunkSize: Int
  /// The months appraisals may lie in; a row outside is `period_out_of_range`.
  package var periods: PeriodRange?
  /// The memory the employee × period store may take; `nil`: the limit that applies to
  /// this process (`MemoryLimit.current()`), checked before the store is allocated.
  package var memoryLimit: MemoryLimit?

  public init(grain: Grain, chunkSize: Int = 8 << 20, periods: PeriodRange? = nil) {
    self.grain = grain
    self.chunkSize = chunkSize
    self.periods = periods
  }

  /// Reads every row of `input`; employees are looked up in `roster`.
  ///
  /// Chunks of the file are cleaned on `threads` threads at once; the result does not
  /// depend on their number.
  public func clean(
    _ input: InputReader, roster: EmployeeRoster, threads: Int = 1, rejects: inout some RejectRecorder,
    progress: ((Int64) -> Void)? = nil
  ) throws -> CleanedInput<PerformancePanel> {
    let nip = ColumnReader("nip", of: input)
    let period = ColumnReader("period", of: input)
    let score = ColumnReader("score", of: input)
    let rating = ColumnReader("rating", of: input)
    let results = ColumnReader("results_rating", of: input)
    let behaviour = ColumnReader("behaviour_rating", of: input)
    let cases = ColumnReader("cases", of: input)
    let processingDays = ColumnReader("processing_days", of: input)
    let grain = grain
    let periods = periods

    var store = AppraisalStore(employees: roster.count)
    var duplicates: [Int] = []

    let pass = CleaningPass(input: input, progress: progress)
    var (tally, fingerprint, chunks) = try pass.run(
      threads: threads, chunkSize: chunkSize, rejects: &rejects, makeAccepted: { AppraisalBatch() },
      accept: { record, batch throws(Rejection) in
        let employee = try nip.employee(record, in: roster)
        let raw = try period.converted(record, required: true, else: .invalidPeriod) { $0.period() }!
        guard raw.rolled(to: grain) != nil else { throw Rejection(.periodCoarserThanGrain, column: "period") }
        if let periods, !periods.contains(raw) {
          throw Rejection(.periodOutOfRange, column: "period", detail: "allowed: \(periods)")
        }
        let value = try score.number(record, in: 0...120, outOfRange: .scoreOutOfRange)
        var ratingValue = try rating.converted(record, else: .unknownValue) {
          Rating.vocabulary.value(of: $0)
        }
        let resultsValue = try results.converted(record, else: .unknownValue) {
          Expectation.vocabulary.value(of: $0)
        }
        let behaviourValue = try behaviour.converted(record, else: .unknownValue) {
          Expectation.vocabulary.value(of: $0)
        }
        if ratingValue == nil, let resultsValue, let behaviourValue {
          ratingValue = Rating(results: resultsValue, behaviour: behaviourValue)
        }
        guard value != nil || ratingValue != nil else {
          throw Rejection(.missingRequired, column: score.position != nil ? "score" : "rating")
        }
        if let count = try cases.converted(record, else: .invalidNumber, { $0.integer() }), count < 0 {
          throw Rejection(.valueOutOfRange, column: "cases")
        }
        _ = try processingDays.number(record, in: 0...Double.greatestFiniteMagnitude)

        batch.append(employee: employee, period: raw, score: value, rating: ratingValue, line: record.line)
      },
      merge: { batch, lineShift in store.store(batch, lineShift: lineShift, replaced: &duplicates) })
    try pass.rejectReplaced(
      lines: duplicates, reason: .duplicatePeriod, column: "period", chunks: chunks, threads: threads,
      tally: &tally, rejects: &rejects)
    let size = store.panelSize(grain: grain)
    if let limit = memoryLimit ?? MemoryLimit.current(), size.bytes > limit.available {
      throw MemoryLimitError(
        purpose: "\(input.path): the employee × period store (\(roster.count) employees × \(size.periods) "
          + "\(grain.rawValue) periods)", needed: size.bytes, limit: limit)
    }
    return CleanedInput(table: store.panel(grain: grain), tally: tally, fingerprint: fingerprint)
  }
}
