import Foundation
import KinerjaExport
import Testing

@Suite struct ReportPageTests {
  /// A small run's tables: trends for two regions and four agencies, effects by method,
  /// a dynamic DiD, data quality with rejects.
  static let tables: [OutputTable] = {
    var trends = OutputTable(
      name: "trends",
      columns: ["level", "group", "group_name", "period", "n", "mean", "p10", "p90", "suppressed"])
    for (level, group, base) in [
      ("region", "Kota Ambon", 80.0), ("region", "Provinsi <Lampung>", 82.0), ("agency", "A1", 70.0),
      ("agency", "A2", 75.0), ("agency", "A3", 85.0), ("agency", "A4", 90.0),
    ] {
      for month in 1...3 {
        trends.rows.append([
          .text(level), .text(group), .text(group), .text("2024-0\(month)"), .integer(10),
          .number(base + Double(month)), .number(base - 5), .number(base + 5), .bool(false),
        ])
      }
    }
    trends.rows.append([
      .text("agency"), .text("A5"), .text("A5"), .text("2024-03"), .integer(2), .number(nil), .number(nil),
      .number(nil), .bool(true),
    ])
    let effects = OutputTable(
      name: "training_effects",
      columns: ["by", "value", "participants", "mean_change", "ci_low", "ci_high", "suppressed"],
      rows: [
        [
          .text("method"), .text("pelatihan"), .integer(40), .number(3.1), .number(2.2), .number(4.0),
          .bool(false),
        ],
        [
          .text("method"), .text("seminar"), .integer(30), .number(0.1), .number(-0.8), .number(1.0),
          .bool(false),
        ],
        [
          .text("method"), .text("workshop"), .integer(3), .number(nil), .number(nil), .number(nil),
          .bool(true),
        ],
      ])
    let did = OutputTable(
      name: "did_summary",
      columns: ["variant", "aggregation", "level", "att", "ci_low", "ci_high", "suppressed"],
      rows: [-2, -1, 0, 1, 2].map { event in
        [
          .text("all"), .text("dynamic"), .text(String(event)), .number(event < 1 ? 0.05 : 2.5),
          .number(-0.5),
          .number(event < 1 ? 0.6 : 3.2), .bool(false),
        ]
      } + [
        [.text("all"), .text("dynamic"), .text("all"), .number(1.5), .number(1), .number(2), .bool(false)]
      ])
    let quality = OutputTable(
      name: "data_quality",
      columns: ["input", "file", "rows_read", "rows_accepted", "rows_rejected", "reason", "rejected"],
      rows: [
        [
          .text("employees"), .text("pegawai.csv"), .integer(1200), .integer(1190), .integer(10),
          .text("invalid_nip"), .integer(7),
        ],
        [
          .text("employees"), .text("pegawai.csv"), .integer(1200), .integer(1190), .integer(10),
          .text("duplicate_employee"), .integer(3),
        ],
      ])
    return [trends, effects, did, quality]
  }()

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
