import Foundation
import KinerjaTestSupport
import Testing

/// What a scheduler relies on: skipping unchanged nights, dated runs with a `latest`
/// link, logs it can parse, and exit 3 with the previous outputs intact when the output
/// cannot be written.
@Suite struct NightlyOperationsEndToEndTests {
  /// A copy of the sample exports and a nightly pipeline over them, in a fresh folder.
  static func nightly(_ directory: TemporaryDirectory, extra: String = "") throws -> String {
    let sample = KinerjaCommand.repository.appendingPathComponent("datasets/sample").path
    for name in ["pegawai.csv", "kinerja.csv", "riwayat_diklat.csv", "skm.csv", "evaluasi_diklat.csv"] {
      try FileManager.default.copyItem(atPath: "\(sample)/\(name)", toPath: "\(directory.path)/\(name)")
    }
    let text = try String(
      contentsOfFile: KinerjaCommand.repository.appendingPathComponent("pipelines/nightly.yaml").path,
      encoding: .utf8
    )
    .replacingOccurrences(of: "../datasets/sample/", with: "")
    .replacingOccurrences(of: "output: ../out/nightly", with: "output: out")
    return directory.write("nightly.yaml", text + extra)
  }

  @Test func ifChangedSkipsUntilAnInputChanges() throws {
    let directory = TemporaryDirectory()
    let pipeline = try Self.nightly(directory)
    #expect(try KinerjaCommand.run(["run", pipeline, "--quiet"]).status == 0)
    let manifest = directory.read("out/manifest.json")

    let skipped = try KinerjaCommand.run(["run", pipeline, "--if-changed"])
    #expect(skipped.status == 0)
    #expect(skipped.standardError.contains("skipped: inputs and pipeline unchanged"))
    #expect(directory.read("out/manifest.json") == manifest, "a skipped night writes nothing")

    let handle = try #require(FileHandle(forWritingAtPath: "\(directory.path)/skm.csv"))
    handle.seekToEndOfFile()
    handle.write(Data("\n".utf8))
    try handle.close()
    let rerun = try KinerjaCommand.run(["run", pipeline, "--if-changed"])
    #expect(rerun.status == 0)
    #expect(!rerun.standardError.contains("skipped"))
    #expect(directory.read("out/manifest.json") != manifest)
  }

  @Test func datedRunsSwitchLatestAndKeepTheNewest() throws {
    let directory = TemporaryDirectory()
    let pipeline = try Self.nightly(directory, extra: "dated_runs: true\nkeep_runs: 2\n")
    var published: [String] = []
    for _ in 0..<3 {
      let result = try KinerjaCommand.run(["run", pipeline])
      #expect(result.status == 0, "\(result.standardError)")
      published.append(
        result.standardOutput.replacingOccurrences(of: "results in ", with: "").trimmingCharacters(
          in: .whitespacesAndNewlines))
    }
    let runs = try FileManager.default.contentsOfDirectory(atPath: "\(directory.path)/out/runs").sorted()
    #expect(runs.count == 2, "keep_runs: 2")
    #expect(runs.last.map { published.last!.hasSuffix($0) } == true)
    let link = try FileManager.default.destinationOfSymbolicLink(atPath: "\(directory.path)/out/latest")
    #expect(link == "runs/\(runs.last!)")
    #expect(
      directory.read("out/latest/manifest.json") != nil && directory.read("out/latest/report.html") != nil)
    #expect(
      !FileManager.default.fileExists(atPath: "\(directory.path)/out/manifest.json"),
      "nothing published in place")

    let skipped = try KinerjaCommand.run(["run", pipeline, "--if-changed"])
    #expect(skipped.standardError.contains("skipped"), "--if-changed reads the manifest behind latest")
  }

  @Test func jsonLogsAreOneObjectPerLine() throws {
    let directory = TemporaryDirectory()
    let pipeline = try Self.nightly(directory)
    let result = try KinerjaCommand.run(["run", pipeline, "--log-format", "json"])
    #expect(result.status == 0)
    let events = try result.standardError.split(separator: "\n").map { line in
      try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }
    #expect(events.allSatisfy { $0["time"] is String && $0["event"] is String })
    #expect(
      events.contains {
        $0["event"] as? String == "stage" && $0["stage"] as? String == "ingest+clean performance"
      })
    #expect(events.last?["event"] as? String == "finished")

    try FileManager.default.removeItem(atPath: "\(directory.path)/kinerja.csv")
    let failed = try KinerjaCommand.run(["run", pipeline, "--log-format", "json"])
    #expect(failed.status == 3)
    let last = try #require(
      try JSONSerialization.jsonObject(with: Data(failed.standardError.split(separator: "\n").last!.utf8))
        as? [String: Any])
    #expect(last["event"] as? String == "error" && last["exit_code"] as? Int == 3)
    #expect((last["message"] as? String)?.contains("kinerja.csv") == true)
  }

  /// Whether the binary runs at all under the file-size limit the full-disk case uses;
  /// a ThreadSanitizer build does not (its runtime dies with SIGBUS before `main`).
  static let runsUnderFileSizeLimit: Bool = {
    let probe = Process()
    probe.executableURL = URL(fileURLWithPath: "/bin/bash")
    probe.arguments = ["-c", "trap '' XFSZ; ulimit -f 64; exec \"$0\" --version", KinerjaCommand.binary.path]
    probe.standardOutput = FileHandle.nullDevice
    probe.standardError = FileHandle.nullDevice
    guard (try? probe.run()) != nil else { return false }
    probe.waitUntilExit()
    return probe.terminationStatus == 0
  }()

  @Test(.enabled(if: runsUnderFileSizeLimit, "the binary cannot run under ulimit -f (a sanitizer build)"))
  func outputThatCannotBeWrittenIsExit3AndKeepsThePreviousRun() throws {
    let directory = TemporaryDirectory()
    let pipeline = try Self.nightly(directory)
    #expect(try KinerjaCommand.run(["run", pipeline, "--quiet"]).status == 0)
    let before = filesUnder("\(directory.path)/out")

    // A full disk: the shell limits file sizes, so a write fails part-way (EFBIG).
    let full = Process()
    full.executableURL = URL(fileURLWithPath: "/bin/bash")
    full.arguments = [
      "-c", "trap '' XFSZ; ulimit -f 64; exec \"$0\" run \"$1\" --quiet", KinerjaCommand.binary.path,
      pipeline,
    ]
    let errors = Pipe()
    full.standardError = errors
    try full.run()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    full.waitUntilExit()
    #expect(full.terminationStatus == 3, "\(message)")
    #expect(message.contains("cannot write"), "\(message)")
    #expect(filesUnder("\(directory.path)/out") == before, "the previous outputs are untouched")

    // An output location that is a file.
    directory.write("taken", "not a folder")
    let blocked = try KinerjaCommand.run(["run", pipeline, "--out", "\(directory.path)/taken/out"])
    #expect(blocked.status == 3)
    #expect(blocked.standardError.contains("taken"))
  }
}
