import Dispatch
package import KinerjaAggregate
package import KinerjaClean
import KinerjaIngest

/// Settings of the pre/post analysis, from the pipeline file.
package struct TrainingEffectsOptions: Sendable {
  /// Grain periods before and after the training period that are averaged.
  package var window: Int
  /// Periods with a score an employee needs on each side.
  package var minPeriods: Int
  /// Bootstrap resamples for the percentile CI (0: no bootstrap).
  package var bootstrapDraws: Int
  /// The bootstrap's seed; with it the intervals are the same on every run and thread count.
  package var bootstrapSeed: UInt64
  /// Groups with fewer participants keep their counts but not their statistics.
  package var minGroup: Int

  package init(
    window: Int = 3, minPeriods: Int = 1, bootstrapDraws: Int = 1000, bootstrapSeed: UInt64 = 1,
    minGroup: Int = 5
  ) {
    self.window = window
    self.minPeriods = minPeriods
    self.bootstrapDraws = bootstrapDraws
    self.bootstrapSeed = bootstrapSeed
    self.minGroup = minGroup
  }
}

/// One row of `training_effects`: the participations of one group of one dimension.
package struct TrainingEffectRow: Sendable {
  /// The dimension: program, method, topic, provider, agency, sector, grade, position_type.
  package var by: Dimension
  /// The group within it (a programme id, a method, an agency code …).
  package var value: String
  /// Completed participations with enough periods on both sides.
  package var participants: Int
  package var preMean: Double?
  package var postMean: Double?
  package var meanChange: Double?
  package var t: Double?
  package var degreesOfFreedom: Int?
  package var p: Double?
  package var wilcoxonStatistic: Double?
  package var wilcoxonP: Double?
  package var wilcoxonMethod: String?
  package var cohensDz: Double?
  package var ciLow: Double?
  package var ciHigh: Double?
  package var bootstrapLow: Double?
  package var bootstrapHigh: Double?
  /// Kirkpatrick level 1: course evaluations of the group's programmes and their means.
  package var evaluations: Int?
  package var feedbackMeans: [Double?]
  /// Kirkpatrick level 2: participations with both test scores, and post − pre test.
  package var tested: Int
  package var testChange: Double?
  package var testT: Double?
  package var testP: Double?
  package var suppressed: Bool
}

