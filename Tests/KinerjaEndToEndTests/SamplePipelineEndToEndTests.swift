import Foundation
import KinerjaIngest
import KinerjaTestSupport
import Testing

@Suite(.serialized) struct SamplePipelineEndToEndTests {
  static let sample = "pipelines/sample.yaml"

  /// The sample pipeline, run with 1, 2 and 8 threads: identical files, and trend numbers
  /// that agree with an independent computation (sample_trends_reference.py, numpy).
  @Test func sampleRunAgreesWithTheReferenceForEveryThreadCount() throws {
    let directory = TemporaryDirectory()
    var runs: [[String: Data]] = []
    for threads in [1, 2, 8] {
      let out = "\(directory.path)/out-\(threads)"
      let result = try KinerjaCommand.run(
        ["run", Self.sample, "--out", out, "--threads", "\(threads)"], environment: KinerjaCommand.pinnedDate)
      #expect(result.status == 0, "\(result.standardError)")
      #expect(result.standardOutput.contains("results in \(out)"))
      #expect(result.standardError.contains("ingest+clean performance"))
      runs.append(filesUnder(out))
    }
    let withoutManifest = runs.map { $0.filter { $0.key != "manifest.json" } }
    let expectedFiles =
      [
        "agency_rankings", "cost_effectiveness", "data_quality", "did_group_time", "did_summary",
        "service_satisfaction",
        "training_coverage", "training_effects", "training_needs", "trend_tests", "trends",
      ]
      + InputKind.allCases.map { "rejects/\($0.rawValue)" }
    #expect(
      withoutManifest[0].keys.sorted()
        == (expectedFiles.flatMap { ["\($0).csv", "\($0).json"] } + ["report.html"]).sorted())
    #expect(withoutManifest[0] == withoutManifest[1], "1 and 2 threads give the same bytes")
    #expect(withoutManifest[0] == withoutManifest[2], "1 and 8 threads give the same bytes")
    let manifests = try runs.map { try manifestWithoutTimes($0["manifest.json"], threads: true) }
    #expect(manifests[0] == manifests[1] && manifests[0] == manifests[2])

