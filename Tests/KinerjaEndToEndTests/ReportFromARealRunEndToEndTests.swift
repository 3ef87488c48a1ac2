import Foundation
import KinerjaTestSupport
import Testing

/// The report built from a real run's tables, not from tables made by hand: every
/// section whose output exists is there, no column of its tables is empty throughout (a
/// column the report reads under a wrong name shows "—" in every row), and its tables
/// have the rows the outputs have.
@Suite struct ReportFromARealRunEndToEndTests {
  @Test func everySectionShowsTheRunsNumbers() throws {
    let directory = TemporaryDirectory()
    let out = "\(directory.path)/out"
    let result = try KinerjaCommand.run(
      ["run", "pipelines/sample.yaml", "--out", out, "--quiet"], environment: KinerjaCommand.pinnedDate)
    #expect(result.status == 0, "\(result.standardError)")
    let page = try String(contentsOfFile: "\(out)/report.html", encoding: .utf8)
    let sections = Self.sections(of: page)
    #expect(
      sections.map(\.id) == [
        "summary", "trends", "training-effects", "event-study", "rankings", "satisfaction", "coverage",
        "cost-effectiveness", "data-quality",
      ])
    for section in sections {
      #expect(!section.tables.isEmpty, "\(section.id) has a table")
      for (index, table) in section.tables.enumerated() {
        #expect(!table.rows.isEmpty, "\(section.id) table \(index) has rows")
        for (column, name) in table.header.enumerated() {
          let values = table.rows.map { $0.indices.contains(column) ? $0[column] : "" }
          #expect(values.contains { !["—", ""].contains($0) }, "\(section.id): column \(name) is empty throughout")
        }
      }
    }

    func csv(_ name: String) throws -> ExportRecords {
      ExportRecords(Array(try Data(contentsOf: URL(fileURLWithPath: "\(out)/\(name).csv"))), delimiter: 0x2C)
    }
    let table = { (id: String) in sections.first { $0.id == id }!.tables[0] }
    // One summary row per input, with its rows read as data_quality has them.
    let quality = try csv("data_quality")
    let (input, reason, rowsRead) = (
      quality.header.firstIndex(of: "input")!, quality.header.firstIndex(of: "reason")!,
      quality.header.firstIndex(of: "rows_read")!
    )
    let inputs = quality.rows.filter { !$0.fields[rowsRead].isEmpty }
    #expect(table("summary").rows.count == Set(inputs.map { $0.fields[input] }).count)
    for row in table("summary").rows {
      let read = inputs.first { $0.fields[input] == row[0] }?.fields[rowsRead]
      #expect(row[2].replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: "") == read)
    }
    // Every programme and method of cost_effectiveness, in its order.
    let costs = try csv("cost_effectiveness")
    #expect(table("cost-effectiveness").rows.count == costs.rows.count)
    let participants = costs.header.firstIndex(of: "participants")!
    #expect(table("cost-effectiveness").rows.map { $0[1] } == costs.rows.map { $0.fields[participants] })
    // The latest year's ranked agencies, rank 1 first.
    let rankings = try csv("agency_rankings")
    let (year, rank) = (rankings.header.firstIndex(of: "year")!, rankings.header.firstIndex(of: "rank")!)
    let latest = rankings.rows.compactMap { Int($0.fields[year]) }.max()!
    let ranked = rankings.rows.filter { Int($0.fields[year]) == latest && !$0.fields[rank].isEmpty }
    #expect(!ranked.isEmpty)
    #expect(table("rankings").rows.count == min(30, ranked.count))
    #expect(table("rankings").rows.first?.first == "1")
  }

  struct Section {
    var id: String
    var tables: [(header: [String], rows: [[String]])]
  }

  /// The report's sections, each with its tables' header and data cells.
  static func sections(of page: String) -> [Section] {
    func all(_ pattern: String, in text: String) -> [String] {
      let expression = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
      return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
        String(text[Range($0.range(at: 1), in: text)!])
      }
    }
    let ids = all(#"<section id="([^"]+)">"#, in: page)
    let bodies = all(#"<section id="[^"]+">(.*?)</section>"#, in: page)
    return zip(ids, bodies).map { id, body in
      Section(
        id: id,
        tables: all("<table>(.*?)</table>", in: body).map { table in
          (
            all("<th>(.*?)</th>", in: table),
            all("<tr>(.*?)</tr>", in: table).map { all("<td>(.*?)</td>", in: $0) }.filter { !$0.isEmpty }
          )
        })
    }
  }
}
