import KinerjaClean
import KinerjaIngest

/// `truth.json`: every parameter planted in a generated data set, and the exact bad rows.
///
/// Researchers check estimates against it; tests check that the clean stage rejects
/// exactly the bad rows it lists, for exactly the reasons it gives. Counts assume a
/// pipeline with `grain: month`.
public struct Truth: Codable, Sendable {
  public struct AgencyTruth: Codable, Sendable {
    public var code: String
    public var name: String
    public var region: String
    public var sector: String
    public var employees: Int
    /// Mean score at the first month, before employees' own deviations and the drift.
    public var level: Double
    /// Planted change of the agency's mean score per month.
    public var slopePerMonth: Double
    /// The IKM its survey answers are drawn to have (25 × expected answer).
    public var ikm: Double
    /// Whether its performance export leaves the rating for the results/behaviour matrix.
    public var ratingFromMatrix: Bool
  }

  public struct MethodTruth: Codable, Sendable {
    /// Planted change of monthly score in every month after the training month.
    public var effect: Double
    public var participants: Int
    public var completed: Int
  }

  public struct InputTruth: Codable, Sendable {
    public var file: String
    /// Data rows written (clean + bad).
    public var rows: Int
    public var cleanRows: Int
    public var badRows: Int
    /// Bad rows by the reason the clean stage must give.
    public var badRowsByReason: [String: Int]
  }

  /// What the data set was generated with (the thread count, which changes nothing, left out).
  public struct Parameters: Codable, Sendable {
    public var employees: Int
    public var months: Int
    public var seed: UInt64
    public var style: ExportStyle
    public var badRowRate: Double
    public var startYear: Int
  }

  public var parameters: Parameters
  public var firstPeriod: String
  public var grainAssumed = "month"
  /// Drift of every score shared by everyone, by month from the first period:
  /// `drift_per_month × month + seasonal_amplitude × sin(2π month / 12)`. An agency's
  /// observed trend is its `slope_per_month` plus this drift (plus training effects).
  public var sharedDrift: [Double]
  public var driftPerMonth: Double
  public var seasonalAmplitude: Double
  public var trainedShare: Double
  public var missingMonthShare: Double
  public var methods: [String: MethodTruth]
  public var agencies: [AgencyTruth]
  public var inputs: [String: InputTruth]
}
