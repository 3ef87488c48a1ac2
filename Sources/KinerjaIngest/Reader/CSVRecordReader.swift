import CLibCSV
import Crypto
import Foundation

/// Streams the records of a CSV file through libcsv in fixed-size buffers.
///
/// Memory does not grow with the file: one read buffer, libcsv's field buffer and the
/// current record. Line numbers and byte offsets are tracked by feeding libcsv one
/// line at a time, so each record knows where it starts; while reading, the file's
/// SHA-256 fingerprint is computed on the same bytes.
public struct CSVRecordReader {
  /// The file being read.
  package let path: String
  /// The delimiter and other dialect facts used to split records.
  package let dialect: Dialect
  /// Size of the read buffer in bytes.
  package var bufferSize: Int
  /// The shape of the input's records, when known; see `RecordAssembler` for its use.
  package var shape: RecordShape?

  /// Creates a reader for `path` with an already detected or configured dialect.
  public init(path: String, dialect: Dialect, bufferSize: Int = 1 << 20, shape: RecordShape? = nil) {
    self.path = path
    self.dialect = dialect
    self.bufferSize = max(1, bufferSize)
    self.shape = shape
  }

  /// Calls `body` for every record of the file, the header included, in file order.
  ///
  /// `progress` is called now and then with the number of bytes read so far.
  /// - Returns: the fingerprint of the bytes read (size and SHA-256).
  @discardableResult
  public func forEachRecord(
    progress: ((Int64) -> Void)? = nil,
    _ body: (CSVRecord) throws -> Void
  ) throws -> InputFingerprint {
    let file = try InputFile(path: path)
    defer { file.close() }
    var assembler = RecordAssembler(delimiter: dialect.delimiter, shape: shape)
    var hasher = SHA256()
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 16)
    defer { buffer.deallocate() }

    var fileOffset: Int64 = 0
    var atStart = true
    while true {
      let count = try file.read(into: buffer)
      if count == 0 { break }
      var chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
      hasher.update(bufferPointer: chunk)
      var chunkOffset = fileOffset
      if atStart {
        atStart = false
        let bomLength = Dialect.byteOrderMarkLength(in: chunk)
        chunk = UnsafeRawBufferPointer(rebasing: chunk[bomLength...])
        chunkOffset += Int64(bomLength)
      }
      try assembler.feed(chunk, at: chunkOffset, body)
      fileOffset += Int64(count)
      progress?(fileOffset)
    }
    try assembler.finish(body)
    return InputFingerprint(path: path, bytes: fileOffset, sha256: hasher.finalize().hexString)
  }

  /// Reads the one record that starts at byte `offset` on line `line` (as reported by
  /// `forEachRecord`), such as the header after a byte order mark.
  package func record<Result>(
    at offset: Int64, line: Int, _ body: (CSVRecord) throws -> Result
  ) throws -> Result? {
    var result: Result?
    try records(atLines: [line], from: InputReader.LinePlace(offset: offset, line: line)) { record in
      result = try body(record)
    }
    return result
  }

  /// Reads the records that start on `lines` (ascending, none before `from`), in that
  /// order, finding them by counting line ends from `from` (a record's start, such as
  /// where a chunk began): one sequential read of the stretch both finds and parses them.
  package func records(
    atLines lines: some Collection<Int>, from: InputReader.LinePlace, _ body: (CSVRecord) throws -> Void
  ) throws {
    guard !lines.isEmpty else { return }
    let file = try InputFile(path: path)
    defer { file.close() }
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 16)
    defer { buffer.deallocate() }
    // A record that runs past the end of `buffer` is finished through a window of its own,
    // so the count of line ends in `buffer` goes on where it was.
    let window = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 14, alignment: 16)
    defer { window.deallocate() }
    var assembler = RecordAssembler(delimiter: dialect.delimiter, shape: shape)
    var start = from.offset
    var count = try file.read(into: buffer, at: start)
    var scanned = 0
    var line = from.line
    for wanted in lines {
      // Count line ends up to the wanted line's start.
      while line < wanted {
        if let hit = memchr(buffer.baseAddress! + scanned, 0x0A, count - scanned) {
          scanned = UnsafeRawPointer(buffer.baseAddress!).distance(to: UnsafeRawPointer(hit)) + 1
          line += 1
        } else {
          start += Int64(count)
          count = try file.read(into: buffer, at: start)
          scanned = 0
          if count == 0 { return }  // the file ends before the line: the caller counts what came back
        }
      }
      let offset = start + Int64(scanned)
      assembler.restart(atLine: line)
      var delivered = false
      let takeFirst: (CSVRecord) throws -> Void = { record in
        if !delivered {
          delivered = true
          try body(record)
        }
      }
      // Feeding stops at the end of the record that starts at `offset`.
      var fedUpTo = start + Int64(count)
      if try assembler.feed(
        UnsafeRawBufferPointer(rebasing: buffer[scanned..<count]), at: offset, stoppingAt: offset, takeFirst) != nil
      {
        continue
      }
      while !delivered {
        let read = try file.read(into: window, at: fedUpTo)
        if read == 0 {
          try assembler.finish(takeFirst)
          break
        }
        _ = try assembler.feed(
          UnsafeRawBufferPointer(rebasing: window[0..<read]), at: fedUpTo, stoppingAt: offset, takeFirst)
        fedUpTo += Int64(read)
      }
    }
  }
}

