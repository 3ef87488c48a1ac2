import Foundation
import KinerjaClean
import KinerjaExport
import KinerjaIngest

/// One run of a pipeline: read and clean every input, aggregate, analyse, export.
///
/// Outputs are written into a staging directory and moved into place only when the
/// whole run has succeeded; see `OutputDirectory`.
public struct PipelineRun {
  /// The tool's version, recorded in every output.
  public static let toolVersion = "0.1.0"

  public var pipeline: PipelineFile
  /// The output location (from `--out` or the pipeline file).
  public var output: String
  /// Worker threads for reading and aggregation.
  public var threads: Int
  public var log: RunLog

  public init(pipeline: PipelineFile, output: String?, threads: Int?, log: RunLog = RunLog()) throws {
    guard let output = output ?? pipeline.output else {
      throw PipelineFileError(
        path: pipeline.path, key: "output", message: "no output location: set 'output' or pass --out")
    }
    self.pipeline = pipeline
    self.output = output
    self.threads = threads ?? pipeline.threads ?? ProcessInfo.processInfo.activeProcessorCount
    self.log = log
  }

  /// What a finished run produced.
  public struct Summary: Sendable {
    public var outputDirectory: String
    public var files: [String]
  }

  /// Runs the pipeline.
  public func run() throws -> Summary {
    let started = Date()
    let directory = try OutputDirectory(path: output)
    do {
      return try run(in: directory, started: started)
    } catch let error as RunError {
      throw error
    } catch {
      _ = directory.abandon()
      throw error
    }
  }

  private func run(in directory: OutputDirectory, started: Date) throws -> Summary {
    var stages: [RunManifest.Stage] = []
    var rejects = try RejectFiles(
      directory: "\(directory.stagingPath)/rejects",
      displayPaths: Dictionary(uniqueKeysWithValues: pipeline.inputs.map { ($0.kind, $0.declaredPath) }))
    let cleaned = try CleanedInputs.read(pipeline, threads: threads, rejects: &rejects, log: log, stages: &stages)

    let metadata = OutputMetadata(
      toolVersion: Self.toolVersion, parameters: parameters.mapValues { Cell.text($0) },
      inputs: cleaned.quality.map {
        (
          $0.reader.kind.rawValue, $0.displayPath, cleaned.fingerprints[$0.reader.kind]!.bytes,
          cleaned.fingerprints[$0.reader.kind]!.sha256
        )
      })
    let writer = TableWriter(directory: directory.stagingPath, metadata: metadata)

    if let over = cleaned.quality.first(where: { $0.tally.rejectRate > limit(for: $0.reader.kind) }) {
      var kept = try writer.write(.dataQuality(cleaned.quality))
      kept += try rejects.finish(metadata: metadata)
      let keptAt = directory.abandon(keeping: kept)
      throw RunError.rejectRateExceeded(
        input: over.reader.kind.rawValue, path: over.displayPath, rejected: over.tally.rejected,
        read: over.tally.rowsRead, limit: limit(for: over.reader.kind), keptAt: keptAt)
    }

    let tables = Analyses(pipeline: pipeline, threads: threads, log: log).tables(
      for: cleaned, stages: &stages)

    let clock = Date()
    var files: [String] = []
    for table in tables { files += try writer.write(table) }
    files += try writer.write(.dataQuality(cleaned.quality))
    files += try rejects.finish(metadata: metadata)
    if pipeline.report {
      let page = ReportPage(language: ReportLanguage(rawValue: pipeline.language) ?? .indonesian)
      files.append(
        try page.write(
          tables: tables + [.dataQuality(cleaned.quality)], runDate: started,
          pipeline: URL(fileURLWithPath: pipeline.path).lastPathComponent, into: directory.stagingPath))
    }
    let outputs = try files.map { file -> RunManifest.Output in
      let fingerprint = try InputFingerprint.of(path: "\(directory.stagingPath)/\(file)")
      return RunManifest.Output(path: file, bytes: fingerprint.bytes, sha256: fingerprint.sha256)
    }
    stages.append(.init(stage: "export", seconds: Date().timeIntervalSince(clock)))
    let manifest = RunManifest(
      toolVersion: Self.toolVersion, pipelineFile: pipeline.path, pipelineSHA256: pipeline.sha256,
      parameters: parameters, threads: threads,
      inputs: cleaned.quality.map { quality in
        let fingerprint = cleaned.fingerprints[quality.reader.kind]!
        return RunManifest.Input(
          input: quality.reader.kind.rawValue, path: quality.displayPath, bytes: fingerprint.bytes,
          sha256: fingerprint.sha256, rowsRead: quality.tally.rowsRead, rowsAccepted: quality.tally.accepted,
          rowsRejected: quality.tally.rejected)
      },
      outputs: outputs, startedAt: started, finishedAt: Date(), stages: stages)
    try manifest.write(to: "\(directory.stagingPath)/\(OutputDirectory.manifestName)")
    try directory.publish(
      files: files + [OutputDirectory.manifestName], previousFiles: directory.previousOutputs())
    log.stage("export", "\(files.count + 1) files → \(output)", seconds: Date().timeIntervalSince(clock))
    return Summary(outputDirectory: output, files: files + [OutputDirectory.manifestName])
  }

  /// The parameters that shape the outputs (never the thread count, which does not).
  var parameters: [String: String] {
    let impact = pipeline.impact
    var result = [
      "grain": pipeline.grain.rawValue, "min_group": String(pipeline.minGroup),
      "outputs": PipelineFile.Analysis.allCases.filter(pipeline.outputs.contains).map(\.rawValue).joined(
        separator: ","),
      "impact.window": String(impact.window), "impact.min_periods": String(impact.minPeriods),
      "impact.bootstrap.draws": String(impact.bootstrapDraws),
      "impact.bootstrap.seed": String(impact.bootstrapSeed),
      "impact.control_group": impact.controlGroup, "ikm_grain": pipeline.ikmGrain.rawValue,
      "rankings.weights": Self.normalisedWeights(pipeline.rankingWeights),
      "report": pipeline.report ? "true" : "false", "language": pipeline.language,
    ]
    for input in pipeline.inputs {
      result["max_reject_rate.\(input.kind.rawValue)"] = String(pipeline.rejectLimit(for: input))
    }
    return result
  }

  /// The ranking weights as used: normalised to sum to 1, in component order.
  static func normalisedWeights(_ weights: [String: Double]) -> String {
    let names = ["performance", "improvement", "ikm", "coverage", "training_effect"]
    let total = names.reduce(0) { $0 + (weights[$1] ?? 0) }
    return names.map {
      "\($0)=\((weights[$0] ?? 0) / total)"
    }.joined(separator: ",")
  }

  private func limit(for kind: InputKind) -> Double {
    pipeline.input(kind).map(pipeline.rejectLimit(for:)) ?? pipeline.maxRejectRate
  }
}
