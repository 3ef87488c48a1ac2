public import KinerjaIngest

/// Where the clean stage sends rejected rows; the export stage writes them to files.
public protocol RejectRecorder {
  /// Records that `record` of input `input` was rejected.
  mutating func reject(_ record: CSVRecord, of input: InputReader, because rejection: Rejection) throws

  /// Records rows rejected after they were first accepted, whose fields must be read
  /// again; by default they are read and recorded at once.
  mutating func reject(_ rows: DeferredRejects) throws
}

extension RejectRecorder {
  public mutating func reject(_ rows: DeferredRejects) throws {
    try rows.read { try reject($0, of: rows.input, because: rows.rejection) }
  }
}

/// Counts of one input's rows: read, accepted, and rejected by reason.
///
/// Every row read is either accepted or rejected: `rowsRead == accepted + rejected`.
public struct InputTally: Sendable, Equatable {
  /// Data rows read (the header is not a row).
  public internal(set) var rowsRead = 0
  /// Rows kept for the analyses.
  public internal(set) var accepted = 0
  /// Rejected rows by reason.
  package internal(set) var rejectedByReason: [RejectReason: Int] = [:]

  package init() {}

  /// All rejected rows.
  public var rejected: Int { rejectedByReason.values.reduce(0, +) }

  /// Rejected rows as a share of rows read (0 when nothing was read).
  package var rejectRate: Double { rowsRead == 0 ? 0 : Double(rejected) / Double(rowsRead) }

  mutating func countRejected(_ reason: RejectReason) {
    rejectedByReason[reason, default: 0] += 1
  }

  /// Adds the counts of another part of the same input.
  mutating func add(_ other: InputTally) {
    rowsRead += other.rowsRead
    accepted += other.accepted
    rejectedByReason.merge(other.rejectedByReason, uniquingKeysWith: +)
  }

  /// A row that was accepted earlier turned out to be the losing duplicate.
  mutating func moveAcceptedToRejected(_ reason: RejectReason) {
    accepted -= 1
    countRejected(reason)
  }
}
