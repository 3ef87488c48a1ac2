import Foundation
import KinerjaExport
import KinerjaIngest
import KinerjaTestSupport
import Testing

/// The columns of every output are the ones the README documents, in its order, in the CSV
/// header and in each JSON row: dashboards and scripts read them by name and position.
@Suite(.serialized) struct OutputColumnsEndToEndTests {
  /// The sample pipeline's outputs, run once for every test of the suite.
  static let outputs: [String: Data] = {
    let directory = TemporaryDirectory()
    let out = "\(directory.path)/out"
    let result = try? KinerjaCommand.run(["run", "pipelines/sample.yaml", "--out", out, "--quiet"])
    precondition(result?.status == 0, "the sample run failed: \(result?.standardError ?? "")")
    return filesUnder(out)
  }()

  /// Each `Columns of `name`, in order: `a`, `b`, ….` line of the README, name → columns.
  static let documented: [String: [String]] = {
    let readme = try! String(
      contentsOf: KinerjaCommand.repository.appendingPathComponent("README.md"), encoding: .utf8)
    var result: [String: [String]] = [:]
    for line in readme.split(separator: "\n") where line.hasPrefix("Columns of `") {
      let names = line.matches(of: /`([^`]+)`/).map { String($0.output.1) }
      result[names[0]] = Array(names.dropFirst())
    }
    return result
  }()

  static let names = [
    "trends", "trend_tests", "service_satisfaction", "training_coverage", "cost_effectiveness",
    "agency_rankings", "training_needs", "training_effects", "did_group_time", "did_summary",
    "data_quality",
  ]

  @Test func everyOutputIsDocumented() {
    let written = Set(Self.outputs.keys.filter { $0.hasSuffix(".csv") && !$0.hasPrefix("rejects/") })
    #expect(written == Set(Self.names.map { "\($0).csv" }))
    #expect(Set(Self.names) == OutputTable.names, "publishing's clean-up knows every output")
    #expect(Set(Self.documented.keys) == Set(Self.names + ["rejects/<input>.csv"]))
  }

  @Test(arguments: names)
  func headerIsTheDocumentedColumnsInOrder(name: String) throws {
    let columns = try #require(Self.documented[name], "README documents no columns of \(name)")
    #expect(columns.count >= 9)
    let csv = try #require(Self.outputs["\(name).csv"])
    #expect(CSVText(bytes: Array(csv), delimiter: UInt8(ascii: ",")).header == columns)
    try expectJSONRows(Self.outputs["\(name).json"], columns: columns, of: name)
  }

  /// Rejects files start with the place and the reason, then the export's own raw values.
  @Test(arguments: InputKind.allCases)
  func rejectsStartWithThePlaceAndTheReason(input: InputKind) throws {
    let documented = try #require(Self.documented["rejects/<input>.csv"])
    #expect(documented == ["file", "line", "reason", "column", "detail"])
    let csv = try #require(Self.outputs["rejects/\(input.rawValue).csv"])
    let header = CSVText(bytes: Array(csv), delimiter: UInt8(ascii: ",")).header
    #expect(Array(header.prefix(5)) == documented)
    #expect(header.count > 5, "raw values follow")
    try expectJSONRows(
      Self.outputs["rejects/\(input.rawValue).json"], columns: header, of: "rejects/\(input.rawValue)",
      rowsRequired: false)
  }

  /// Every JSON row has exactly `columns`; the first row, read as text, has them in order.
  func expectJSONRows(_ data: Data?, columns: [String], of name: String, rowsRequired: Bool = true) throws {
    let data = try #require(data, "\(name).json is missing")
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let rows = try #require(object["rows"] as? [[String: Any]])
    if rows.isEmpty && !rowsRequired { return }
    try #require(!rows.isEmpty, "the sample run has \(name) rows")
    for row in rows { #expect(Set(row.keys) == Set(columns), "\(name).json row keys") }
    let text = String(decoding: data, as: UTF8.self)
    let firstRow = try #require(text.split(separator: "\n").first { $0.hasPrefix("{\"") && !$0.hasPrefix("{\"metadata") })
    let keys = firstRow.matches(of: #/(?:^\{|, )"([a-z0-9_]+)": /#).map { String($0.output.1) }
    #expect(keys == columns, "\(name).json's first row")
  }
}
