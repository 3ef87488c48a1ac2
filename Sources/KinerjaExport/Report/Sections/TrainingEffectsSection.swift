extension ReportSections {
  /// The training-effects section: pre/post changes by method and by programme, from
  /// `training_effects`.
  func trainingEffects() -> ReportSection? {
    guard let effects = table(TrainingEffectsColumn.self) else { return nil }
    var section = ReportSection(
      id: "training-effects", title: text(ReportTexts.trainingEffects), note: text(ReportTexts.effectsNote))
    for (dimension, title, limit) in [
      ("method", ReportTexts.effectsByMethod, 40), ("program", ReportTexts.effectsByProgram, 25),
    ] {
      let rows = effects.rows.filter {
        effects.text($0, .by) == dimension && !effects.flag($0, .suppressed)
          && effects.number($0, .meanChange) != nil
      }
      .sorted {
        (effects.integer($0, .participants) ?? 0, effects.text($1, .value) ?? "") > (
          effects.integer($1, .participants) ?? 0, effects.text($0, .value) ?? ""
        )
      }
      .prefix(limit)
      guard !rows.isEmpty else { continue }
      let chartRows = rows.map { row in
        IntervalChart.Row(
          label: effects.text(row, .value) ?? "", estimate: effects.number(row, .meanChange)!,
          low: effects.number(row, .ciLow), high: effects.number(row, .ciHigh))
      }
      addIntervals(
        &section, rows: chartRows, participants: rows.map { effects.integer($0, .participants) ?? 0 },
        title: text(title),
        labelHeader: text(dimension == "method" ? ReportTexts.method : ReportTexts.program))
    }
    return section.figures.isEmpty ? nil : section
  }

  func addIntervals(
    _ section: inout ReportSection, rows: [IntervalChart.Row], participants: [Int], title: String,
    labelHeader: String
  ) {
    let chart = IntervalChart(
      rows: rows, reference: 0, axisTitle: text(ReportTexts.change), language: language)
    let description = rows.map {
      "\($0.label): \(language.number($0.estimate)) [\(language.number($0.low)); \(language.number($0.high))]"
    }
    .joined(separator: "; ")
    let table = ReportTable(
      caption: title,
      header: [
        labelHeader, text(ReportTexts.participants), text(ReportTexts.estimate), text(ReportTexts.ciLow),
        text(ReportTexts.ciHigh),
      ],
      rows: zip(rows, participants).map { row, count in
        [
          row.label, language.count(count), language.number(row.estimate), language.number(row.low),
          language.number(row.high),
        ]
      })
    section.figures.append(
      ReportFigure(svg: chart.svg(title: title, description: description), caption: title, table: table))
  }
}
