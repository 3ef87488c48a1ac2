public import KinerjaIngest

/// Cleaned training participations, stored by column; one entry per accepted row.
public struct ParticipationTable: Sendable {
  /// The participant's employee index.
  package internal(set) var employee: [Int32] = []
  /// Programme ids into `programs`.
  package internal(set) var program: [Int32] = []
  /// Delivery methods.
  package internal(set) var method: [TrainingMethod] = []
  /// Topic ids into `topics` (−1 when absent).
  package internal(set) var topic: [Int32] = []
  /// Provider ids into `providers` (−1 when absent).
  package internal(set) var provider: [Int32] = []
  /// First day of the training.
  package internal(set) var startDate: [CalendarDate] = []
  /// Last day of the training (the start date when the export has none).
  package internal(set) var endDate: [CalendarDate] = []
  /// Jam pelajaran (NaN when absent).
  package internal(set) var hoursJP: [Double] = []
  /// Cost per participant in rupiah (NaN when absent).
  package internal(set) var costIDR: [Double] = []
  /// Completion status.
  package internal(set) var status: [TrainingStatus] = []
  /// Pre-test score 0–100 (NaN when absent).
  package internal(set) var preTest: [Double] = []
  /// Post-test score 0–100 (NaN when absent).
  package internal(set) var postTest: [Double] = []

  /// Programme ids.
  package internal(set) var programs = LabelTable()
  /// Programme names by programme id (empty when none given).
  package internal(set) var programNames: [String] = []
  /// Topics.
  package internal(set) var topics = LabelTable()
  /// Providers.
  package internal(set) var providers = LabelTable()

  package init() {}

  /// The number of participations.
  package var count: Int { employee.count }
}
