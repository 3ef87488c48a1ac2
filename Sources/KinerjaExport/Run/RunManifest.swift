package import Foundation
package import KinerjaClean

/// `manifest.json`: what a run read, how, what it wrote and how long each stage took.
///
/// Everything in it is reproducible from the inputs and the pipeline file except the
/// timestamps and durations.
package struct RunManifest: Codable, Sendable {
  /// An input as read: its fingerprint and row counts.
  package struct Input: Codable, Sendable {
    package var input: String
    package var path: String
    package var bytes: Int64
    package var sha256: String
    package var rowsRead: Int
    package var rowsAccepted: Int
    package var rowsRejected: Int

    package init(
      input: String, path: String, bytes: Int64, sha256: String, rowsRead: Int, rowsAccepted: Int,
      rowsRejected: Int
    ) {
      self.input = input
      self.path = path
      self.bytes = bytes
      self.sha256 = sha256
      self.rowsRead = rowsRead
      self.rowsAccepted = rowsAccepted
      self.rowsRejected = rowsRejected
    }

    /// The manifest's entry for a cleaned input.
    package init(_ summary: InputSummary) {
      self.init(
        input: summary.kind.rawValue, path: summary.displayPath, bytes: summary.fingerprint.bytes,
        sha256: summary.fingerprint.sha256, rowsRead: summary.tally.rowsRead, rowsAccepted: summary.tally.accepted,
        rowsRejected: summary.tally.rejected)
    }
  }

  /// A file the run wrote, relative to the output location.
  package struct Output: Codable, Sendable {
    package var path: String
    package var bytes: Int64
    package var sha256: String

    package init(path: String, bytes: Int64, sha256: String) {
      self.path = path
      self.bytes = bytes
      self.sha256 = sha256
    }
  }

  /// How long one stage took.
  package struct Stage: Codable, Sendable {
    package var stage: String
    package var seconds: Double

    package init(stage: String, seconds: Double) {
      self.stage = stage
      self.seconds = seconds
    }
  }

  package var toolVersion: String
  package var schemaVersion: Int
  package var pipelineFile: String
  package var pipelineSHA256: String
  package var parameters: [String: String]
  package var threads: Int
  /// How the outputs were published: `exchange`, `file_by_file` or `dated_run`.
  package var publishing: String
  package var inputs: [Input]
  package var outputs: [Output]
  package var startedAt: String
  package var finishedAt: String
  package var stages: [Stage]

  package init(
    toolVersion: String, pipelineFile: String, pipelineSHA256: String, parameters: [String: String],
    threads: Int, publishing: String = "exchange",
    inputs: [Input], outputs: [Output], startedAt: Date, finishedAt: Date, stages: [Stage]
  ) {
    self.toolVersion = toolVersion
    self.schemaVersion = OutputMetadata.schemaVersion
    self.pipelineFile = pipelineFile
    self.pipelineSHA256 = pipelineSHA256
    self.parameters = parameters
    self.threads = threads
    self.publishing = publishing
    self.inputs = inputs
    self.outputs = outputs
    self.startedAt = Self.timestamp(startedAt)
    self.finishedAt = Self.timestamp(finishedAt)
    self.stages = stages
  }

  /// Writes the manifest as pretty, key-sorted JSON to `path`.
  package func write(to path: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    let file = try OutputFile(path: path)
    try file.write(String(decoding: try encoder.encode(self), as: UTF8.self) + "\n")
    try file.close(as: path)
  }

  private static func timestamp(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter.string(from: date)
  }
}
