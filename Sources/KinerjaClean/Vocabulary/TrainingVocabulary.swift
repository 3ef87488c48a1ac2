import KinerjaIngest

/// How a programme is delivered.
package enum TrainingMethod: UInt8, CaseIterable, Sendable, CustomStringConvertible {
  /// Classroom training (klasikal, diklat).
  case pelatihan = 1
  /// Workshop (lokakarya).
  case workshop
  /// Seminar.
  case seminar
  /// Field coaching and mentoring (coaching, pembinaan lapangan).
  case bimbingan
  /// E-learning (daring, online).
  case eLearning

  package var description: String {
    switch self {
    case .pelatihan: "pelatihan"
    case .workshop: "workshop"
    case .seminar: "seminar"
    case .bimbingan: "bimbingan"
    case .eLearning: "e-learning"
    }
  }

  static let vocabulary = Vocabulary<TrainingMethod>([
    "pelatihan": .pelatihan, "klasikal": .pelatihan, "diklat": .pelatihan,
    "workshop": .workshop, "lokakarya": .workshop,
    "seminar": .seminar,
    "bimbingan": .bimbingan, "coaching": .bimbingan, "pembinaan lapangan": .bimbingan,
    "mentoring": .bimbingan,
    "e learning": .eLearning, "elearning": .eLearning, "daring": .eLearning, "online": .eLearning,
  ])
}

/// Whether a participation was completed.
package enum TrainingStatus: UInt8, CaseIterable, Sendable, CustomStringConvertible {
  case completed = 1
  case dropped
  case ongoing

  package var description: String {
    switch self {
    case .completed: "completed"
    case .dropped: "dropped"
    case .ongoing: "ongoing"
    }
  }

  static let vocabulary = Vocabulary<TrainingStatus>([
    "completed": .completed, "lulus": .completed, "selesai": .completed,
    "dropped": .dropped, "tidak lulus": .dropped, "gugur": .dropped, "batal": .dropped,
    "ongoing": .ongoing, "berjalan": .ongoing, "sedang berjalan": .ongoing,
  ])
}
