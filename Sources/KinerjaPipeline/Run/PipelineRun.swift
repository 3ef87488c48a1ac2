import Foundation
import KinerjaAnalyse
import KinerjaClean
import KinerjaExport
import KinerjaIngest

/// One run of a pipeline: read and clean every input, aggregate, analyse, export.
///
/// Outputs are written into a staging directory and moved into place only when the
/// whole run has succeeded; see `OutputDirectory`.
package struct PipelineRun {
  /// The tool's version, recorded in every output.
  package static let toolVersion = "0.1.0"

  package var pipeline: PipelineFile
  /// The output location (from `--out` or the pipeline file).
  package var output: String
  /// Worker threads for reading and aggregation.
  package var threads: Int
  /// Whether to wait while another run writes to the same output location (else fail, exit 4).
  package var waitForOtherRuns = true
  package var log: RunLog
  /// The date `report.html` shows: `SOURCE_DATE_EPOCH` when it is set (the reproducible-builds
  /// convention), so that a rerun on another day can give the same page; else the run's start.
  var reportDate: Date?

  /// Prepares a run; `environment` (default: this process's) may set `SOURCE_DATE_EPOCH`.
  package init(
    pipeline: PipelineFile, output: String?, threads: Int?, log: RunLog = RunLog(),
    environment: [String: String]? = nil
  ) throws {
    guard let output = output ?? pipeline.output else {
      throw PipelineFileError(
        path: pipeline.path, key: "output", message: "no output location: set 'output' or pass --out")
    }
    self.pipeline = pipeline
    self.output = output
    self.threads = threads ?? pipeline.threads ?? ProcessInfo.processInfo.activeProcessorCount
    self.log = log
    if let epoch = (environment ?? ProcessInfo.processInfo.environment)["SOURCE_DATE_EPOCH"] {
      guard let seconds = Int64(epoch), seconds >= 0 else {
        throw PipelineFileError(
          path: "SOURCE_DATE_EPOCH", message: "'\(epoch)' is not a whole number of seconds since 1970-01-01")
      }
      reportDate = Date(timeIntervalSince1970: TimeInterval(seconds))
    }
  }

  /// What a finished run produced.
  package struct Summary: Sendable {
    package var outputDirectory: String
    package var files: [String]
  }

  /// Checks that the output location may be written: not the root, a system or home
  /// folder, or a folder holding an input (a `PipelineFileError`, exit 2), and writable
  /// (an `OutputError`, exit 3).
  package func checkOutputLocation() throws {
    try refuseForbiddenOutput()
    if let reason = OutputLocationCheck.unwritable(output) {
      throw OutputError.cannotWrite(path: output, reason: reason)
    }
  }

  private func refuseForbiddenOutput() throws {
    if let reason = OutputLocationCheck.refusal(of: output, inputs: pipeline.inputs.map(\.path)) {
      throw PipelineFileError(path: pipeline.path, key: "output", message: "\(output) refused: \(reason)")
    }
  }

  /// Runs the pipeline.
  package func run() throws -> Summary {
    let started = Date()
    try refuseForbiddenOutput()
    let directory = try OutputDirectory(
      path: output, datedRuns: pipeline.datedRuns, wait: waitForOtherRuns, waiting: { log.line($0) })
    defer { directory.release() }
    if let reason = directory.fileByFileReason {
      log.line(
        "\(output): publishing file by file (\(reason)); a reader during publishing could see files "
          + "of two runs; dated_runs: true switches atomically")
    }
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
    let periods = periodRange(at: reportDate ?? started)
    guard periods.first <= periods.last else {
      throw PipelineFileError(
        path: pipeline.path, key: "periods",
        message: "from \(periods.first) is after to \(periods.last) (by default the month the run starts, UTC)")
    }
    let parameters = parameters(periods: periods)
    let cleaned = try CleanedInputs.read(
      pipeline, threads: threads, periods: periods, rejects: &rejects, log: log, stages: &stages)

    let metadata = OutputMetadata(
      toolVersion: Self.toolVersion, parameters: parameters.mapValues { Cell.text($0) },
      inputs: cleaned.summaries.map {
        ($0.kind.rawValue, $0.displayPath, $0.fingerprint.bytes, $0.fingerprint.sha256)
      })
    let writer = TableWriter(directory: directory.stagingPath, metadata: metadata)

    if let over = cleaned.summaries.first(where: { $0.tally.rejectRate > limit(for: $0.kind) }) {
      var kept = try writer.write(.dataQuality(cleaned.summaries))
      kept += try rejects.finish(metadata: metadata)
      let keptAt = directory.abandon(keeping: kept.map(\.path))
      throw RunError.rejectRateExceeded(
        input: over.reader.kind.rawValue, path: over.displayPath, rejected: over.tally.rejected,
        read: over.tally.rowsRead, limit: limit(for: over.reader.kind), keptAt: keptAt)
    }

    // Rejects are all in: their files are synced and hashed while the analyses run.
    let rejectFiles = rejects.finishInBackground(metadata: metadata)
    defer { _ = try? rejectFiles.wait() }  // never leave it writing into a staging folder being removed
    let analyse = AnalyseStage(
      settings: AnalysisSettings(pipeline, threads: threads),
      log: AnalysisLog(note: { [log] in log.line($0) }, stage: { [log] in log.stage($0, $1, seconds: $2) }))
    let results = analyse.run(cleaned.analysisInputs)
    stages += results.timings.map { .init(stage: "analyse \($0.analysis)", seconds: $0.seconds) }
    let tables = results.tables
    let quality = OutputTable.dataQuality(cleaned.summaries, emptyOutputs: results.emptyOutputs, notes: results.notes)

    let clock = Date()
    var outputs: [RunManifest.Output] = []
    for table in tables { outputs += try writer.write(table) }
    outputs += try writer.write(quality)
    outputs += try rejectFiles.wait()
    if pipeline.report {
      let page = ReportPage(language: pipeline.language)
      outputs.append(
        try page.write(
          tables: tables + [quality], runDate: reportDate ?? started,
          pipeline: URL(fileURLWithPath: pipeline.path).lastPathComponent, into: directory.stagingPath))
    }
    let files = outputs.map(\.path)
    stages.append(.init(stage: "export", seconds: Date().timeIntervalSince(clock)))
    let manifest = RunManifest(
      toolVersion: Self.toolVersion, pipelineFile: pipeline.path, pipelineSHA256: pipeline.sha256,
      parameters: parameters, threads: threads, publishing: directory.publishing.rawValue,
      inputs: cleaned.summaries.map(RunManifest.Input.init),
      outputs: outputs, startedAt: started, finishedAt: Date(), stages: stages)
    try manifest.write(to: "\(directory.stagingPath)/\(OutputDirectory.manifestName)")
    var published = output
    if pipeline.datedRuns {
      published = try directory.publishAsRun(stamp: Self.runStamp(started), keep: pipeline.keepRuns)
    } else {
      try directory.publish(files: files + [OutputDirectory.manifestName])
    }
    log.stage("export", "\(files.count + 1) files → \(published)", seconds: Date().timeIntervalSince(clock))
    return Summary(outputDirectory: published, files: files + [OutputDirectory.manifestName])
  }

  /// A dated run's folder name: its start in UTC, `2026-11-23T020000Z`.
  static func runStamp(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    return String(
      format: "%04d-%02d-%02dT%02d%02d%02dZ", parts.year!, parts.month!, parts.day!, parts.hour!,
      parts.minute!,
      parts.second!)
  }

  /// Why this run can be skipped — the last published run read the same inputs, byte for
  /// byte, with the same pipeline file and tool version — or `nil` when it must run.
  ///
  /// Reads every input once to fingerprint it; reads nothing else and writes nothing.
  package func unchangedSinceLastRun() throws -> String? {
    guard let last = OutputDirectory.lastRun(in: output) else { return nil }
    // The default periods end with the run's month: a new month can let in rows the last run rejected.
    guard last.toolVersion == Self.toolVersion, last.pipelineSHA256 == pipeline.sha256,
      last.inputs.count == pipeline.inputs.count,
      last.parameters?["periods"] == periodRange(at: reportDate ?? Date()).description
    else { return nil }
    for input in pipeline.inputs {
      guard let previous = last.inputs.first(where: { $0.input == input.kind.rawValue }) else { return nil }
      let size = (try? FileManager.default.attributesOfItem(atPath: input.path)[.size] as? Int64) ?? nil
      guard size == previous.bytes else { return nil }
      let fingerprint = try InputFingerprint.of(path: input.path)
      guard fingerprint.bytes == previous.bytes, fingerprint.sha256 == previous.sha256 else { return nil }
    }
    return "inputs and pipeline unchanged since the last run; outputs in \(output) left as they are"
  }

  /// The months appraisals and surveys may lie in: the pipeline's `periods`, by default
  /// from 2000-01 to the month of `date` (the run's start, or `SOURCE_DATE_EPOCH`).
  func periodRange(at date: Date) -> PeriodRange {
    let day = CalendarDate(daysSinceEpoch: Int32((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    let standard = PeriodRange.standard(until: day)
    return PeriodRange(first: pipeline.periodsFrom ?? standard.first, last: pipeline.periodsTo ?? standard.last)
  }

  /// The parameters that shape the outputs (never the thread count, which does not).
  func parameters(periods: PeriodRange) -> [String: String] {
    let impact = pipeline.impact
    var result = [
      "periods": periods.description,
      "grain": pipeline.grain.rawValue, "min_group": String(pipeline.minGroup),
      "outputs": Analysis.allCases.filter(pipeline.outputs.contains).map(\.rawValue).joined(
        separator: ","),
      "impact.window": String(impact.window), "impact.min_periods": String(impact.minPeriods),
      "impact.bootstrap.draws": String(impact.bootstrapDraws),
      "impact.bootstrap.seed": String(impact.bootstrapSeed),
      "impact.control_group": impact.controlGroup.rawValue, "impact.panel": impact.panel.rawValue,
      "impact.cluster": impact.cluster.rawValue, "impact.cohort_from": impact.cohortFrom.rawValue,
      "impact.anticipation": String(impact.anticipation), "ikm_grain": pipeline.ikmGrain.rawValue,
      "rankings.weights": Self.normalisedWeights(pipeline.rankingWeights),
      "report": pipeline.report ? "true" : "false", "language": pipeline.language.rawValue,
      "dated_runs": pipeline.datedRuns ? "true" : "false",
    ]
    for input in pipeline.inputs {
      result["max_reject_rate.\(input.kind.rawValue)"] = String(pipeline.rejectLimit(for: input))
    }
    return result
  }

  /// The ranking weights as used: normalised to sum to 1, in component order.
  static func normalisedWeights(_ weights: [RankingComponent: Double]) -> String {
    let total = RankingComponent.allCases.reduce(0) { $0 + (weights[$1] ?? 0) }
    return RankingComponent.allCases.map {
      "\($0.rawValue)=\((weights[$0] ?? 0) / total)"
    }.joined(separator: ",")
  }

  private func limit(for kind: InputKind) -> Double {
    pipeline.input(kind).map(pipeline.rejectLimit(for:)) ?? pipeline.maxRejectRate
  }
}
