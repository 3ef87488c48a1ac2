public import ArgumentParser
import KinerjaPipeline

/// `kinerja run`: the whole pipeline, writing every output.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract:
      "Run a pipeline: read and clean the exports, then write trends, data quality, rejects and a manifest.",
    discussion: """
      Outputs are written into a staging folder inside the output location and moved into \
      place only when the whole run succeeded; a failed run leaves the previous outputs untouched. \
      With 'dated_runs: true' in the pipeline, each run goes to runs/<time> and the 'latest' link \
      is switched to it in one step.
      """)

  @Argument(help: "The pipeline file (YAML).")
  var pipeline: String

  @Option(name: .long, help: "Output location; overrides the pipeline file's 'output'.")
  var out: String?

  @Option(
    name: .long, help: "Worker threads for reading and aggregation (outputs are identical for any count).")
  var threads: Int?

  @Flag(name: .long, help: "Write nothing to stderr but errors.")
  var quiet = false

  @Flag(
    name: .long,
    help:
      "Skip the run (exit 0) when the inputs, byte for byte, and the pipeline file are those of the last run."
  )
  var ifChanged = false

  @Flag(
    name: .long,
    help: "Exit with code 4 instead of waiting when another run is writing to the same output location.")
  var noWait = false

  @Option(name: .long, help: "Log lines on stderr: plain or json (one object per line).")
  var logFormat: RunLog.Format = .plain

  func validate() throws {
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
  }

  func run() throws {
    let log = RunLog(isQuiet: quiet, format: logFormat)
    do {
      let file = try PipelineFile.load(path: pipeline)
      var run = try PipelineRun(pipeline: file, output: out, threads: threads, log: log)
      run.waitForOtherRuns = !noWait
      if ifChanged, let reason = try run.unchangedSinceLastRun() {
        log.skipped(reason)
        return
      }
      let summary = try run.run()
      if logFormat == .json {
        log.finished(output: summary.outputDirectory)
      } else if !quiet {
        print("results in \(summary.outputDirectory)")
      }
    } catch {
      // JSON logs carry the error as a JSON line too; plain errors are printed by `Kinerja.main`.
      guard logFormat == .json, let status = ExitStatus(for: error) else { throw error }
      log.failed("\(error)", status: status.rawValue)
      throw ExitCode(status.rawValue)
    }
  }
}

extension RunLog.Format: ExpressibleByArgument {}
