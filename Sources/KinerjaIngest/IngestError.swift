/// Why an input could not be read at all (as opposed to a row being rejected).
///
/// Each case carries the file and, where it applies, the line and column, so the one
/// `description` below can tell a user exactly where to look.
public enum IngestError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file could not be opened.
  case cannotOpen(path: String, reason: String)
  /// Reading the file failed part-way.
  case readFailed(path: String, reason: String)
  /// The file's size or modification time changed while it was being read.
  case changedWhileReading(path: String)
  /// The file has no bytes at all, not even a header.
  case emptyFile(path: String, bytes: Int64)
  /// The file is not text: a workbook, an archive or other binary data exported by mistake.
  case notCSV(path: String, format: String)
  /// The file has a header line but no data rows.
  case headerOnly(path: String, header: [String])
  /// A column the contract requires is not in the header.
  case missingColumn(path: String, input: String, column: String, accepted: [String], header: [String])
  /// Two header columns map to the same canonical column.
  case duplicateColumn(path: String, column: String, headers: [String], positions: [Int])
  /// The header line itself is unreadable (bad quoting or encoding).
  case unreadableHeader(path: String, line: Int, reason: String)
  /// A `columns:` mapping names a canonical column the input does not have.
  case unknownCanonicalColumn(path: String, input: String, column: String, known: [String])

  /// Whether the problem lies in the data (exit 1) rather than in reading the file (exit 3).
  package var isDataProblem: Bool {
    switch self {
    case .cannotOpen, .readFailed, .changedWhileReading: false
    default: true
    }
  }

  public var description: String {
    switch self {
    case .cannotOpen(let path, let reason):
      return "\(path): cannot open: \(reason)"
    case .readFailed(let path, let reason):
      return "\(path): read failed: \(reason)"
    case .changedWhileReading(let path):
      return """
        \(path): the file changed while it was being read (its size or modification time); \
        nothing was written: run again once the export is complete
        """
    case .notCSV(let path, let format):
      return "\(path): not a CSV file: it is \(format)"
    case .emptyFile(let path, let bytes):
      if bytes == 0 { return "\(path): the file is empty (0 bytes); expected a header line and data rows" }
      return """
        \(path): the file has no header line: its \(bytes) bytes are only a byte order mark, blank \
        lines or spaces; expected a header line and data rows
        """
    case .headerOnly(let path, let header):
      guard Self.looksLikeHeader(header) else {
        return "\(path): line 1 is the only line and \(Self.notAHeader(header))"
      }
      return "\(path): line 1: the file has a header (\(header.joined(separator: ", "))) but no data rows"
    case .missingColumn(let path, let input, let column, let accepted, let header):
      return """
        \(path): line 1: missing required column '\(column)' for input '\(input)' \
        (accepted names: \(accepted.joined(separator: ", "))); \
        \(!header.isEmpty && Self.looksLikeHeader(header) ? "header found: \(header.joined(separator: ", "))" : Self.notAHeader(header))
        """
    case .duplicateColumn(let path, let column, let headers, let positions):
      guard Self.looksLikeHeader(headers) else {
        return "\(path): line 1: columns \(positions.map(String.init).joined(separator: " and ")) both map to '\(column)'"
      }
      let places = zip(headers, positions).map { "'\($0)' (column \($1))" }.joined(separator: " and ")
      return "\(path): line 1: \(places) both map to '\(column)'; rename one or map it in the pipeline file"
    case .unreadableHeader(let path, let line, let reason):
      return "\(path): line \(line): header cannot be read: \(reason)"
    case .unknownCanonicalColumn(let path, let input, let column, let known):
      return """
        \(path): the pipeline maps a column to '\(column)', which input '\(input)' does not have \
        (its columns: \(known.joined(separator: ", ")))
        """
    }
  }

  /// Whether `cells` read like column names. A first line holding a number, a date or a
  /// long run of digits (a NIP) is a data row — the header is missing — and is never
  /// quoted: it may hold a name or a citizen's comment.
  static func looksLikeHeader(_ cells: [String]) -> Bool {
    !cells.contains { cell in
      let bytes = Array(cell.utf8)
      let digits = bytes.filter { (0x30...0x39).contains($0) }.count
      return digits >= 5 || bytes.count > 60
        || bytes.withUnsafeBytes { raw in
          let field = Field(raw)
          return !field.isMissing && (field.decimal(mark: UInt8(ascii: ".")) != nil || field.date() != nil)
        }
    }
  }

  static func notAHeader(_ cells: [String]) -> String {
    cells.isEmpty
      ? "line 1 has no column name Kinerja knows, and is not quoted: is the header line missing?"
      : "it does not look like a header (its \(cells.count) fields hold numbers or dates): is the header line missing?"
  }
}
