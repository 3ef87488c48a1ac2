import Foundation
import KinerjaTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

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

  /// A named pipe, a directory or a device given as an input ends the run at once with
  /// exit 3 and what the path is, in `run` and in `validate` (a pipe with no writer would
  /// otherwise block for ever, `/dev/zero` never end).
  @Test(arguments: ["fifo", "directory", "/dev/zero"])
  func nonRegularInputsAreIOErrors(kind: String) throws {
    let directory = TemporaryDirectory()
    let good = pipeline(directory, performance: "nip,period,score\n198001012005011001,2024-01,80\n")
    let path = "\(directory.path)/p.csv"
    try FileManager.default.removeItem(atPath: path)
    switch kind {
    case "fifo": #expect(mkfifo(path, 0o600) == 0)
    case "directory": try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    default: #expect(symlink(kind, path) == 0)
    }
    let described = ["fifo": "a named pipe", "directory": "a directory"][kind] ?? "a device"
    for command in ["run", "validate"] {
      let result = try KinerjaCommand.run([command, good, "--quiet"].filter { command == "run" || $0 != "--quiet" })
      #expect(result.status == 3, "\(command): \(result.standardError)")
      #expect((result.standardError + result.standardOutput).contains("p.csv: cannot open: it is \(described)"))
    }
  }

  @Test func validateReportsEachInput() throws {
    let result = try KinerjaCommand.run(["validate", "pipelines/sample.yaml"])
    #expect(result.status == 0, "\(result.standardOutput)")
    #expect(
      result.standardOutput.contains(
        "employees: ../datasets/sample/pegawai.csv: delimiter semicolon (;), decimal ','"))
    #expect(result.standardOutput.contains("ignored: Status Pegawai"))
    #expect(result.standardOutput.contains("/out/sample: writable"))
    #expect(result.standardOutput.split(separator: "\n").count == 7)

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

  /// `validate` ends with the worst of what it found: 0 when every input opens, 1 for a
  /// data problem (a missing column, an unreadable header), 2 for the pipeline file
  /// itself, 3 when an input cannot be opened — 3 over 1 when both occur.
  @Test func validateExitCodes() throws {
    let directory = TemporaryDirectory()
    let good = pipeline(directory, performance: "nip,period,score\n198001012005011001,2024-01,80\n")
    #expect(try KinerjaCommand.run(["validate", good]).status == 0)

    let typo = directory.write(
      "typo.yaml", "inputs:\n  employees: { path: e.csv }\n  performance: { path: p.csv }\ngrian: month\n")
    let typoResult = try KinerjaCommand.run(["validate", typo])
    #expect(typoResult.status == 2)
    #expect(typoResult.standardError.contains("typo.yaml:4:1: 'grian': unknown key"))
    #expect(try KinerjaCommand.run(["validate", "\(directory.path)/none.yaml"]).status == 2)
    #expect(try KinerjaCommand.run(["validate"]).status == 2)

    let header = TemporaryDirectory()
    let unreadable = pipeline(header, performance: "nip,\"period,score\n198001012005011001,2024-01,80\n")
    let unreadableResult = try KinerjaCommand.run(["validate", unreadable])
    #expect(unreadableResult.status == 1)
    #expect(unreadableResult.standardOutput.contains("performance: error:"))
    #expect(unreadableResult.standardOutput.contains("header cannot be read"))

    let missing = TemporaryDirectory()
    let noFile = pipeline(missing, performance: "x")
    try FileManager.default.removeItem(atPath: "\(missing.path)/p.csv")
    let noFileResult = try KinerjaCommand.run(["validate", noFile])
    #expect(noFileResult.status == 3)
    #expect(noFileResult.standardOutput.contains("performance: error:"))
    #expect(noFileResult.standardOutput.contains("p.csv: cannot open"))

    let both = TemporaryDirectory()
    let worst = pipeline(both, performance: "nip;nilai\n1;2\n")
    try FileManager.default.removeItem(atPath: "\(both.path)/e.csv")
    let worstResult = try KinerjaCommand.run(["validate", worst])
    #expect(worstResult.status == 3, "an input that cannot be opened outranks a missing column")
    #expect(worstResult.standardOutput.contains("employees: error:"))
    #expect(worstResult.standardOutput.contains("performance: error:"))
  }

  /// `inspect` ends with the documented codes: 1 for an empty file, an unreadable header,
  /// a header missing what `--as` needs or matching no input at all; 2 for a bad option;
  /// 3 for a file that cannot be opened.
  @Test func inspectExitCodes() throws {
    let directory = TemporaryDirectory()
    let good = directory.write("p.csv", "nip,period,score\n198001012005011001,2024-01,80\n")
    #expect(try KinerjaCommand.run(["inspect", good]).status == 0)

    let empty = try KinerjaCommand.run(["inspect", directory.write("empty.csv", "")])
    #expect(empty.status == 1 && empty.standardError.contains("the file is empty"))
    let header = try KinerjaCommand.run(["inspect", directory.write("quote.csv", "nip,\"period\n1,2\n")])
    #expect(header.status == 1 && header.standardError.contains("header cannot be read"), "\(header)")
    let wrongKind = try KinerjaCommand.run(["inspect", good, "--as", "employees"])
    #expect(wrongKind.status == 1)
    #expect(wrongKind.standardError.contains("missing required column 'agency_code' for input 'employees'"))
    let noMatch = try KinerjaCommand.run(["inspect", directory.write("none.csv", "x,y\n1,2\n")])
    #expect(noMatch.status == 1, "\(noMatch.standardError)")
    #expect(noMatch.standardError.contains("none.csv: the header matches none of the inputs"))

    #expect(try KinerjaCommand.run(["inspect", good, "--as", "nothing"]).status == 2)
    #expect(try KinerjaCommand.run(["inspect", good, "--delimiter", "x"]).status == 2)
    #expect(try KinerjaCommand.run(["inspect", good, "--rows", "-1"]).status == 2)
    #expect(try KinerjaCommand.run(["inspect", good, "--threads", "0"]).status == 2)
    #expect(try KinerjaCommand.run(["inspect"]).status == 2)

    let missing = try KinerjaCommand.run(["inspect", "\(directory.path)/gone.csv"])
    #expect(missing.status == 3 && missing.standardError.contains("gone.csv: cannot open"))
    try FileManager.default.createDirectory(atPath: "\(directory.path)/folder.csv", withIntermediateDirectories: false)
    #expect(try KinerjaCommand.run(["inspect", "\(directory.path)/folder.csv"]).status == 3)
  }

  /// `inspect --as` reads the file as the named input even when another matches as well,
  /// and `--delimiter` replaces the detected delimiter: a `|` export whose header has as
  /// many commas as pipes is detected as comma-separated and read right only with `|`.
  @Test func inspectAsAndDelimiterOverrideDetection() throws {
    let directory = TemporaryDirectory()
    let both = directory.write(
      "both.csv", "nip,agency_code,region,period,score\n198001012005011001,A,R,2024-01,80\n")
    let detected = try KinerjaCommand.run(["inspect", both])
    #expect(detected.standardOutput.contains("input:      employees"), "\(detected.standardOutput)")
    let asPerformance = try KinerjaCommand.run(["inspect", both, "--as", "performance"])
    #expect(asPerformance.status == 0)
    #expect(asPerformance.standardOutput.contains("input:      performance"))
    #expect(asPerformance.standardOutput.contains("2. agency_code → (unknown, ignored)"))
    #expect(asPerformance.standardOutput.contains("4. period → period"))

    let pipes = directory.write(
      "pipes.csv", "NIP|Periode|Nilai SKP|Keterangan (a, b, c, d)\n198001012005011001|2024-01|80|x, y\n")
    let commas = try KinerjaCommand.run(["inspect", pipes, "--as", "performance"])
    #expect(commas.status == 1, "detected as comma-separated, the header has no NIP column")
    let overridden = try KinerjaCommand.run(["inspect", pipes, "--as", "performance", "--delimiter", "|"])
    #expect(overridden.status == 0, "\(overridden.standardError)")
    let text = overridden.standardOutput
    #expect(text.contains("delimiter:  pipe (|)"))
    #expect(text.contains("1. NIP → nip") && text.contains("3. Nilai SKP → score"))
    #expect(text.contains("4. Keterangan (a, b, c, d) → (unknown, ignored)"))
    #expect(text.contains("line 2: 198001012005011001 | 2024-01 | 80 | (unmapped)"), "an unknown column is hidden")
    let tab = try KinerjaCommand.run(["inspect", pipes, "--as", "performance", "--delimiter", "tab"])
    #expect(tab.status == 1 && tab.standardError.contains("missing required column 'nip'"))
  }

  /// `inspect` shows every row with its personal columns as `(personal)`: no name from
  /// the master and no comment from the surveys or course evaluations in its output.
  @Test(arguments: [
    ("pegawai.csv", "Nama Pegawai"), ("skm.csv", "Saran"), ("evaluasi_diklat.csv", "Komentar"),
  ])
  func inspectHidesEveryNameAndComment(file: String, column: String) throws {
    let path = KinerjaCommand.repository.appendingPathComponent("datasets/sample/\(file)").path
    let export = try ExportRecords(contentsOf: path, delimiter: UInt8(ascii: ";"))
    let position = try #require(export.header.firstIndex(of: column))
    let personal = Set(export.column(column).values.filter { !$0.isEmpty })
    #expect(personal.count >= 3, "\(file) has \(column) values to hide")

    let result = try KinerjaCommand.run(["inspect", path, "--rows", "100000"])
    #expect(result.status == 0, "\(result.standardError)")
    for value in personal { #expect(!result.standardOutput.contains(value), "\(value) shown by inspect") }
    let shown = result.standardOutput.split(separator: "\n").filter { $0.hasPrefix("  line ") }
    #expect(shown.count == export.rows.count, "every row shown")
    let split = shown.filter { !$0.hasSuffix("(malformed row)") }.map { $0.components(separatedBy: " | ") }
    #expect(split.count > export.rows.count * 9 / 10)
    for fields in split where fields.count == export.header.count {
      #expect(fields[position] == "(personal)", "\(fields)")
    }
  }

  /// A file whose header line is missing: its first row (a NIP and a name, a citizen's
  /// comment) is never quoted by `run` (plain or JSON log) or `inspect`; nor are the values
  /// of a column the contract does not know in `inspect`'s rows.
  @Test func noPersonalDataInMessages() throws {
    let directory = TemporaryDirectory()
    directory.write("e.csv", "198001012005011001;Siti Rahmawati;A1;Lampung\n198502022010012002;Budi Santoso;A2;Lampung\n")
    directory.write("one.csv", "198001012005011001;Siti Rahmawati;A1;Lampung\n")
    directory.write("p.csv", "nip,period,score\n198001012005011001,2024-01,80\n")
    directory.write("s.csv", "1800-DISDIK;Bidang A;11-06-2023;R1;4;3;3;3;4;4;3;3;3;Petugasnya Pak Joko kasar\n")
    directory.write("u.csv", "nip,period,score,Catatan\n198001012005011001,2024-01,80,Pak Joko sakit\n")
    let secrets = ["Siti", "Rahmawati", "198001012005011001", "Joko"]
    func expectNoSecrets(_ text: String, _ label: String) {
      for secret in secrets { #expect(!text.contains(secret), "\(label): \(text)") }
    }
    for master in ["e.csv", "one.csv"] {
      let file = directory.write(
        "p.yaml", "inputs:\n  employees: { path: \(master) }\n  performance: { path: p.csv }\noutput: out\n")
      for format in ["plain", "json"] {
        let run = try KinerjaCommand.run(["run", file, "--log-format", format])
        #expect(run.status == 1, "\(master) \(format): \(run.standardError)")
        #expect(run.standardError.contains("is the header line missing?"), "\(run.standardError)")
        expectNoSecrets(run.standardError + run.standardOutput, "run \(master) \(format)")
      }
      let inspected = try KinerjaCommand.run(["inspect", "\(directory.path)/\(master)", "--as", "employees"])
      #expect(inspected.status == 1)
      expectNoSecrets(inspected.standardError + inspected.standardOutput, "inspect \(master)")
    }
    let survey = try KinerjaCommand.run(["inspect", "\(directory.path)/s.csv", "--as", "service_feedback"])
    #expect(survey.status == 1)
    expectNoSecrets(survey.standardError + survey.standardOutput, "inspect s.csv")
    let unknown = try KinerjaCommand.run(["inspect", "\(directory.path)/u.csv"])
    #expect(unknown.status == 0, "\(unknown.standardError)")
    #expect(unknown.standardOutput.contains("2024-01 | 80 | (unmapped)"), "\(unknown.standardOutput)")
    #expect(!unknown.standardOutput.contains("Joko"))
  }

  /// DiD outputs that come out empty (nobody completed a training) say why on stderr and
  /// in `data_quality`.
  @Test func anEmptyDiDSaysWhy() throws {
    let directory = TemporaryDirectory()
    directory.write(
      "t.csv", "nip,program_id,method,start_date,end_date,status\n198001012005011001,P1,pelatihan,2024-01-10,2024-01-12,gugur\n")
    let file = pipeline(
      directory, performance: "nip,period,score\n198001012005011001,2024-01,80\n198001012005011001,2024-02,81\n",
      extra: "outputs: [trends, did]\nreport: false\n")
    let text = try String(contentsOfFile: file, encoding: .utf8)
    try text.replacingOccurrences(of: "  performance: { path: p.csv }\n", with: "  performance: { path: p.csv }\n  training: { path: t.csv }\n")
      .write(toFile: file, atomically: true, encoding: .utf8)
    let run = try KinerjaCommand.run(["run", file])
    #expect(run.status == 0, "\(run.standardError)")
    #expect(run.standardError.contains("did_group_time, did_summary: empty: no cohort to estimate"))
    let quality = CSVText(
      bytes: Array(try Data(contentsOf: URL(fileURLWithPath: "\(directory.path)/out/data_quality.csv"))),
      delimiter: UInt8(ascii: ","))
    let empty = quality.records.filter { $0[5] == "empty_output" }
    #expect(empty.map { $0[0] } == ["did_group_time", "did_summary"])
    #expect(empty.allSatisfy { $0.last?.hasPrefix("no cohort to estimate") == true })
  }

  /// `generate` ends with the documented codes: 2 for arguments out of range or missing,
  /// 3 when the output folder cannot be written; 0 and all seven files otherwise.
  @Test func generateExitCodes() throws {
    let directory = TemporaryDirectory()
    let out = "\(directory.path)/g"
    let made = try KinerjaCommand.run(["generate", "--employees", "5", "--months", "2", "--out", out])
    #expect(made.status == 0, "\(made.standardError)")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: out).sorted() == [
        "evaluasi_diklat.csv", "kinerja.csv", "pegawai.csv", "pipeline.yaml", "riwayat_diklat.csv", "skm.csv",
        "truth.json",
      ])

    for arguments in [
      ["--employees", "0", "--out", out], ["--employees", "5", "--months", "0", "--out", out],
      ["--employees", "5", "--bad-rows", "0.9", "--out", out], ["--employees", "5"], ["--out", out],
      ["--employees", "5", "--out", out, "--dialect", "excel"], ["--employees", "5", "--out", out, "--threads", "0"],
    ] {
      #expect(try KinerjaCommand.run(["generate"] + arguments).status == 2, "\(arguments)")
    }

    directory.write("taken", "a file where the output folder should be")
    let blocked = try KinerjaCommand.run(["generate", "--employees", "5", "--out", "\(directory.path)/taken/g"])
    #expect(blocked.status == 3, "\(blocked.standardError)")
    #expect(blocked.standardError.contains("taken/g"))
  }
}
