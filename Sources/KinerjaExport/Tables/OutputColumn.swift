/// The columns of one output, in order.
///
/// A table's rows are made by asking for each column's cell (an exhaustive `switch`), and
/// the report reads cells by these cases too: a column renamed or removed breaks the build,
/// not the report.
package protocol OutputColumn: RawRepresentable, CaseIterable, Hashable, Sendable
where RawValue == String, AllCases == [Self] {
  /// The output's name (`trends`).
  static var output: String { get }
}

extension OutputColumn {
  /// Every column's name, in order.
  package static var names: [String] { allCases.map(\.rawValue) }
}

extension OutputTable {
  /// The output whose columns are `Column`, with one row per element of `rows`.
  init<Column: OutputColumn, Row>(_: Column.Type, rows: [Row], cell: (Row, Column) -> Cell) {
    self.init(
      name: Column.output, columns: Column.names,
      rows: rows.map { row in Column.allCases.map { cell(row, $0) } })
  }
}
