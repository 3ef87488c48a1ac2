extension ReportSections {
  /// The 20-JP coverage section: per agency in the latest year, employees, those trained,
  /// JP, the share with at least 20 JP and spend per employee, from `training_coverage`.
  func coverage() -> ReportSection? {
    guard let coverage = table(TrainingCoverageColumn.self),
      let year = coverage.rows.compactMap({ coverage.integer($0, .year) }).max()
    else { return nil }
    let rows = coverage.rows.filter { coverage.integer($0, .year) == year }
    var section = ReportSection(id: "coverage", title: text(ReportTexts.coverage))
    section.tables.append(
      ReportTable(
        caption: "\(text(ReportTexts.coverage)) — \(year)",
        header: [
          text(ReportTexts.agency), text(ReportTexts.employees), text(ReportTexts.trained), "JP",
          text(ReportTexts.shareWith20), text(ReportTexts.spendPerEmployee),
        ],
        rows: rows.map { row in
          [
            coverage.text(row, .agencyCode) ?? "", language.count(coverage.integer(row, .employees) ?? 0),
            language.count(coverage.integer(row, .trainedEmployees) ?? 0),
            language.number(coverage.number(row, .totalJP), decimals: 0),
            coverage.flag(row, .suppressed)
              ? "—" : language.percent(coverage.number(row, .shareWith20JP)),
            language.number(coverage.number(row, .spendPerEmployeeIDR), decimals: 0),
          ]
        }))
    return section
  }
}
