import Foundation

/// Per-input settings from the pipeline file.
package struct InputOptions: Sendable, Equatable {
  /// Delimiter and decimal-mark overrides.
  package var dialect: DialectOverrides
  /// Export header name → canonical column name.
  package var columns: [String: String]

  package init(dialect: DialectOverrides = .init(), columns: [String: String] = [:]) {
    self.dialect = dialect
    self.columns = columns
  }
}

/// An export opened for reading: its dialect detected and its header matched.
///
/// Creating one reads only the first line; `forEachRow` then streams the data rows.
public struct InputReader: Sendable {
  /// Which of the five inputs this is.
  package let kind: InputKind
  /// The file's path.
  package let path: String
  /// The dialect in use (detected, with overrides applied).
  public let dialect: Dialect
  /// How the header maps to canonical columns.
  public let mapping: HeaderMapping
  /// The file's size in bytes when it was opened.
  package let size: Int64
  /// Its size and modification time when it was opened, to notice an export still being written.
  private let stamp: FileStamp

  /// Opens `path` as input `kind`, detecting its dialect and matching its header.
  public init(kind: InputKind, path: String) throws {
    try self.init(kind: kind, path: path, options: InputOptions())
  }

  /// Opens `path` as input `kind` with the pipeline file's dialect overrides and column names.
  package init(kind: InputKind, path: String, options: InputOptions) throws {
    let dialect = try Dialect.detect(path: path, overrides: options.dialect)
    let reader = CSVRecordReader(path: path, dialect: dialect)
    let header = try reader.record(at: dialect.hasByteOrderMark ? 3 : 0, line: 1) { record -> [String] in
      if record.malformation != nil {
        throw IngestError.unreadableHeader(path: path, line: record.line, reason: "unbalanced quotes")
      }
      for index in 0..<record.count where !Field(record[index]).isValidUTF8 {
        throw IngestError.unreadableHeader(
          path: path, line: record.line, reason: "column \(index + 1) is not valid UTF-8")
      }
      return record.fieldTexts.map { String($0.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
    }
    let file = try InputFile(path: path)
    guard let header else {
      let bytes = file.size()
      file.close()
      throw IngestError.emptyFile(path: path, bytes: bytes)
    }
    stamp = file.stamp()
    size = stamp.size
    file.close()
    self.kind = kind
    self.path = path
    self.dialect = dialect
    self.mapping = try HeaderMapping(
      header: header, schema: .of(kind), overrides: options.columns, path: path)
  }

  /// Calls `body` for each data row (every record after the header), in file order.
  ///
  /// - Throws: `IngestError.headerOnly` when the file has no data rows.
  /// - Returns: the file's fingerprint.
  @discardableResult
  public func forEachRow(
    progress: ((Int64) -> Void)? = nil, _ body: (CSVRecord) throws -> Void
  ) throws -> InputFingerprint {
    var rows = 0
    var isHeader = true
    let reader = CSVRecordReader(path: path, dialect: dialect, shape: mapping.recordShape)
    let fingerprint = try reader.forEachRecord(progress: progress) {
      record in
      if isHeader {
        isHeader = false
        return
      }
      rows += 1
      try body(record)
    }
    try checkUnchanged()
    if rows == 0 { throw IngestError.headerOnly(path: path, header: mapping.header) }
    return fingerprint
  }

  /// Throws when the file's size or modification time differs from when it was opened:
  /// the rows read may then be a mix of two versions.
  private func checkUnchanged() throws {
    let file = try InputFile(path: path)
    defer { file.close() }
    if file.stamp() != stamp { throw IngestError.changedWhileReading(path: path) }
  }

  /// Folds the data rows of chunks parsed on `threads` threads at once into partials.
  ///
  /// `parse` makes a chunk's partial by calling `forEachRow` on its rows once; it runs
  /// concurrently for different chunks, with lines counted from 1 at the chunk's start.
  /// `merge` receives the partials in file order on this thread, with the shift that
  /// makes those lines the file's. See `ConcurrentRecordReader`.
  /// With `hashes: false` the file's SHA-256 is not computed (the fingerprint's is empty).
  /// - Throws: `IngestError.headerOnly` when the file has no data rows.
  @discardableResult
  package func foldRows<Partial: Sendable>(
    threads: Int, chunkSize: Int = 8 << 20, hashes: Bool = true, progress: ((Int64) -> Void)? = nil,
    parse: @escaping @Sendable (ChunkRows) throws -> Partial,
    merge: (consuming Partial, ConcurrentRecordReader.ChunkPlace) throws -> Void
  ) throws -> InputFingerprint {
    let headerOffset: Int64 = dialect.hasByteOrderMark ? 3 : 0
    var rows = 0
    var reader = ConcurrentRecordReader(
      path: path, dialect: dialect, chunkSize: chunkSize, threads: threads, shape: mapping.recordShape)
    reader.hashes = hashes
    let fingerprint = try reader.read(
      parse: { records in
        let chunk = ChunkRows(records: records, headerOffset: headerOffset)
        return RowCount(partial: try parse(chunk), rows: chunk.rows)
      },
      merge: { chunk, place in
        rows += chunk.rows
        try merge(chunk.partial, place)
        progress?(place.end)
      })
    try checkUnchanged()
    if rows == 0 { throw IngestError.headerOnly(path: path, header: mapping.header) }
    return fingerprint
  }

  /// The byte offsets where `lines` (1-based, ascending) start, found by counting line ends.
  ///
  /// Lets the clean stage remember only the line of an accepted row and still read the
  /// row again should a later row replace it.
  package func offsets(ofLines lines: [Int]) throws -> [Int64] {
    guard !lines.isEmpty else { return [] }
    let file = try InputFile(path: path)
    defer { file.close() }
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
    defer { buffer.deallocate() }
    var offsets: [Int64] = []
    offsets.reserveCapacity(lines.count)
    var wanted = lines.makeIterator()
    var next = wanted.next()
    var line = 1
    var position: Int64 = 0
    while let target = next, target == line {
      offsets.append(position)
      next = wanted.next()
    }
    while next != nil {
      let count = try file.read(into: buffer, at: position)
      if count == 0 { break }
      let base = UnsafeRawPointer(buffer.baseAddress!)
      var start = 0
      while next != nil, let hit = memchr(base + start, 0x0A, count - start) {
        start = base.distance(to: UnsafeRawPointer(hit)) + 1
        line += 1
        while let target = next, target == line {
          offsets.append(position + Int64(start))
          next = wanted.next()
        }
      }
      position += Int64(count)
    }
    return offsets
  }

  /// Reads the data rows that start at `places` (offset and line) again, in that order.
  package func rows(at places: [(offset: Int64, line: Int)], _ body: (CSVRecord) throws -> Void) throws {
    try CSVRecordReader(path: path, dialect: dialect, shape: mapping.recordShape).records(at: places, body)
  }
}

/// The data rows of one chunk of an input, handed to `InputReader.foldRows`.
package final class ChunkRows: @unchecked Sendable {
  private let records: ChunkRecords
  private let headerOffset: Int64
  fileprivate private(set) var rows = 0

  fileprivate init(records: ChunkRecords, headerOffset: Int64) {
    self.records = records
    self.headerOffset = headerOffset
  }

  /// Calls `body` for each data row that starts in the chunk, in file order.
  package func forEachRow(_ body: (CSVRecord) throws -> Void) throws {
    var rows = 0
    try records.forEach { record in
      if record.offset == headerOffset { return }
      rows += 1
      try body(record)
    }
    self.rows = rows
  }
}

/// A chunk's partial and the number of data rows folded into it.
private struct RowCount<Partial: Sendable>: Sendable {
  var partial: Partial
  var rows: Int
}
