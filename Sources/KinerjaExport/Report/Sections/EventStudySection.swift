extension ReportSections {
  /// The event study: the DiD effect of all trainings by event time, from `did_summary`.
  func eventStudy() -> ReportSection? {
    guard let summary = table(DiDSummaryColumn.self) else { return nil }
    let points: [EventStudyChart.Point] = summary.rows.compactMap { row in
      guard summary.text(row, .variant) == "all", summary.text(row, .aggregation) == "dynamic",
        let time = summary.integer(row, .eventTime), !summary.flag(row, .suppressed),
        let att = summary.number(row, .att)
      else { return nil }
      return EventStudyChart.Point(
        eventTime: time, estimate: att, low: summary.number(row, .ciLow),
        high: summary.number(row, .ciHigh), bandLow: summary.number(row, .uniformLow),
        bandHigh: summary.number(row, .uniformHigh))
    }.sorted { $0.eventTime < $1.eventTime }
    guard !points.isEmpty else { return nil }
    let title = text(ReportTexts.eventStudyChart)
    let chart = EventStudyChart(
      points: points, xTitle: text(ReportTexts.eventTime), yTitle: text(ReportTexts.att), language: language)
    let description = points.map {
      "e=\($0.eventTime): \(language.number($0.estimate)) [\(language.number($0.low)); \(language.number($0.high))]"
    }
    .joined(separator: "; ")
    var section = ReportSection(
      id: "event-study", title: text(ReportTexts.eventStudy), note: text(ReportTexts.eventStudyNote))
    let table = ReportTable(
      caption: title,
      header: [
        text(ReportTexts.eventTime), "ATT", text(ReportTexts.ciLow), text(ReportTexts.ciHigh),
        text(ReportTexts.bandLow), text(ReportTexts.bandHigh),
      ],
      rows: points.map {
        [
          String($0.eventTime), language.number($0.estimate), language.number($0.low),
          language.number($0.high), language.number($0.bandLow), language.number($0.bandHigh),
        ]
      })
    section.figures.append(
      ReportFigure(svg: chart.svg(title: title, description: description), caption: title, table: table))
    return section
  }
}
