/// Numbers employees with unique, valid NIPs without remembering the ones given out.
///
/// An employee's index is scrambled by an invertible affine map onto the space of
/// (birth day 1965–2000, gender digit, sequence 001–999); the TMT digits come from the
/// employee's own stream. Distinct indices give distinct (birth, gender, sequence), so
/// distinct NIPs.
enum NIPSpace {
  static let firstBirthDay = 1965 * 10_000 + 101
  static let birthDays = 13_149  // 1965-01-01 … 2000-12-31
  static let size = birthDays * 2 * 999
  /// A prime larger than every factor of `size`, so the map is a bijection.
  private static let multiplier = 15_485_863

  /// Birth date (year, month, day), gender digit and sequence for employee `index`.
  static func identity(of index: Int, seed: UInt64) -> (birth: (Int, Int, Int), gender: Int, sequence: Int) {
    let offset = Int(seed % UInt64(size))
    let scrambled = (index % size * multiplier % size + offset) % size
    let day = scrambled / 1998
    let rest = scrambled % 1998
    return (civil(daysAfter1965: day), rest / 999 + 1, rest % 999 + 1)
  }

  /// The NIP's eighteen digits as a number.
  static func nip(birth: (Int, Int, Int), appointment: (year: Int, month: Int), gender: Int, sequence: Int)
    -> UInt64
  {
    let date = UInt64(birth.0 * 10_000 + birth.1 * 100 + birth.2)
    let tmt = UInt64(appointment.year * 100 + appointment.month)
    return date * 10_000_000_000 + tmt * 10_000 + UInt64(gender * 1000 + sequence)
  }

  /// A valid-looking NIP of someone born in the 1950s, who is in no generated master.
  static func stranger(_ random: inout StreamRandom) -> UInt64 {
    nip(
      birth: (random.int(1950...1959), random.int(1...12), random.int(1...28)),
      appointment: (random.int(1980...1989), random.int(1...12)), gender: random.int(1...2),
      sequence: random.int(1...999))
  }

  private static func civil(daysAfter1965 days: Int) -> (Int, Int, Int) {
    var year = 1965
    var remaining = days
    while true {
      let length = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 366 : 365
      if remaining < length { break }
      remaining -= length
      year += 1
    }
    var month = 1
    while true {
      let length = daysIn(month: month, year: year)
      if remaining < length { break }
      remaining -= length
      month += 1
    }
    return (year, month, remaining + 1)
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}
