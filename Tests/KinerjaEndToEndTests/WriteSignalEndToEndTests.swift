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
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [
      "-c", "ulimit -f 64; exec \"$0\" run pipelines/nightly.yaml --out \"$1\" --quiet",
      KinerjaCommand.binary.path, "\(directory.path)/out",
    ]
    process.currentDirectoryURL = KinerjaCommand.repository
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit, "ended by signal \(process.terminationStatus): \(message)")
    #expect(process.terminationStatus == 3, "\(message)")
    #expect(message.contains("cannot write"), "\(message)")
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
