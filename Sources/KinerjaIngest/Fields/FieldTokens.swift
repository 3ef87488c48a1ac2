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

  /// Periods and dates have at most six tokens (a date with a time); more is no period or date.
  static let capacity = 8
  // Token boundaries in fixed inline storage: parsing a period or date allocates nothing.
  private var starts = InlineArray<8, Int>(repeating: 0)
  private var lengths = InlineArray<8, Int>(repeating: 0)
  private var numbers = InlineArray<8, Bool>(repeating: false)
  private var separators = InlineArray<8, Separator>(repeating: .none)
  private var tokenCount = 0
  private var base: UnsafeRawPointer?
  /// Whether the field had a byte that is neither digit, letter nor an allowed separator.
  private(set) var hasStrayBytes = false

  init(_ bytes: UnsafeRawBufferPointer) {
    guard let base = bytes.baseAddress else { return }
    self.base = base
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
        if !number && end - index == 1 && Field.lowercased(byte) == UInt8(ascii: "t") && tokenCount == 3
          && numbers[0] && numbers[1] && numbers[2]
        {
          separator = .timeStart
          index = end
          continue
        }
        guard tokenCount < Self.capacity else {
          hasStrayBytes = true
          return
        }
        starts[tokenCount] = index
        lengths[tokenCount] = end - index
        numbers[tokenCount] = number
        separators[tokenCount] = separator
        tokenCount += 1
        separator = .none
        index = end
      } else {
        switch byte {
        case 0x20, 0x09:
          if separator == .none { separator = tokenCount == 3 ? .timeStart : .dateSeparator }
        case UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: ","):
          separator = .dateSeparator
        default:
          hasStrayBytes = true
        }
        index += 1
      }
    }
  }

  var count: Int { hasStrayBytes ? 0 : tokenCount }
  subscript(index: Int) -> Token {
    Token(
      bytes: UnsafeRawBufferPointer(start: base! + starts[index], count: lengths[index]),
      isNumber: numbers[index])
  }
  func separator(before index: Int) -> Separator { separators[index] }
}