/// Collects libcsv's field and record callbacks into one reusable record buffer.
///
/// libcsv calls back with each field's bytes and at each record's end; C callbacks
/// cannot capture Swift state, so the `FieldBuffer` they fill travels through libcsv's `void *`.
/// Input is fed one line (or the part of a line a buffer holds) at a time, which is
/// how every record learns the line and byte offset where it starts.
///
/// A record that runs over line ends inside quotes but is broken, or does not fit `shape`,
/// is taken for a stray quote: only its first line becomes a (malformed) record, and the
/// lines after it are fed again, so one stray quote never swallows the rows behind it.
struct RecordAssembler: ~Copyable {
  // `fields` comes first: with `-sanitize=thread`, Swift 6.3 instruments this type's
  // mutating methods by treating its first stored value as an address, which does not
  // compile when that value is the C parser's `int` state.
  /// Filled by libcsv's callbacks, which receive this pointer as their `void *`.
  private let fields: UnsafeMutablePointer<FieldBuffer>
  private var parser = csv_parser()
  private let delimiter: UInt8
  /// The input's record shape, when known: a record over several lines must have it.
  private let shape: RecordShape?
  /// Raw bytes of the open record from earlier segments, kept only while a record spans them.
  private var pendingRaw: [UInt8] = []
  /// Set after libcsv refused a line, until the rest of that line has been skipped.
  private var malformedPending: Malformation?
  /// Lines after a stray quote's line, to be fed again, and the file offset they start at.
  private var refeed: [UInt8] = []
  private var refeedOffset: Int64 = 0

  private var firstLine: Int
  private var line: Int
  private var recordLine: Int
  private var recordOffset: Int64 = 0
  /// The file offset of `pendingRaw`'s first byte.
  private var recordRawOffset: Int64 = 0
  /// The field in which the open record ran over its first line end.
  private var openedField = 0
  private var recordOpen = false

  init(delimiter: UInt8, firstLine: Int = 1, shape: RecordShape? = nil) {
    self.delimiter = delimiter
    self.shape = shape
    self.firstLine = firstLine
    self.line = firstLine
    self.recordLine = firstLine
    fields = .allocate(capacity: 1)
    fields.initialize(to: FieldBuffer())
    csv_init(&parser, UInt8(CSV_STRICT | CSV_STRICT_FINI))
    csv_set_delim(&parser, delimiter)
    csv_set_blk_size(&parser, Self.fieldGrowth)
  }

  deinit {
    var parser = parser
    csv_free(&parser)
    fields.pointee.deallocate()
    fields.deinitialize(count: 1)
    fields.deallocate()
  }

  /// The number of line ends fed so far.
  var lineEndsFed: Int { line - firstLine }

  /// Feeds `chunk`, which starts at file offset `offset`, one line at a time.
  ///
  /// Feeding stops early at the first line end at or after file offset `limit` where
  /// no record is open; that offset is returned. Otherwise the whole chunk is fed and
  /// the result is `nil`.
  @discardableResult
  mutating func feed(
    _ chunk: UnsafeRawBufferPointer, at offset: Int64, stoppingAt limit: Int64 = .max,
    _ body: (CSVRecord) throws -> Void
  ) throws -> Int64? {
    guard let base = chunk.baseAddress else { return nil }
    var start = 0
    while start < chunk.count {
      let newline = memchr(base + start, 0x0A, chunk.count - start)
      let end = newline.map { base.distance(to: UnsafeRawPointer($0)) + 1 } ?? chunk.count
      let segment = UnsafeRawBufferPointer(rebasing: chunk[start..<end])
      try feedSegment(segment, at: offset + Int64(start), endsLine: newline != nil, body)
      if !refeed.isEmpty { try feedAgain(body) }
      start = end
      if newline != nil && offset + Int64(end) >= limit && !recordOpen && malformedPending == nil {
        return offset + Int64(end)
      }
    }
    return nil
  }

