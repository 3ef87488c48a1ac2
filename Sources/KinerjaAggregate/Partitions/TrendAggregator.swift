import Dispatch
public import KinerjaClean

/// Groups the performance panel by each trend level and period, in parallel.
///
/// The work is split into fixed partitions, one per (level, period), that do not
/// depend on the thread count. Each partition gathers its period's scores by group with
/// a counting sort and hands every group's sample to the caller's summary; the
/// partitions' results are then joined in partition order. So the output is the same
/// for every thread count, byte for byte.
public struct TrendAggregator: Sendable {
  /// The rolled-up appraisals.
  package let panel: PerformancePanel
  /// One grouping per level, in output order.
  package let groupings: [EmployeeGrouping]

  public init(panel: PerformancePanel, groupings: [EmployeeGrouping]) {
    self.panel = panel
    self.groupings = groupings
  }

  /// Calls `summarise` for every (level, period, group) with at least one appraisal,
  /// on `threads` workers; results come back in (level, period, group) order.
  public func summarise<Summary: Sendable>(
    threads: Int, _ summarise: @Sendable (EmployeeGrouping, GroupSample) -> Summary
  ) -> [Summary] {
    let periods = panel.scores.count
    let partitions = groupings.count * periods
    guard partitions > 0 else { return [] }
    let results = UnsafeMutableBufferPointer<[Summary]>.allocate(capacity: partitions)
    results.initialize(repeating: [])
    defer { results.deinitialize().deallocate() }
    nonisolated(unsafe) let slots = results
    let workers = max(1, min(threads, partitions))
    let aggregator = self
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      for partition in stride(from: worker, to: partitions, by: workers) {
        let grouping = aggregator.groupings[partition / periods]
        slots[partition] = aggregator.summarisePartition(
          grouping: grouping, periodOffset: partition % periods, summarise)
      }
    }
    return results.flatMap { $0 }
  }

  /// Counting-sorts one period's appraisals by group, then summarises each group.
  private func summarisePartition<Summary>(
    grouping: EmployeeGrouping, periodOffset: Int, _ summarise: (EmployeeGrouping, GroupSample) -> Summary
  ) -> [Summary] {
    let scores = panel.scores[periodOffset]
    let ratings = panel.ratings[periodOffset]
    let groups = grouping.count
    var scoreCounts = [Int](repeating: 0, count: groups + 1)
    var employeeCounts = [Int](repeating: 0, count: groups)
    var ratingCounts = [[Int]](repeating: [Int](repeating: 0, count: 6), count: groups)
    for employee in 0..<panel.employees {
      let group = Int(grouping.groupOfEmployee[employee])
      let hasScore = !scores[employee].isNaN
      let rating = Int(ratings[employee])
      if hasScore { scoreCounts[group + 1] += 1 }
      if hasScore || rating != 0 { employeeCounts[group] += 1 }
      if rating != 0 { ratingCounts[group][rating] += 1 }
    }
    for group in 0..<groups { scoreCounts[group + 1] += scoreCounts[group] }
    var sorted = [Double](repeating: 0, count: scoreCounts[groups])
    var next = scoreCounts
    for employee in 0..<panel.employees where !scores[employee].isNaN {
      let group = Int(grouping.groupOfEmployee[employee])
      sorted[next[group]] = scores[employee]
      next[group] += 1
    }
    var summaries: [Summary] = []
    sorted.withUnsafeMutableBufferPointer { buffer in
      for group in 0..<groups where employeeCounts[group] > 0 {
        let slice = UnsafeMutableBufferPointer(rebasing: buffer[scoreCounts[group]..<scoreCounts[group + 1]])
        let sample = GroupSample(
          group: Int32(group), periodOffset: periodOffset, employees: employeeCounts[group], scores: slice,
          ratingCounts: ratingCounts[group])
        summaries.append(summarise(grouping, sample))
      }
    }
    return summaries
  }
}
