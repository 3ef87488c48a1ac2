/// An agency of the synthetic world, with the parameters planted in its data.
struct Agency: Sendable {
  var code: String
  var name: String
  var region: String
  var sector: String
  var units: [String]
  /// Employees [first, first + size).
  var firstEmployee: Int
  var size: Int
  /// Mean score at month 0 before anyone's own deviation.
  var level: Double
  /// Change of the agency's mean score per month.
  var slope: Double
  /// Mean answer (1–4) of its citizens' survey.
  var satisfaction: Double
  /// Whether its exports leave the rating empty, to be derived from the matrix.
  var leavesRatingEmpty: Bool
  /// The shock added to every score of the agency, by month; empty when there are none.
  var shocks: [Double]
  /// The programme it runs for its staff, when training is assigned by agency.
  var training: AgencyTraining?

  /// The shock added to every score of the agency in `month`.
  func shock(in month: Int) -> Double { shocks.isEmpty ? 0 : shocks[month] }
}

/// The training methods, their planted effect on monthly scores after training, and
/// how their programmes differ in length and cost.
struct MethodProfile: Sendable {
  var method: String
  var code: String
  var weight: Double
  /// The effect at `effectScale` 1.
  var effect: Double
  var hours: ClosedRange<Int>
  var cost: ClosedRange<Double>
  /// The baseline's length in days, from start date to end date.
  var days: ClosedRange<Int>
  var testGain: Double
  /// Whether its courses may run for months when `courseMonths` allows it (classroom
  /// training, coaching and e-learning; not a workshop or a seminar).
  var spansMonths: Bool

  /// The longest course of the method, in calendar months, when courses may last `courseMonths`.
  func longestCourse(courseMonths: Int) -> Int {
    days.upperBound == 0 ? 1 : min(courseMonths, spansMonths ? courseMonths : 2)
  }

  static let all: [MethodProfile] = [
    .init(
      method: "pelatihan", code: "PL", weight: 30, effect: 3.0, hours: 40...60, cost: 3_500_000...6_000_000,
      days: 4...9, testGain: 14, spansMonths: true),
    .init(
      method: "workshop", code: "WS", weight: 20, effect: 1.5, hours: 16...24, cost: 1_500_000...3_000_000,
      days: 1...2, testGain: 9, spansMonths: false),
    .init(
      method: "seminar", code: "SM", weight: 20, effect: 0.0, hours: 4...8, cost: 300_000...1_000_000,
      days: 0...0, testGain: 4, spansMonths: false),
    .init(
      method: "bimbingan", code: "BL", weight: 15, effect: 4.0, hours: 20...40, cost: 2_000_000...4_000_000,
      days: 10...25, testGain: 12, spansMonths: true),
    .init(
      method: "e-learning", code: "EL", weight: 15, effect: 1.0, hours: 10...30, cost: 100_000...500_000,
      days: 6...27, testGain: 7, spansMonths: true),
  ]

  /// Agency spellings of each method, so exports use more than the canonical word.
  static let agencySpellings = [
    ["pelatihan", "klasikal", "diklat"], ["workshop", "lokakarya"], ["seminar"], ["bimbingan", "coaching"],
    ["e-learning", "daring"],
  ]
}

/// Everything planted in a generated data set: agencies, the drift everyone shares, the
/// training effects and the months whose export is lost.
struct World: Sendable {
  let options: GeneratorOptions
  let agencies: [Agency]
  /// Shared drift of every score, by month.
  let drift: [Double]
  /// Each method's planted effect: its profile's effect times `effectScale`.
  let effects: [Double]
  /// Whether nobody has an appraisal in the month, by month.
  private let emptyMonths: [Bool]
  /// The shared drift's linear part, per month: every agency's observed trend includes it.
  static let driftPerMonth = 0.08
  /// The shared drift's seasonal part: amplitude of a 12-month sine.
  static let seasonalAmplitude = 1.2
  /// Share of employees who attend a programme, when training is assigned by employee.
  static let trainedShare = 0.4

