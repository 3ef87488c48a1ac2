/// A small, fast, seedable random stream (SplitMix64).
///
/// Every employee, agency and file gets its own stream, derived from the run's seed and
/// the thing's index, so any part of the data can be generated alone, in any order, on
/// any thread, and come out the same.
struct StreamRandom {
  private var state: UInt64

  /// The stream for `index` of kind `stream` under `seed`.
  init(seed: UInt64, stream: Stream, index: Int) {
    state = Self.mix(
      seed ^ Self.mix(stream.rawValue &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: index)))
  }

  /// What a stream is for; each kind draws independently of the others.
  enum Stream: UInt64 {
    case world = 1
    case agency
    case employee
    case appraisal
    case training
    case survey
    case feedback
    case badRows
    /// Whether an employee joins or leaves during the window, and when.
    case tenure
    /// How many months earlier than the baseline an employee's own course starts.
    case courseLength
    /// The programme an agency runs, when training is assigned by agency.
    case agencyProgramme
    /// An agency's shock by month.
    case agencyShock
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return Self.mix(state)
  }

  /// Uniform in [0, 1).
  mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// Uniform in `range`.
  mutating func uniform(_ range: ClosedRange<Double>) -> Double {
    range.lowerBound + uniform() * (range.upperBound - range.lowerBound)
  }

  /// A whole number in `range`.
  mutating func int(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(next() % UInt64(range.count))
  }

  /// True with probability `probability`.
  mutating func chance(_ probability: Double) -> Bool { uniform() < probability }

  /// Standard normal (Box–Muller).
  mutating func normal() -> Double {
    let u = max(uniform(), 0x1.0p-60)
    let v = uniform()
    return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
  }

  /// An index drawn with the given weights.
  mutating func weighted(_ weights: [Double]) -> Int {
    var target = uniform() * weights.reduce(0, +)
    for (index, weight) in weights.enumerated() {
      target -= weight
      if target < 0 { return index }
    }
    return weights.count - 1
  }

  static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

#if canImport(Glibc)
  import Glibc
#endif