  /// Feeds the lines queued by `resynchronize`, which may queue lines again.
  private mutating func feedAgain(_ body: (CSVRecord) throws -> Void) throws {
    while !refeed.isEmpty {
      let bytes = refeed
      let offset = refeedOffset
      refeed = []
      try bytes.withUnsafeBytes { raw in
        var start = 0
        while start < raw.count {
          let newline = memchr(raw.baseAddress! + start, 0x0A, raw.count - start)
          let end = newline.map { raw.baseAddress!.distance(to: UnsafeRawPointer($0)) + 1 } ?? raw.count
          try feedSegment(
            UnsafeRawBufferPointer(rebasing: raw[start..<end]), at: offset + Int64(start),
            endsLine: newline != nil, body)
          start = end
          if !refeed.isEmpty {
            // Another stray quote: its lines are queued; the rest of these follow them.
            refeed.append(contentsOf: raw[end...])
            return
          }
        }
      }
    }
  }

  private mutating func feedSegment(
    _ segment: UnsafeRawBufferPointer, at offset: Int64, endsLine: Bool,
    _ body: (CSVRecord) throws -> Void
  ) throws {
    if let malformation = malformedPending {
      keepRaw(segment)
      if endsLine {
        try deliverMalformed(malformation, body)
        line += 1
      }
      return
    }
    if !recordOpen && !Self.isBlank(segment) {
      // The record starts after any line ends libcsv skips (a lone CR ends an empty row),
      // wherever the read buffer split them from the rest.
      recordOpen = true
      recordLine = line
      recordOffset = offset + Int64(segment.prefix { $0 == 0x0A || $0 == 0x0D }.count)
      // `pendingRaw` may already hold a lone CR that a read buffer cut off before this segment.
      recordRawOffset = offset - Int64(pendingRaw.count)
    }
    let spansLines = recordOpen && recordLine < line
    if recordOpen && pendingRaw.count + segment.count > Self.maximumRecordBytes {
      if spansLines {
        pendingRaw.append(contentsOf: segment)
        try resynchronize(body)
        return
      }
      // Broken off before libcsv buffers more of it: the rest of the line is skipped.
      keepRaw(segment)
      if endsLine {
        try deliverMalformed(.tooLong, body)
      } else {
        malformedPending = .tooLong
      }
      if endsLine { line += 1 }
      return
    }
    let parsed = csv_parse(&parser, segment.baseAddress, segment.count, fieldEnded, recordEnded, fields)
    if spansLines && (parsed < segment.count || completedRecordMisfits()) {
      pendingRaw.append(contentsOf: segment)
      try resynchronize(body)
      return
    }
    try deliverCompleted(body)
    if parsed < segment.count {
      keepRaw(segment)
      if endsLine {
        try deliverMalformed(.misplacedQuote, body)
      } else {
        malformedPending = .misplacedQuote
      }
    } else if parser.pstate == 0 && endsLine {
      recordOpen = false
      pendingRaw.removeAll(keepingCapacity: true)
    } else {
      // Still inside the line: even when libcsv has only skipped leading spaces so far, the
      // record began here, wherever the read buffer happened to end.
      if endsLine && !spansLines { openedField = fields.pointee.fieldCount }
      pendingRaw.append(contentsOf: segment)
    }
    if endsLine { line += 1 }
  }

  /// Whether the record libcsv just completed, which ran over line ends, breaks `shape`.
  private func completedRecordMisfits() -> Bool {
    let buffer = fields.pointee
    guard let shape, buffer.recordCount > 0 else { return false }
    let record = CSVRecord(
      line: recordLine, offset: recordOffset, malformation: nil,
      bytes: UnsafeRawBufferPointer(start: buffer.bytes, count: buffer.byteCount),
      fieldEnds: UnsafeBufferPointer(start: buffer.ends, count: buffer.recordEnds[0]), firstField: 0)
    return !shape.fits(record, delimiter: delimiter)
  }

  /// Delivers the first line of the open record, which runs over line ends but cannot be a
  /// record, as a stray quote, and queues the lines after it to be fed again.
  private mutating func resynchronize(_ body: (CSVRecord) throws -> Void) throws {
    let raw = pendingRaw
    let firstLineEnd = raw.firstIndex(of: 0x0A)! + 1
    pendingRaw = Array(raw[..<firstLineEnd])
    let resumeLine = recordLine + 1
    try deliverMalformed(.strayQuote(field: openedField), body)
    line = resumeLine
    refeed = Array(raw[firstLineEnd...])
    refeedOffset = recordRawOffset + Int64(firstLineEnd)
  }

  /// Records longer than this are malformed (`tooLong`), so one record never takes more memory.
  static let maximumRecordBytes = 16 << 20

