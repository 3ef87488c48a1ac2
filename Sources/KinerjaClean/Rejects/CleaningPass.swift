import KinerjaIngest

/// One pass over an input: every row goes through the shared checks and then the
/// input's own rule; an accepted row is counted, a rejected one counted and recorded.
///
/// Keeps the invariant every input must satisfy: rows read = accepted + rejected.
struct CleaningPass {
  let input: InputReader
  let progress: ((Int64) -> Void)?

  /// Streams every row; `accept` applies the input's rules and throws a `Rejection`
  /// for a row that cannot be trusted.
  func run(
    rejects: inout some RejectRecorder, _ accept: (CSVRecord) throws(Rejection) -> Void
  ) throws -> (tally: InputTally, fingerprint: InputFingerprint) {
    let checks = RowChecks(input)
    let mapping = input.mapping
    var tally = InputTally()
    let fingerprint = try input.forEachRow(progress: progress) { record in
      tally.rowsRead += 1
      do throws(Rejection) {
        try checks.check(record, mapping: mapping)
        try accept(record)
        tally.accepted += 1
      } catch {
        tally.countRejected(error.reason)
        try rejects.reject(record, of: input, because: error)
      }
    }
    return (tally, fingerprint)
  }

  /// Rejects the rows at `places`, which were accepted first and lost to a later row,
  /// moving them from accepted to rejected in `tally`.
  func rejectReplaced(
    _ places: [(offset: Int64, line: Int)], reason: RejectReason, column: String,
    tally: inout InputTally, rejects: inout some RejectRecorder
  ) throws {
    for _ in places { tally.moveAcceptedToRejected(reason) }
    try DeferredRejects.write(places, reason: reason, column: column, of: input, to: &rejects)
  }
}
