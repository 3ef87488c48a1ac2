import Foundation
import KinerjaTestSupport
import Testing

/// A write that fails never ends a run in a signal: a log pipe nobody reads is ignored, and
/// an output past the file-size limit is an I/O error, exit 3.
@Suite(.serialized) struct WriteSignalEndToEndTests {
  /// stderr is a pipe whose reading end is closed before the run starts (a log collector
  /// that went away, `2>&1 | head -c1`): the run still publishes every output and exits 0.
  @Test func aClosedLogPipeDoesNotStopTheRun() throws {
    let directory = TemporaryDirectory()
    let out = "\(directory.path)/out"
    let log = Pipe()
    try log.fileHandleForReading.close()
    let process = Process()
    process.executableURL = KinerjaCommand.binary
    process.arguments = ["run", "pipelines/nightly.yaml", "--out", out]
    process.currentDirectoryURL = KinerjaCommand.repository
    process.standardOutput = log.fileHandleForWriting
    process.standardError = log.fileHandleForWriting
    try process.run()
    try log.fileHandleForWriting.close()
    process.waitUntilExit()
    #expect(process.terminationReason == .exit, "ended by signal \(process.terminationStatus)")
    #expect(process.terminationStatus == 0)
    #expect(FileManager.default.fileExists(atPath: "\(out)/manifest.json"))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix(".staging") }
    #expect(leftovers.isEmpty, "\(leftovers)")
  }

  /// Under `ulimit -f` with SIGXFSZ at its default (no `trap` in the shell), the run that
  /// cannot write its outputs exits 3 with a message, not with the signal.
  @Test func theFileSizeLimitIsAnIOError() throws {
    let directory = TemporaryDirectory()
    let (status, message) = try runUnderFileLimit(
      blocks: 64, pipeline: "pipelines/nightly.yaml", out: "\(directory.path)/out")
    #expect(status == 3, "\(message)")
    #expect(message.contains("cannot write"), "\(message)")
  }

  /// Rejects are written on a queue of their own while reading goes on; a write that
  /// fails there still stops the run with exit 3 and names the rejects file.
  @Test func aRejectsFileThatCannotBeWrittenStopsTheRun() throws {
    let directory = TemporaryDirectory()
    let nip = "198001012005011001"
    directory.write("employees.csv", "nip,agency_code,region\n\(nip),A1,R\n")
    var rows = "nip,period,score,rating\n"
    for month in 0..<3_000 { rows += "\(nip),\(2000 + month / 12)-\(String(format: "%02d", month % 12 + 1)),999,Baik\n" }
    directory.write("performance.csv", rows)
    let pipeline = directory.write(
      "pipeline.yaml",
      """
      inputs:
        employees: { path: employees.csv }
        performance: { path: performance.csv }
      outputs: [trends]
      report: false
      max_reject_rate: 1
      periods: { from: 2000-01, to: 2024-12 }
      """)
    let (status, message) = try runUnderFileLimit(blocks: 128, pipeline: pipeline, out: "\(directory.path)/out")
    #expect(status == 3, "\(message)")
    #expect(message.contains("rejects/"), "\(message)")
    #expect(message.contains("cannot write"), "\(message)")
    #expect(!FileManager.default.fileExists(atPath: "\(directory.path)/out/manifest.json"))
  }

  /// Runs `kinerja run` under `ulimit -f blocks`; returns its exit status and stderr.
  private func runUnderFileLimit(blocks: Int, pipeline: String, out: String) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [
      "-c", "ulimit -f \(blocks); exec \"$0\" run \"$1\" --out \"$2\" --quiet",
      KinerjaCommand.binary.path, pipeline, out,
    ]
    process.currentDirectoryURL = KinerjaCommand.repository
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit, "ended by signal \(process.terminationStatus): \(message)")
    return (process.terminationStatus, message)
  }

  /// An employee × period store larger than `ulimit -v` allows (100,000 employees, one
  /// appraisal in 1900 and one in 2024: 1,489 months) is refused before it is allocated,
  /// with exit 3 and the sizes, instead of a crash. Under the same limit, the run whose
  /// default `periods` rejects the 1900 appraisal has a one-month store and succeeds.
  @Test func aStoreBeyondTheMemoryLimitIsRefused() throws {
    let directory = TemporaryDirectory()
    var employees = "nip,agency_code,region\n"
    var count = 0
    outer: for month in 1...12 {
      for day in 1...28 {
        for sequence in 1...300 {
          employees += "1980\(month < 10 ? "0" : "")\(month)\(day < 10 ? "0" : "")\(day)201001"
          employees += "1\(String(sequence + 1000).dropFirst()),A\(count % 40),R\n"
          count += 1
          if count == 100_000 { break outer }
        }
      }
    }
    directory.write("e.csv", employees)
    directory.write("p.csv", "nip,period,score\n198001012010011001,2024-01,80\n198001012010011002,1900-01,70\n")
    func pipeline(_ name: String, _ settings: String) -> String {
      directory.write(
        name,
        "inputs:\n  employees: { path: e.csv }\n  performance: { path: p.csv }\nmin_group: 1\n"
          + "outputs: [trends]\nreport: false\n" + settings)
    }
    func run(_ pipeline: String) throws -> KinerjaCommand.Result {
      try ProcessRunning.run(
        "/bin/bash",
        [
          "-c", "ulimit -v 900000; exec \"$0\" run \"$1\" --out \"$2\" --quiet", KinerjaCommand.binary.path,
          pipeline, "\(directory.path)/out",
        ])
    }
    let refused = try run(pipeline("p.yaml", "periods: { from: 1900-01 }\n"))
    #expect(refused.status == 3, "\(refused.standardError)")
    #expect(
      refused.standardError.contains("employee × period store (100000 employees × 1489 month periods) needs 1277 MiB"),
      "\(refused.standardError)")
    #expect(refused.standardError.contains("left under ulimit -v"))
    let recent = try run(pipeline("q.yaml", "max_reject_rate: 0.6\n"))
    #expect(recent.status == 0, "\(recent.standardError)")
  }
}
