/// How cells become bytes in CSV and JSON, the same way on every run.
///
/// Cells are appended straight to an output buffer, so writing a large table makes no
/// `String` per cell.
enum CellFormatting {
  /// Appends a cell as a CSV field: text neutralised against formulas and quoted per
  /// RFC 4180; numbers in shortest round-trip form; missing values empty.
  static func appendCSV(_ cell: Cell, to out: inout some ByteSink) {
    switch cell {
    case .text(let text): appendCSVField(text, to: &out)
    case .integer(let value): appendDecimal(value, to: &out)
    case .number(let value?) where value.isFinite: appendNumber(value, to: &out)
    case .number, .null: break
    case .bool(let value): out.append(value ? trueBytes : falseBytes)
    }
  }

  /// Appends a cell as a JSON value.
  static func appendJSON(_ cell: Cell, to out: inout some ByteSink) {
    switch cell {
    case .text(let text): appendJSONString(text, to: &out)
    case .integer(let value): appendDecimal(value, to: &out)
    case .number(let value?) where value.isFinite: appendNumber(value, to: &out)
    case .number, .null: out.append(nullBytes)
    case .bool(let value): out.append(value ? trueBytes : falseBytes)
    }
  }

  /// A JSON string literal, as text (for the few values outside tables).
  static func jsonString(_ text: String) -> String {
    var bytes: [UInt8] = []
    appendJSONString(text, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// A cell as a JSON value, as text (for the few values outside tables).
  static func json(_ cell: Cell) -> String {
    var bytes: [UInt8] = []
    appendJSON(cell, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// A number in the shortest form that reads back to the same `Double`; `-0` as `0`.
  private static func appendNumber(_ value: Double, to out: inout some ByteSink) {
    if value == 0 {
      out.append(UInt8(ascii: "0"))
    } else {
      var text = value.description
      text.withUTF8 { out.append(UnsafeRawBufferPointer($0)) }
    }
  }

  /// A whole number in decimal digits, without going through `String`.
  static func appendDecimal(_ value: Int, to out: inout some ByteSink) {
    if value < 0 { out.append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 24 digits; 20 are needed
    withUnsafeMutableBytes(of: &digits) { buffer in
      var index = buffer.count
      repeat {
        index -= 1
        buffer[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
      } while magnitude > 0
      out.append(UnsafeRawBufferPointer(rebasing: buffer[index...]))
    }
  }

  /// Text made safe for spreadsheets and CSV: a leading `=`, `+`, `-`, `@`, TAB or CR
  /// would be read as a formula, so such text gets a leading apostrophe (except a plain
  /// negative number such as an event time `-3`, which is data); fields with
  /// `,`, `"`, CR or LF are quoted, quotes doubled.
  private static func appendCSVField(_ text: String, to out: inout some ByteSink) {
    var text = text
    text.withUTF8 { appendCSVField(UnsafeRawBufferPointer($0), to: &out) }
  }

  /// ``appendCSVField(_:to:)`` for text given as UTF-8 bytes.
  static func appendCSVField(_ bytes: UnsafeRawBufferPointer, to out: inout some ByteSink) {
    var needsQuotes = false
    for byte in bytes.assumingMemoryBound(to: UInt8.self)
    where byte == UInt8(ascii: ",") || byte == quote || byte == 0x0A || byte == 0x0D {
      needsQuotes = true
      break
    }
    if needsQuotes { out.append(quote) }
    if let first = bytes.first, startsFormula(first), !isNegativeNumber(bytes) { out.append(UInt8(ascii: "'")) }
    if needsQuotes {
      for byte in bytes {
        if byte == quote { out.append(quote) }
        out.append(byte)
      }
      out.append(quote)
    } else {
      out.append(bytes)
    }
  }

  /// `-` followed by digits, with at most one `.` between digits.
  private static func isNegativeNumber(_ bytes: UnsafeRawBufferPointer) -> Bool {
    guard bytes.count >= 2, bytes[0] == UInt8(ascii: "-") else { return false }
    var sawPoint = false
    for index in 1..<bytes.count {
      let byte = bytes[index]
      if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { continue }
      guard byte == UInt8(ascii: "."), !sawPoint, index > 1, index < bytes.count - 1 else { return false }
      sawPoint = true
    }
    return true
  }

  private static func startsFormula(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: true
    default: false
    }
  }

  private static func appendJSONString(_ text: String, to out: inout some ByteSink) {
    var text = text
    text.withUTF8 { appendJSONString(UnsafeRawBufferPointer($0), to: &out) }
  }

  /// ``appendJSONString(_:to:)`` for text given as UTF-8 bytes.
  static func appendJSONString(_ bytes: UnsafeRawBufferPointer, to out: inout some ByteSink) {
    out.append(quote)
    defer { out.append(quote) }
    // Most text needs no escape: copy it whole.
    var needsEscape = false
    for byte in bytes.assumingMemoryBound(to: UInt8.self) where byte < 0x20 || byte == quote || byte == UInt8(ascii: "\\") {
      needsEscape = true
      break
    }
    if !needsEscape {
      out.append(bytes)
      return
    }
    for byte in bytes {
      switch byte {
      case quote: out.append([UInt8(ascii: "\\"), quote])
      case UInt8(ascii: "\\"): out.append([UInt8(ascii: "\\"), UInt8(ascii: "\\")])
      case 0x0A: out.append([UInt8(ascii: "\\"), UInt8(ascii: "n")])
      case 0x0D: out.append([UInt8(ascii: "\\"), UInt8(ascii: "r")])
      case 0x09: out.append([UInt8(ascii: "\\"), UInt8(ascii: "t")])
      case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        out.append(Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
      default: out.append(byte)
      }
    }
  }

  private static let quote = UInt8(ascii: "\"")
  private static let trueBytes = Array("true".utf8)
  private static let falseBytes = Array("false".utf8)
  private static let nullBytes = Array("null".utf8)
}

/// Where formatted bytes go: a growing array, or a `BoundedBytes` sized beforehand.
protocol ByteSink {
  mutating func append(_ byte: UInt8)
  mutating func append(_ bytes: UnsafeRawBufferPointer)
}

extension ByteSink {
  mutating func append(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { append($0) }
  }
}

extension Array: ByteSink where Element == UInt8 {
  mutating func append(_ bytes: UnsafeRawBufferPointer) {
    append(contentsOf: bytes.assumingMemoryBound(to: UInt8.self))
  }
}

/// Bytes written into memory whose size was worked out beforehand: no growth and no
/// uniqueness check per append, which is what many short values written one after the
/// other cost in an array.
struct BoundedBytes: ByteSink {
  private let base: UnsafeMutablePointer<UInt8>
  private let capacity: Int
  private(set) var count = 0

  init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
    base = buffer.baseAddress!
    capacity = buffer.count
  }

  /// Makes an array of at most `capacity` bytes, written by `body`.
  static func array(capacity: Int, _ body: (inout BoundedBytes) -> Void) -> [UInt8] {
    [UInt8](unsafeUninitializedCapacity: max(1, capacity)) { buffer, count in
      var bytes = BoundedBytes(buffer)
      body(&bytes)
      count = bytes.count
    }
  }

  mutating func append(_ byte: UInt8) {
    precondition(count < capacity, "formatted bytes beyond their bound")
    base[count] = byte
    count += 1
  }

  mutating func append(_ bytes: UnsafeRawBufferPointer) {
    precondition(count + bytes.count <= capacity, "formatted bytes beyond their bound")
    if let source = bytes.baseAddress { (base + count).update(from: source.assumingMemoryBound(to: UInt8.self), count: bytes.count) }
    count += bytes.count
  }
}
