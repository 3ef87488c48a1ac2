import Foundation
import KinerjaTestSupport
import Testing

@testable import KinerjaExport

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct OutputDirectoryTests {
  @Test func exchangeReplacesOutputsKeepsOtherFilesAndRemovesStaleOnes() throws {
    let directory = TemporaryDirectory()
    let out = "\(directory.path)/out"
    directory.write("out/notes.txt", "the planner's own file")
    let first = try OutputDirectory(path: out)
    #expect(first.publishing == .exchange)
    try stage(["trends.csv": "old a", "trend_tests.csv": "old b", "rejects/performance.csv": "old rejects"], in: first)
    try first.publish(files: ["trends.csv", "trend_tests.csv", "rejects/performance.csv", "manifest.json"])
    first.release()
    #expect(directory.read("out/trends.csv") == "old a")
    #expect(directory.read("out/notes.txt") == "the planner's own file")
    directory.write("out/rejects/README.txt", "kept beside the rejects")

    let second = try OutputDirectory(path: out)
    #expect(
      second.previousOutputs().sorted() == ["manifest.json", "rejects/performance.csv", "trend_tests.csv", "trends.csv"])
    try stage(["trends.csv": "new a"], in: second)
    try second.publish(files: ["trends.csv", "manifest.json"])
    second.release()
    #expect(directory.read("out/trends.csv") == "new a")
    #expect(directory.read("out/trend_tests.csv") == nil, "an output the new run does not produce is gone")
    #expect(directory.read("out/rejects/performance.csv") == nil)
    #expect(directory.read("out/rejects/README.txt") == "kept beside the rejects")
    #expect(directory.read("out/notes.txt") == "the planner's own file")
    let left = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    #expect(left == ["out"], "no staging folder is left beside the location: \(left)")
  }

  /// A previous manifest that lists files Kinerja never writes (an input beside the
  /// outputs, a path outside the location) cannot make publishing remove them.
  @Test(arguments: [true, false])
  func onlyKinerjasOwnNamesAreEverRemoved(exchanging: Bool) throws {
    let directory = TemporaryDirectory()
    let out = "\(directory.path)/out"
    for name in ["out/pegawai.csv", "out/Trends.CSV", "out/notes/trends.csv", "out/trends.csv.bak", "victim.txt"] {
      directory.write(name, "not an output")
    }
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    let listed = [
      "pegawai.csv", "Trends.CSV", "notes/trends.csv", "trends.csv.bak", "../victim.txt",
      "\(directory.path)/victim.txt", "trends.csv",
    ]
    try RunManifest(
      toolVersion: "test", pipelineFile: "p.yaml", pipelineSHA256: "", parameters: [:], threads: 1, inputs: [],
      outputs: listed.map { .init(path: $0, bytes: 0, sha256: "") }, startedAt: Date(), finishedAt: Date(),
      stages: []
    ).write(to: "\(out)/manifest.json")
    directory.write("out/trends.csv", "old trends")

    let run = try OutputDirectory(path: out, exchanging: exchanging)
    #expect(run.previousOutputs().sorted() == ["manifest.json", "trends.csv"])
    try stage(["did_summary.csv": "new"], in: run)
    try run.publish(files: ["did_summary.csv", "manifest.json"])
    run.release()
    #expect(directory.read("out/trends.csv") == nil, "an output of the last run that this one did not write")
    for name in ["out/pegawai.csv", "out/Trends.CSV", "out/notes/trends.csv", "out/trends.csv.bak", "victim.txt"] {
      #expect(directory.read(name) == "not an output", "\(name) is kept")
    }
  }

  @Test func outputNames() {
    for name in ["trends.csv", "did_summary.json", "report.html", "manifest.json", "rejects/performance.csv"] {
      #expect(OutputDirectory.isOutputName(name), "\(name)")
    }
    for name in [
      "", "/etc/passwd", "../x.csv", "a/b.csv", "rejects/../x.csv", "rejects/a/b.csv", "Trends.csv", "x.txt",
      ".csv", "trends.csv.bak", "rejects", "kinerja.csv", "./trends.csv", "rejects/payroll.csv",
    ] {
      #expect(!OutputDirectory.isOutputName(name), "\(name)")
    }
  }

  @Test func exchangeKeepsTheLocationsPermissions() throws {
    let directory = TemporaryDirectory()
    let out = "\(directory.path)/out"
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    chmod(out, 0o750)
    let run = try OutputDirectory(path: out)
    try stage(["trends.csv": "a"], in: run)
    try run.publish(files: ["trends.csv", "manifest.json"])
    var info = stat()
    #expect(stat(out, &info) == 0 && info.st_mode & 0o777 == 0o750)
  }

  @Test func aLinkedLocationIsReplacedBehindItsLink() throws {
    let directory = TemporaryDirectory()
    try FileManager.default.createDirectory(atPath: "\(directory.path)/real", withIntermediateDirectories: true)
    symlink("\(directory.path)/real", "\(directory.path)/out")
    let run = try OutputDirectory(path: "\(directory.path)/out")
    try stage(["trends.csv": "a"], in: run)
    try run.publish(files: ["trends.csv", "manifest.json"])
    #expect(directory.read("out/trends.csv") == "a")
    #expect(
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "\(directory.path)/out"))
        == "\(directory.path)/real")
  }

  @Test func fileByFilePublishingMovesFilesAndRemovesStaleOnes() throws {
    let directory = TemporaryDirectory()
    let out = "\(directory.path)/out"
    let first = try OutputDirectory(path: out, exchanging: false)
    #expect(first.publishing == .fileByFile && first.fileByFileReason != nil)
    try stage(["trends.csv": "old a", "trend_tests.csv": "old b"], in: first)
    try first.publish(files: ["trends.csv", "trend_tests.csv", "manifest.json"])
    first.release()
    #expect(!FileManager.default.fileExists(atPath: first.stagingPath))
    let second = try OutputDirectory(path: out, exchanging: false)
    try stage(["trends.csv": "new a"], in: second)
    try second.publish(files: ["trends.csv", "manifest.json"])
    #expect(directory.read("out/trends.csv") == "new a")
    #expect(directory.read("out/trend_tests.csv") == nil)
  }

  @Test func oneRunAtATime() throws {
    let directory = TemporaryDirectory()
    let out = "\(directory.path)/out"
    let first = try OutputDirectory(path: out)
    #expect {
      try OutputDirectory(path: out, wait: false)
    } throws: { error in
      guard case .busy(_, let holder) = error as? OutputError else { return false }
      return holder.hasPrefix("process \(getpid()) on ")
    }
    first.release()
    let second = try OutputDirectory(path: out, wait: false)
    second.release()
  }

  /// A run that waited for another takes the lock of the folder that run published, not
  /// of the folder it replaced.
  @Test func aWaitingRunLocksThePublishedFolder() async throws {
    let directory = TemporaryDirectory()
    let out = "\(directory.path)/out"
    let first = try OutputDirectory(path: out)
    let waited = Task.detached { () throws -> OutputDirectory in
      try OutputDirectory(path: out, waiting: { _ in })
    }
    try await Task.sleep(nanoseconds: 200_000_000)
    try stage(["trends.csv": "a"], in: first)
    try first.publish(files: ["trends.csv", "manifest.json"])
    first.release()
    let second = try await waited.value
    #expect(throws: OutputError.self) { try OutputDirectory(path: out, wait: false) }
    second.release()
  }

  @Test func killedRunsLeaveNothingBehind() throws {
    let directory = TemporaryDirectory()
    let out = "\(directory.path)/out"
    directory.write("out/.staging-1-abc/trends.csv", "half")
    directory.write(".out.staging-2-def/trends.csv", "half")
    let run = try OutputDirectory(path: out)
    let beside = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0 != "out" }
    #expect(beside == [(run.stagingPath as NSString).lastPathComponent])
    #expect(directory.read("out/.staging-1-abc/trends.csv") == nil)
  }

  @Test func abandonedRunLeavesPreviousOutputsUntouched() throws {
    let directory = TemporaryDirectory()
    let out = "\(directory.path)/out"
    directory.write("out/trends.csv", "previous")
    let run = try OutputDirectory(path: out)
    FileManager.default.createFile(atPath: "\(run.stagingPath)/trends.csv", contents: Data("half".utf8))
    #expect(run.abandon() == nil)
    #expect(directory.read("out/trends.csv") == "previous")
    #expect(!FileManager.default.fileExists(atPath: run.stagingPath))
  }

  @Test func unwritableLocationIsAnIOError() throws {
    let directory = TemporaryDirectory()
    directory.write("file", "not a directory")
    #expect(throws: OutputError.self) { try OutputDirectory(path: "\(directory.path)/file") }
    #expect(throws: OutputError.self) { try OutputDirectory(path: "\(directory.path)/file/out") }
  }

  /// Writes `files` and a manifest listing them into the run's staging folder.
  private func stage(_ files: [String: String], in run: OutputDirectory) throws {
    for (name, text) in files {
      let path = "\(run.stagingPath)/\(name)"
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }
    try RunManifest(
      toolVersion: "test", pipelineFile: "p.yaml", pipelineSHA256: "", parameters: [:], threads: 1,
      inputs: [],
      outputs: files.keys.sorted().map { .init(path: $0, bytes: 0, sha256: "") }, startedAt: Date(),
      finishedAt: Date(), stages: []
    ).write(to: "\(run.stagingPath)/manifest.json")
  }
}
