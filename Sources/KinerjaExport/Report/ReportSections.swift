/// Builds the report's sections from the run's output tables; a section whose output
/// the run did not produce is left out.
struct ReportSections {
  let tables: [String: TableColumns]
  let language: ReportLanguage

  init(tables: [OutputTable], language: ReportLanguage) {
    self.tables = Dictionary(
      tables.map { ($0.name, TableColumns($0)) }, uniquingKeysWith: { first, _ in first })
    self.language = language
  }

  private func text(_ label: ReportText) -> String { language.text(label) }

  /// The summary: when, which pipeline, which periods, and each input's rows.
  func summary(runDate: String, pipeline: String) -> ReportSection {
    var section = ReportSection(id: "summary", title: text(ReportTexts.runSummary))
    section.facts = [
      ReportFact(label: text(ReportTexts.runDate), value: runDate),
      ReportFact(label: text(ReportTexts.pipeline), value: pipeline),
    ]
    if let trends = tables["trends"] {
      let periods = Set(trends.rows.compactMap { trends.text($0, "period") }).sorted()
      if let first = periods.first, let last = periods.last {
        section.facts.append(
          ReportFact(label: text(ReportTexts.periods), value: "\(first) – \(last) (\(periods.count))"))
      }
    }
    if let quality = tables["data_quality"] {
      var seen = Set<String>()
      var rows: [[String]] = []
      // Rows about empty outputs (`empty_output`) are not inputs.
      for row in quality.rows where quality.text(row, "reason") != "empty_output" {
        let input = quality.text(row, "input") ?? ""
        guard seen.insert(input).inserted else { continue }
        rows.append([
          input, quality.text(row, "file") ?? "", language.count(quality.integer(row, "rows_read") ?? 0),
          language.count(quality.integer(row, "rows_accepted") ?? 0),
          language.count(quality.integer(row, "rows_rejected") ?? 0),
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
    guard let trends = tables["trends"] else { return nil }
    let periods = Set(trends.rows.compactMap { trends.text($0, "period") }).sorted()
    guard !periods.isEmpty else { return nil }
    let index = Dictionary(uniqueKeysWithValues: periods.enumerated().map { ($1, $0) })
    // Each group's row numbers, in period order, for the levels shown.
    var groups: [String: [String: [Int]]] = ["region": [:], "agency": [:]]
    var names: [String: String] = [:]
    for row in trends.rows {
      guard let level = trends.text(row, "level"), groups[level] != nil, let group = trends.text(row, "group")
      else { continue }
      groups[level]![group, default: []].append(row)
      if level == "agency" { names[group] = trends.text(row, "group_name") }
    }
    func panel(_ group: String, level: String, title: String) -> SmallMultiples.Panel {
      var panel = SmallMultiples.Panel(
        title: title, means: Array(repeating: nil, count: periods.count),
        bandLow: Array(repeating: nil, count: periods.count),
        bandHigh: Array(repeating: nil, count: periods.count))
      for row in groups[level]![group] ?? [] {
        guard let period = trends.text(row, "period"), let at = index[period] else { continue }
        panel.means[at] = trends.number(row, "mean")
        panel.bandLow[at] = trends.number(row, "p10")
        panel.bandHigh[at] = trends.number(row, "p90")
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
    guard let effects = tables["training_effects"] else { return nil }
    var section = ReportSection(
      id: "training-effects", title: text(ReportTexts.trainingEffects), note: text(ReportTexts.effectsNote))
    for (dimension, title, limit) in [
      ("method", ReportTexts.effectsByMethod, 40), ("program", ReportTexts.effectsByProgram, 25),
    ] {
      let rows = effects.rows.filter {
        effects.text($0, "by") == dimension && !effects.flag($0, "suppressed")
          && effects.number($0, "mean_change") != nil
      }
      .sorted {
        (effects.integer($0, "participants") ?? 0, effects.text($1, "value") ?? "") > (
          effects.integer($1, "participants") ?? 0, effects.text($0, "value") ?? ""
        )
      }
      .prefix(limit)
      guard !rows.isEmpty else { continue }
      let chartRows = rows.map { row in
        IntervalChart.Row(
          label: effects.text(row, "value") ?? "", estimate: effects.number(row, "mean_change")!,
          low: effects.number(row, "ci_low"), high: effects.number(row, "ci_high"))
      }
      addIntervals(
        &section, rows: chartRows, participants: rows.map { effects.integer($0, "participants") ?? 0 },
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
    guard let summary = tables["did_summary"] else { return nil }
    let points: [EventStudyChart.Point] = summary.rows.compactMap { row in
      guard summary.text(row, "variant") == "all", summary.text(row, "aggregation") == "dynamic",
        let level = summary.text(row, "level"), let time = Int(level), !summary.flag(row, "suppressed"),
        let att = summary.number(row, "att")
      else { return nil }
      return EventStudyChart.Point(
        eventTime: time, estimate: att, low: summary.number(row, "ci_low"),
        high: summary.number(row, "ci_high"))
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
    guard let rankings = tables["agency_rankings"] else { return nil }
    guard let year = rankings.rows.compactMap({ rankings.integer($0, "year") }).max() else { return nil }
    let ranked = rankings.rows.filter {
      rankings.integer($0, "year") == year && rankings.integer($0, "rank") != nil
    }
    .sorted {
      (rankings.integer($0, "rank")!, rankings.text($0, "agency_code") ?? "") < (
        rankings.integer($1, "rank")!, rankings.text($1, "agency_code") ?? ""
      )
    }
    guard !ranked.isEmpty else { return nil }
    let shown = ranked.prefix(30)
    func change(_ row: Int) -> String {
      guard let change = rankings.integer(row, "rank_change") else { return "" }
      return change > 0 ? "▲\(change)" : change < 0 ? "▼\(-change)" : "="
    }
    let rows = shown.compactMap { row -> IntervalChart.Row? in
      guard let mean = rankings.number(row, "shrunken_mean") else { return nil }
      let label =
        "\(rankings.integer(row, "rank")!). \(rankings.text(row, "agency_code") ?? "") \(change(row))"
      return IntervalChart.Row(
        label: label, estimate: mean, low: rankings.number(row, "shrunken_ci_low"),
        high: rankings.number(row, "shrunken_ci_high"))
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
          String(rankings.integer(row, "rank")!), change(row),
          [rankings.text(row, "agency_code"), rankings.text(row, "agency_name")].compactMap { $0 }.filter {
            !$0.isEmpty
          }.joined(separator: " · "),
          language.count(rankings.integer(row, "employees") ?? 0),
          language.number(rankings.number(row, "shrunken_mean")),
          language.number(rankings.number(row, "shrunken_ci_low")),
          language.number(rankings.number(row, "shrunken_ci_high")),
          language.number(rankings.number(row, "composite")),
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
    guard let survey = tables["service_satisfaction"] else { return nil }
    let agencyRows = survey.rows.filter { survey.text($0, "level") == "agency" }
    guard let period = agencyRows.compactMap({ survey.text($0, "period") }).max() else { return nil }
    let rows = agencyRows.filter {
      survey.text($0, "period") == period && !survey.flag($0, "suppressed") && survey.number($0, "ikm") != nil
    }
    .sorted {
      (survey.number($0, "ikm")!, survey.text($1, "agency_code") ?? "") > (
        survey.number($1, "ikm")!, survey.text($0, "agency_code") ?? ""
      )
    }
    guard !rows.isEmpty else { return nil }
    let title = "\(text(ReportTexts.satisfactionChart)) — \(period)"
    let bars = rows.prefix(40).map { row in
      BarChart.Bar(
        label: survey.text(row, "agency_code") ?? "", value: survey.number(row, "ikm")!,
        note: survey.text(row, "grade"))
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
          survey.text(row, "agency_code") ?? "", language.count(survey.integer(row, "respondents") ?? 0),
          language.number(survey.number(row, "ikm")), language.number(survey.number(row, "ikm_ci_low")),
          language.number(survey.number(row, "ikm_ci_high")),
          [survey.text(row, "grade"), survey.text(row, "grade_label")].compactMap { $0 }.joined(
            separator: " "),
        ]
      })
    section.figures.append(
      ReportFigure(svg: chart.svg(title: title, description: description), caption: title, table: table))
    return section
  }

  // MARK: Coverage and cost-effectiveness

  private func coverage() -> ReportSection? {
    guard let coverage = tables["training_coverage"],
      let year = coverage.rows.compactMap({ coverage.integer($0, "year") }).max()
    else { return nil }
    let rows = coverage.rows.filter { coverage.integer($0, "year") == year }
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
            coverage.text(row, "agency_code") ?? "", language.count(coverage.integer(row, "employees") ?? 0),
            language.count(coverage.integer(row, "trained_employees") ?? 0),
            language.number(coverage.number(row, "total_jp"), decimals: 0),
            coverage.flag(row, "suppressed")
              ? "—" : language.percent(coverage.number(row, "share_with_20_jp")),
            language.number(coverage.number(row, "spend_per_employee_idr"), decimals: 0),
          ]
        }))
    return section
  }

  private func costEffectiveness() -> ReportSection? {
    guard let costs = tables["cost_effectiveness"], !costs.rows.isEmpty else { return nil }
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
            [costs.text(row, "value"), costs.text(row, "name")].compactMap { $0 }.filter { !$0.isEmpty }
              .joined(separator: " · "),
            language.count(costs.integer(row, "participants") ?? 0),
            language.number(costs.number(row, "cost_per_participant_idr"), decimals: 0),
            language.number(costs.number(row, "cost_per_jp_idr"), decimals: 0),
            language.number(costs.number(row, "did_effect")),
            language.number(costs.number(row, "did_ci_low")),
            language.number(costs.number(row, "did_ci_high")),
            language.number(costs.number(row, "cost_per_point_idr"), decimals: 0),
            costs.text(row, "note") ?? "",
          ]
        }))
    return section
  }

  // MARK: Data quality

  private func dataQuality() -> ReportSection? {
    guard let quality = tables["data_quality"] else { return nil }
    var byReason: [String: Int] = [:]
    var rows: [[String]] = []
    for row in quality.rows {
      guard let reason = quality.text(row, "reason"), !reason.isEmpty,
        let count = quality.integer(row, "rejected")
      else { continue }
      byReason[reason, default: 0] += count
      rows.append([quality.text(row, "input") ?? "", reason, language.count(count)])
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
