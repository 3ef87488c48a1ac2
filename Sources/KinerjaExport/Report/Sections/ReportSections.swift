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

  func text(_ label: ReportText) -> String { language.text(label) }

  /// Every section after the summary, in reading order.
  func sections() -> [ReportSection] {
    [
      trends(), trainingEffects(), eventStudy(), rankings(), satisfaction(), coverage(), costEffectiveness(),
      dataQuality(),
    ]
    .compactMap { $0 }
  }
}
