extension ReportSections {
  /// The summary: when, which pipeline, which periods, and each input's rows.
  func summary(runDate: String, pipeline: String) -> ReportSection {
    var section = ReportSection(id: "summary", title: text(ReportTexts.runSummary))
    section.facts = [
      ReportFact(label: text(ReportTexts.runDate), value: runDate),
      ReportFact(label: text(ReportTexts.pipeline), value: pipeline),
    ]
    if let trends = table(TrendsColumn.self) {
      let periods = Set(trends.rows.compactMap { trends.text($0, .period) }).sorted()
      if let first = periods.first, let last = periods.last {
        section.facts.append(
          ReportFact(label: text(ReportTexts.periods), value: "\(first) – \(last) (\(periods.count))"))
      }
    }
    if let quality = table(DataQualityColumn.self) {
      var seen = Set<String>()
      var rows: [[String]] = []
      // Rows about outputs (empty ones, what the DiD left out) have no rows read: not inputs.
      for row in quality.rows where quality.integer(row, .rowsRead) != nil {
        let input = quality.text(row, .input) ?? ""
        guard seen.insert(input).inserted else { continue }
        rows.append([
          input, quality.text(row, .file) ?? "", language.count(quality.integer(row, .rowsRead) ?? 0),
          language.count(quality.integer(row, .rowsAccepted) ?? 0),
          language.count(quality.integer(row, .rowsRejected) ?? 0),
        ])
      }
      section.tables.append(
        ReportTable(
          caption: text(ReportTexts.input),
          header: [
            ReportTexts.input, ReportTexts.file, ReportTexts.rowsRead, ReportTexts.rowsAccepted,
            ReportTexts.rowsRejected,
          ].map(text),
          rows: rows))
    }
    return section
  }
}
