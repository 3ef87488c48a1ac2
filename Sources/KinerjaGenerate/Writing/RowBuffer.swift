/// Rows of one export being written into memory as bytes, in the export's dialect.
///
/// Fields are appended as bytes (numbers formatted by hand), so national-size files are
/// written without a `String` per field.
struct RowBuffer {
  let style: ExportStyle
  private(set) var bytes: [UInt8] = []
  private var fieldsInRow = 0

  init(style: ExportStyle, capacity: Int = 1 << 20) {
    self.style = style
    bytes.reserveCapacity(capacity)
  }

  var delimiter: UInt8 { style == .agency ? UInt8(ascii: ";") : UInt8(ascii: ",") }
  var decimalMark: UInt8 { style == .agency ? UInt8(ascii: ",") : UInt8(ascii: ".") }

  private mutating func separate() {
    if fieldsInRow > 0 { bytes.append(delimiter) }
    fieldsInRow += 1
  }

  /// Ends the row (CRLF in the agency dialect, LF otherwise).
  mutating func endRow() {
    if style == .agency { bytes.append(0x0D) }
    bytes.append(0x0A)
    fieldsInRow = 0
  }

  /// A row of header names.
  mutating func header(_ names: [String]) {
    for name in names { text(name) }
    endRow()
  }

  /// An empty field.
  mutating func empty() { separate() }

  /// Text, quoted when it holds the delimiter, a quote or a line break.
  mutating func text(_ value: String) {
    separate()
    let needsQuotes = value.utf8.contains {
      $0 == delimiter || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
    }
    guard needsQuotes else {
      bytes.append(contentsOf: value.utf8)
      return
    }
    bytes.append(UInt8(ascii: "\""))
    for byte in value.utf8 {
      if byte == UInt8(ascii: "\"") { bytes.append(byte) }
      bytes.append(byte)
    }
    bytes.append(UInt8(ascii: "\""))
  }

  /// Bytes written as they are (for deliberately broken fields).
  mutating func raw(_ value: [UInt8]) {
    separate()
    bytes.append(contentsOf: value)
  }

  /// A whole number.
  mutating func integer(_ value: Int) {
    separate()
    appendDigits(value)
  }

  /// A number with `digits` decimals, in the dialect's decimal mark.
  mutating func decimal(_ value: Double, digits: Int) {
    separate()
    var scale = 1
    for _ in 0..<digits { scale *= 10 }
    var scaled = Int((value * Double(scale)).rounded())
    if scaled < 0 {
      bytes.append(UInt8(ascii: "-"))
      scaled = -scaled
    }
    appendDigits(scaled / scale)
    guard digits > 0 else { return }
    bytes.append(decimalMark)
    var fraction = scaled % scale
    var divisor = scale / 10
    while divisor > 0 {
      bytes.append(UInt8(ascii: "0") + UInt8(fraction / divisor))
      fraction %= divisor
      divisor /= 10
    }
  }

  /// An amount of rupiah: `Rp 1.250.000` in the agency dialect, `1250000` otherwise.
  mutating func money(_ value: Double) {
    separate()
    let amount = Int(value.rounded())
    guard style == .agency else {
      appendDigits(amount)
      return
    }
    bytes.append(contentsOf: "Rp ".utf8)
    let digits = Array(String(amount).utf8)
    for (position, digit) in digits.enumerated() {
      if position > 0 && (digits.count - position) % 3 == 0 { bytes.append(UInt8(ascii: ".")) }
      bytes.append(digit)
    }
  }

  /// An 18-digit NIP; `spaced` writes it as agencies sometimes do (`19800101 200501 1 001`).
  mutating func nip(_ value: UInt64, spaced: Bool = false) {
    separate()
    var digits = [UInt8](repeating: UInt8(ascii: "0"), count: 18)
    var rest = value
    for position in stride(from: 17, through: 0, by: -1) {
      digits[position] = UInt8(ascii: "0") + UInt8(rest % 10)
      rest /= 10
    }
    guard spaced else {
      bytes.append(contentsOf: digits)
      return
    }
    bytes.append(contentsOf: digits[0..<8])
    bytes.append(0x20)
    bytes.append(contentsOf: digits[8..<14])
    bytes.append(0x20)
    bytes.append(digits[14])
    bytes.append(0x20)
    bytes.append(contentsOf: digits[15..<18])
  }

  /// A date: ISO in the canonical dialect; in the agency dialect `form` picks
  /// `15/03/2024`, `15-03-2024` or `15 Maret 2024`.
  mutating func date(_ date: (Int, Int, Int), form: Int) {
    separate()
    let (year, month, day) = date
    guard style == .agency else {
      appendDigits(year)
      bytes.append(UInt8(ascii: "-"))
      appendTwoDigits(month)
      bytes.append(UInt8(ascii: "-"))
      appendTwoDigits(day)
      return
    }
    switch form % 3 {
    case 0, 1:
      let separator = form % 3 == 0 ? UInt8(ascii: "/") : UInt8(ascii: "-")
      appendTwoDigits(day)
      bytes.append(separator)
      appendTwoDigits(month)
      bytes.append(separator)
      appendDigits(year)
    default:
      appendDigits(day)
      bytes.append(0x20)
      bytes.append(contentsOf: Words.monthNames[month - 1].utf8)
      bytes.append(0x20)
      appendDigits(year)
    }
  }

  /// A month: `2024-03` in the canonical dialect; in the agency dialect `form` picks
  /// `Maret 2024`, `03/2024` or `2024-03`.
  mutating func month(year: Int, month: Int, form: Int) {
    separate()
    if style == .agency && form % 3 == 0 {
      bytes.append(contentsOf: Words.monthNames[month - 1].utf8)
      bytes.append(0x20)
      appendDigits(year)
    } else if style == .agency && form % 3 == 1 {
      appendTwoDigits(month)
      bytes.append(UInt8(ascii: "/"))
      appendDigits(year)
    } else {
      appendDigits(year)
      bytes.append(UInt8(ascii: "-"))
      appendTwoDigits(month)
    }
  }

  private mutating func appendDigits(_ value: Int) {
    if value < 0 {
      bytes.append(UInt8(ascii: "-"))
      appendDigits(-value)
      return
    }
    if value >= 10 { appendDigits(value / 10) }
    bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
  }

  private mutating func appendTwoDigits(_ value: Int) {
    bytes.append(UInt8(ascii: "0") + UInt8(value / 10 % 10))
    bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
  }
}
