/// The length of an appraisal period, and a pipeline's analysis grain.
public enum Grain: String, Sendable, CaseIterable, Codable, Comparable {
  case month
  case quarter
  case year

  /// Periods of this grain per year.
  package var periodsPerYear: Int {
    switch self {
    case .month: 12
    case .quarter: 4
    case .year: 1
    }
  }

  public static func < (lhs: Grain, rhs: Grain) -> Bool { lhs.periodsPerYear > rhs.periodsPerYear }
}

/// An appraisal period: a month, a quarter or a year, as one integer index.
///
/// Months count `year × 12 + month − 1`, quarters `year × 4 + quarter − 1`, years
/// are the year itself; periods of one grain are consecutive integers.
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The period's length.
  package let grain: Grain
  /// The period's index within its grain.
  package let index: Int32

  package init(grain: Grain, index: Int32) {
    self.grain = grain
    self.index = index
  }

  /// The month `month` (1–12) of `year`.
  public static func month(_ month: Int, of year: Int) -> Period {
    Period(grain: .month, index: Int32(year * 12 + month - 1))
  }

  /// The quarter `quarter` (1–4) of `year`.
  package static func quarter(_ quarter: Int, of year: Int) -> Period {
    Period(grain: .quarter, index: Int32(year * 4 + quarter - 1))
  }

  /// The year `year`.
  package static func year(_ year: Int) -> Period { Period(grain: .year, index: Int32(year)) }

  /// The period of `grain` that contains `date`.
  package static func containing(_ date: CalendarDate, grain: Grain) -> Period {
    let (year, month, _) = date.components
    return Period.month(month, of: year).rolled(to: grain)!
  }

  /// The calendar year the period lies in.
  package var year: Int { Int(index) / grain.periodsPerYear }

  /// The period of `grain` containing this one, or `nil` when this period is coarser than `grain`.
  package func rolled(to target: Grain) -> Period? {
    guard target >= grain else { return nil }
    let perTarget = grain.periodsPerYear / target.periodsPerYear
    return Period(grain: target, index: Int32((Int(index)).floorDivided(by: perTarget)))
  }

  /// `2024-03`, `2024-Q1` or `2024`.
  public var description: String {
    let position = Int(index) % grain.periodsPerYear + 1
    switch grain {
    case .month: return "\(year)-\(position < 10 ? "0" : "")\(position)"
    case .quarter: return "\(year)-Q\(position)"
    case .year: return "\(year)"
    }
  }

  public static func < (lhs: Period, rhs: Period) -> Bool {
    (lhs.grain.periodsPerYear, lhs.index) < (rhs.grain.periodsPerYear, rhs.index)
  }
}

extension Int {
  fileprivate func floorDivided(by divisor: Int) -> Int {
    self >= 0 ? self / divisor : -((-self + divisor - 1) / divisor)
  }
}

extension Field {
  /// The field as an appraisal period.
  ///
  /// Months: `2024-03`, `03/2024`, `Maret 2024`, `Mar 2024`, an ISO date (its month).
  /// Quarters: `2024-Q1`, `Q1 2024`, `2024 TW I`, `TW 2 2024`, `Triwulan I 2024`.
  /// Years: `2024`.
  public func period() -> Period? {
    let tokens = FieldTokens(trimmed.bytes)
    switch tokens.count {
    case 1:
      let token = tokens[0]
      if token.isNumber && token.length == 4 { return Self.year(token.number).map(Period.year) }
      return nil
    case 2:
      return Self.twoTokenPeriod(tokens[0], tokens[1])
        ?? Self.twoTokenPeriod(tokens[1], tokens[0], yearFirst: true)
    case 3:
      if let date = date() { return Period.containing(date, grain: .month) }
      return Self.quarterPeriod(marker: tokens[1], number: tokens[2], year: tokens[0])
        ?? Self.quarterPeriod(marker: tokens[0], number: tokens[1], year: tokens[2])
    default:
      return nil
    }
  }

  /// `MM YYYY`, `Maret YYYY`, `Q1 YYYY` (or with the year first when `yearFirst`).
  private static func twoTokenPeriod(
    _ part: FieldTokens.Token, _ yearToken: FieldTokens.Token, yearFirst: Bool = false
  ) -> Period? {
    guard yearToken.isNumber, yearToken.length == 4, let year = year(yearToken.number) else { return nil }
    if part.isNumber {
      guard part.length <= 2, (1...12).contains(part.number) else { return nil }
      return .month(part.number, of: year)
    }
    // `Q1` arrives as one letter token then a digit token, so a letter-only part is a month name.
    if let month = MonthName.vocabulary.value(of: Field(part.bytes)) { return .month(month, of: year) }
    return nil
  }

  /// `Q 1 2024`, `TW I 2024`, `Triwulan 2 2024` and their year-first forms.
  private static func quarterPeriod(
    marker: FieldTokens.Token, number: FieldTokens.Token, year yearToken: FieldTokens.Token
  ) -> Period? {
    guard yearToken.isNumber, yearToken.length == 4, let year = year(yearToken.number),
      !marker.isNumber, QuarterWord.markers.value(of: Field(marker.bytes)) != nil
    else { return nil }
    let quarter =
      number.isNumber ? number.number : QuarterWord.romanNumerals.value(of: Field(number.bytes)) ?? 0
    guard (1...4).contains(quarter) else { return nil }
    return .quarter(quarter, of: year)
  }

  private static func year(_ value: Int) -> Int? { (1900...2199).contains(value) ? value : nil }
}

/// Words that mark a quarter: `Q`, `TW` (triwulan), `Triwulan`, `Quarter`; and I–IV.
enum QuarterWord {
  static let markers = Vocabulary<Bool>([
    "q": true, "tw": true, "triwulan": true, "quarter": true, "kuartal": true,
  ])
  static let romanNumerals = Vocabulary<Int>(["i": 1, "ii": 2, "iii": 3, "iv": 4])
}

/// The months a pipeline's appraisals and surveys may lie in: a typo like `2032-05` or
/// `1900-01` would otherwise stretch every employee's row of the panel across decades.
public struct PeriodRange: Sendable, Equatable, CustomStringConvertible {
  /// The first and the last month allowed.
  package var first: Period
  package var last: Period

  package init(first: Period, last: Period) {
    self.first = first
    self.last = last
  }

  /// From 2000-01 to the month of `date`: the default.
  package static func standard(until date: CalendarDate) -> PeriodRange {
    PeriodRange(first: .month(1, of: 2000), last: .containing(date, grain: .month))
  }

  /// Whether some month of `period` lies in the range: the current year or quarter is in
  /// a range that ends this month.
  package func contains(_ period: Period) -> Bool {
    let perPeriod = 12 / period.grain.periodsPerYear
    let start = Int(period.index) * perPeriod
    return start <= Int(last.index) && start + perPeriod - 1 >= Int(first.index)
  }

  /// `2000-01 to 2026-12`.
  public var description: String { "\(first) to \(last)" }
}