    let trends = try TrendsFile(String(decoding: runs[0]["trends.csv"]!, as: UTF8.self))
    let reference = try Reference.load()
    #expect(reference.checks.count == 6)
    for check in reference.checks {
      let row = try #require(
        trends.row(level: check.level, group: check.group, period: check.period),
        "\(check.group) \(check.period)")
      #expect(Int(row["n"]!) == check.n)
      for (column, expected) in [
        ("mean", check.mean), ("sd", check.sd), ("median", check.median), ("p10", check.p10),
        ("p90", check.p90),
        ("share_sangat_baik", check.share_sangat_baik), ("share_baik", check.share_baik),
      ] {
        let actual = try #require(Double(row[column]!), "\(column) of \(check.group) \(check.period)")
        #expect(
          abs(actual - expected) <= 1e-9 * abs(expected),
          "\(column) of \(check.group) \(check.period): \(actual), expected \(expected)")
      }
    }
    let tiny = try #require(trends.row(level: "agency", group: "1871-DISDUKCAPIL", period: "2023-06"))
    #expect(tiny["employees"] == "3" && tiny["mean"] == "" && tiny["suppressed"] == "true")
  }

  /// Every DiD study accounts for every employee: `did_summary.json`'s metadata gives, per
  /// study, the employees used and those left out by reason, which add up to the roster;
  /// `data_quality` says the same, and stderr names each.
  @Test func everyDiDStudyAccountsForEveryEmployee() throws {
    let directory = TemporaryDirectory()
    let out = "\(directory.path)/out"
    let result = try KinerjaCommand.run(
      ["run", Self.sample, "--out", out, "--threads", "2"], environment: KinerjaCommand.pinnedDate)
    #expect(result.status == 0, "\(result.standardError)")
    let files = filesUnder(out)
    let summary = try #require(try JSONSerialization.jsonObject(with: files["did_summary.json"]!) as? [String: Any])
    let metadata = try #require(summary["metadata"] as? [String: Any])
    let studies = try #require(metadata["studies"] as? [[String: Any]])
    #expect(studies.count >= 2 && studies.first?["variant"] as? String == "all")
    let quality = String(decoding: files["data_quality.csv"]!, as: UTF8.self)
    let employees = try #require(
      quality.split(separator: "\n").first { $0.hasPrefix("employees,") }.map { Int($0.split(separator: ",")[3])! })
    for study in studies {
      let variant = try #require(study["variant"] as? String)
      let used = try #require(study["employees_used"] as? Int)
      let leftOut = try #require(study["left_out"] as? [String: Int])
      #expect(used + leftOut.values.reduce(0, +) == employees, "study \(variant): \(used) + \(leftOut)")
      #expect(result.standardError.contains("did study \(variant): \(used) employees used"))
      #expect(quality.contains("did_summary,,,,,did_units_used,\(used),"), "study \(variant) in data_quality")
      for (reason, count) in leftOut {
        #expect(result.standardError.contains("did study \(variant): \(count) employees left out: \(reason)"))
      }
    }
  }

  /// Two runs of the same pipeline, in two processes (so with two hash seeds), give the same
  /// bytes in every output, and the same manifest but for its times.
  @Test func rerunsAreIdenticalButForTheManifestsTimes() throws {
    let directory = TemporaryDirectory()
    let out = "\(directory.path)/out"
    let arguments = ["run", Self.sample, "--out", out, "--quiet", "--threads", "2"]
    #expect(try KinerjaCommand.run(arguments, environment: KinerjaCommand.pinnedDate).status == 0)
    let first = filesUnder(out)
    #expect(try KinerjaCommand.run(arguments, environment: KinerjaCommand.pinnedDate).status == 0)
    let second = filesUnder(out)
    #expect(first.count == 34)
    #expect(first.filter { $0.key != "manifest.json" } == second.filter { $0.key != "manifest.json" })
    #expect(try manifestWithoutTimes(first["manifest.json"]) == manifestWithoutTimes(second["manifest.json"]))

    let manifest = try #require(
      try JSONSerialization.jsonObject(with: second["manifest.json"]!) as? [String: Any])
    let outputs = try #require(manifest["outputs"] as? [[String: Any]])
    #expect(outputs.count == 33, "every table as CSV and JSON, and report.html")
    #expect(
      (manifest["stages"] as? [[String: Any]])?.count == 15,
      "five inputs, trends, trend tests, and eight more analyses, export")
    #expect(manifest["threads"] as? Int == 2 && manifest["pipeline_sha256"] != nil)
  }

  /// Every input's rows read is the number of records a parser of the tests' own finds in
  /// the file, and rows accepted, rejected and rejected by reason are what the generator
  /// planted (datasets/sample/truth.json) — in the manifest, in data_quality and in the
  /// rejects files, row for row.
  @Test func countsAgreeWithTheFilesAndWithThePlantedTruth() throws {
    let directory = TemporaryDirectory()
    let out = "\(directory.path)/out"
    #expect(try KinerjaCommand.run(["run", Self.sample, "--out", out, "--quiet"]).status == 0)
    let sample = KinerjaCommand.repository.appendingPathComponent("datasets/sample").path
    let truth = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(sample)/truth.json")))
        as? [String: Any])
    let planted = try #require(truth["inputs"] as? [String: [String: Any]])
    let manifest = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(out)/manifest.json")))
        as? [String: Any])
    let read = try #require(manifest["inputs"] as? [[String: Any]])
    let quality = CSVText(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: "\(out)/data_quality.csv"))),
      delimiter: UInt8(ascii: ",")).rows
    #expect(planted.count == 5 && read.count == 5)

    for kind in InputKind.allCases {
      let truth = try #require(planted[kind.rawValue], "truth.json has no \(kind.rawValue)")
      let file = try #require(truth["file"] as? String)
      let records = try CSVText(path: "\(sample)/\(file)", delimiter: UInt8(ascii: ";")).records.count
      let rows = try #require(truth["rows"] as? Int)
      let clean = try #require(truth["clean_rows"] as? Int)
      let bad = try #require(truth["bad_rows"] as? Int)
      let byReason = try #require(truth["bad_rows_by_reason"] as? [String: Int])
      #expect(records == rows, "\(file): \(records) records in the file, \(rows) written by the generator")
      #expect(clean + bad == rows && byReason.values.reduce(0, +) == bad, "truth.json of \(file)")

      let input = try #require(read.first { $0["input"] as? String == kind.rawValue })
      #expect(input["rows_read"] as? Int == records, "manifest: rows read of \(file)")
      #expect(input["rows_accepted"] as? Int == clean, "manifest: rows accepted of \(file)")
      #expect(input["rows_rejected"] as? Int == bad, "manifest: rows rejected of \(file)")

      let lines = quality.filter { $0["input"] == kind.rawValue }
      #expect(!lines.isEmpty, "data_quality has no row for \(kind.rawValue)")
      for line in lines {
        #expect(line["rows_read"] == "\(records)" && line["rows_accepted"] == "\(clean)"
          && line["rows_rejected"] == "\(bad)", "data_quality totals of \(file)")
      }
      let reported = Dictionary(
        lines.filter { $0["reason"] != "" }.map { ($0["reason"]!, Int($0["rejected"]!)!) },
        uniquingKeysWith: +)
      #expect(reported == byReason, "data_quality reasons of \(file)")

      let rejects = try CSVText(path: "\(out)/rejects/\(kind.rawValue).csv", delimiter: UInt8(ascii: ","))
      let listed = Dictionary(rejects.column("reason")!.map { ($0, 1) }, uniquingKeysWith: +)
      #expect(rejects.records.count == bad && listed == byReason, "rejects/\(kind.rawValue).csv")
      let json = try #require(
        try JSONSerialization.jsonObject(
          with: Data(contentsOf: URL(fileURLWithPath: "\(out)/rejects/\(kind.rawValue).json"))) as? [String: Any])
      #expect((json["rows"] as? [Any])?.count == bad, "rejects/\(kind.rawValue).json")
    }
  }

  /// Names and free-text comments, read from the sample inputs by their header names with a
  /// parser of the tests' own, reach no output: not the tables (CSV, JSON), not the rejects,
  /// not data_quality, not the manifest, not report.html — in any quoting or escaping.
  @Test func personalDataNeverReachesAnOutput() throws {
    let directory = TemporaryDirectory()
    let out = "\(directory.path)/out"
    #expect(try KinerjaCommand.run(["run", Self.sample, "--out", out, "--quiet"]).status == 0)
    let sample = KinerjaCommand.repository.appendingPathComponent("datasets/sample").path
    func values(_ file: String, _ column: String) throws -> Set<String> {
      let table = try CSVText(path: "\(sample)/\(file)", delimiter: UInt8(ascii: ";"))
      let values = try #require(table.column(column), "\(file) has no column \(column)")
      #expect(values.count == table.records.count, "every record of \(file) has a \(column)")
      return Set(values.filter { !$0.isEmpty })
    }
    let names = try values("pegawai.csv", "Nama Pegawai")
    let comments = try values("skm.csv", "Saran").union(try values("evaluasi_diklat.csv", "Komentar"))
    // Counted with Python's csv module: 256 distinct names among the master's 362 rows,
    // and 8 distinct comments, one with a quote, a `;` and a line break inside it.
    #expect(names.count == 256)
    #expect(
      comments == [
        "Mohon ruang tunggu diperbaiki", "Sangat puas", "Antrian terlalu panjang",
        "Pelayanan cepat; petugas \"ramah\"\nterima kasih", "Informasi persyaratan kurang jelas",
        "Materi sangat bermanfaat", "Waktu terlalu singkat", "Fasilitator menguasai materi",
      ])

    let outputs = filesUnder(out)
    #expect(outputs.count == 34 && outputs["report.html"] != nil && outputs["rejects/service_feedback.csv"] != nil)
    for (path, data) in outputs {
      let texts = PersonalDataSearch.texts(of: data, path: path)
      for value in names.union(comments) {
        for text in texts where text.contains(value) { Issue.record("\(path) holds personal data") }
        for piece in PersonalDataSearch.pieces(of: value) where texts[0].contains(piece) {
          Issue.record("\(path) holds part of a comment")
        }
      }
    }
  }
}