  init(options: GeneratorOptions) {
    self.options = options
    var random = StreamRandom(seed: options.seed, stream: .world, index: 0)
    drift = (0..<options.months).map { month in
      Self.driftPerMonth * Double(month) + Self.seasonalAmplitude * sin(2 * Double.pi * Double(month) / 12)
    }
    effects = MethodProfile.all.map { $0.effect * options.shapes.effectScale }
    let empty = Set(options.shapes.emptyMonths.compactMap(options.monthIndex(of:)))
    emptyMonths = (0..<options.months).map(empty.contains)
    let count: Int
    if options.employees >= 4800 {
      count = options.employees / 400
    } else if options.employees >= 60 {
      count = 12
    } else {
      count = max(1, options.employees / 5)
    }
    let tiny = count >= 12 ? 3 : 0
    let regular = count - tiny
    let regionCount = min(max(4, count / 3), Words.regions.count)
    var weights: [Double] = []
    for _ in 0..<regular { weights.append(exp(0.7 * random.normal())) }
    let total = weights.reduce(0, +)
    let spread = options.employees - tiny * 3 - regular
    var sizes = weights.map { 1 + Int(Double(spread) * $0 / total) }
    var leftover = options.employees - tiny * 3 - sizes.reduce(0, +)
    var index = 0
    while leftover > 0 {
      sizes[index % regular] += 1
      leftover -= 1
      index += 1
    }
    sizes += [Int](repeating: 3, count: tiny)

    var agencies: [Agency] = []
    var first = 0
    var perRegionSector: [String: Int] = [:]
    for agencyIndex in 0..<count {
      var agencyRandom = StreamRandom(seed: options.seed, stream: .agency, index: agencyIndex)
      let (region, regionCode) = Words.regions[agencyIndex % regionCount]
      let sector = Words.sectors[(agencyIndex / regionCount + agencyIndex) % Words.sectors.count]
      let key = "\(regionCode)-\(sector.2)"
      let serial = perRegionSector[key, default: 0]
      perRegionSector[key] = serial + 1
      let unitCount = min(Words.units.count, 3 + agencyIndex % 4)
      agencies.append(
        Agency(
          code: serial == 0 ? key : "\(key)-\(serial + 1)",
          name: "\(sector.1) \(region.replacingOccurrences(of: "Provinsi ", with: "Provinsi "))",
          region: region, sector: sector.0, units: Array(Words.units.prefix(unitCount)),
          firstEmployee: first, size: sizes[agencyIndex],
          level: min(100, max(70, 86 + 4 * agencyRandom.normal())),
          slope: 0.05 + 0.1 * agencyRandom.normal(),
          satisfaction: agencyRandom.uniform(2.6...3.6),
          leavesRatingEmpty: agencyIndex % 7 == 3,
          shocks: Self.shocks(of: agencyIndex, options: options),
          training: AgencyTraining.draw(agency: agencyIndex, options: options)))
      first += sizes[agencyIndex]
    }
    self.agencies = agencies
  }

  /// Whether nobody has an appraisal in `month`, as when its export is lost.
  func isExportLost(in month: Int) -> Bool { emptyMonths[month] }

  /// Agency `index`'s shock by month, N(0, SD²) from a stream of its own; empty for SD 0.
  private static func shocks(of index: Int, options: GeneratorOptions) -> [Double] {
    let sd = options.shapes.agencyShockSD
    guard sd > 0 else { return [] }
    var random = StreamRandom(seed: options.seed, stream: .agencyShock, index: index)
    return (0..<options.months).map { _ in sd * random.normal() }
  }

  /// The agency employee `index` works in.
  func agency(of employee: Int) -> Int {
    var low = 0
    var high = agencies.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if agencies[middle].firstEmployee <= employee { low = middle } else { high = middle - 1 }
    }
    return low
  }

  /// Probabilities of answers 1–4 for a survey with mean level `satisfaction`.
  static func answerProbabilities(satisfaction: Double) -> [Double] {
    let weights = (1...4).map { exp(-pow(Double($0) - satisfaction, 2) / (2 * 0.6 * 0.6)) }
    let total = weights.reduce(0, +)
    return weights.map { $0 / total }
  }

  /// The IKM the survey's answers are drawn to have: 25 × the expected answer.
  static func plantedIKM(satisfaction: Double) -> Double {
    25
      * answerProbabilities(satisfaction: satisfaction).enumerated().reduce(0) {
        $0 + Double($1.offset + 1) * $1.element
      }
  }
}

extension String {
  fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}

#if canImport(Glibc)
  import Glibc
#endif
