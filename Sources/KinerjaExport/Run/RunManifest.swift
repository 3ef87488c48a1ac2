public import Foundation
public import KinerjaClean

/// `manifest.json`: what a run read, how, what it wrote and how long each stage took.
///
/// Everything in it is reproducible from the inputs and the pipeline file except the
/// timestamps and durations.
public struct RunManifest: Codable, Sendable {
  /// An input as read: its fingerprint and row counts.
  public struct Input: Codable, Sendable {
    public var input: String
    public var path: String
    public var bytes: Int64
    public var sha256: String
    public var rowsRead: Int
    public var rowsAccepted: Int
    public var rowsRejected: Int

    public init(
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
    public init(_ summary: InputSummary) {
      self.init(
        input: summary.kind.rawValue, path: summary.displayPath, bytes: summary.fingerprint.bytes,
        sha256: summary.fingerprint.sha256, rowsRead: summary.tally.rowsRead, rowsAccepted: summary.tally.accepted,
        rowsRejected: summary.tally.rejected)
    }
  }

  /// A file the run wrote, relative to the output location.
  public struct Output: Codable, Sendable {
    public var path: String
    public var bytes: Int64
    public var sha256: String

    public init(path: String, bytes: Int64, sha256: String) {
      self.path = path
      self.bytes = bytes
      self.sha256 = sha256
    }
  }

  /// How long one stage took.
  public struct Stage: Codable, Sendable {
    public var stage: String
    public var seconds: Double

    public init(stage: String, seconds: Double) {
      self.stage = stage
      self.seconds = seconds
    }
  }

  public var toolVersion: String
  public var schemaVersion: Int
  public var pipelineFile: String
  public var pipelineSHA256: String
  public var parameters: [String: String]
  public var threads: Int
  /// How the outputs were published: `exchange`, `file_by_file` or `dated_run`.
  public var publishing: String
  public var inputs: [Input]
  public var outputs: [Output]
  public var startedAt: String
  public var finishedAt: String
  public var stages: [Stage]

  public init(
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
  public func write(to path: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    let file = try OutputFile(path: path)
    try file.write(String(decoding: try encoder.encode(self), as: UTF8.self) + "\n")
    try file.close()
  }

  private static func timestamp(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter.string(from: date)
  }
}