/// Pre/post changes of performance around each completed training, summarised by group.
///
/// For a participation in period p, pre is the employee's mean score over the `window`
/// periods before p and post the mean over the `window` periods after it; p itself is in
/// neither. The differences post − pre are tested with the paired t test and the
/// Wilcoxon signed-rank test, as scipy does.
package struct TrainingEffects: Sendable {
  /// The dimensions rows are grouped by, in output order.
  package static let dimensions: [Dimension] = [
    .program, .method, .topic, .provider, .agency, .sector, .grade, .positionType,
  ]
  /// Course-evaluation aspects, in output order.
  package static let feedbackAspects = ["material", "instructor", "method", "facilities", "overall"]

  package let options: TrainingEffectsOptions

  package init(options: TrainingEffectsOptions) { self.options = options }

  /// The rows for every dimension and group, on `threads` workers.
  package func rows(
    performance: PerformancePanel, participations: ParticipationTable, roster: EmployeeRoster,
    evaluations: CourseEvaluations?, threads: Int
  ) -> [TrainingEffectRow] {
    rows(
      pairs: pairs(performance: performance, participations: participations), participations: participations,
      roster: roster, evaluations: evaluations, threads: threads)
  }

  /// The rows for every dimension and group from pairs already made by ``pairs(performance:participations:)``.
  package func rows(
    pairs: [(participation: Int, pre: Double, post: Double)], participations: ParticipationTable,
    roster: EmployeeRoster, evaluations: CourseEvaluations?, threads: Int
  ) -> [TrainingEffectRow] {
    var groups: [(by: Dimension, value: String, members: [Int])] = []
    for dimension in Self.dimensions {
      let grouping = ParticipationGrouping(dimension: dimension, participations: participations, roster: roster)
      var members = [[Int]](repeating: [], count: grouping.count)
      for (position, pair) in pairs.enumerated() {
        let group = grouping.groupOfParticipation[pair.participation]
        if group >= 0 { members[Int(group)].append(position) }
      }
      // Groups in the order of their keys; participations without the attribute are left out.
      let present = members.indices.filter { !members[$0].isEmpty }
      for group in present.sorted(by: { grouping.keys[$0] < grouping.keys[$1] }) {
        groups.append((dimension, grouping.keys[group], members[group]))
      }
    }
    let feedback = evaluations.map { Self.feedbackByProgram($0) }
    return parallelMap(count: groups.count, threads: threads) { index in
      let group = groups[index]
      return row(
        by: group.by, value: group.value, pairs: group.members.map { pairs[$0] }, participations: participations,
        feedback: feedback)
    }.compactMap { $0 }
  }

  /// One (pre, post) pair per completed participation with enough periods on both sides.
  package func pairs(
    performance: PerformancePanel, participations: ParticipationTable
  ) -> [(participation: Int, pre: Double, post: Double)] {
    guard let first = performance.firstPeriod else { return [] }
    var pairs: [(participation: Int, pre: Double, post: Double)] = []
    for index in 0..<participations.count where participations.status[index] == .completed {
      let employee = Int(participations.employee[index])
      let offset = Int(
        Period.containing(participations.endDate[index], grain: first.grain).index - first.index)
      guard let pre = mean(performance, employee, (offset - options.window)..<offset),
        let post = mean(performance, employee, (offset + 1)..<(offset + 1 + options.window))
      else { continue }
      pairs.append((index, pre, post))
    }
    return pairs
  }

  /// The mean score of `employee` over `periods` within the panel, if it has at least `minPeriods`.
  private func mean(_ performance: PerformancePanel, _ employee: Int, _ periods: Range<Int>) -> Double? {
    var sum = 0.0
    var count = 0
    for period in periods where period >= 0 && period < performance.scores.count {
      let score = performance.scores[period][employee]
      if !score.isNaN {
        sum += score
        count += 1
      }
    }
    return count >= max(1, options.minPeriods) ? sum / Double(count) : nil
  }

  /// Course evaluations by programme id: count and sums of each aspect.
  private static func feedbackByProgram(_ evaluations: CourseEvaluations) -> [Int32: (
    count: Int, sums: [Double], counts: [Int]
  )] {
    var result: [Int32: (count: Int, sums: [Double], counts: [Int])] = [:]
    for index in 0..<evaluations.count {
      let values = [
        evaluations.material[index], evaluations.instructor[index], evaluations.method[index],
        evaluations.facilities[index], evaluations.overall[index],
      ]
      var entry =
        result[evaluations.program[index]] ?? (
          0, [Double](repeating: 0, count: 5), [Int](repeating: 0, count: 5)
        )
      entry.count += 1
      for (aspect, value) in values.enumerated() where !value.isNaN {
        entry.sums[aspect] += value
        entry.counts[aspect] += 1
      }
      result[evaluations.program[index]] = entry
    }
    return result
  }

  private func row(
    by: Dimension, value: String, pairs: [(participation: Int, pre: Double, post: Double)],
    participations: ParticipationTable, feedback: [Int32: (count: Int, sums: [Double], counts: [Int])]?
  ) -> TrainingEffectRow {
    let shown = pairs.count >= options.minGroup
    let differences = PairedDifferences(pairs.map { $0.post - $0.pre })
    var row = TrainingEffectRow(
      by: by, value: value, participants: pairs.count, feedbackMeans: [Double?](repeating: nil, count: 5),
      tested: 0,
      suppressed: !shown)
    if shown && pairs.count >= 2 {
      row.preMean = pairs.reduce(0) { $0 + $1.pre } / Double(pairs.count)
      row.postMean = pairs.reduce(0) { $0 + $1.post } / Double(pairs.count)
      row.meanChange = differences.mean
      let test = differences.tTest()
      row.t = test.t.isFinite ? test.t : nil
      row.degreesOfFreedom = test.degreesOfFreedom
      row.p = test.p.isFinite ? test.p : nil
      row.cohensDz = differences.cohensDz.isFinite ? differences.cohensDz : nil
      let interval = differences.confidenceInterval()
      (row.ciLow, row.ciHigh) = (interval.low, interval.high)
      if let wilcoxon = SignedRankTest(differences.differences) {
        row.wilcoxonStatistic = wilcoxon.statistic
        row.wilcoxonP = wilcoxon.p.isFinite ? wilcoxon.p : nil
        row.wilcoxonMethod = wilcoxon.method.rawValue
      }
      if options.bootstrapDraws > 0 {
        (row.bootstrapLow, row.bootstrapHigh) = bootstrapInterval(
          differences.differences, key: "\(by.rawValue)\u{1F}\(value)")
      }
    }
    // Kirkpatrick level 2: post-test − pre-test of the same participations.
    let tests = pairs.compactMap { pair -> Double? in
      let change = participations.postTest[pair.participation] - participations.preTest[pair.participation]
      return change.isNaN ? nil : change
    }
    row.tested = tests.count
    if tests.count >= max(2, options.minGroup) {
      let testDifferences = PairedDifferences(tests)
      let test = testDifferences.tTest()
      row.testChange = testDifferences.mean
      row.testT = test.t.isFinite ? test.t : nil
      row.testP = test.p.isFinite ? test.p : nil
    }
    // Kirkpatrick level 1: evaluations of the group's programmes (programme dimensions only).
    if let feedback, by.isProgrammeAttribute {
      let programs = Set(pairs.map { participations.program[$0.participation] })
      var count = 0
      var sums = [Double](repeating: 0, count: 5)
      var counts = [Int](repeating: 0, count: 5)
      for program in programs.sorted() {
        guard let entry = feedback[program] else { continue }
        count += entry.count
        for aspect in 0..<5 {
          sums[aspect] += entry.sums[aspect]
          counts[aspect] += entry.counts[aspect]
        }
      }
      row.evaluations = count
      if count >= options.minGroup {
        row.feedbackMeans = (0..<5).map { counts[$0] > 0 ? sums[$0] / Double(counts[$0]) : nil }
      }
    }
    return row
  }

  /// The percentile interval (2.5 %, 97.5 %, type 7) of the mean over bootstrap resamples.
  ///
  /// Each group draws from its own stream, seeded by the pipeline's seed and the group's
  /// key, so the interval does not depend on the order or thread groups are handled on.
  func bootstrapInterval(_ values: [Double], key: String) -> (Double, Double) {
    var state = options.bootstrapSeed ^ 0x9E37_79B9_7F4A_7C15
    for byte in key.utf8 { state = (state ^ UInt64(byte)) &* 0x100_0000_01b3 }
    var means = [Double](repeating: 0, count: options.bootstrapDraws)
    let n = values.count
    for draw in 0..<options.bootstrapDraws {
      var sum = 0.0
      for _ in 0..<n {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        sum += values[Int(z.multipliedFullWidth(by: UInt64(n)).high)]
      }
      means[draw] = sum / Double(n)
    }
    means.sort()
    return means.withUnsafeBufferPointer { buffer in
      let sample = SortedSample(buffer)
      return (sample.quantile(0.025), sample.quantile(0.975))
    }
  }
}
