/// What `truth.json` says about a written world.
extension Generator {
  func makeTruth(world: World, inputs: [String: Truth.InputTruth]) -> Truth {
    let shapes = options.shapes
    let shaped = shapes != .baseline
    var participants = [Int](repeating: 0, count: MethodProfile.all.count)
    var completed = participants
    var agencyParticipants = [Int](repeating: 0, count: world.agencies.count)
    var turnover = Truth.Turnover()
    for index in 0..<options.employees {
      let plan = EmployeePlan(index: index, world: world)
      if let participation = plan.participation {
        participants[participation.programme.method] += 1
        if participation.completed { completed[participation.programme.method] += 1 }
        agencyParticipants[plan.agency] += 1
      }
      count(plan.tenure, in: &turnover)
    }
    let methods = Dictionary(
      uniqueKeysWithValues: MethodProfile.all.enumerated().map { index, profile in
        (
          profile.method,
          Truth.MethodTruth(
            effect: world.effects[index], participants: participants[index], completed: completed[index],
            inCourseDip: shaped ? shapes.inCourseDip : nil,
            longestCourseMonths: shaped ? profile.longestCourse(courseMonths: shapes.courseMonths) : nil)
        )
      })
    let trainedShare =
      shapes.trainingAssignment == .employee
      ? World.trainedShare : Double(participants.reduce(0, +)) / Double(options.employees)
    return Truth(
      parameters: parameters, firstPeriod: "\(options.startYear)-01", sharedDrift: world.drift,
      driftPerMonth: World.driftPerMonth, seasonalAmplitude: World.seasonalAmplitude,
      trainedShare: trainedShare, missingMonthShare: shapes.missingAppraisalShare, methods: methods,
      agencies: world.agencies.enumerated().map { index, agency in
        Truth.AgencyTruth(
          code: agency.code, name: agency.name, region: agency.region, sector: agency.sector,
          employees: agency.size,
          level: agency.level, slopePerMonth: agency.slope,
          ikm: World.plantedIKM(satisfaction: agency.satisfaction),
          ratingFromMatrix: agency.leavesRatingEmpty,
          shocks: agency.shocks.isEmpty ? nil : agency.shocks,
          programme: agency.training.map { programmeTruth($0, participants: agencyParticipants[index]) })
      },
      inputs: inputs, turnover: shaped ? turnover : nil, eventTime: shaped ? Truth.EventTime() : nil)
  }

  /// The options, with the shape options only when some shape differs from the baseline.
  private var parameters: Truth.Parameters {
    var parameters = Truth.Parameters(
      employees: options.employees, months: options.months, seed: options.seed, style: options.style,
      badRowRate: options.badRowRate, startYear: options.startYear)
    let shapes = options.shapes
    guard shapes != .baseline else { return parameters }
    parameters.missingAppraisals = shapes.missingAppraisalShare
    parameters.joiners = shapes.joinerShare
    parameters.leavers = shapes.leaverShare
    parameters.emptyMonths = shapes.emptyMonths.map(\.description)
    parameters.assignBy = shapes.trainingAssignment
    parameters.agencyShocks = shapes.agencyShockSD
    parameters.courseMonths = shapes.courseMonths
    parameters.inCourseDip = shapes.inCourseDip
    parameters.effectScale = shapes.effectScale
    return parameters
  }

  private func count(_ tenure: Tenure, in turnover: inout Truth.Turnover) {
    switch tenure {
    case .throughout:
      break
    case .joins(let first):
      turnover.joiners += 1
      turnover.joinersByFirstPeriod[options.period(ofMonth: first).description, default: 0] += 1
    case .leaves(let last):
      turnover.leavers += 1
      turnover.leaversByLastPeriod[options.period(ofMonth: last).description, default: 0] += 1
    }
  }

  private func programmeTruth(_ training: AgencyTraining, participants: Int) -> Truth.ProgrammeTruth {
    let programme = training.programme
    return Truth.ProgrammeTruth(
      method: MethodProfile.all[programme.method].method, programId: programme.id,
      startPeriod: options.period(ofMonth: programme.dates.startMonth).description,
      endPeriod: options.period(ofMonth: programme.dates.endMonth).description,
      attendanceShare: training.attendanceShare, participants: participants)
  }
}
