#if canImport(Glibc)
  import Glibc
#endif

/// One record of an export as libcsv delivered it.
///
/// The field bytes belong to the reader and stay valid only while the closure that
/// received the record runs; convert them, do not keep them.
public struct CSVRecord {
  /// The 1-based line of the file where the record starts.
  public let line: Int
  /// The byte offset in the file where the record starts.
  public let offset: Int64
  /// Why libcsv could not split this record into fields, or `nil` when it could.
  public let malformation: Malformation?

  let bytes: UnsafeRawBufferPointer
  let fieldEnds: UnsafeBufferPointer<Int>
  let firstField: Int

  init(
    line: Int, offset: Int64, malformation: Malformation?, bytes: UnsafeRawBufferPointer,
    fieldEnds: UnsafeBufferPointer<Int>, firstField: Int
  ) {
    self.line = line
    self.offset = offset
    self.malformation = malformation
    self.bytes = bytes
    self.fieldEnds = fieldEnds
    self.firstField = firstField
  }

  /// The number of fields in the record.
  public var count: Int { fieldEnds.count }

  /// The bytes of field `index`, unquoted, without the delimiter.
  package subscript(index: Int) -> UnsafeRawBufferPointer {
    let start = index == 0 ? firstField : fieldEnds[index - 1]
    return UnsafeRawBufferPointer(rebasing: bytes[start..<fieldEnds[index]])
  }

  /// The bytes of all its fields together, unquoted.
  package var fieldBytes: Int { count == 0 ? 0 : fieldEnds[count - 1] - firstField }

  /// Whether every byte of every field is ASCII (then the record is valid UTF-8 too).
  ///
  /// Checks eight bytes at a time, so the common all-ASCII record costs little.
  package var isASCII: Bool {
    guard count > 0 else { return true }
    let all = UnsafeRawBufferPointer(rebasing: bytes[firstField..<fieldEnds[count - 1]])
    var index = 0
    var seen: UInt64 = 0
    while index + 8 <= all.count {
      seen |= all.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      index += 8
    }
    while index < all.count {
      seen |= UInt64(all[index])
      index += 1
    }
    return seen & 0x8080_8080_8080_8080 == 0
  }

  /// The record's fields as text, invalid UTF-8 replaced; for messages and rejects, not hot paths.
  public var fieldTexts: [String] {
    (0..<count).map { String(decoding: self[$0], as: UTF8.self) }
  }
}

/// A way a record can be broken so that it has no trustworthy fields.
public enum Malformation: Sendable, Equatable {
  /// A quote in the wrong place: inside an unquoted field, or text after a closing quote.
  case misplacedQuote
  /// A quoted field still open when the file ended.
  case unterminatedQuote
  /// A record longer than the reader's limit (16 MiB); the rest of its line is skipped.
  case tooLong
  /// A quote opened in field `field` (0-based) ran over the line end, and the record it
  /// made of several lines does not fit the input: the wrong field count, a line break in
  /// a field that cannot hold one, or a quote that never closes properly. The record is
  /// this one line; reading resumed on the next.
  case strayQuote(field: Int)
}

/// What a record of one input looks like, so that a quote that swallowed line ends can be
/// told from a quoted field that really holds them.
public struct RecordShape: Sendable, Equatable {
  /// The number of fields every record has (the header's).
  public var fields: Int
  /// For each field, whether it may hold a line break.
  public var lineBreaks: [Bool]

  package init(fields: Int, lineBreaks: [Bool]) {
    self.fields = fields
    self.lineBreaks = lineBreaks
  }

  /// Whether `record`, which runs over several lines, has this shape: the field count, line
  /// breaks only where they may be, and no whole line inside a field that holds as many
  /// delimiters as a row — two stray quotes in one column would otherwise join the rows
  /// between them into one value.
  func fits(_ record: CSVRecord, delimiter: UInt8) -> Bool {
    guard record.count == fields else { return false }
    for index in 0..<record.count {
      let field = record[index]
      guard let base = field.baseAddress, memchr(base, 0x0A, field.count) != nil || memchr(base, 0x0D, field.count) != nil
      else { continue }
      if !lineBreaks[index] { return false }
      let lines = field.split(omittingEmptySubsequences: false) { $0 == 0x0A || $0 == 0x0D }
      if lines.count > 2 && lines.dropFirst().dropLast().contains(where: { line in
        fields > 1 && line.count(where: { $0 == delimiter }) >= fields - 1
      }) {
        return false
      }
    }
    return true
  }
}
