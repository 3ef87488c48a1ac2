/// One synthetic employee: who they are, and the programme they attend, if any.
///
/// Everything follows from the employee's index and the seed, so the employees,
/// performance, training and feedback files agree without sharing state.
struct EmployeePlan {
  struct Participation {
    var method: Int
    var topic: Int
    var provider: Int
    /// The month (0-based from the start) that contains the end date.
    var month: Int
    var start: (Int, Int, Int)
    var end: (Int, Int, Int)
    var hours: Int
    var cost: Double
    /// 0 completed, 1 dropped, 2 ongoing.
    var status: Int
    var preTest: Double
    var postTest: Double
    var programID: String
    var programName: String

    var completed: Bool { status == 0 }
  }

  let index: Int
  let agency: Int
  let unit: Int
  let nip: UInt64
  let birth: (Int, Int, Int)
  let gender: Int
  let grade: Int
  let positionType: Int
  let name: String
  /// The employee's own deviation from the agency's level.
  let personal: Double
  let participation: Participation?

  init(index: Int, world: World) {
    let options = world.options
    var random = StreamRandom(seed: options.seed, stream: .employee, index: index)
    self.index = index
    agency = world.agency(of: index)
    unit = random.int(0...(world.agencies[agency].units.count - 1))
    let identity = NIPSpace.identity(of: index, seed: options.seed)
    birth = identity.birth
    gender = identity.gender
    let appointmentYear = min(options.startYear - 1, birth.0 + 18 + random.int(0...17))
    nip = NIPSpace.nip(
      birth: birth, appointment: (appointmentYear, random.int(1...12)), gender: gender,
      sequence: identity.sequence)
    positionType = random.weighted(Words.positionWeights)
    let seniority = options.startYear - appointmentYear
    grade = min(
      16, max(4, 6 + seniority / 4 + (positionType == 2 || positionType == 3 ? 3 : 0) + random.int(-1...1)))
    name =
      Words.firstNames[random.int(0...(Words.firstNames.count - 1))] + " "
      + Words.lastNames[random.int(0...(Words.lastNames.count - 1))]
    personal = 4 * random.normal()

    var trainingRandom = StreamRandom(seed: options.seed, stream: .training, index: index)
    guard options.months >= 4, trainingRandom.chance(World.trainedShare) else {
      participation = nil
      return
    }
    let method = trainingRandom.weighted(MethodProfile.all.map(\.weight))
    let profile = MethodProfile.all[method]
    let month = trainingRandom.int(1...(options.months - 2))
    let year = options.startYear + month / 12
    let monthOfYear = month % 12 + 1
    let endDay = trainingRandom.int(1...NIPSpace.daysIn(month: monthOfYear, year: year))
    let start = Self.date(
      year: year, month: monthOfYear, day: endDay, minusDays: trainingRandom.int(profile.days))
    let topic = trainingRandom.int(0...(Words.topics.count - 1))
    let statusDraw = trainingRandom.uniform()
    let status = statusDraw < 0.90 ? 0 : (statusDraw < 0.96 || month < options.months - 3 ? 1 : 2)
    let pre = trainingRandom.uniform(40...75)
    let post = min(100, pre + profile.testGain + 5 * trainingRandom.normal())
    participation = Participation(
      method: method, topic: topic, provider: trainingRandom.int(0...(Words.providers.count - 1)),
      month: month,
      start: start, end: (year, monthOfYear, endDay), hours: trainingRandom.int(profile.hours),
      cost: (trainingRandom.uniform(profile.cost) / 1000).rounded() * 1000, status: status,
      preTest: (pre * 10).rounded() / 10, postTest: (max(0, post) * 10).rounded() / 10,
      programID: "DIK-\(year)-\(profile.code)\(topic + 1)-\(monthOfYear < 10 ? "0" : "")\(monthOfYear)",
      programName:
        "\(Words.titled(profile.method)) \(Words.titled(Words.topics[topic])) Angkatan \(monthOfYear)/\(year)"
    )
  }

  /// The employee's score in `month`, or `nil` for a month without an appraisal.
  func score(in month: Int, world: World, random: inout StreamRandom) -> Double? {
    let missing = random.chance(World.missingMonthShare)
    let noise = 3 * random.normal()
    guard !missing else { return nil }
    let agency = world.agencies[self.agency]
    var score = agency.level + agency.slope * Double(month) + world.drift[month] + personal + noise
    if let participation, participation.completed, month > participation.month {
      score += MethodProfile.all[participation.method].effect
    }
    return (min(120, max(0, score)) * 100).rounded() / 100
  }

  private static func date(year: Int, month: Int, day: Int, minusDays: Int) -> (Int, Int, Int) {
    var (y, m, d) = (year, month, day - minusDays)
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
