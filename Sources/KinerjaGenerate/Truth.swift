import KinerjaClean
import KinerjaIngest

/// `truth.json`: every parameter planted in a generated data set, and the exact bad rows.
///
/// Researchers check estimates against it; tests check that the clean stage rejects
/// exactly the bad rows it lists, for exactly the reasons it gives. Counts assume a
/// pipeline with `grain: month`.
///
/// What the shape options plant (`PlantedShapes`) is written only when some shape differs
/// from the baseline, and then in full: the truth of a baseline world is what it always was.
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
    /// The shock added to every score of the agency, by month from the first period
    /// (`--agency-shocks` above 0).
    package var shocks: [Double]?
    /// The programme it runs for its staff (`--assign-by agency`, agencies that run one).
    package var programme: ProgrammeTruth?
  }

  /// An agency's own programme, when training is assigned by agency.
  package struct ProgrammeTruth: Codable, Sendable {
    package var method: String
    package var programId: String
    /// The months containing its start and end dates.
    package var startPeriod: String
    package var endPeriod: String
    /// Chance that one of the agency's employees attends.
    package var attendanceShare: Double
    package var participants: Int
  }

  package struct MethodTruth: Codable, Sendable {
    /// Planted change of monthly score in every month after the end month of a completed
    /// programme (see `event_time`): the method's effect × `effect_scale`.
    package var effect: Double
    package var participants: Int
    package var completed: Int
    /// Planted change of score, as −dip, in every month a participant's course runs.
    package var inCourseDip: Double?
    /// The longest course of the method, in calendar months from start month to end month.
    package var longestCourseMonths: Int?
  }

  /// Employees who join or leave during the window; counts only, never who.
  package struct Turnover: Codable, Sendable {
    package var joiners = 0
    package var leavers = 0
    /// Joiners by the first period they are appraised in.
    package var joinersByFirstPeriod: [String: Int] = [:]
    /// Leavers by the last period they are appraised in.
    package var leaversByLastPeriod: [String: Int] = [:]
  }

  /// Where, in event time, the planted training terms fall.
  package struct EventTime: Codable, Sendable {
    package var effect =
      "added in every month strictly after the month containing the end_date of a completed participation"
    package var inCourseDip =
      "subtracted in every month from the month containing start_date to the month containing end_date "
      + "inclusive, of every participation whatever its status"
    package var agencyShock = "added to every score of the agency in its month, trained or not"
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
    /// The shape options, named as `kinerja generate`'s flags; all present or all absent.
    package var missingAppraisals: Double?
    package var joiners: Double?
    package var leavers: Double?
    package var emptyMonths: [String]?
    package var assignBy: TrainingAssignment?
    package var agencyShocks: Double?
    package var courseMonths: Int?
    package var inCourseDip: Double?
    package var effectScale: Double?
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
  /// Share of employees who attend a programme: the chance of each, by employee; the share
  /// who did, by agency.
  package var trainedShare: Double
  /// Share of employee-months without an appraisal, at random (`--missing-appraisals`).
  package var missingMonthShare: Double
  package var methods: [String: MethodTruth]
  package var agencies: [AgencyTruth]
  package var inputs: [String: InputTruth]
  package var turnover: Turnover?
  package var eventTime: EventTime?
}
