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
}
