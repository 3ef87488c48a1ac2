/// An output table read by its typed columns, for the report.
struct TableColumns<Column: OutputColumn> {
  let table: OutputTable
  private let positions: [Column: Int]

  /// Reads `table`, which must be the output `Column` describes.
  init(_ table: OutputTable) {
    precondition(table.name == Column.output && table.columns == Column.names, "\(table.name) is not \(Column.output)")
    self.table = table
    positions = Dictionary(uniqueKeysWithValues: Column.allCases.enumerated().map { ($1, $0) })
  }

  var rows: Range<Int> { table.rows.indices }

  func cell(_ row: Int, _ column: Column) -> Cell {
    table.rows[row][positions[column]!]
  }

  func text(_ row: Int, _ column: Column) -> String? {
    switch cell(row, column) {
    case .text(let text): text
    case .integer(let value): String(value)
    default: nil
    }
  }

  func number(_ row: Int, _ column: Column) -> Double? {
    switch cell(row, column) {
    case .number(let value?) where value.isFinite: value
    case .integer(let value): Double(value)
    default: nil
    }
  }

  func integer(_ row: Int, _ column: Column) -> Int? {
    if case .integer(let value) = cell(row, column) { return value }
    return nil
  }

  func flag(_ row: Int, _ column: Column) -> Bool {
    if case .bool(let value) = cell(row, column) { return value }
    return false
  }
}
