import KinerjaClean
import KinerjaIngest

/// `truth.json`: every parameter planted in a generated data set, and the exact bad rows.
///
/// Researchers check estimates against it; tests check that the clean stage rejects
/// exactly the bad rows it lists, for exactly the reasons it gives. Counts assume a
/// pipeline with `grain: month`.
package struct Truth: Codable, Sendable {
  package struct AgencyTruth: Codable, Sendable {
    package var code: String
    package var name: String
    package var region: String
    package var sector: String
    package var employees: Int
    /// Mean score at the first month, before employees' own deviations and the drift.
    package var level: Double
    /// Planted change of the agency's mean score per month.
    package var slopePerMonth: Double
    /// The IKM its survey answers are drawn to have (25 × expected answer).
    package var ikm: Double
    /// Whether its performance export leaves the rating for the results/behaviour matrix.
    package var ratingFromMatrix: Bool
  }

  package struct MethodTruth: Codable, Sendable {
    /// Planted change of monthly score in every month after the training month.
    package var effect: Double
    package var participants: Int
    package var completed: Int
  }

  package struct InputTruth: Codable, Sendable {
    package var file: String
    /// Data rows written (clean + bad).
    package var rows: Int
    package var cleanRows: Int
    package var badRows: Int
    /// Bad rows by the reason the clean stage must give.
    package var badRowsByReason: [String: Int]
  }

  /// What the data set was generated with (the thread count, which changes nothing, left out).
  package struct Parameters: Codable, Sendable {
    package var employees: Int
    package var months: Int
    package var seed: UInt64
    package var style: ExportStyle
    package var badRowRate: Double
    package var startYear: Int
  }

  package var parameters: Parameters
  package var firstPeriod: String
  package var grainAssumed = "month"
  /// Drift of every score shared by everyone, by month from the first period:
  /// `drift_per_month × month + seasonal_amplitude × sin(2π month / 12)`. An agency's
  /// observed trend is its `slope_per_month` plus this drift (plus training effects).
  package var sharedDrift: [Double]
  package var driftPerMonth: Double
  package var seasonalAmplitude: Double
  package var trainedShare: Double
  package var missingMonthShare: Double
  package var methods: [String: MethodTruth]
  package var agencies: [AgencyTruth]
  package var inputs: [String: InputTruth]
}
