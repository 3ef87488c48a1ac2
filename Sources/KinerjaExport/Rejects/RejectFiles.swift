public import KinerjaClean
public import KinerjaIngest

/// Writes rejected rows to `rejects/<input>.csv` and `rejects/<input>.json`.
///
/// Each row carries the file, the line where the record starts, the reason, the column
/// at fault and the raw values of the row's mapped columns, minus personal columns
/// (names, comments). Columns the contract does not know are left out too, since they
/// may hold anything. A malformed row cannot be split into trustworthy columns, so only
/// its place and reason are written; the row itself stays in the input file.
public struct RejectFiles: RejectRecorder {
  private final class Sink {
    let csv: OutputFile
    let jsonRows: OutputFile
    let columns: [(canonical: String, position: Int)]
    let displayPath: String
    let fieldCount: Int
    /// Each column's `"name": ` for the JSON rows, made once.
    let jsonKeys: [[UInt8]]
    var rows = 0

    init(directory: String, input: InputReader, displayPath: String) throws {
      let name = input.kind.rawValue
      csv = try OutputFile(path: "\(directory)/\(name).csv")
      jsonRows = try OutputFile(path: "\(directory)/.\(name).rows")
      columns = input.mapping.reportablePositions
      fieldCount = input.mapping.header.count
      jsonKeys = TableWriter.jsonKeys(RejectFiles.fixedColumns + columns.map(\.canonical))
      self.displayPath = displayPath
      try csv.write(
        TableWriter.csvLine((RejectFiles.fixedColumns + columns.map(\.canonical)).map { .text($0) }))
    }
  }

  /// Columns every rejects file starts with.
  public static let fixedColumns = ["file", "line", "reason", "column", "detail"]

  /// The `rejects` directory written into.
  public let directory: String
  private let displayPaths: [InputKind: String]
  private var sinks: [InputKind: Sink] = [:]

  /// Creates the writer; `displayPaths` are the input paths as the pipeline file names them.
  public init(directory: String, displayPaths: [InputKind: String]) throws {
    self.directory = directory
    self.displayPaths = displayPaths
    try OutputDirectory.makeDirectory(directory)
  }

  /// Opens the rejects file of `input` so it exists even when nothing is rejected.
  public mutating func open(_ input: InputReader) throws {
    if sinks[input.kind] == nil {
      sinks[input.kind] = try Sink(
        directory: directory, input: input, displayPath: displayPaths[input.kind] ?? input.path)
    }
  }

  public mutating func reject(_ record: CSVRecord, of input: InputReader, because rejection: Rejection) throws
  {
    try open(input)
    let sink = sinks[input.kind]!
    let trustworthy = record.malformation == nil && record.count == sink.fieldCount
    var cells: [Cell] = [
      .text(sink.displayPath), .integer(record.line), .text(rejection.reason.rawValue),
      rejection.column.map(Cell.text) ?? .null, rejection.detail.map(Cell.text) ?? .null,
    ]
    for column in sink.columns {
      cells.append(trustworthy ? .text(String(decoding: record[column.position], as: UTF8.self)) : .null)
    }
    try sink.csv.append { TableWriter.appendCSVLine(cells, to: &$0) }
    let first = sink.rows == 0
    try sink.jsonRows.append { out in
      if !first { out.append(UInt8(ascii: ",")) }
      out.append(0x0A)
      TableWriter.appendJSONObject(cells, keys: sink.jsonKeys, to: &out)
    }
    sink.rows += 1
  }

  /// Closes every file and writes each input's JSON from its rows; returns the paths
  /// written, relative to the directory above `rejects`.
  public mutating func finish(metadata: OutputMetadata) throws -> [String] {
    var written: [String] = []
    for kind in InputKind.readingOrder {
      guard let sink = sinks[kind] else { continue }
      try sink.csv.close()
      try sink.jsonRows.close()
      let name = kind.rawValue
      let json = try OutputFile(path: "\(directory)/\(name).json")
      try json.write(
        "{\n\"metadata\": \(metadata.json(output: "rejects/\(name)", rows: sink.rows)),\n\"rows\": [")
      try OutputDirectory.copyContents(of: "\(directory)/.\(name).rows", to: json)
      try json.write(sink.rows == 0 ? "]\n}\n" : "\n]\n}\n")
      try json.close()
      try OutputDirectory.remove("\(directory)/.\(name).rows")
      written += ["rejects/\(name).csv", "rejects/\(name).json"]
    }
    sinks = [:]
    return written
  }
}
