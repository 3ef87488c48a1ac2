import Foundation
import KinerjaTestSupport
import Testing

@Suite struct CommandLineEndToEndTests {
  func pipeline(_ directory: TemporaryDirectory, performance: String, extra: String = "") -> String {
    directory.write("e.csv", "nip,agency_code,region\n198001012005011001,A,R\n")
    directory.write("p.csv", performance)
    return directory.write(
      "p.yaml",
      "inputs:\n  employees: { path: e.csv }\n  performance: { path: p.csv }\nmin_group: 1\noutput: out\n"
        + extra)
  }

  @Test func exitCodes() throws {
    let directory = TemporaryDirectory()
    let good = pipeline(directory, performance: "nip,period,score\n198001012005011001,2024-01,80\n")
    #expect(try KinerjaCommand.run(["run", good, "--quiet"]).status == 0)

    // 2: usage and pipeline-file errors
    #expect(try KinerjaCommand.run(["run"]).status == 2)
    #expect(try KinerjaCommand.run(["frobnicate"]).status == 2)
    #expect(try KinerjaCommand.run(["run", good, "--threads", "0"]).status == 2)
    #expect(try KinerjaCommand.run(["run", "\(directory.path)/none.yaml"]).status == 2)
    let typo = directory.write(
      "typo.yaml", "inputs:\n  employees: { path: e.csv }\n  performance: { path: p.csv }\ngrian: month\n")
    let typoRun = try KinerjaCommand.run(["run", typo])
    #expect(typoRun.status == 2)
    #expect(typoRun.standardError.contains("typo.yaml:4:1: 'grian': unknown key"))

    // 1: data problems
    let bad = TemporaryDirectory()
    let rejecting = pipeline(bad, performance: "nip,period,score\n198001012005011001,2024-01,800\n")
    let rejected = try KinerjaCommand.run(["run", rejecting])
    #expect(rejected.status == 1)
    #expect(rejected.standardError.contains("max_reject_rate"))
    let empty = TemporaryDirectory()
    #expect(try KinerjaCommand.run(["run", pipeline(empty, performance: "")]).status == 1)
    let missingColumn = TemporaryDirectory()
    let noPeriod = try KinerjaCommand.run(["run", pipeline(missingColumn, performance: "nip,score\n1,2\n")])
    #expect(noPeriod.status == 1)
    #expect(noPeriod.standardError.contains("missing required column 'period'"))

    // 3: I/O problems
    let missing = TemporaryDirectory()
    let noFile = pipeline(missing, performance: "x")
    try FileManager.default.removeItem(atPath: "\(missing.path)/p.csv")
    #expect(try KinerjaCommand.run(["run", noFile]).status == 3)
    let blocked = TemporaryDirectory()
    let blockedPipeline = pipeline(blocked, performance: "nip,period,score\n198001012005011001,2024-01,80\n")
    blocked.write("out", "a file where the output folder should be")
    #expect(try KinerjaCommand.run(["run", blockedPipeline]).status == 3)
  }

  @Test func helpIsEverywhere() throws {
    for command in [["--help"], ["run", "--help"], ["validate", "--help"], ["inspect", "--help"]] {
      let result = try KinerjaCommand.run(command)
      #expect(result.status == 0)
      #expect(result.standardOutput.contains("USAGE"), "\(command)")
    }
    #expect(try KinerjaCommand.run(["--help"]).standardOutput.contains("Exit codes"))
  }

  @Test func validateReportsEachInput() throws {
    let result = try KinerjaCommand.run(["validate", "pipelines/sample.yaml"])
    #expect(result.status == 0, "\(result.standardOutput)")
    #expect(
      result.standardOutput.contains(
        "employees: ../datasets/sample/pegawai.csv: delimiter semicolon (;), decimal ','"))
    #expect(result.standardOutput.contains("ignored: Status Pegawai"))
    #expect(result.standardOutput.split(separator: "\n").count == 6)

    let directory = TemporaryDirectory()
    let broken = pipeline(directory, performance: "nip;nilai\n1;2\n")
    let failed = try KinerjaCommand.run(["validate", broken])
    #expect(failed.status == 1)
    #expect(failed.standardOutput.contains("performance: error:"))
  }

  /// Every pipeline the project ships is accepted, with every input readable.
  @Test(arguments: ["sample", "nightly", "impact-study", "budget"])
  func shippedPipelinesValidate(name: String) throws {
    let result = try KinerjaCommand.run(["validate", "pipelines/\(name).yaml"])
    #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
  }

  @Test func inspectShowsDialectMappingAndRows() throws {
    let result = try KinerjaCommand.run(["inspect", "datasets/sample/pegawai.csv", "--rows", "2"])
    #expect(result.status == 0, "\(result.standardError)")
    let text = result.standardOutput
    #expect(text.contains("input:      employees"))
    #expect(text.contains("delimiter:  semicolon (;)"))
    #expect(text.contains("with byte order mark, CRLF line ends"))
    #expect(text.contains("1. NIP Baru → nip"))
    #expect(text.contains("12. Status Pegawai → (unknown, ignored)"))
    #expect(text.contains("rows:       362"))
    #expect(text.contains("(personal)"))
    #expect(text.components(separatedBy: "  line ").count == 3)
  }
}
