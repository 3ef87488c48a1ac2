import ArgumentParser
import Foundation
import KinerjaPipeline

/// The `kinerja` command: civil-service performance and training evidence from agency exports.
@main
struct Kinerja: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kinerja",
    abstract: "Turns civil-service exports into performance trends and training evidence.",
    discussion: """
      Exit codes: 0 success; 1 data problem (a reject rate over its limit, an empty input, \
      a missing required column); 2 usage or pipeline-file error; 3 I/O error.
      """,
    version: PipelineRun.toolVersion,
    subcommands: [RunCommand.self, ValidateCommand.self, InspectCommand.self, GenerateCommand.self])

  /// Parses the arguments and runs the command, ending with the documented exit codes.
  static func main() {
    StandardError.ignoreWriteSignals()
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let error as ExitCode {
      Foundation.exit(error.rawValue)
    } catch {
      if let status = ExitStatus(for: error) {
        StandardError.write("kinerja: error: \(error)\n")
        Foundation.exit(status.rawValue)
      }
      // Help and version requests end cleanly; every other parsing problem is a usage error.
      if exitCode(for: error) == .success { exit(withError: error) }
      StandardError.write(fullMessage(for: error) + "\n")
      Foundation.exit(ExitStatus.usage.rawValue)
    }
  }
}
