extension ReportSections {
  /// The trends section: mean scores by region and for the highest and lowest agencies,
  /// from `trends`.
  func trends() -> ReportSection? {
    guard let trends = table(TrendsColumn.self) else { return nil }
    let periods = Set(trends.rows.compactMap { trends.text($0, .period) }).sorted()
    guard !periods.isEmpty else { return nil }
    let index = Dictionary(uniqueKeysWithValues: periods.enumerated().map { ($1, $0) })
    // Each group's row numbers, in period order, for the levels shown.
    var groups: [String: [String: [Int]]] = ["region": [:], "agency": [:]]
    var names: [String: String] = [:]
    for row in trends.rows {
      guard let level = trends.text(row, .level), groups[level] != nil, let group = trends.text(row, .group)
      else { continue }
      groups[level]![group, default: []].append(row)
      if level == "agency" { names[group] = trends.text(row, .groupName) }
    }
    func panel(_ group: String, level: String, title: String) -> SmallMultiples.Panel {
      var panel = SmallMultiples.Panel(
        title: title, means: Array(repeating: nil, count: periods.count),
        bandLow: Array(repeating: nil, count: periods.count),
        bandHigh: Array(repeating: nil, count: periods.count))
      for row in groups[level]![group] ?? [] {
        guard let period = trends.text(row, .period), let at = index[period] else { continue }
        panel.means[at] = trends.number(row, .mean)
        panel.bandLow[at] = trends.number(row, .p10)
        panel.bandHigh[at] = trends.number(row, .p90)
      }
      return panel
    }
    var section = ReportSection(
      id: "trends", title: text(ReportTexts.trends), note: text(ReportTexts.trendsNote))
    let regions = groups["region"]!.keys.sorted().map { panel($0, level: "region", title: $0) }
    addTrendFigure(
      &section, panels: regions.filter { $0.means.contains { $0 != nil } }, periods: periods,
      title: text(ReportTexts.trendsByRegion))

    // Agencies ranked by their mean in the last period where they have one shown.
    let latest: [(agency: String, mean: Double)] = groups["agency"]!.keys.compactMap { agency in
      let shown = panel(agency, level: "agency", title: agency).means.compactMap { $0 }
      return shown.last.map { (agency, $0) }
    }.sorted { ($0.mean, $1.agency) > ($1.mean, $0.agency) }
    let count = min(6, latest.count / 2)
    if count > 0 {
      let label = { (agency: String) in names[agency].map { "\(agency) · \($0)" } ?? agency }
      addTrendFigure(
        &section,
        panels: latest.prefix(count).map { panel($0.agency, level: "agency", title: label($0.agency)) },
        periods: periods, title: text(ReportTexts.trendsTopAgencies))
      addTrendFigure(
        &section,
        panels: latest.suffix(count).reversed().map {
          panel($0.agency, level: "agency", title: label($0.agency))
        },
        periods: periods, title: text(ReportTexts.trendsBottomAgencies))
    }
    return section.figures.isEmpty ? nil : section
  }

  func addTrendFigure(
    _ section: inout ReportSection, panels: [SmallMultiples.Panel], periods: [String], title: String
  ) {
    guard !panels.isEmpty else { return }
    let chart = SmallMultiples(
      periods: periods, panels: panels, axisTitle: text(ReportTexts.score), language: language)
    let description = panels.map { panel in
      let shown = panel.means.compactMap { $0 }
      return "\(panel.title): \(language.number(shown.first)) → \(language.number(shown.last))"
    }.joined(separator: "; ")
    var rows: [[String]] = []
    for panel in panels {
      for (at, period) in periods.enumerated() where panel.means[at] != nil {
        rows.append([
          panel.title, period, language.number(panel.means[at]), language.number(panel.bandLow[at]),
          language.number(panel.bandHigh[at]),
        ])
      }
    }
    let table = ReportTable(
      caption: title,
      header: [text(ReportTexts.group), text(ReportTexts.period), text(ReportTexts.mean), "p10", "p90"],
      rows: rows)
    section.figures.append(
      ReportFigure(svg: chart.svg(title: title, description: description), caption: title, table: table))
  }
}
