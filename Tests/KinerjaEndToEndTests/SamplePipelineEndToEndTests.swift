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
      let result = try KinerjaCommand.run(["run", Self.sample, "--out", out, "--threads", "\(threads)"])
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
          abs(actual - expected) <= 1e-9 * max(1, abs(expected)),
          "\(column) of \(check.group) \(check.period)")
      }
    }
    let tiny = try #require(trends.row(level: "agency", group: "1871-DISDUKCAPIL", period: "2023-06"))
    #expect(tiny["employees"] == "3" && tiny["mean"] == "" && tiny["suppressed"] == "true")
  }

  @Test func manifestBalancesEveryInputAndRerunsAreIdentical() throws {
    let directory = TemporaryDirectory()
    let out = "\(directory.path)/out"
    #expect(try KinerjaCommand.run(["run", Self.sample, "--out", out, "--quiet"]).status == 0)
    let first = filesUnder(out)
    #expect(try KinerjaCommand.run(["run", Self.sample, "--out", out, "--quiet"]).status == 0)
    let second = filesUnder(out)
    #expect(first.filter { $0.key != "manifest.json" } == second.filter { $0.key != "manifest.json" })

    let manifest = try #require(
      try JSONSerialization.jsonObject(with: second["manifest.json"]!) as? [String: Any])
    let inputs = try #require(manifest["inputs"] as? [[String: Any]])
    #expect(inputs.count == 5)
    for input in inputs {
      let read = input["rows_read"] as! Int
      #expect(read > 0)
      #expect(
        read == (input["rows_accepted"] as! Int) + (input["rows_rejected"] as! Int), "\(input["input"]!)")
      #expect((input["sha256"] as! String).count == 64)
    }
    let outputs = try #require(manifest["outputs"] as? [[String: Any]])
    #expect(outputs.count == 33, "every table as CSV and JSON, and report.html")
    #expect(
      (manifest["stages"] as? [[String: Any]])?.count == 15,
      "five inputs, trends, trend tests, and eight more analyses, export")
    #expect(manifest["threads"] != nil && manifest["started_at"] != nil && manifest["pipeline_sha256"] != nil)
  }

  /// Names and comments from the inputs reach no output.
  @Test func personalDataNeverReachesAnOutput() throws {
    let directory = TemporaryDirectory()
    let out = "\(directory.path)/out"
    #expect(try KinerjaCommand.run(["run", Self.sample, "--out", out, "--quiet"]).status == 0)
    let sample = KinerjaCommand.repository.appendingPathComponent("datasets/sample").path
    var personal = Set<String>()
    for (file, column) in [("pegawai.csv", 1), ("skm.csv", 13), ("evaluasi_diklat.csv", 8)] {
      let text = try String(contentsOfFile: "\(sample)/\(file)", encoding: .utf8)
      for line in text.unicodeScalars.split(separator: "\n").map({ String(String.UnicodeScalarView($0)) })
        .dropFirst()
      {
        let fields = line.split(separator: ";", omittingEmptySubsequences: false)
        if fields.count > column, fields[column].count > 6 { personal.insert(String(fields[column])) }
      }
    }
    #expect(personal.count > 20)
    for (path, data) in filesUnder(out) {
      let text = String(decoding: data, as: UTF8.self)
      for value in personal { #expect(!text.contains(value), "\(value) found in \(path)") }
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
