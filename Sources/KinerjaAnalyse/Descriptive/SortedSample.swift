/// Descriptive statistics of a sample sorted ascending, as numpy computes them.
///
/// sd uses n − 1; quantiles use linear interpolation between order statistics
/// (numpy's default `linear`, R type 7), because that is what researchers checking a
/// number in numpy, pandas or R will get by default.
package struct SortedSample {
  /// The values, ascending.
  package let values: UnsafeBufferPointer<Double>

  package init(_ values: UnsafeBufferPointer<Double>) { self.values = values }

  /// The number of values.
  package var count: Int { values.count }

  /// The arithmetic mean (NaN when empty).
  package var mean: Double { SampleMoments(values).mean }

  /// The sample standard deviation with n − 1 (NaN for fewer than two values).
  package var standardDeviation: Double { SampleMoments(values).standardDeviation }

  /// The `probability` quantile (0…1), type 7.
  ///
  /// Interpolates as numpy does: from the lower neighbour below the midpoint and from
  /// the upper neighbour at or above it, so results match numpy to the last bit.
  package func quantile(_ probability: Double) -> Double {
    guard !values.isEmpty else { return .nan }
    let position = Double(values.count - 1) * probability
    let lower = Int(position.rounded(.down))
    let upper = min(lower + 1, values.count - 1)
    let fraction = position - Double(lower)
    let below = values[lower]
    let above = values[upper]
    let difference = above - below
    return fraction >= 0.5 ? above - difference * (1 - fraction) : below + difference * fraction
  }
}

/// The mean and standard deviation (n − 1) of values in any order, summed in the order given.
package struct SampleMoments {
  package let mean: Double
  package let standardDeviation: Double

  package init(_ values: UnsafeBufferPointer<Double>) {
    let mean = values.isEmpty ? Double.nan : values.reduce(0, +) / Double(values.count)
    self.mean = mean
    standardDeviation =
      values.count > 1
      ? (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).squareRoot() : .nan
  }
}

extension SampleMoments {
  /// The moments of `values`.
  package init(_ values: [Double]) {
    self = values.withUnsafeBufferPointer { SampleMoments($0) }
  }
}

/// Each value's z-score across `values`, (x − mean) / sd with n − 1; `nil` when there are
/// fewer than two values or they do not vary.
package func standardScores(_ values: [Double]) -> [Double]? {
  let moments = SampleMoments(values)
  guard values.count >= 2, moments.standardDeviation > 0 else { return nil }
  return values.map { ($0 - moments.mean) / moments.standardDeviation }
}
