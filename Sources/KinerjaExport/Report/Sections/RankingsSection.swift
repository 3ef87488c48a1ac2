extension ReportSections {
  /// The rankings section: the latest year's ranked agencies (the first 30 charted), from
  /// `agency_rankings`.
  func rankings() -> ReportSection? {
    guard let rankings = table(AgencyRankingsColumn.self) else { return nil }
    guard let year = rankings.rows.compactMap({ rankings.integer($0, .year) }).max() else { return nil }
    let ranked = rankings.rows.filter {
      rankings.integer($0, .year) == year && rankings.integer($0, .rank) != nil
    }
    .sorted {
      (rankings.integer($0, .rank)!, rankings.text($0, .agencyCode) ?? "") < (
        rankings.integer($1, .rank)!, rankings.text($1, .agencyCode) ?? ""
      )
    }
    guard !ranked.isEmpty else { return nil }
    let shown = ranked.prefix(30)
    func change(_ row: Int) -> String {
      guard let change = rankings.integer(row, .rankChange) else { return "" }
      return change > 0 ? "▲\(change)" : change < 0 ? "▼\(-change)" : "="
    }
    let rows = shown.compactMap { row -> IntervalChart.Row? in
      guard let mean = rankings.number(row, .shrunkenMean) else { return nil }
      let label =
        "\(rankings.integer(row, .rank)!). \(rankings.text(row, .agencyCode) ?? "") \(change(row))"
      return IntervalChart.Row(
        label: label, estimate: mean, low: rankings.number(row, .shrunkenCILow),
        high: rankings.number(row, .shrunkenCIHigh))
    }
    let title = "\(text(ReportTexts.rankingsChart)) — \(year)"
    var section = ReportSection(
      id: "rankings", title: text(ReportTexts.rankings), note: text(ReportTexts.rankingsNote))
    let table = ReportTable(
      caption: title,
      header: [
        text(ReportTexts.rank), text(ReportTexts.rankChange), text(ReportTexts.agency),
        text(ReportTexts.employees),
        text(ReportTexts.shrunkenMean), text(ReportTexts.ciLow), text(ReportTexts.ciHigh),
        text(ReportTexts.composite),
      ],
      rows: ranked.map { row in
        [
          String(rankings.integer(row, .rank)!), change(row),
          [rankings.text(row, .agencyCode), rankings.text(row, .agencyName)].compactMap { $0 }.filter {
            !$0.isEmpty
          }.joined(separator: " · "),
          language.count(rankings.integer(row, .employees) ?? 0),
          language.number(rankings.number(row, .shrunkenMean)),
          language.number(rankings.number(row, .shrunkenCILow)),
          language.number(rankings.number(row, .shrunkenCIHigh)),
          language.number(rankings.number(row, .composite)),
        ]
      })
    if rows.isEmpty {
      section.tables.append(table)
    } else {
      let chart = IntervalChart(
        rows: rows, reference: nil, axisTitle: text(ReportTexts.score), language: language, bars: true)
      let description = rows.map { "\($0.label): \(language.number($0.estimate))" }.joined(separator: "; ")
      section.figures.append(
        ReportFigure(svg: chart.svg(title: title, description: description), caption: title, table: table))
    }
    return section
  }
}
