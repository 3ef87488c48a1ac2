/// An output table read by column name, for the report.
struct TableColumns {
  let table: OutputTable
  private let positions: [String: Int]

  init(_ table: OutputTable) {
    self.table = table
    positions = Dictionary(uniqueKeysWithValues: table.columns.enumerated().map { ($1, $0) })
  }

  var rows: Range<Int> { table.rows.indices }

  func cell(_ row: Int, _ column: String) -> Cell {
    guard let position = positions[column] else { return .null }
    return table.rows[row][position]
  }

  func text(_ row: Int, _ column: String) -> String? {
    switch cell(row, column) {
    case .text(let text): text
    case .integer(let value): String(value)
    default: nil
    }
  }

  func number(_ row: Int, _ column: String) -> Double? {
    switch cell(row, column) {
    case .number(let value?) where value.isFinite: value
    case .integer(let value): Double(value)
    default: nil
    }
  }

  func integer(_ row: Int, _ column: String) -> Int? {
    if case .integer(let value) = cell(row, column) { return value }
    return nil
  }

  func flag(_ row: Int, _ column: String) -> Bool {
    if case .bool(let value) = cell(row, column) { return value }
    return false
  }
}
