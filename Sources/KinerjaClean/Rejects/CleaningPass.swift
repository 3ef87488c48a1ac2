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
      if let rejection = Self.judge(record, checks: checks, mapping: mapping, tally: &tally, accept) {
        try rejects.reject(record, of: input, because: rejection)
      }
    }
    return (tally, fingerprint)
  }

  /// Puts one row through the shared checks and `accept` and counts it in `tally`;
  /// returns why it was rejected, or `nil` when it was accepted.
  private static func judge(
    _ record: CSVRecord, checks: RowChecks, mapping: HeaderMapping, tally: inout InputTally,
    _ accept: (CSVRecord) throws(Rejection) -> Void
  ) -> Rejection? {
    tally.rowsRead += 1
    do throws(Rejection) {
      try checks.check(record, mapping: mapping)
      try accept(record)
      tally.accepted += 1
      return nil
    } catch {
      tally.countRejected(error.reason)
      return error
    }
  }

  /// Streams every row through chunks cleaned on `threads` threads at once.
  ///
  /// `accept` runs concurrently for different chunks and adds an accepted row to its
  /// chunk's `Accepted`; `merge` then receives each chunk's `Accepted` in file order,
  /// with the shift that turns the chunk's line numbers into the file's. Rejected rows
  /// are recorded in file order too, so the result is the same for any thread count.
  /// Also returns where each chunk began, from which rows are found again quickly.
  func run<Accepted: Sendable>(
    threads: Int, chunkSize: Int, rejects: inout some RejectRecorder,
    makeAccepted: @escaping @Sendable () -> Accepted,
    accept: @escaping @Sendable (CSVRecord, inout Accepted) throws(Rejection) -> Void,
    merge: (consuming Accepted, _ lineShift: Int) throws -> Void
  ) throws -> (tally: InputTally, fingerprint: InputFingerprint, chunks: [InputReader.LinePlace]) {
    let checks = RowChecks(input)
    let mapping = input.mapping
    var tally = InputTally()
    var chunks: [InputReader.LinePlace] = []
    var chunkStart: Int64 = 0
    let fingerprint = try input.foldRows(
      threads: threads, chunkSize: chunkSize, progress: progress,
      parse: { rows in
        var tally = InputTally()
        var accepted = makeAccepted()
        var rejected = HeldRecords()
        var rejections: [Rejection] = []
        try rows.forEachRow { record in
          let rejection = Self.judge(record, checks: checks, mapping: mapping, tally: &tally) {
            record throws(Rejection) in try accept(record, &accepted)
          }
          if let rejection {
            rejected.append(record)
            rejections.append(rejection)
          }
        }
        return CleanedChunk(tally: tally, rejected: rejected, rejections: rejections, accepted: accepted)
      },
      merge: { chunk, place in
        chunks.append(InputReader.LinePlace(offset: chunkStart, line: place.lineShift + 1))
        chunkStart = place.end
        tally.add(chunk.tally)
        for index in 0..<chunk.rejected.count {
          try chunk.rejected.withRecord(index, lineShift: place.lineShift) { record in
            try rejects.reject(record, of: input, because: chunk.rejections[index])
          }
        }
        try merge(chunk.accepted, place.lineShift)
      })
    return (tally, fingerprint, chunks)
  }

  /// Rejects the rows on `lines`, which were accepted first and lost to a later row,
  /// moving them from accepted to rejected in `tally`; `chunks` (from `run`) and
  /// `threads` say where and how fast to read them again.
  func rejectReplaced(
    lines: [Int], reason: RejectReason, column: String, chunks: [InputReader.LinePlace], threads: Int,
    tally: inout InputTally, rejects: inout some RejectRecorder
  ) throws {
    guard !lines.isEmpty else { return }
    for _ in lines { tally.moveAcceptedToRejected(reason) }
    try rejects.reject(
      DeferredRejects(lines: lines, reason: reason, column: column, of: input, landmarks: chunks, threads: threads))
  }
}

/// One chunk's share of a concurrent pass: its counts, its rejected rows and what its
/// accepted rows added.
private struct CleanedChunk<Accepted: Sendable>: Sendable {
  var tally: InputTally
  var rejected: HeldRecords
  var rejections: [Rejection]
  var accepted: Accepted
}
