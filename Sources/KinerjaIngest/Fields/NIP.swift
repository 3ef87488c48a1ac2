/// Nomor Induk Pegawai: the 18-digit civil-servant number, as a 64-bit integer.
///
/// Digits 1–8 are the birth date (YYYYMMDD), 9–14 the TMT CPNS (YYYYMM), 15 the gender
/// (1 male, 2 female) and 16–18 a sequence number from 001.
public struct NIP: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The eighteen digits as a number.
  package let rawValue: UInt64

  /// Wraps an already validated number.
  package init(rawValue: UInt64) { self.rawValue = rawValue }

  /// Parses and validates a NIP; spaces, dots and dashes inside are ignored
  /// (`19800101 200501 1 001`).
  public init?(_ field: Field) {
    var value: UInt64 = 0
    var digits = 0
    for byte in field.trimmed.bytes {
      if Field.isDigit(byte) {
        digits += 1
        guard digits <= 18 else { return nil }
        value = value * 10 + UInt64(byte - 0x30)
      } else if byte != 0x20 && byte != UInt8(ascii: ".") && byte != UInt8(ascii: "-") {
        return nil
      }
    }
    guard digits == 18 else { return nil }
    let candidate = NIP(rawValue: value)
    guard let birth = candidate.birthDate,
      (1...12).contains(candidate.appointmentMonth),
      candidate.appointmentYear * 12 + candidate.appointmentMonth > birth.components.year * 12
        + birth.components.month,
      candidate.genderDigit == 1 || candidate.genderDigit == 2,
      candidate.sequence >= 1
    else { return nil }
    self = candidate
  }

  /// The birth date in digits 1–8, or `nil` when it is no real date.
  package var birthDate: CalendarDate? {
    let date = Int(rawValue / 10_000_000_000)
    return CalendarDate(year: date / 10_000, month: date / 100 % 100, day: date % 100)
  }

  /// The year of appointment as candidate civil servant (TMT CPNS), digits 9–12.
  package var appointmentYear: Int { Int(rawValue / 1_000_000 % 10_000) }
  /// The month of appointment, digits 13–14.
  package var appointmentMonth: Int { Int(rawValue / 10_000 % 100) }
  /// Digit 15: 1 male, 2 female.
  package var genderDigit: Int { Int(rawValue / 1000 % 10) }
  /// Digits 16–18.
  package var sequence: Int { Int(rawValue % 1000) }

  /// The eighteen digits, zero-padded.
  public var description: String {
    let digits = String(rawValue)
    return String(repeating: "0", count: max(0, 18 - digits.count)) + digits
  }

  public static func < (lhs: NIP, rhs: NIP) -> Bool { lhs.rawValue < rhs.rawValue }
}
