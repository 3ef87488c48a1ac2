import KinerjaIngest

/// Rows rejected after they were first accepted: the losers of "the later row wins".
///
/// Only their place in the file is kept while reading; their fields are read again
/// here, in file order, so the rejects file still carries the raw row.
enum DeferredRejects {
  static func write(
    _ places: [(offset: Int64, line: Int)], reason: RejectReason, column: String,
    of input: InputReader, to rejects: inout some RejectRecorder
  ) throws {
    for place in places.sorted(by: { $0.offset < $1.offset }) {
      _ = try input.row(at: place.offset, line: place.line) { record in
        try rejects.reject(
          record, of: input, because: Rejection(reason, column: column, detail: "a later row replaces it"))
      }
    }
  }
}
