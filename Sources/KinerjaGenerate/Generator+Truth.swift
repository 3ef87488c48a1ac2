/// What `truth.json` says about a written world.
extension Generator {
  func makeTruth(world: World, inputs: [String: Truth.InputTruth]) -> Truth {
    var participants = [Int](repeating: 0, count: MethodProfile.all.count)
    var completed = participants
    for index in 0..<options.employees {
      if let participation = EmployeePlan(index: index, world: world).participation {
        participants[participation.programme.method] += 1
        if participation.completed { completed[participation.programme.method] += 1 }
      }
    }
    let methods = Dictionary(
      uniqueKeysWithValues: MethodProfile.all.enumerated().map { index, profile in
        (
          profile.method,
          Truth.MethodTruth(
            effect: profile.effect, participants: participants[index], completed: completed[index])
        )
      })
    return Truth(
      parameters: Truth.Parameters(
        employees: options.employees, months: options.months, seed: options.seed, style: options.style,
        badRowRate: options.badRowRate, startYear: options.startYear),
      firstPeriod: "\(options.startYear)-01", sharedDrift: world.drift,
      driftPerMonth: World.driftPerMonth, seasonalAmplitude: World.seasonalAmplitude,
      trainedShare: World.trainedShare, missingMonthShare: World.missingMonthShare, methods: methods,
      agencies: world.agencies.map { agency in
        Truth.AgencyTruth(
          code: agency.code, name: agency.name, region: agency.region, sector: agency.sector,
          employees: agency.size,
          level: agency.level, slopePerMonth: agency.slope,
          ikm: World.plantedIKM(satisfaction: agency.satisfaction),
          ratingFromMatrix: agency.leavesRatingEmpty)
      },
      inputs: inputs)
  }
}