/// The forms an output's text can take, so that personal data is found however it was
/// quoted or escaped.
enum PersonalDataSearch {
  /// The raw text of an output and its decoded forms: CSV cells, JSON strings, HTML text.
  static func texts(of data: Data, path: String) -> [String] {
    let raw = String(decoding: data, as: UTF8.self)
    var texts = [raw]
    if path.hasSuffix(".csv") {
      let table = CSVText(bytes: Array(data), delimiter: UInt8(ascii: ","))
      texts.append(([table.header] + table.records).flatMap { $0 }.joined(separator: "\u{0}"))
    } else if path.hasSuffix(".json"), let object = try? JSONSerialization.jsonObject(with: data) {
      texts.append(strings(in: object).joined(separator: "\u{0}"))
    } else if path.hasSuffix(".html") {
      var text = raw
      for (entity, character) in [
        ("&quot;", "\""), ("&#34;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&lt;", "<"), ("&gt;", ">"),
        ("&#10;", "\n"), ("&amp;", "&"),
      ] {
        text = text.replacingOccurrences(of: entity, with: character)
      }
      texts.append(text)
    }
    return texts
  }

  /// The parts of a value between characters that some format escapes, 8 characters or longer.
  static func pieces(of value: String) -> [String] {
    value.split(whereSeparator: { "\"\n\r\\&<>';".contains($0) }).map(String.init).filter { $0.count >= 8 }
  }

  private static func strings(in object: Any) -> [String] {
    switch object {
    case let text as String: [text]
    case let array as [Any]: array.flatMap(strings(in:))
    case let dictionary as [String: Any]: dictionary.keys + dictionary.values.flatMap(strings(in:))
    default: []
    }
  }
}

/// The `trends.csv` of a run, by column name.
struct TrendsFile {
  var header: [String]
  var rows: [[String]]

  init(_ text: String) throws {
    let lines = text.split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    header = lines[0]
    rows = Array(lines.dropFirst())
  }

  func row(level: String, group: String, period: String) -> [String: String]? {
    let found = rows.first { $0[0] == level && $0[1] == group && $0[4] == period }
    return found.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
  }
}

/// sample_trends_expected.json, written by sample_trends_reference.py.
struct Reference: Decodable {
  struct Check: Decodable {
    var level: String
    var group: String
    var period: String
    var n: Int
    var mean: Double
    var sd: Double
    var median: Double
    var p10: Double
    var p90: Double
    var share_sangat_baik: Double
    var share_baik: Double
  }
  var checks: [Check]

  static func load() throws -> Reference {
    let url = try #require(
      Bundle.module.url(
        forResource: "sample_trends_expected", withExtension: "json", subdirectory: "Fixtures"))
    return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
  }
}
