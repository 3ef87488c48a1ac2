package import KinerjaClean

/// Every programme's own DiD study, for cost per point: the post-training effect of each
/// programme with at least `minGroup` completed participations.
package enum ProgrammeEffects {
  /// The effects by programme; programmes whose study is withheld or cannot be estimated
  /// are missing. Studies run several at a time on `threads` workers, each into a slot of
  /// its own, so the result does not depend on the thread count.
  package static func estimate(
    performance: PerformancePanel, participations: ParticipationTable, roster: EmployeeRoster,
    settings: DiDSettings, minGroup: Int, threads: Int
  ) -> [Int32: EffectEstimate] {
    var completed = [Int32: Int]()
    for index in 0..<participations.count where participations.status[index] == .completed {
      completed[participations.program[index], default: 0] += 1
    }
    let programs = completed.filter { $0.value >= minGroup }.keys.sorted()
    let estimates = parallelMap(count: programs.count, threads: threads) { index in
      DiDStudy(
        .program(programs[index]), variant: "", performance: performance, participations: participations,
        roster: roster, settings: settings, minGroup: minGroup)?.postTrainingEffect
    }
    var effects: [Int32: EffectEstimate] = [:]
    for (program, estimate) in zip(programs, estimates) { effects[program] = estimate }
    return effects
  }
}
