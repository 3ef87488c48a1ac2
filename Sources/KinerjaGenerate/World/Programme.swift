/// A training programme as the history lists it: method, topic and provider, when it runs,
/// its JP and what a place costs.
struct Programme: Sendable {
  /// Index into `MethodProfile.all`.
  var method: Int
  var topic: Int
  var provider: Int
  var dates: CourseDates
  var hours: Int
  var cost: Double

  /// `DIK-2023-PL3-05`: year, method, topic and month of the end date.
  var id: String {
    let (year, month, _) = dates.end
    return "DIK-\(year)-\(MethodProfile.all[method].code)\(topic + 1)-\(month < 10 ? "0" : "")\(month)"
  }

  /// `Pelatihan Manajemen Kinerja Angkatan 5/2023`.
  var name: String {
    let (year, month, _) = dates.end
    return
      "\(Words.titled(MethodProfile.all[method].method)) \(Words.titled(Words.topics[topic])) Angkatan \(month)/\(year)"
  }
}

/// When a course runs: its first and last day, and the months of the window that hold them.
struct CourseDates: Sendable {
  /// (year, month, day) of the first and the last day.
  var start: (Int, Int, Int)
  var end: (Int, Int, Int)
  /// The months (0-based from the window's first) containing `start` and `end`.
  var startMonth: Int
  var endMonth: Int

  /// Whether the course runs in `month`: from its start month to its end month inclusive.
  func contains(_ month: Int) -> Bool { startMonth <= month && month <= endMonth }

  /// The baseline's dates: the end in a month from the second to the second-last of the
  /// window, on a random day, and the start the method's length in days before it.
  static func draw(profile: MethodProfile, options: GeneratorOptions, random: inout StreamRandom)
    -> CourseDates
  {
    let endMonth = random.int(1...(options.months - 2))
    let year = options.startYear + endMonth / 12
    let monthOfYear = endMonth % 12 + 1
    let endDay = random.int(1...NIPSpace.daysIn(month: monthOfYear, year: year))
    let start = daysEarlier(random.int(profile.days), than: (year, monthOfYear, endDay))
    return CourseDates(
      start: start, end: (year, monthOfYear, endDay), startMonth: month(of: start, options: options),
      endMonth: endMonth)
  }

  private static func month(of date: (Int, Int, Int), options: GeneratorOptions) -> Int {
    (date.0 - options.startYear) * 12 + date.1 - 1
  }

  private static func daysEarlier(_ days: Int, than date: (Int, Int, Int)) -> (Int, Int, Int) {
    var (y, m, d) = (date.0, date.1, date.2 - days)
    while d < 1 {
      m -= 1
      if m < 1 {
        m = 12
        y -= 1
      }
      d += NIPSpace.daysIn(month: m, year: y)
    }
    return (y, m, d)
  }
}
