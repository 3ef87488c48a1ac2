public import ArgumentParser
import Foundation
import KinerjaIngest
import KinerjaPipeline

/// `kinerja inspect`: what Kinerja sees in one export.
struct InspectCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "inspect",
    abstract: "Show an export's detected dialect, column mapping, row count and first rows.",
    discussion:
      "Personal columns (names, comments) are shown as '(personal)', columns that map to nothing as '(unmapped)'.")

  @Argument(help: "The CSV export.")
  var file: String

  @Option(
    name: .customLong("as"),
    help:
      "Which input it is: \(InputKind.allCases.map(\.rawValue).joined(separator: ", ")). Default: the best match."
  )
  var kind: InputKind?

  @Option(help: "Delimiter override: , ; tab |")
  var delimiter: String?

  @Option(help: "Number of data rows to show.")
  var rows = 5

  @Option(help: "Threads reading the file's chunks (default: the machine's cores).")
  var threads: Int?

  func validate() throws {
    if let delimiter, Self.delimiterByte(delimiter) == nil {
      throw ValidationError("--delimiter must be one of , ; tab |")
    }
    if rows < 0 { throw ValidationError("--rows must not be negative") }
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
  }

  func run() throws {
    let options = InputOptions(dialect: DialectOverrides(delimiter: delimiter.flatMap(Self.delimiterByte)))
    let reader =
      try kind.map { try InputReader(kind: $0, path: file, options: options) } ?? bestMatch(options)
    let dialect = reader.dialect
    print("file:       \(file) (\(reader.size) bytes)")
    print("input:      \(reader.kind.rawValue)")
    print("delimiter:  \(Dialect.name(of: dialect.delimiter))")
    print("decimal:    '\(String(UnicodeScalar(dialect.decimalMark)))'")
    print(
      "encoding:   UTF-8\(dialect.hasByteOrderMark ? " with byte order mark" : ""), \(dialect.usesCRLF ? "CRLF" : "LF") line ends"
    )
    print("columns:")
    let schema = reader.mapping.schema
    for (position, name) in reader.mapping.header.enumerated() {
      let canonical = reader.mapping.positions.first { $0.value == position }?.key
      print("  \(position + 1). \(name) → \(canonical ?? "(unknown, ignored)")")
    }
    // Personal columns, and columns the contract does not know (they may hold anything).
    let fieldCount = reader.mapping.header.count
    var hidden: [Int: String] = [:]
    for position in reader.mapping.header.indices where !reader.mapping.positions.values.contains(position) {
      hidden[position] = "(unmapped)"
    }
    for (name, position) in reader.mapping.positions where schema.column(named: name)?.isPersonal == true {
      hidden[position] = "(personal)"
    }
    var count = 0
    var malformed = 0
    var shown: [String] = []
    try reader.foldRows(
      threads: threads ?? ProcessInfo.processInfo.activeProcessorCount, hashes: false,
      parse: { [rows, hidden, fieldCount] chunkRows in
        var chunk = InspectedRows()
        try chunkRows.forEachRow { record in
          chunk.count += 1
          if record.malformation != nil { chunk.malformed += 1 }
          guard chunk.shown.count < rows else { return }
          chunk.shown.append((record.line, Self.describe(record, fieldCount: fieldCount, hiding: hidden)))
        }
        return chunk
      },
      merge: { chunk, place in
        count += chunk.count
        malformed += chunk.malformed
        for (line, text) in chunk.shown.prefix(rows - shown.count) {
          shown.append("  line \(line + place.lineShift): \(text)")
        }
      })
    print("rows:       \(count)\(malformed > 0 ? " (\(malformed) malformed)" : "")")
    print("first rows:")
    shown.forEach { print($0) }
  }

  /// A row's fields as one line, personal and unmapped columns hidden.
  private static func describe(_ record: CSVRecord, fieldCount: Int, hiding hidden: [Int: String]) -> String {
    guard record.malformation == nil else { return "(malformed row)" }
    // Fields out of place (a delimiter inside a name) would show a name under another column.
    guard record.count == fieldCount else { return "(\(record.count) fields, expected \(fieldCount))" }
    return (0..<record.count).map {
      hidden[$0] ?? String(decoding: record[$0], as: UTF8.self)
    }.joined(separator: " | ")
  }

  /// The input kind whose header matches best (the most columns mapped without error).
  private func bestMatch(_ options: InputOptions) throws -> InputReader {
    var best: InputReader?
    var firstError: (any Error)?
    for kind in InputKind.allCases {
      do {
        let reader = try InputReader(kind: kind, path: file, options: options)
        if reader.mapping.positions.count > best?.mapping.positions.count ?? -1 { best = reader }
      } catch let error as IngestError where error.isDataProblem {
        if case .missingColumn = error {
          firstError = firstError ?? error
          continue
        }
        throw error
      }
    }
    guard let best else {
      // Every input misses a required column: a data problem, exit 1.
      StandardError.write(
        "kinerja: error: \(file): the header matches none of the inputs; use --as to see what is missing"
          + (firstError.map { " (for example: \($0))" } ?? "") + "\n")
      throw ExitCode(1)
    }
    return best
  }

  private static func delimiterByte(_ text: String) -> UInt8? {
    switch text.lowercased() {
    case ",": UInt8(ascii: ",")
    case ";": UInt8(ascii: ";")
    case "|": UInt8(ascii: "|")
    case "tab", "\t", "\\t": 0x09
    default: nil
    }
  }
}

extension InputKind: ExpressibleByArgument {}

/// What one chunk of an inspected file holds: its row counts and first rows.
private struct InspectedRows: Sendable {
  var count = 0
  var malformed = 0
  var shown: [(line: Int, text: String)] = []
}
