public import KinerjaIngest

/// What cleaning one input gives: the accepted rows as a column table (an employee roster,
/// a performance panel, participations, survey responses, course evaluations), with the
/// pass's counts and the input's fingerprint.
public struct CleanedInput<Table: Sendable>: Sendable {
  /// The accepted rows.
  public var table: Table
  /// Rows read, accepted and rejected by reason.
  public var tally: InputTally
  package var fingerprint: InputFingerprint

  package init(table: Table, tally: InputTally, fingerprint: InputFingerprint) {
    self.table = table
    self.tally = tally
    self.fingerprint = fingerprint
  }
}
