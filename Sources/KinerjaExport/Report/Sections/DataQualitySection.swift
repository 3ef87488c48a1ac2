extension ReportSections {
  /// The data-quality section: rejected rows by input and reason, then what analyses
  /// skipped or left out (empty periods, employees a DiD study did not use), from
  /// `data_quality`.
  func dataQuality() -> ReportSection? {
    guard let quality = table(DataQualityColumn.self) else { return nil }
    var byReason: [String: Int] = [:]
    var rows: [[String]] = []
    var analysisRows: [[String]] = []
    for row in quality.rows {
      guard quality.integer(row, .rowsRead) != nil else {
        if let reason = quality.text(row, .reason), reason != "empty_output" {
          analysisRows.append([
            reason, quality.integer(row, .rejected).map(language.count) ?? "", quality.text(row, .note) ?? "",
          ])
        }
        continue
      }
      guard let reason = quality.text(row, .reason), !reason.isEmpty,
        let count = quality.integer(row, .rejected)
      else { continue }
      byReason[reason, default: 0] += count
      rows.append([quality.text(row, .input) ?? "", reason, language.count(count)])
    }
    var section = ReportSection(id: "data-quality", title: text(ReportTexts.dataQuality))
    let table = ReportTable(
      caption: text(ReportTexts.rejectsChart),
      header: [text(ReportTexts.input), text(ReportTexts.reason), text(ReportTexts.rows)], rows: rows)
    if byReason.isEmpty {
      section.tables.append(table)
    } else {
      let title = text(ReportTexts.rejectsChart)
      let bars = byReason.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map {
        BarChart.Bar(label: $0.key, value: Double($0.value))
      }
      let chart = BarChart(bars: bars, axisTitle: text(ReportTexts.rows), decimals: 0, language: language)
      let description = bars.map { "\($0.label): \(language.count(Int($0.value)))" }.joined(separator: "; ")
      section.figures.append(
        ReportFigure(svg: chart.svg(title: title, description: description), caption: title, table: table))
    }
    if !analysisRows.isEmpty {
      section.tables.append(
        ReportTable(
          caption: text(ReportTexts.analysisNotes),
          header: [text(ReportTexts.reason), text(ReportTexts.employees), text(ReportTexts.note)], rows: analysisRows))
    }
    return section
  }
}
