/// What the report's template shows: sections of figures and tables, as text.
struct ReportContent {
  var language: String
  var title: String
  var summary: ReportSection
  var sections: [ReportSection]
  var footer: String
}

/// One section of the report: an `<h2>`, its figures and its tables.
struct ReportSection {
  var id: String
  var title: String
  var facts: [ReportFact] = []
  var figures: [ReportFigure] = []
  var tables: [ReportTable] = []
  var note: String?
}

/// A labelled value in the run summary.
struct ReportFact {
  var label: String
  var value: String
}

/// A chart (inline SVG) with its caption and the table of the numbers it plots.
struct ReportFigure {
  var svg: String
  var caption: String
  var table: ReportTable
}

/// The numbers a figure plots, or a whole small output.
struct ReportTable {
  struct Row {
    var cells: [String]
  }

  var caption: String
  var header: [String]
  var rows: [Row]

  init(caption: String, header: [String], rows: [[String]]) {
    self.caption = caption
    self.header = header
    self.rows = rows.map { Row(cells: $0) }
  }
}