  /// How much libcsv grows its field buffer by at a time. It grows linearly (128 bytes by
  /// default), which costs a copy per step wherever `realloc` cannot grow in place; in
  /// steps of 1 MiB a field of the maximum size takes 16.
  static let fieldGrowth = 1 << 20

  /// Keeps the bytes of a broken record, up to the record limit.
  private mutating func keepRaw(_ segment: UnsafeRawBufferPointer) {
    let room = max(0, Self.maximumRecordBytes - pendingRaw.count)
    pendingRaw.append(contentsOf: UnsafeRawBufferPointer(rebasing: segment.prefix(room)))
  }

  /// Flushes the last record (a missing final line end is fine) and reports an open quote.
  mutating func finish(_ body: (CSVRecord) throws -> Void) throws {
    while true {
      if let malformation = malformedPending {
        try deliverMalformed(malformation, body)
        return
      }
      let spansLines = recordOpen && recordLine < line
      let status = csv_fini(&parser, fieldEnded, recordEnded, fields)
      if spansLines && (status != 0 || completedRecordMisfits()) {
        try resynchronize(body)
        try feedAgain(body)
        continue
      }
      try deliverCompleted(body)
      if status != 0 {
        try deliverMalformed(.unterminatedQuote, body)
      }
      recordOpen = false
      return
    }
  }

  private mutating func deliverCompleted(_ body: (CSVRecord) throws -> Void) throws {
    let buffer = fields.pointee
    guard buffer.recordCount > 0 else { return }
    let bytes = UnsafeRawBufferPointer(start: buffer.bytes, count: buffer.byteCount)
    var firstField = 0
    for record in 0..<buffer.recordCount {
      let endField = buffer.recordEnds[record]
      try body(
        CSVRecord(
          line: recordLine, offset: recordOffset, malformation: nil, bytes: bytes,
          fieldEnds: UnsafeBufferPointer(start: buffer.ends + firstField, count: endField - firstField),
          firstField: firstField == 0 ? 0 : buffer.ends[firstField - 1]))
      firstField = endField
    }
    // Keep the fields of a record that is still open (a quoted field spanning lines).
    fields.pointee.removeCompleted()
  }

  /// Delivers the open record as one broken record whose only field is its raw text,
  /// then starts a fresh parser for the next line.
  private mutating func deliverMalformed(_ kind: Malformation, _ body: (CSVRecord) throws -> Void) throws {
    let raw = pendingRaw
    let ends = [raw.count]
    try raw.withUnsafeBytes { rawBytes in
      try ends.withUnsafeBufferPointer { endsBuffer in
        try body(
          CSVRecord(
            line: recordLine, offset: recordOffset, malformation: kind, bytes: rawBytes,
            fieldEnds: endsBuffer, firstField: 0))
      }
    }
    pendingRaw.removeAll(keepingCapacity: true)
    fields.pointee.removeAll()
    malformedPending = nil
    recordOpen = false
    csv_free(&parser)
    csv_init(&parser, UInt8(CSV_STRICT | CSV_STRICT_FINI))
    csv_set_delim(&parser, delimiter)
    csv_set_blk_size(&parser, Self.fieldGrowth)
  }

  /// Readies the assembler for a record that starts at the beginning of `line`, keeping
  /// its buffers; the parser is renewed only when the last feed left a record open.
  mutating func restart(atLine line: Int) {
    if recordOpen || malformedPending != nil || !refeed.isEmpty || parser.pstate != 0 {
      csv_free(&parser)
      csv_init(&parser, UInt8(CSV_STRICT | CSV_STRICT_FINI))
      csv_set_delim(&parser, delimiter)
      csv_set_blk_size(&parser, Self.fieldGrowth)
    }
    pendingRaw.removeAll(keepingCapacity: true)
    fields.pointee.removeAll()
    malformedPending = nil
    refeed = []
    recordOpen = false
    firstLine = line
    self.line = line
    recordLine = line
  }

  private static func isBlank(_ segment: UnsafeRawBufferPointer) -> Bool {
    segment.allSatisfy { $0 == 0x0A || $0 == 0x0D }
  }
}

private func fieldEnded(_ data: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?)
{
  context?.assumingMemoryBound(to: FieldBuffer.self).pointee.append(data, length)
}

private func recordEnded(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
  context?.assumingMemoryBound(to: FieldBuffer.self).pointee.endRecord()
}

extension SHA256.Digest {
  /// The digest as lowercase hexadecimal, as `sha256sum` prints it.
  package var hexString: String {
    map { byte in
      let digits = Array("0123456789abcdef".utf8)
      return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]], as: UTF8.self)
    }.joined()
  }
}
