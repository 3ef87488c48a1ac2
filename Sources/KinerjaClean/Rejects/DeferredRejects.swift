import KinerjaIngest

/// Rows rejected after they were first accepted: the losers of "the later row wins".
///
/// Only their line is kept while reading; their fields are read again here, in file
/// order, so the rejects file still carries the raw row.
enum DeferredRejects {
  static func write(
    lines: [Int], reason: RejectReason, column: String,
    of input: InputReader, to rejects: inout some RejectRecorder
  ) throws {
    let lines = lines.sorted()
    let offsets = try input.offsets(ofLines: lines)
    let rejection = Rejection(reason, column: column, detail: "a later row replaces it")
    var found = 0
    try input.rows(at: zip(offsets, lines).map { ($0, $1) }) { record in
      found += 1
      try rejects.reject(record, of: input, because: rejection)
    }
    // Each row was there when the file was read through: one missing now means it changed.
    guard found == lines.count else { throw IngestError.changedWhileReading(path: input.path) }
  }
}
