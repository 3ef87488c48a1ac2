/// How cells become text in CSV and JSON, the same way on every run.
enum CellFormatting {
  /// A number in the shortest form that reads back to the same `Double`; `-0` as `0`.
  static func number(_ value: Double) -> String {
    value == 0 ? "0" : "\(value)"
  }

  /// Text made safe for spreadsheets: a leading `=`, `+`, `-`, `@`, TAB or CR would be
  /// read as a formula, so such text gets a leading apostrophe.
  static func neutralised(_ text: String) -> String {
    guard let first = text.utf8.first else { return text }
    switch first {
    case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D:
      return "'" + text
    default: return text
    }
  }

  /// RFC 4180 quoting: fields with `,`, `"`, CR or LF are quoted, quotes doubled.
  static func csvField(_ text: String) -> String {
    guard
      text.utf8.contains(where: {
        $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
      })
    else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// A JSON string literal.
  static func jsonString(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case let control where control.value < 0x20:
        let hex = String(control.value, radix: 16)
        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }

  static func csv(_ cell: Cell) -> String {
    switch cell {
    case .text(let text): csvField(neutralised(text))
    case .integer(let value): String(value)
    case .number(let value?) where value.isFinite: number(value)
    case .number, .null: ""
    case .bool(let value): value ? "true" : "false"
    }
  }

  static func json(_ cell: Cell) -> String {
    switch cell {
    case .text(let text): jsonString(text)
    case .integer(let value): String(value)
    case .number(let value?) where value.isFinite: number(value)
    case .number, .null: "null"
    case .bool(let value): value ? "true" : "false"
    }
  }
}

extension String {
  fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
