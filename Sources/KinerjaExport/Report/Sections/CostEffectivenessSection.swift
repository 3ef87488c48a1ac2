extension ReportSections {
  /// The budget section: each programme and method with its cost per participant and per JP,
  /// its DiD effect and cost per point, from `cost_effectiveness`.
  func costEffectiveness() -> ReportSection? {
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
}
