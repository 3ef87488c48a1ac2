package import KinerjaIngest

/// What a run knows about one cleaned input: where it was, how it was read (dialect and
/// column mapping, through its reader), what was accepted and rejected, and its
/// fingerprint. `data_quality`, every output's metadata and the manifest all read it.
package struct InputSummary: Sendable {
  package var reader: InputReader
  /// The path as the pipeline file names it.
  package var displayPath: String
  package var tally: InputTally
  package var fingerprint: InputFingerprint

  package init(reader: InputReader, displayPath: String, tally: InputTally, fingerprint: InputFingerprint) {
    self.reader = reader
    self.displayPath = displayPath
    self.tally = tally
    self.fingerprint = fingerprint
  }

  /// The input's kind.
  package var kind: InputKind { reader.kind }
}
