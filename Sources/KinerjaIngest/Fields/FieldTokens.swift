/// A field split into runs of digits and runs of letters, for dates and periods.
///
/// `15 Maret 2024` is three tokens; `2024-Q1` is `2024`, `Q`, `1`; separators between
/// tokens (space, `-`, `/`, `.`) are remembered so a date can tell a time from a day.
struct FieldTokens {
  struct Token {
    let bytes: UnsafeRawBufferPointer
    let isNumber: Bool
    var length: Int { bytes.count }
    /// The token's value when it is a run of at most nine digits.
    var number: Int {
      guard isNumber, length <= 9 else { return -1 }
      return bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }
  }

  enum Separator: Equatable {
    case none
    case dateSeparator
    case timeStart
  }

  private(set) var tokens: [Token] = []
  private(set) var separators: [Separator] = []
  /// Whether the field had a byte that is neither digit, letter nor an allowed separator.
  private(set) var hasStrayBytes = false

  init(_ bytes: UnsafeRawBufferPointer) {
    guard let base = bytes.baseAddress else { return }
    var index = 0
    var separator = Separator.none
    while index < bytes.count {
      let byte = bytes[index]
      if Field.isDigit(byte) || Field.isLetter(byte) {
        let number = Field.isDigit(byte)
        var end = index + 1
        while end < bytes.count && (number ? Field.isDigit(bytes[end]) : Field.isLetter(bytes[end])) {
          end += 1
        }
        // `T` between an ISO date and a time.
        if !number && end - index == 1 && Field.lowercased(byte) == UInt8(ascii: "t") && tokens.count == 3
          && tokens.allSatisfy(\.isNumber)
        {
          separator = .timeStart
          index = end
          continue
        }
        tokens.append(
          Token(bytes: UnsafeRawBufferPointer(start: base + index, count: end - index), isNumber: number))
        separators.append(separator)
        separator = .none
        index = end
      } else {
        switch byte {
        case 0x20, 0x09:
          if separator == .none { separator = tokens.count == 3 ? .timeStart : .dateSeparator }
        case UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: ","):
          separator = .dateSeparator
        default:
          hasStrayBytes = true
        }
        index += 1
      }
    }
  }

  var count: Int { hasStrayBytes ? 0 : tokens.count }
  subscript(index: Int) -> Token { tokens[index] }
  func separator(before index: Int) -> Separator { separators[index] }
}
