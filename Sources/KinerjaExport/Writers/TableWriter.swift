/// Facts every JSON output carries beside its rows.
package struct OutputMetadata: Sendable {
  /// The version of the output schemas; raised when a column changes meaning or goes away.
  package static let schemaVersion = 1

  /// The tool's version.
  package var toolVersion: String
  /// The run's parameters (grain, min_group …), as name → value, written in key order.
  package var parameters: [String: Cell]
  /// Each input's path, size and SHA-256.
  package var inputs: [(kind: String, path: String, bytes: Int64, sha256: String)]

  package init(
    toolVersion: String, parameters: [String: Cell],
    inputs: [(kind: String, path: String, bytes: Int64, sha256: String)]
  ) {
    self.toolVersion = toolVersion
    self.parameters = parameters
    self.inputs = inputs
  }

  /// The metadata block as JSON, with `extra` keys and their JSON values at its end.
  func json(output: String, rows: Int, extra: [String: String] = [:]) -> String {
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
      "parameters": {\(parameterText)}, "inputs": [\(inputText)]\(extra.keys.sorted().map { ", \(CellFormatting.jsonString($0)): \(extra[$0]!)" }.joined())}
      """
  }
}

/// Writes an output table as `<name>.csv` and `<name>.json` into a directory.
package struct TableWriter: Sendable {
  /// The directory written into.
  package let directory: String
  /// What every JSON output carries beside its rows.
  package let metadata: OutputMetadata

  package init(directory: String, metadata: OutputMetadata) {
    self.directory = directory
    self.metadata = metadata
  }

  /// Writes `table` as CSV and JSON; returns the files written, named relative to `directory`.
  @discardableResult
  package func write(_ table: OutputTable) throws -> [RunManifest.Output] {
    let csv = try OutputFile(path: "\(directory)/\(table.name).csv")
    try csv.append { Self.appendCSVLine(table.columns.map { .text($0) }, to: &$0) }
    for row in table.rows { try csv.append { Self.appendCSVLine(row, to: &$0) } }
    let csvWritten = try csv.close(as: "\(table.name).csv")

    let json = try OutputFile(path: "\(directory)/\(table.name).json")
    try json.write(
      "{\n\"metadata\": \(metadata.json(output: table.name, rows: table.rows.count, extra: table.metadata)),\n\"rows\": [")
    let keys = Self.jsonKeys(table.columns)
    for (index, row) in table.rows.enumerated() {
      try json.append { out in
        if index > 0 { out.append(UInt8(ascii: ",")) }
        out.append(0x0A)
        Self.appendJSONObject(row, keys: keys, to: &out)
      }
    }
    try json.write(table.rows.isEmpty ? "]\n}\n" : "\n]\n}\n")
    return [csvWritten, try json.close(as: "\(table.name).json")]
  }

  /// One CSV line, line end included.
  static func csvLine(_ cells: [Cell]) -> String {
    var bytes: [UInt8] = []
    appendCSVLine(cells, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// One JSON object with `columns` as its keys, written as every output writes its rows.
  package static func jsonObject(_ cells: [Cell], columns: [String]) -> String {
    var bytes: [UInt8] = []
    appendJSONObject(cells, keys: jsonKeys(columns), to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  static func appendCSVLine(_ cells: [Cell], to out: inout [UInt8]) {
    appendCSVCells(cells, to: &out)
    out.append(0x0A)
  }

  /// `cells` as CSV fields separated by commas, without a line end.
  static func appendCSVCells(_ cells: [Cell], to out: inout [UInt8]) {
    for (index, cell) in cells.enumerated() {
      if index > 0 { out.append(UInt8(ascii: ",")) }
      CellFormatting.appendCSV(cell, to: &out)
    }
  }

  /// Each column's `"name": ` as bytes, made once per table.
  static func jsonKeys(_ columns: [String]) -> [[UInt8]] {
    columns.map { Array((CellFormatting.jsonString($0) + ": ").utf8) }
  }

  static func appendJSONObject(_ cells: [Cell], keys: [[UInt8]], to out: inout [UInt8]) {
    out.append(UInt8(ascii: "{"))
    appendJSONMembers(cells, keys: keys, to: &out)
    out.append(UInt8(ascii: "}"))
  }

  /// `"key": value` pairs for the first `cells.count` keys, separated by `, `.
  static func appendJSONMembers(_ cells: [Cell], keys: [[UInt8]], to out: inout [UInt8]) {
    for (index, (key, cell)) in zip(keys, cells).enumerated() {
      if index > 0 { out.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: " ")]) }
      out.append(contentsOf: key)
      CellFormatting.appendJSON(cell, to: &out)
    }
  }
}
