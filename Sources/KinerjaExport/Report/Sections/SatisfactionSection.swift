extension ReportSections {
  /// The citizens' satisfaction section: IKM per agency in the latest period, from
  /// `service_satisfaction`.
  func satisfaction() -> ReportSection? {
    guard let survey = table(ServiceSatisfactionColumn.self) else { return nil }
    let agencyRows = survey.rows.filter { survey.text($0, .level) == "agency" }
    guard let period = agencyRows.compactMap({ survey.text($0, .period) }).max() else { return nil }
    let rows = agencyRows.filter {
      survey.text($0, .period) == period && !survey.flag($0, .suppressed) && survey.number($0, .ikm) != nil
    }
    .sorted {
      (survey.number($0, .ikm)!, survey.text($1, .agencyCode) ?? "") > (
        survey.number($1, .ikm)!, survey.text($0, .agencyCode) ?? ""
      )
    }
    guard !rows.isEmpty else { return nil }
    let title = "\(text(ReportTexts.satisfactionChart)) — \(period)"
    let bars = rows.prefix(40).map { row in
      BarChart.Bar(
        label: survey.text(row, .agencyCode) ?? "", value: survey.number(row, .ikm)!,
        note: survey.text(row, .grade))
    }
    let chart = BarChart(bars: Array(bars), axisTitle: text(ReportTexts.ikm), decimals: 2, language: language)
    let description = bars.map { "\($0.label): \(language.number($0.value)) \($0.note ?? "")" }.joined(
      separator: "; ")
    var section = ReportSection(id: "satisfaction", title: text(ReportTexts.satisfaction))
    let table = ReportTable(
      caption: title,
      header: [
        text(ReportTexts.agency), text(ReportTexts.respondents), text(ReportTexts.ikm),
        text(ReportTexts.ciLow), text(ReportTexts.ciHigh), text(ReportTexts.grade),
      ],
      rows: rows.map { row in
        [
          survey.text(row, .agencyCode) ?? "", language.count(survey.integer(row, .respondents) ?? 0),
          language.number(survey.number(row, .ikm)), language.number(survey.number(row, .ikmCILow)),
          language.number(survey.number(row, .ikmCIHigh)),
          [survey.text(row, .grade), survey.text(row, .gradeLabel)].compactMap { $0 }.joined(
            separator: " "),
        ]
      })
    section.figures.append(
      ReportFigure(svg: chart.svg(title: title, description: description), caption: title, table: table))
    return section
  }
}
