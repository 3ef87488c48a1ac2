/// One synthetic employee: who they are, the months they are appraised in, and the programme
/// they attend, if any.
///
/// Everything follows from the employee's index and the seed, so the employees,
/// performance, training and feedback files agree without sharing state.
struct EmployeePlan {
  /// An employee's place in a programme, and how they did.
  struct Participation {
    var programme: Programme
    /// 0 completed, 1 dropped, 2 ongoing.
    var status: Int
    var preTest: Double
    var postTest: Double

    var completed: Bool { status == 0 }

    /// Nine in ten complete; of the others, those whose course ends in the last three months
    /// may still be in it.
    static func status(draw: Double, endMonth: Int, months: Int) -> Int {
      draw < 0.90 ? 0 : (draw < 0.96 || endMonth < months - 3 ? 1 : 2)
    }
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
  let tenure: Tenure
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

    tenure = Tenure.draw(employee: index, options: options)

    var trainingRandom = StreamRandom(seed: options.seed, stream: .training, index: index)
    switch options.shapes.trainingAssignment {
    case .employee:
      participation = Self.ownProgramme(of: index, options: options, random: &trainingRandom)
    case .agency:
      participation = world.agencies[agency].training.flatMap {
        Self.place(in: $0, options: options, random: &trainingRandom)
      }
    }
  }

  /// A programme the employee attends on their own, with chance `World.trainedShare`.
  private static func ownProgramme(
    of index: Int, options: GeneratorOptions, random: inout StreamRandom
  ) -> Participation? {
    guard options.months >= 4, random.chance(World.trainedShare) else { return nil }
    let method = random.weighted(MethodProfile.all.map(\.weight))
    let profile = MethodProfile.all[method]
    var lengthRandom = StreamRandom(seed: options.seed, stream: .courseLength, index: index)
    let dates = CourseDates.draw(profile: profile, options: options, random: &random)
      .fitted(to: options.shapes.courseMonths, profile: profile, random: &lengthRandom)
    let topic = random.int(0...(Words.topics.count - 1))
    let status = Participation.status(
      draw: random.uniform(), endMonth: dates.endMonth, months: options.months)
    let (pre, post) = tests(profile: profile, random: &random)
    let provider = random.int(0...(Words.providers.count - 1))
    let hours = random.int(profile.hours)
    let cost = (random.uniform(profile.cost) / 1000).rounded() * 1000
    return Participation(
      programme: Programme(
        method: method, topic: topic, provider: provider, dates: dates, hours: hours, cost: cost),
      status: status, preTest: pre, postTest: post)
  }

  /// A place in the programme of the employee's agency, taken with its attendance share.
  private static func place(
    in training: AgencyTraining, options: GeneratorOptions, random: inout StreamRandom
  ) -> Participation? {
    guard random.chance(training.attendanceShare) else { return nil }
    let programme = training.programme
    let status = Participation.status(
      draw: random.uniform(), endMonth: programme.dates.endMonth, months: options.months)
    let (pre, post) = tests(profile: MethodProfile.all[programme.method], random: &random)
    return Participation(programme: programme, status: status, preTest: pre, postTest: post)
  }

  /// Pre- and post-test scores, to one decimal.
  private static func tests(profile: MethodProfile, random: inout StreamRandom) -> (Double, Double) {
    let pre = random.uniform(40...75)
    let post = min(100, pre + profile.testGain + 5 * random.normal())
    return ((pre * 10).rounded() / 10, (max(0, post) * 10).rounded() / 10)
  }

  /// The employee's score in `month`, or `nil` for a month without an appraisal.
  ///
  /// The score is the agency's level and slope, the shared drift, the employee's own level
  /// and noise; plus the method's effect in every month after the end month of a completed
  /// programme; minus the in-course dip from its start month to its end month inclusive,
  /// whatever the status; plus the agency's shock in the month. The draws are the same
  /// whether or not the month has an appraisal, so one month's row never moves another's.
  func score(in month: Int, world: World, random: inout StreamRandom) -> Double? {
    let missing = random.chance(world.options.shapes.missingAppraisalShare)
    let noise = 3 * random.normal()
    guard !missing, tenure.includes(month), !world.isExportLost(in: month) else { return nil }
    let agency = world.agencies[self.agency]
    var score = agency.level + agency.slope * Double(month) + world.drift[month] + personal + noise
    if let participation {
      let dates = participation.programme.dates
      if participation.completed, month > dates.endMonth {
        score += world.effects[participation.programme.method]
      }
      if dates.contains(month) { score -= world.options.shapes.inCourseDip }
    }
    score += agency.shock(in: month)
    return (min(120, max(0, score)) * 100).rounded() / 100
  }
}
