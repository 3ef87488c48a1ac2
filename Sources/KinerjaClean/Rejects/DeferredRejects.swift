public import KinerjaIngest

/// Rows rejected after they were first accepted: the losers of "the later row wins".
///
/// Only their lines are kept while reading; `read` reads their fields again, in file
/// order, so that the rejects file still carries the raw rows. A recorder may do that
/// at once or later, off the run's critical path.
public struct DeferredRejects: Sendable {
  package let input: InputReader
  /// The rows' lines, ascending.
  package let lines: [Int]
  package let rejection: Rejection
  /// Places the pass knew, such as its chunks' starts, from which the rows are found.
  let landmarks: [InputReader.LinePlace]
  /// Threads that read the rows again.
  let threads: Int

  init(
    lines: [Int], reason: RejectReason, column: String, of input: InputReader,
    landmarks: [InputReader.LinePlace], threads: Int
  ) {
    self.input = input
    self.lines = lines.sorted()
    self.rejection = Rejection(reason, column: column, detail: "a later row replaces it")
    self.landmarks = landmarks
    self.threads = threads
  }

  /// Reads the rows again and hands each to `body`, in file order.
  ///
  /// - Throws: `IngestError.changedWhileReading` when a row is no longer there.
  package func read(_ body: (CSVRecord) throws -> Void) throws {
    var found = 0
    try input.rows(atLines: lines, landmarks: landmarks, threads: threads) { record in
      found += 1
      try body(record)
    }
    // Each row was there when the file was read through: one missing now means it changed.
    guard found == lines.count else { throw IngestError.changedWhileReading(path: input.path) }
  }
}
