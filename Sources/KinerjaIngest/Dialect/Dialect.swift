/// How an export is written: its delimiter, decimal mark and a few facts noticed on the way.
public struct Dialect: Sendable, Equatable {
  /// The field delimiter: `,` `;` TAB or `|`.
  public var delimiter: UInt8
  /// The decimal mark of numbers: `.` or `,`.
  package var decimalMark: UInt8
  /// Whether the file starts with a UTF-8 byte order mark.
  package var hasByteOrderMark: Bool
  /// Whether the header line ends with CR LF.
  package var usesCRLF: Bool

  public init(delimiter: UInt8, decimalMark: UInt8, hasByteOrderMark: Bool = false, usesCRLF: Bool = false) {
    self.delimiter = delimiter
    self.decimalMark = decimalMark
    self.hasByteOrderMark = hasByteOrderMark
    self.usesCRLF = usesCRLF
  }

  /// The delimiters an export may use, in the order ties are broken.
  package static let delimiters: [UInt8] = [UInt8(ascii: ";"), UInt8(ascii: ","), 0x09, UInt8(ascii: "|")]

  /// The decimal mark `decimal: auto` means: `,` when the delimiter is `;`, else `.`.
  package static func automaticDecimalMark(for delimiter: UInt8) -> UInt8 {
    delimiter == UInt8(ascii: ";") ? UInt8(ascii: ",") : UInt8(ascii: ".")
  }

  /// The length of a UTF-8 byte order mark at the start of `bytes` (3 or 0).
  static func byteOrderMarkLength(in bytes: UnsafeRawBufferPointer) -> Int {
    bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
  }

  /// A printable name for a delimiter byte, as messages and `inspect` show it.
  package static func name(of delimiter: UInt8) -> String {
    switch delimiter {
    case 0x09: "TAB"
    case UInt8(ascii: ","): "comma (,)"
    case UInt8(ascii: ";"): "semicolon (;)"
    case UInt8(ascii: "|"): "pipe (|)"
    default: "byte \(delimiter)"
    }
  }
}
