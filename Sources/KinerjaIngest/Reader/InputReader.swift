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

  /// Where a line of the file starts: its byte offset and its number (from 1).
  package struct LinePlace: Sendable, Equatable {
    package var offset: Int64
    package var line: Int

    package init(offset: Int64, line: Int) {
      self.offset = offset
      self.line = line
    }

    /// The file's first line.
    package static let start = LinePlace(offset: 0, line: 1)
  }

  /// Reads the data rows that start on `lines` (ascending) again and hands them to
  /// `body` in that order, on this thread.
  ///
  /// `landmarks` are places known from an earlier pass (ascending, the first no later
  /// than the first line), such as where its chunks began: the rows after each landmark
  /// are found from it by counting line ends, and the stretches between landmarks are
  /// read on `threads` threads at once, `threads` stretches at a time, so that no more
  /// than that many stretches of rows are held.
  package func rows(
    atLines lines: [Int], landmarks: [LinePlace] = [.start], threads: Int = 1, _ body: (CSVRecord) throws -> Void
  ) throws {
    var stretches: [(from: LinePlace, lines: ArraySlice<Int>)] = []
    var landmark = 0
    var first = lines.startIndex
    while first < lines.endIndex {
      while landmark + 1 < landmarks.count, landmarks[landmark + 1].line <= lines[first] { landmark += 1 }
      let bound = landmark + 1 < landmarks.count ? landmarks[landmark + 1].line : Int.max
      let end = lines[first...].firstIndex { $0 >= bound } ?? lines.endIndex
      stretches.append((landmarks[landmark], lines[first..<end]))
      first = end
    }
    let width = max(1, threads)
    for wave in stride(from: 0, to: stretches.count, by: width) {
      let wave = stretches[wave..<min(wave + width, stretches.count)]
      let results = UnsafeMutableBufferPointer<Result<HeldRecords, any Error>>.allocate(capacity: wave.count)
      results.initialize(repeating: .success(HeldRecords()))
      defer { results.deinitialize().deallocate() }
      nonisolated(unsafe) let slots = results
      let input = self
      DispatchQueue.concurrentPerform(iterations: wave.count) { index in
        let stretch = wave[wave.startIndex + index]
        slots[index] = Result {
          let reader = CSVRecordReader(path: input.path, dialect: input.dialect, shape: input.mapping.recordShape)
          var records = HeldRecords()
          try reader.records(atLines: stretch.lines, from: stretch.from) { records.append($0) }
          return records
        }
      }
      for result in results {
        let records = try result.get()
        for index in 0..<records.count { try records.withRecord(index, body) }
      }
    }
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
