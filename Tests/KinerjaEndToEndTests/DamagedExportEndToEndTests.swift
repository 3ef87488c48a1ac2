import Foundation
import KinerjaTestSupport
import Testing

/// The sample exports with the damage real exports carry, run through the binary: what is
/// damaged is rejected with its reason, and everything else comes out as without it.
@Suite(.serialized) struct DamagedExportEndToEndTests {
  /// `datasets/sample` copied to a fresh folder, with a `"` put at the start of field
  /// `field` of line `line` of `file`, and `appended` lines added to it.
  func sampleCopy(
    _ directory: TemporaryDirectory, editing file: String? = nil, line: Int = 0, field: Int = 0,
    appending appended: [String] = []
  ) throws -> String {
    let sample = KinerjaCommand.repository.appendingPathComponent("datasets/sample").path
    let folder = "\(directory.path)/\(file.map { "damaged-\($0)" } ?? "clean")"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for name in try FileManager.default.contentsOfDirectory(atPath: sample) {
      var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: "\(sample)/\(name)")))
      if name == file && line > 0 {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
        let starts = [0] + lines[line - 1].indices.filter { lines[line - 1][$0] == UInt8(ascii: ";") }.map { $0 + 1 }
        lines[line - 1].insert(UInt8(ascii: "\""), at: starts[field])
        bytes = Array(lines.joined(separator: [0x0A]))
      }
      if name == file { bytes += appended.flatMap { Array(($0 + "\r\n").utf8) } }
      try Data(bytes).write(to: URL(fileURLWithPath: "\(folder)/\(name)"))
    }
    return folder
  }

  func run(_ folder: String) throws -> (KinerjaCommand.Result, [String: Data]) {
    let result = try KinerjaCommand.run(["run", "\(folder)/pipeline.yaml", "--out", "\(folder)/out", "--quiet"])
    return (result, filesUnder("\(folder)/out"))
  }

  /// input → (rows read, accepted, rejected), from `data_quality.csv`.
  func counts(_ outputs: [String: Data]) -> [String: [Int]] {
    let table = CSVText(bytes: Array(outputs["data_quality.csv"] ?? Data()), delimiter: UInt8(ascii: ","))
    var result: [String: [Int]] = [:]
    for record in table.records where !record[2].isEmpty {
      result[record[0]] = [2, 3, 4].map { Int(record[$0]) ?? -1 }
    }
    return result
  }

  /// The rejects of `input` as (line, reason, column).
  func rejects(_ outputs: [String: Data], _ input: String) -> [[String]] {
    let table = CSVText(bytes: Array(outputs["rejects/\(input).csv"] ?? Data()), delimiter: UInt8(ascii: ","))
    return table.records.map { Array($0[1...3]) }
  }

  @Test(arguments: [
    ("kinerja.csv", "performance", 101, 3, "rating"),  // `;"Baik`
    ("pegawai.csv", "employees", 11, 1, "name"),  // `;"Dewi Siregar`, a personal column
    ("riwayat_diklat.csv", "training", 40, 0, "nip"),
    ("skm.csv", "service_feedback", 30, 4, "u1"),
  ])
  func aStrayQuoteCostsOneLine(file: String, input: String, line: Int, field: Int, column: String) throws {
    let directory = TemporaryDirectory()
    let (cleanRun, clean) = try run(try sampleCopy(directory))
    let (damagedRun, damaged) = try run(try sampleCopy(directory, editing: file, line: line, field: field))
    #expect(cleanRun.status == 0 && damagedRun.status == 0, "\(damagedRun.standardError)")

    let before = counts(clean)
    let after = counts(damaged)
    #expect(before.count == 5)
    for (name, numbers) in before {
      if name == input {
        let expected = [numbers[0], numbers[1] - 1, numbers[2] + 1]
        #expect(after[name] == expected, "\(name): only the damaged line is lost")
      } else if input != "employees" && !(input == "training" && name == "training_feedback") {
        // (The roster checks every input; the training history checks course evaluations.)
        #expect(after[name] == numbers, "\(name) is untouched")
      }
    }
    let added = rejects(damaged, input).filter { !rejects(clean, input).contains($0) }
    #expect(added == [["\(line)", "malformed_row", column]])
    guard column == "name" else { return }
    // The name on the damaged line reaches neither stderr nor the rejects file.
    let bytes = try Data(contentsOf: URL(fileURLWithPath: "\(directory.path)/damaged-\(file)/\(file)"))
    let damagedLine = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)[line - 1]
    let value = String(
      decoding: damagedLine.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false)[field].dropFirst(),
      as: UTF8.self)
    #expect(value.count > 3)
    #expect(!damagedRun.standardError.contains(value))
    #expect(!String(decoding: damaged["rejects/\(input).csv"] ?? Data(), as: UTF8.self).contains(value))
  }

  /// Two typed periods (`Mei 2032`, `Januari 1900`) are `period_out_of_range`, and every
  /// output but data quality and rejects is byte for byte the run without them: the panel,
  /// its trends and the DiD do not stretch to 1900 or 2032.
  @Test func implausiblePeriodsAreRejectedAndChangeNothingElse() throws {
    let directory = TemporaryDirectory()
    let (cleanRun, clean) = try run(try sampleCopy(directory))
    let nip = "196501021985121027"
    let (typoRun, typo) = try run(
      try sampleCopy(
        directory, editing: "kinerja.csv",
        appending: ["\(nip);Mei 2032;80,5;Baik;;;;", "\(nip);Januari 1900;70;Baik;;;;"]))
    #expect(cleanRun.status == 0 && typoRun.status == 0, "\(typoRun.standardError)")
    let added = rejects(typo, "performance").filter { !rejects(clean, "performance").contains($0) }
    #expect(added.map { $0[1] } == ["period_out_of_range", "period_out_of_range"], "\(added)")
    for (name, bytes) in clean where !name.hasPrefix("rejects/") && !name.hasPrefix("data_quality") {
      guard name.hasSuffix(".csv") else { continue }
      #expect(typo[name] == bytes, "\(name) changed")
    }
  }
}
