/// Builds the report's sections from the run's output tables; a section whose output
/// the run did not produce is left out.
struct ReportSections {
  let tables: [String: OutputTable]
  let language: ReportLanguage

  init(tables: [OutputTable], language: ReportLanguage) {
    self.tables = Dictionary(tables.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    self.language = language
  }

  /// The run's output whose columns are `Column`, if it wrote one.
  func table<Column: OutputColumn>(_: Column.Type) -> TableColumns<Column>? {
    tables[Column.output].map(TableColumns.init)
  }

  private func text(_ label: ReportText) -> String { language.text(label) }

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
      // Rows about empty outputs (`empty_output`) are not inputs.
      for row in quality.rows where quality.text(row, .reason) != "empty_output" {
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

  /// Every section after the summary, in reading order.
  func sections() -> [ReportSection] {
    [
      trends(), trainingEffects(), eventStudy(), rankings(), satisfaction(), coverage(), costEffectiveness(),
      dataQuality(),
    ]
    .compactMap { $0 }
  }

  // MARK: Trends

  private func trends() -> ReportSection? {
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

  private func addTrendFigure(
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

  // MARK: Training effects

  private func trainingEffects() -> ReportSection? {
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

  private func addIntervals(
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

  // MARK: Event study

  private func eventStudy() -> ReportSection? {
    guard let summary = table(DiDSummaryColumn.self) else { return nil }
    let points: [EventStudyChart.Point] = summary.rows.compactMap { row in
      guard summary.text(row, .variant) == "all", summary.text(row, .aggregation) == "dynamic",
        let level = summary.text(row, .level), let time = Int(level), !summary.flag(row, .suppressed),
        let att = summary.number(row, .att)
      else { return nil }
      return EventStudyChart.Point(
        eventTime: time, estimate: att, low: summary.number(row, .ciLow),
        high: summary.number(row, .ciHigh))
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
      header: [text(ReportTexts.eventTime), "ATT", text(ReportTexts.ciLow), text(ReportTexts.ciHigh)],
      rows: points.map {
        [
          String($0.eventTime), language.number($0.estimate), language.number($0.low),
          language.number($0.high),
        ]
      })
    section.figures.append(
      ReportFigure(svg: chart.svg(title: title, description: description), caption: title, table: table))
    return section
  }

  // MARK: Rankings

  private func rankings() -> ReportSection? {
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

  // MARK: Satisfaction

  private func satisfaction() -> ReportSection? {
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

  // MARK: Coverage and cost-effectiveness

  private func coverage() -> ReportSection? {
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

  private func costEffectiveness() -> ReportSection? {
    guard let costs = table(CostEffectivenessColumn.self), !costs.rows.isEmpty else { return nil }
    var section = ReportSection(id: "cost-effectiveness", title: text(ReportTexts.costEffectiveness))
    section.tables.append(
      ReportTable(
        caption: text(ReportTexts.costEffectiveness),
        header: [
          text(ReportTexts.program) + " / " + text(ReportTexts.method), text(ReportTexts.participants),
          text(ReportTexts.costPerParticipant), text(ReportTexts.costPerJP), text(ReportTexts.didEffect),
          text(ReportTexts.ciLow), text(ReportTexts.ciHigh), text(ReportTexts.costPerPoint),
          text(ReportTexts.note),
        ],
        rows: costs.rows.map { row in
          [
            [costs.text(row, .value), costs.text(row, .name)].compactMap { $0 }.filter { !$0.isEmpty }
              .joined(separator: " · "),
            language.count(costs.integer(row, .participants) ?? 0),
            language.number(costs.number(row, .costPerParticipantIDR), decimals: 0),
            language.number(costs.number(row, .costPerJPIDR), decimals: 0),
            language.number(costs.number(row, .didEffect)),
            language.number(costs.number(row, .didCILow)),
            language.number(costs.number(row, .didCIHigh)),
            language.number(costs.number(row, .costPerPointIDR), decimals: 0),
            costs.text(row, .note) ?? "",
          ]
        }))
    return section
  }

  // MARK: Data quality

  private func dataQuality() -> ReportSection? {
    guard let quality = table(DataQualityColumn.self) else { return nil }
    var byReason: [String: Int] = [:]
    var rows: [[String]] = []
    for row in quality.rows {
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
    return section
  }
}
