import Foundation

/// The records of an export as RFC 4180 defines them, read independently of Kinerja's
/// ingest: a byte order mark dropped, quoted fields with delimiters, `""` and line
/// breaks, LF or CRLF line ends. Tests use it to know what an input holds.
struct ExportRecords {
  struct Record {
    /// The line the record starts on (the header is line 1).
    var line: Int
    var fields: [String]
  }

  /// Every record, the header first.
  var records: [Record]

  init(_ bytes: [UInt8], delimiter: UInt8) {
    var bytes = bytes[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    var records: [Record] = []
    var fields: [String] = []
    var field: [UInt8] = []
    var line = 1
    var recordLine = 1
    var inQuotes = false
    var index = bytes.startIndex
    func endField() {
      fields.append(String(decoding: field, as: UTF8.self))
      field = []
    }
    func endRecord() {
      endField()
      records.append(Record(line: recordLine, fields: fields))
      fields = []
    }
    while index < bytes.endIndex {
      let byte = bytes[index]
      let next = bytes.index(after: index) < bytes.endIndex ? bytes[bytes.index(after: index)] : nil
      if inQuotes {
        if byte == UInt8(ascii: "\"") {
          if next == UInt8(ascii: "\"") {
            field.append(byte)
            index += 1
          } else {
            inQuotes = false
          }
        } else {
          if byte == 0x0A { line += 1 }
          field.append(byte)
        }
      } else if byte == UInt8(ascii: "\"") && field.isEmpty {
        inQuotes = true
      } else if byte == delimiter {
        endField()
      } else if byte == 0x0D && next == 0x0A {
        // The CR of a CRLF line end; the LF ends the record.
      } else if byte == 0x0A {
        endRecord()
        line += 1
        recordLine = line
      } else {
        field.append(byte)
      }
      index += 1
    }
    if !field.isEmpty || !fields.isEmpty { endRecord() }
    self.records = records
  }

  /// Reads the file at `path`.
  init(contentsOf path: String, delimiter: UInt8) throws {
    self.init([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), delimiter: delimiter)
  }

  /// The header's fields.
  var header: [String] { records.first?.fields ?? [] }

  /// The data records (every record after the header).
  var rows: [Record] { Array(records.dropFirst()) }

  /// The values of the column named `name` in the data records, by the line each starts on.
  func column(_ name: String) -> [Int: String] {
    guard let position = header.firstIndex(of: name) else { return [:] }
    var values: [Int: String] = [:]
    for row in rows where row.fields.count > position { values[row.line] = row.fields[position] }
    return values
  }
}
