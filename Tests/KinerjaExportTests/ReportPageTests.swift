import Foundation
import KinerjaExport
import Testing

@Suite struct ReportPageTests {
  /// A small run's tables: trends for two regions and four agencies, effects by method,
  /// a dynamic DiD, data quality with rejects.
  static let tables: [OutputTable] = {
    var trends: [[TrendsColumn: Cell]] = []
    for (level, group, base) in [
      ("region", "Kota Ambon", 80.0), ("region", "Provinsi <Lampung>", 82.0), ("agency", "A1", 70.0),
      ("agency", "A2", 75.0), ("agency", "A3", 85.0), ("agency", "A4", 90.0),
    ] {
      for month in 1...3 {
        trends.append([
          .level: .text(level), .group: .text(group), .groupName: .text(group), .period: .text("2024-0\(month)"),
          .n: .integer(10), .mean: .number(base + Double(month)), .p10: .number(base - 5),
          .p90: .number(base + 5), .suppressed: .bool(false),
        ])
      }
    }
    trends.append([
      .level: .text("agency"), .group: .text("A5"), .groupName: .text("A5"), .period: .text("2024-03"),
      .n: .integer(2), .suppressed: .bool(true),
    ])
    let effects: [[TrainingEffectsColumn: Cell]] = [
      [
        .by: .text("method"), .value: .text("pelatihan"), .participants: .integer(40), .meanChange: .number(3.1),
        .ciLow: .number(2.2), .ciHigh: .number(4.0), .suppressed: .bool(false),
      ],
      [
        .by: .text("method"), .value: .text("seminar"), .participants: .integer(30), .meanChange: .number(0.1),
        .ciLow: .number(-0.8), .ciHigh: .number(1.0), .suppressed: .bool(false),
      ],
      [.by: .text("method"), .value: .text("workshop"), .participants: .integer(3), .suppressed: .bool(true)],
    ]
    let did: [[DiDSummaryColumn: Cell]] =
      [-2, -1, 0, 1, 2].map { event in
        [
          .variant: .text("all"), .aggregation: .text("dynamic"), .eventTime: .integer(event),
          .att: .number(event < 1 ? 0.05 : 2.5), .ciLow: .number(-0.5), .ciHigh: .number(event < 1 ? 0.6 : 3.2),
          .suppressed: .bool(false),
        ]
      } + [
        [
          .variant: .text("all"), .aggregation: .text("dynamic"), .att: .number(1.5),
          .ciLow: .number(1), .ciHigh: .number(2), .suppressed: .bool(false),
        ]
      ]
    let quality: [[DataQualityColumn: Cell]] = [("invalid_nip", 7), ("duplicate_employee", 3)].map {
      [
        .input: .text("employees"), .file: .text("pegawai.csv"), .rowsRead: .integer(1200),
        .rowsAccepted: .integer(1190), .rowsRejected: .integer(10), .reason: .text($0.0), .rejected: .integer($0.1),
      ]
    }
    return [table(trends), table(effects), table(did), table(quality)]
  }()

  /// An output of `Column` whose rows give some columns; the others are empty.
  static func table<Column: OutputColumn>(_ rows: [[Column: Cell]]) -> OutputTable {
    OutputTable(
      name: Column.output, columns: Column.names, rows: rows.map { row in Column.allCases.map { row[$0] ?? .null } })
  }

  @Test func sectionsChartsAndTablesOfTheOutputsThatExist() throws {
    let page = try ReportPage(language: .english).render(
      tables: Self.tables, runDate: "2026-11-23", pipeline: "nightly.yaml")
    for section in ["summary", "trends", "training-effects", "event-study", "data-quality"] {
      #expect(page.contains("<section id=\"\(section)\">"), "section \(section)")
    }
    for absent in ["rankings", "satisfaction", "coverage", "cost-effectiveness"] {
      #expect(!page.contains("<section id=\"\(absent)\">"), "no \(absent) without its output")
    }
    // Regions, top agencies, bottom agencies, effects by method, event study, rejects.
    #expect(page.components(separatedBy: "<svg ").count - 1 == 6)
    #expect(page.components(separatedBy: "<title>").count - 1 == 7, "the page's title and one per chart")
    #expect(page.components(separatedBy: "<desc>").count - 1 == 6)
    #expect(!page.contains("<script"), "no JavaScript")
    #expect(
      !page.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http"),
      "nothing is fetched: no address but the SVG namespace")
    #expect(page.contains("Provinsi &lt;Lampung&gt;"), "text is escaped in charts and tables")
    #expect(!page.contains("Provinsi <Lampung>"))
    #expect(page.contains("<td>pelatihan</td><td>40</td><td>3.10</td><td>2.20</td><td>4.00</td>"))
    #expect(!page.contains(">workshop<"), "suppressed groups are not plotted or listed")
    #expect(!page.contains(">A5<"), "a suppressed agency is not shown")
    #expect(page.contains("<td>employees</td><td>pegawai.csv</td><td>1,200</td><td>1,190</td><td>10</td>"))
    #expect(page.contains("Run date") && page.contains("2026-11-23") && page.contains("nightly.yaml"))
  }

  @Test func indonesianLabelsAndNumbers() throws {
    let page = try ReportPage(language: .indonesian).render(
      tables: Self.tables, runDate: "2026-11-23", pipeline: "p.yaml")
    #expect(page.contains("<html lang=\"id\">"))
    #expect(
      page.contains("Ringkasan proses") && page.contains("Dampak pelatihan") && page.contains("Kualitas data")
    )
    #expect(page.contains("<td>pelatihan</td><td>40</td><td>3,10</td><td>2,20</td><td>4,00</td>"))
    #expect(page.contains("<td>1.200</td>"))
  }
}
