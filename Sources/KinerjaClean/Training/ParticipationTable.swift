public import KinerjaIngest

/// Cleaned training participations, stored by column; one entry per accepted row.
public struct ParticipationTable: Sendable {
  /// The participant's employee index.
  public internal(set) var employee: [Int32] = []
  /// Programme ids into `programs`.
  public internal(set) var program: [Int32] = []
  /// Delivery methods.
  public internal(set) var method: [TrainingMethod] = []
  /// Topic ids into `topics` (−1 when absent).
  public internal(set) var topic: [Int32] = []
  /// Provider ids into `providers` (−1 when absent).
  public internal(set) var provider: [Int32] = []
  /// First day of the training.
  public internal(set) var startDate: [CalendarDate] = []
  /// Last day of the training (the start date when the export has none).
  public internal(set) var endDate: [CalendarDate] = []
  /// Jam pelajaran (NaN when absent).
  public internal(set) var hoursJP: [Double] = []
  /// Cost per participant in rupiah (NaN when absent).
  public internal(set) var costIDR: [Double] = []
  /// Completion status.
  public internal(set) var status: [TrainingStatus] = []
  /// Pre-test score 0–100 (NaN when absent).
  public internal(set) var preTest: [Double] = []
  /// Post-test score 0–100 (NaN when absent).
  public internal(set) var postTest: [Double] = []

  /// Programme ids.
  public internal(set) var programs = LabelTable()
  /// Programme names by programme id (empty when none given).
  public internal(set) var programNames: [String] = []
  /// Topics.
  public internal(set) var topics = LabelTable()
  /// Providers.
  public internal(set) var providers = LabelTable()

  public init() {}

  /// The number of participations.
  public var count: Int { employee.count }
}
