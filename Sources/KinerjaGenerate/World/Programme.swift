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

  /// These dates fitted to courses of at most `courseMonths` calendar months.
  ///
  /// One month: a course that began in the month before starts on the first of its end
  /// month. Three or more: a course of a method that runs for months starts a number of
  /// whole months earlier, drawn from 0 to `courseMonths − 2`, never before the window.
  /// Two, the baseline, leaves the dates as they are (the methods last at most 27 days).
  func fitted(to courseMonths: Int, profile: MethodProfile, random: inout StreamRandom) -> CourseDates {
    var fitted = self
    if courseMonths == 1, startMonth < endMonth {
      fitted.start = (end.0, end.1, 1)
      fitted.startMonth = endMonth
    } else if courseMonths > 2, profile.spansMonths {
      let earlier = random.int(0...min(courseMonths - 2, endMonth - 1))
      fitted.start = Self.monthsEarlier(earlier, than: start)
      fitted.startMonth = startMonth - earlier
    }
    return fitted
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

  /// The same day `months` calendar months earlier, or that month's last day if it is shorter.
  private static func monthsEarlier(_ months: Int, than date: (Int, Int, Int)) -> (Int, Int, Int) {
    let index = date.0 * 12 + date.1 - 1 - months
    let (year, month) = (index / 12, index % 12 + 1)
    return (year, month, min(date.2, NIPSpace.daysIn(month: month, year: year)))
  }
}

/// The programme an agency runs for its own staff when training is assigned by agency.
struct AgencyTraining: Sendable {
  /// Chance that an agency runs a programme.
  static let agencyShare = 0.45
  /// The share of an agency's employees who attend is drawn from this range.
  static let attendanceRange = 0.8...0.95

  var programme: Programme
  /// Chance that one of the agency's employees attends.
  var attendanceShare: Double

  /// The programme agency `index` runs, or `nil` when training is by employee or the agency
  /// runs none; drawn from the agency's own stream.
  static func draw(agency index: Int, options: GeneratorOptions) -> AgencyTraining? {
    guard options.shapes.trainingAssignment == .agency, options.months >= 4 else { return nil }
    var random = StreamRandom(seed: options.seed, stream: .agencyProgramme, index: index)
    guard random.chance(agencyShare) else { return nil }
    let method = random.weighted(MethodProfile.all.map(\.weight))
    let profile = MethodProfile.all[method]
    let dates = CourseDates.draw(profile: profile, options: options, random: &random)
      .fitted(to: options.shapes.courseMonths, profile: profile, random: &random)
    let topic = random.int(0...(Words.topics.count - 1))
    let provider = random.int(0...(Words.providers.count - 1))
    let hours = random.int(profile.hours)
    let cost = (random.uniform(profile.cost) / 1000).rounded() * 1000
    return AgencyTraining(
      programme: Programme(
        method: method, topic: topic, provider: provider, dates: dates, hours: hours, cost: cost),
      attendanceShare: random.uniform(attendanceRange))
  }
}
