import ArgumentParser
import KinerjaPipeline

/// `kinerja run`: the whole pipeline, writing every output.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract:
      "Run a pipeline: read and clean the exports, then write trends, data quality, rejects and a manifest.",
    discussion: """
      Outputs are written into a staging folder inside the output location and moved into \
      place only when the whole run succeeded; a failed run leaves the previous outputs untouched.
      """)

  @Argument(help: "The pipeline file (YAML).")
  var pipeline: String

  @Option(name: .long, help: "Output location; overrides the pipeline file's 'output'.")
  var out: String?

  @Option(name: .long, help: "Worker threads for aggregation (outputs are identical for any count).")
  var threads: Int?

  @Flag(name: .long, help: "Write nothing to stderr but errors.")
  var quiet = false

  func validate() throws {
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
  }

  func run() throws {
    let file = try PipelineFile.load(path: pipeline)
    let run = try PipelineRun(pipeline: file, output: out, threads: threads, log: RunLog(isQuiet: quiet))
    let summary = try run.run()
    if !quiet { print("results in \(summary.outputDirectory)") }
  }
}
