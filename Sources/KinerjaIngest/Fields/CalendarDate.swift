/// A day in the proleptic Gregorian calendar, stored as days since 1970-01-01.
package struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Days since 1970-01-01 (negative before).
  package let daysSinceEpoch: Int32

  package init(daysSinceEpoch: Int32) { self.daysSinceEpoch = daysSinceEpoch }

  /// The date `year`-`month`-`day`, or `nil` when no such day exists (`31/02/2024`).
  package init?(year: Int, month: Int, day: Int) {
    guard (1900...2199).contains(year), (1...12).contains(month),
      (1...Self.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    // Days from civil, after H. Hinnant's public-domain algorithm.
    let y = month <= 2 ? year - 1 : year
    let era = y / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    daysSinceEpoch = Int32(era * 146097 + dayOfEra - 719468)
  }

  /// Year, month (1–12) and day (1–31).
  package var components: (year: Int, month: Int, day: Int) {
    let z = Int(daysSinceEpoch) + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let dayOfEra = z - era * 146097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// ISO 8601: `2024-03-15`.
  package var description: String {
    let (year, month, day) = components
    return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
  }

  package static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    lhs.daysSinceEpoch < rhs.daysSinceEpoch
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}

extension Field {
  /// The field as a date: `2024-03-15`, `15/03/2024`, `15-03-2024`, `15.03.2024`,
  /// `15 Maret 2024`, `15 Mar 2024` (Indonesian or English month names).
  ///
  /// Numeric dates are day first, never month first. An ISO date may carry a time
  /// (`2024-03-15 08:00:00`, `2024-03-15T08:00`), which is ignored.
  package func date() -> CalendarDate? {
    let tokens = FieldTokens(trimmed.bytes)
    guard tokens.count >= 3 else { return nil }
    let first = tokens[0]
    let second = tokens[1]
    let third = tokens[2]
    if first.isNumber && first.length == 4 && second.isNumber && third.isNumber {
      // ISO: a time may follow, separated by a space or `T`.
      guard tokens.count == 3 || tokens.separator(before: 3) == .timeStart else { return nil }
      return CalendarDate(year: first.number, month: second.number, day: third.number)
    }
    guard tokens.count == 3, first.isNumber, first.length <= 2, third.isNumber, third.length == 4 else {
      return nil
    }
    if second.isNumber {
      guard second.length <= 2 else { return nil }
      return CalendarDate(year: third.number, month: second.number, day: first.number)
    }
    guard let month = MonthName.vocabulary.value(of: Field(second.bytes)) else { return nil }
    return CalendarDate(year: third.number, month: month, day: first.number)
  }
}

/// Month names as Indonesian and English exports write them, full and abbreviated.
enum MonthName {
  static let vocabulary = Vocabulary<Int>([
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "february": 2, "feb": 2, "pebruari": 2,
    "maret": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "agustus": 8, "august": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11, "nop": 11, "nopember": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
  ])
}
