/// Settings from the pipeline file that override what detection would choose.
package struct DialectOverrides: Sendable, Equatable {
  /// The delimiter to use instead of detecting one.
  package var delimiter: UInt8?
  /// The decimal mark to use instead of `decimal: auto`.
  package var decimalMark: UInt8?

  package init(delimiter: UInt8? = nil, decimalMark: UInt8? = nil) {
    self.delimiter = delimiter
    self.decimalMark = decimalMark
  }
}

extension Dialect {
  /// Detects the dialect of the file at `path` from its first line.
  ///
  /// The delimiter is the candidate (`;` `,` TAB `|`) that occurs most often outside
  /// quotes in the header line; with none present the file has a single column and `,`
  /// is assumed. Overrides win over detection.
  package static func detect(path: String, overrides: DialectOverrides = .init()) throws -> Dialect {
    let file = try InputFile(path: path)
    defer { file.close() }
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 16)
    defer { buffer.deallocate() }
    let count = try file.read(into: buffer)
    guard count > 0 else { throw IngestError.emptyFile(path: path, bytes: 0) }
    if let format = binaryFormat(of: UnsafeRawBufferPointer(rebasing: buffer[0..<count])) {
      throw IngestError.notCSV(path: path, format: format)
    }
    return detect(headerBytes: UnsafeRawBufferPointer(rebasing: buffer[0..<count]), overrides: overrides)
  }

  /// What a file exported by mistake is, from its first bytes: a workbook, an archive, a
  /// PDF, or anything with NUL bytes in its first line; `nil` for text.
  static func binaryFormat(of head: UnsafeRawBufferPointer) -> String? {
    let signatures: [(bytes: [UInt8], format: String)] = [
      ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (an Excel .xlsx workbook is one); save the sheet as CSV"),
      ([0xD0, 0xCF, 0x11, 0xE0], "an Excel 97–2003 .xls workbook; save the sheet as CSV"),
      ([0x1F, 0x8B], "a gzip archive; unpack it first"),
      (Array("%PDF".utf8), "a PDF document"),
    ]
    for signature in signatures where head.starts(with: signature.bytes) { return signature.format }
    let firstLine = head.prefix { $0 != 0x0A }
    if firstLine.contains(0) { return "binary data (NUL bytes in its first line)" }
    return nil
  }

  /// Detects the dialect from the first bytes of a file.
  package static func detect(headerBytes: UnsafeRawBufferPointer, overrides: DialectOverrides = .init())
    -> Dialect
  {
    let bom = byteOrderMarkLength(in: headerBytes)
    var counts = [Int](repeating: 0, count: delimiters.count)
    var inQuotes = false
    var crlf = false
    var previous: UInt8 = 0
    for byte in headerBytes[bom...] {
      if byte == UInt8(ascii: "\"") {
        inQuotes.toggle()
      } else if !inQuotes {
        if byte == 0x0A {
          crlf = previous == 0x0D
          break
        }
        if let index = delimiters.firstIndex(of: byte) { counts[index] += 1 }
      }
      previous = byte
    }
    var best = 1  // `,` when the header has no delimiter at all
    for index in counts.indices where counts[index] > counts[best] { best = index }
    let delimiter = overrides.delimiter ?? delimiters[best]
    return Dialect(
      delimiter: delimiter,
      decimalMark: overrides.decimalMark ?? automaticDecimalMark(for: delimiter),
      hasByteOrderMark: bom > 0, usesCRLF: crlf)
  }
}
