/// Facts every JSON output carries beside its rows.
public struct OutputMetadata: Sendable {
  /// The version of the output schemas; raised when a column changes meaning or goes away.
  public static let schemaVersion = 1

  /// The tool's version.
  public var toolVersion: String
  /// The run's parameters (grain, min_group …), as name → value, written in key order.
  public var parameters: [String: Cell]
  /// Each input's path, size and SHA-256.
  public var inputs: [(kind: String, path: String, bytes: Int64, sha256: String)]

  public init(
    toolVersion: String, parameters: [String: Cell],
    inputs: [(kind: String, path: String, bytes: Int64, sha256: String)]
  ) {
    self.toolVersion = toolVersion
    self.parameters = parameters
    self.inputs = inputs
  }

  /// The metadata block as JSON.
  func json(output: String, rows: Int) -> String {
    let parameterText = parameters.keys.sorted().map {
      "\(CellFormatting.jsonString($0)): \(CellFormatting.json(parameters[$0]!))"
    }.joined(separator: ", ")
    let inputText = inputs.map {
      "{\"input\": \(CellFormatting.jsonString($0.kind)), \"path\": \(CellFormatting.jsonString($0.path)), "
        + "\"bytes\": \($0.bytes), \"sha256\": \(CellFormatting.jsonString($0.sha256))}"
    }.joined(separator: ", ")
    return """
      {"schema_version": \(Self.schemaVersion), "output": \(CellFormatting.jsonString(output)), \
      "tool_version": \(CellFormatting.jsonString(toolVersion)), "rows": \(rows), \
      "parameters": {\(parameterText)}, "inputs": [\(inputText)]}
      """
  }
}

/// Writes an output table as `<name>.csv` and `<name>.json` into a directory.
public struct TableWriter: Sendable {
  /// The directory written into.
  public let directory: String
  /// What every JSON output carries beside its rows.
  public let metadata: OutputMetadata

  public init(directory: String, metadata: OutputMetadata) {
    self.directory = directory
    self.metadata = metadata
  }

  /// Writes `table` as CSV and JSON; returns the paths written, relative to `directory`.
  @discardableResult
  public func write(_ table: OutputTable) throws -> [String] {
    let csv = try OutputFile(path: "\(directory)/\(table.name).csv")
    try csv.write(Self.csvLine(table.columns.map { .text($0) }))
    for row in table.rows { try csv.write(Self.csvLine(row)) }
    try csv.close()

    let json = try OutputFile(path: "\(directory)/\(table.name).json")
    try json.write(
      "{\n\"metadata\": \(metadata.json(output: table.name, rows: table.rows.count)),\n\"rows\": [")
    for (index, row) in table.rows.enumerated() {
      try json.write((index == 0 ? "\n" : ",\n") + Self.jsonObject(row, columns: table.columns))
    }
    try json.write(table.rows.isEmpty ? "]\n}\n" : "\n]\n}\n")
    try json.close()
    return ["\(table.name).csv", "\(table.name).json"]
  }

  static func csvLine(_ cells: [Cell]) -> String {
    cells.map(CellFormatting.csv).joined(separator: ",") + "\n"
  }

  static func jsonObject(_ cells: [Cell], columns: [String]) -> String {
    "{"
      + zip(columns, cells).map { "\(CellFormatting.jsonString($0)): \(CellFormatting.json($1))" }
      .joined(separator: ", ") + "}"
  }
}
