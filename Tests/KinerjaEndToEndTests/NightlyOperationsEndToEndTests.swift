import Foundation
import KinerjaTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// What a scheduler relies on: skipping unchanged nights, dated runs with a `latest`
/// link, logs it can parse, and exit 3 with the previous outputs intact when the output
/// cannot be written.
@Suite struct NightlyOperationsEndToEndTests {
  /// A copy of the sample exports and a nightly pipeline over them, in a fresh folder.
  static func nightly(
    _ directory: TemporaryDirectory, extra: String = "", replacing changes: [String: String] = [:]
  ) throws -> String {
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
    let changed = try changes.reduce(text) { text, change in
      try #require(text.contains(change.key), "nightly.yaml has \(change.key)")
      return text.replacingOccurrences(of: change.key, with: change.value)
    }
    return directory.write("nightly.yaml", changed + extra)
  }

  /// The manifest of the run published in `out`, decoded.
  static func manifest(_ directory: TemporaryDirectory, _ name: String = "out/manifest.json") throws
    -> [String: Any]
  {
    let text = try #require(directory.read(name), "\(name) exists")
    return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// The manifest's entry for `input`.
  static func input(_ input: String, in manifest: [String: Any]) throws -> [String: Any] {
    let inputs = try #require(manifest["inputs"] as? [[String: Any]])
    return try #require(inputs.first { $0["input"] as? String == input }, "\(input) in the manifest")
  }

  /// Whether a `run --if-changed` really ran: it did not say it skipped, and it logged the
  /// stages of a run.
  static func expectRan(_ result: KinerjaCommand.Result, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(result.status == 0, "\(result.standardError)", sourceLocation: sourceLocation)
    #expect(!result.standardError.contains("skipped"), sourceLocation: sourceLocation)
    #expect(
      result.standardError.contains("ingest+clean performance") && result.standardError.contains("export"),
      "\(result.standardError)", sourceLocation: sourceLocation)
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
    Self.expectRan(rerun)
    // The new manifest fingerprints the changed survey file, not the old one.
    let surveys = try Self.input("service_feedback", in: try Self.manifest(directory))
    let size = try #require(
      try FileManager.default.attributesOfItem(atPath: "\(directory.path)/skm.csv")[.size] as? Int)
    #expect(surveys["bytes"] as? Int == size)
    let hash = try ProcessRunning.sha256(of: ["\(directory.path)/skm.csv"]).values.first
    #expect(surveys["sha256"] as? String == hash)
  }

  /// The default `periods` end with the run's month, so `--if-changed` runs again in a new
  /// month (rows of that month, rejected last time, may now count) and skips within one.
  @Test func ifChangedRunsAgainInANewMonth() throws {
    let directory = TemporaryDirectory()
    let pipeline = try Self.nightly(directory)
    let november = ["SOURCE_DATE_EPOCH": "1795478399"]  // 2026-11-23
    let december = ["SOURCE_DATE_EPOCH": "1796515199"]  // 2026-12-05
    #expect(try KinerjaCommand.run(["run", pipeline, "--quiet"], environment: november).status == 0)
    let sameMonth = try KinerjaCommand.run(["run", pipeline, "--if-changed"], environment: november)
    #expect(sameMonth.standardError.contains("skipped: inputs and pipeline unchanged"), "\(sameMonth.standardError)")
    Self.expectRan(try KinerjaCommand.run(["run", pipeline, "--if-changed"], environment: december))
  }

  /// `--if-changed` runs again when the pipeline file changed (even by a comment) or when
  /// the last run was made by another Kinerja version (its manifest's `tool_version`).
  @Test func ifChangedRunsAfterAPipelineOrVersionChange() throws {
    let directory = TemporaryDirectory()
    let pipeline = try Self.nightly(directory)
    #expect(try KinerjaCommand.run(["run", pipeline, "--quiet"]).status == 0)
    let first = try Self.manifest(directory)
    #expect(try KinerjaCommand.run(["run", pipeline, "--if-changed"]).standardError.contains("skipped"))

    let handle = try #require(FileHandle(forWritingAtPath: pipeline))
    handle.seekToEndOfFile()
    handle.write(Data("# edited by the planner\n".utf8))
    try handle.close()
    Self.expectRan(try KinerjaCommand.run(["run", pipeline, "--if-changed"]))
    let second = try Self.manifest(directory)
    let pipelineHash = try ProcessRunning.sha256(of: [pipeline]).values.first
    #expect(second["pipeline_sha256"] as? String == pipelineHash)
    #expect(second["pipeline_sha256"] as? String != first["pipeline_sha256"] as? String)
    #expect(try KinerjaCommand.run(["run", pipeline, "--if-changed"]).standardError.contains("skipped"))

    // The last run as an older version would have written it.
    let version = try #require(second["tool_version"] as? String)
    let text = try #require(directory.read("out/manifest.json"))
    let older = text.replacingOccurrences(
      of: "\"tool_version\" : \"\(version)\"", with: "\"tool_version\" : \"0.0.1-older\"")
    try #require(older != text, "the manifest records tool_version")
    directory.write("out/manifest.json", older)
    Self.expectRan(try KinerjaCommand.run(["run", pipeline, "--if-changed"]))
    #expect(try Self.manifest(directory)["tool_version"] as? String == version)
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

  /// How the binary fares under the file-size limit the full-disk case uses.
  struct FileSizeLimitProbe {
    var status: Int32
    var reason: Process.TerminationReason
    var message: String

    var runs: Bool { reason == .exit && status == 0 }

    /// ThreadSanitizer's runtime, when this test process carries it: then so does the
    /// binary built beside it, and such a binary dies with SIGBUS before `main` under
    /// `ulimit -f`. That is the one case the full-disk test skips.
    static let isThreadSanitizerBuild = dlsym(nil, "__tsan_init") != nil

    static let result: FileSizeLimitProbe = {
      let probe = Process()
      probe.executableURL = URL(fileURLWithPath: "/bin/bash")
      probe.arguments = ["-c", "trap '' XFSZ; ulimit -f 64; exec \"$0\" --version", KinerjaCommand.binary.path]
      probe.standardOutput = FileHandle.nullDevice
      let error = Pipe()
      probe.standardError = error
      do {
        try probe.run()
      } catch {
        return FileSizeLimitProbe(status: -1, reason: .exit, message: "cannot start /bin/bash: \(error)")
      }
      let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      probe.waitUntilExit()
      return FileSizeLimitProbe(
        status: probe.terminationStatus, reason: probe.terminationReason, message: message)
    }()

    /// Skipped only in a ThreadSanitizer build whose binary was killed by SIGBUS.
    static var skips: Bool {
      isThreadSanitizerBuild && result.reason == .uncaughtSignal && result.status == SIGBUS
    }
  }

  @Test(
    .disabled(
      if: FileSizeLimitProbe.skips, "a ThreadSanitizer build dies with SIGBUS under ulimit -f before main"))
  func outputThatCannotBeWrittenIsExit3AndKeepsThePreviousRun() throws {
    let probe = FileSizeLimitProbe.result
    try #require(
      probe.runs,
      "kinerja --version under ulimit -f 64 ended with \(probe.reason) \(probe.status): \(probe.message)")
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

  /// `manifest.json` lists every file the run published, each with its size and SHA-256
  /// (checked with coreutils' `sha256sum`), and nothing else.
  @Test func manifestListsEveryOutputWithItsSizeAndHash() throws {
    let directory = TemporaryDirectory()
    let pipeline = try Self.nightly(directory)
    #expect(try KinerjaCommand.run(["run", pipeline, "--quiet"]).status == 0)
    let out = "\(directory.path)/out"
    let outputs = try #require(try Self.manifest(directory)["outputs"] as? [[String: Any]])
    let listed = try outputs.map { try #require($0["path"] as? String) }
    #expect(Set(listed) == Set(filesUnder(out).keys).subtracting(["manifest.json"]))
    #expect(listed.count == Set(listed).count, "each output listed once")
    #expect(listed.contains("report.html") && listed.contains("rejects/performance.csv"))

    let hashes = try ProcessRunning.sha256(of: listed.map { "\(out)/\($0)" })
    for output in outputs {
      let path = try #require(output["path"] as? String)
      let size = try FileManager.default.attributesOfItem(atPath: "\(out)/\(path)")[.size] as? Int
      #expect(output["bytes"] as? Int == size, "size of \(path)")
      #expect(output["sha256"] as? String == hashes["\(out)/\(path)"], "SHA-256 of \(path)")
    }
  }

  /// Staging folders that killed runs left, inside the output location (dated runs) and
  /// beside it (in-place runs), are removed by the next run, whatever process number they
  /// carry: the lock says that no run is writing.
  @Test func aRunRemovesTheStagingFoldersOfKilledRuns() throws {
    let directory = TemporaryDirectory()
    let pipeline = try Self.nightly(directory)
    let living = ProcessInfo.processInfo.processIdentifier
    directory.write("out/.staging-\(living)-1f/trends.csv", "half written")
    directory.write("out/.staging-\(living)-2e/rejects/performance.csv", "half written")
    directory.write(".out.staging-\(living)-3d/trends.csv", "an old run after the exchange")

    #expect(try KinerjaCommand.run(["run", pipeline, "--quiet"]).status == 0)
    let inside = try FileManager.default.contentsOfDirectory(atPath: "\(directory.path)/out").filter {
      $0.hasPrefix(".staging-")
    }
    let beside = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
      $0.hasPrefix(".out.")
    }
    #expect(inside.isEmpty && beside.isEmpty, "left: \(inside + beside)")
  }

  /// While another run holds the output location's lock, `--no-wait` exits 4 naming the
  /// holder, and a run without it waits, says so, and runs when the lock is released.
  @Test func oneRunAtATimePerOutputLocation() throws {
    let directory = TemporaryDirectory()
    let pipeline = try Self.nightly(directory)
    directory.write("out/.kinerja.lock", "")
    let descriptor = open("\(directory.path)/out/.kinerja.lock", O_RDWR)
    try #require(descriptor >= 0 && flock(descriptor, LOCK_EX) == 0)
    _ = "process 1 on nightly-host since 2026-12-03T02:00:00Z\n".withCString { write(descriptor, $0, strlen($0)) }

    let refused = try KinerjaCommand.run(["run", pipeline, "--no-wait"])
    #expect(refused.status == 4, "\(refused.standardError)")
    #expect(refused.standardError.contains("another run is writing here (process 1 on nightly-host"))
    #expect(!FileManager.default.fileExists(atPath: "\(directory.path)/out/manifest.json"))

    let release = DispatchWorkItem { close(descriptor) }
    DispatchQueue.global().asyncAfter(deadline: .now() + 2, execute: release)
    let waited = try KinerjaCommand.run(["run", pipeline])
    #expect(waited.status == 0, "\(waited.standardError)")
    #expect(waited.standardError.contains("waiting for it to finish"))
    #expect(FileManager.default.fileExists(atPath: "\(directory.path)/out/manifest.json"))
  }

  /// An export that changes while it is read (its modification time moves during the
  /// run) stops the run with exit 3 through the command line, and nothing is published.
  @Test func anInputChangedWhileReadIsExit3() throws {
    let directory = TemporaryDirectory()
    let pipeline = try Self.nightly(directory)
    let appraisals = "\(directory.path)/kinerja.csv"
    // Python runs kinerja and, until it ends, keeps setting the appraisal file's
    // modification time to a new value, so it differs between any two moments of the run.
    let changing = try ProcessRunning.run(
      "/usr/bin/env",
      [
        "python3", "-c",
        """
        import os, subprocess, sys
        run = subprocess.Popen(sys.argv[2:])
        tick = 1
        while run.poll() is None:
            tick += 1
            os.utime(sys.argv[1], ns=(tick * 1000, tick * 1000))
        sys.exit(run.returncode)
        """,
        appraisals, KinerjaCommand.binary.path, "run", pipeline, "--quiet",
      ])
    #expect(changing.status == 3, "\(changing.standardError)")
    #expect(changing.standardError.contains("kinerja.csv: the file changed while it was being read"))
    #expect(!FileManager.default.fileExists(atPath: "\(directory.path)/out/manifest.json"), "nothing published")
    let left = try FileManager.default.contentsOfDirectory(atPath: "\(directory.path)/out").filter {
      $0 != ".kinerja.lock"
    }
    #expect(left.isEmpty, "no staging folder or partial output left: \(left)")
  }

  /// A run that fails on its data keeps its data quality and rejects in `.last-failed/`;
  /// like every output, they hold no name and no comment from the inputs, though the
  /// rejected rows that carried them are listed with their other raw values.
  @Test func lastFailedHoldsNoNamesOrComments() throws {
    let directory = TemporaryDirectory()
    let pipeline = try Self.nightly(directory, replacing: ["max_reject_rate: 0.05": "max_reject_rate: 0.0"])
    // One more bad row with personal data in each input that has any.
    let extra = [
      "pegawai.csv":
        "19800101200501100X;Rahasia Namapegawai;1800-DISDIK;Dinas Pendidikan Provinsi Lampung;"
        + "Bidang Pelayanan;Provinsi Lampung;Pendidikan;III/a;pelaksana;;L;PNS\r\n",
      "skm.csv": "1800-DISDIK;Bidang Pelayanan;31/02/2023;R9-9-9;4;4;4;4;4;4;4;4;4;Saran rahasia responden\r\n",
      "evaluasi_diklat.csv": "DIK-2024-SM6-01;;10 Januari 2024;9;4;4;5;4,0;Ulasan rahasia peserta\r\n",
    ]
    for (file, line) in extra {
      let handle = try #require(FileHandle(forWritingAtPath: "\(directory.path)/\(file)"))
      handle.seekToEndOfFile()
      handle.write(Data(line.utf8))
      try handle.close()
    }
    let failed = try KinerjaCommand.run(["run", pipeline, "--quiet"])
    #expect(failed.status == 1, "\(failed.standardError)")
    let kept = filesUnder("\(directory.path)/out/.last-failed")
    #expect(kept.keys.contains("data_quality.csv") && kept.keys.contains("rejects/employees.csv"))

    var personal: Set<String> = []
    for (file, input, column) in [
      ("pegawai.csv", "employees", "Nama Pegawai"), ("skm.csv", "service_feedback", "Saran"),
      ("evaluasi_diklat.csv", "training_feedback", "Komentar"),
    ] {
      let export = try ExportRecords(contentsOf: "\(directory.path)/\(file)", delimiter: UInt8(ascii: ";"))
      let values = export.column(column)
      personal.formUnion(values.values.filter { !$0.isEmpty })
      // The added row is in the rejects, by its line, with its raw values but not its personal one.
      let line = try #require(export.rows.last?.line)
      let rejectsFile = try #require(kept["rejects/\(input).csv"], "rejects of \(input)")
      let rejects = ExportRecords(Array(rejectsFile), delimiter: UInt8(ascii: ","))
      let row = try #require(rejects.rows.first { $0.fields[1] == "\(line)" }, "line \(line) of \(file) rejected")
      #expect(!row.fields.contains(values[line]!), "\(column) of line \(line) in rejects/\(input).csv")
      #expect(row.fields.count == rejects.header.count)
      #expect(!rejects.header.contains { ["name", "comment", "suggestion"].contains($0) })
    }
    #expect(personal.isSuperset(of: ["Rahasia Namapegawai", "Saran rahasia responden", "Ulasan rahasia peserta"]))
    #expect(personal.count > 260, "every name in the master and every comment")
    for (path, data) in kept {
      let text = String(decoding: data, as: UTF8.self)
      for value in personal { #expect(!text.contains(value), "\(value) found in .last-failed/\(path)") }
    }
  }
}
