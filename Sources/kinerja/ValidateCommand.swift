import ArgumentParser
import KinerjaIngest
import KinerjaPipeline

/// `kinerja validate`: checks a pipeline file and each input's dialect and header.
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check a pipeline file and each input's dialect and header, without a full run.")

  @Argument(help: "The pipeline file (YAML).")
  var pipeline: String

  func run() throws {
    let file = try PipelineFile.load(path: pipeline)
    print("\(pipeline): pipeline file OK (grain \(file.grain.rawValue), min_group \(file.minGroup))")
    var worst = ExitStatus.success
    for input in file.inputs {
      do {
        let reader = try InputReader(kind: input.kind, path: input.path, options: input.options)
        let dialect = reader.dialect
        print(
          "\(input.kind.rawValue): \(input.declaredPath): delimiter \(Dialect.name(of: dialect.delimiter)), "
            + "decimal '\(String(UnicodeScalar(dialect.decimalMark)))', "
            + "\(reader.mapping.positions.count) columns mapped"
            + (reader.mapping.unknownColumns.isEmpty
              ? "" : ", ignored: \(reader.mapping.unknownColumns.joined(separator: ", "))"))
      } catch {
        print("\(input.kind.rawValue): error: \(error)")
        let status = ExitStatus(for: error) ?? .io
        if status.rawValue > worst.rawValue { worst = status }
      }
    }
    if file.output != nil {
      do {
        try PipelineRun(pipeline: file, output: nil, threads: nil).checkOutputLocation()
        print("output: \(file.output!): writable")
      } catch {
        print("output: error: \(error)")
        let status = ExitStatus(for: error) ?? .io
        if status.rawValue > worst.rawValue { worst = status }
      }
    }
    if worst != .success { throw ExitCode(worst.rawValue) }
  }
}
