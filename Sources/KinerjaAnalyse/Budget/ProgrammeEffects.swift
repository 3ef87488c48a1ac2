import Dispatch
public import KinerjaClean

/// Every programme's own DiD study, for cost per point: the post-training effect of each
/// programme with at least `minGroup` completed participations.
public enum ProgrammeEffects {
  /// The effects by programme; programmes whose study is withheld or cannot be estimated
  /// are missing. Studies run several at a time on `threads` workers, each into a slot of
  /// its own, so the result does not depend on the thread count.
  public static func estimate(
    performance: PerformancePanel, participations: ParticipationTable, control: StaggeredDiD.ControlGroup,
    minGroup: Int, threads: Int
  ) -> [Int32: EffectEstimate] {
    var completed = [Int32: Int]()
    for index in 0..<participations.count where participations.status[index] == .completed {
      completed[participations.program[index], default: 0] += 1
    }
    let programs = completed.filter { $0.value >= minGroup }.keys.sorted()
    let slots = UnsafeMutableBufferPointer<EffectEstimate?>.allocate(capacity: programs.count)
    slots.initialize(repeating: nil)
    defer { slots.deinitialize().deallocate() }
    nonisolated(unsafe) let results = slots
    let workers = max(1, min(threads, programs.count))
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      for index in stride(from: worker, to: programs.count, by: workers) {
        results[index] =
          DiDStudy(
            .program(programs[index]), variant: "", performance: performance, participations: participations,
            control: control, minGroup: minGroup)?.postTrainingEffect
      }
    }
    var effects: [Int32: EffectEstimate] = [:]
    for (index, program) in programs.enumerated() { effects[program] = slots[index] }
    return effects
  }
}
