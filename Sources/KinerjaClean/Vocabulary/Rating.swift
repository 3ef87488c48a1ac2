import KinerjaIngest

/// Predikat kinerja: the appraisal rating, ordinal 5 (best) to 1.
public enum Rating: UInt8, CaseIterable, Sendable, Comparable {
  case sangatKurang = 1
  case kurang = 2
  case butuhPerbaikan = 3
  case baik = 4
  case sangatBaik = 5

  /// The rating's snake_case name, as output columns use it (`share_sangat_baik`).
  package var key: String {
    switch self {
    case .sangatBaik: "sangat_baik"
    case .baik: "baik"
    case .butuhPerbaikan: "butuh_perbaikan"
    case .kurang: "kurang"
    case .sangatKurang: "sangat_kurang"
    }
  }

  /// The spellings exports use.
  static let vocabulary = Vocabulary<Rating>([
    "sangat baik": .sangatBaik, "baik": .baik, "butuh perbaikan": .butuhPerbaikan,
    "kurang": .kurang, "kurang/misconduct": .kurang, "kurang / misconduct": .kurang, "misconduct": .kurang,
    "sangat kurang": .sangatKurang,
  ])

  /// The rating PermenPANRB 6/2022 gives for work results and behaviour.
  ///
  /// Rows are results, columns behaviour: above/above is Sangat Baik; any behaviour
  /// below expectation is Kurang/Misconduct unless results are below too (Sangat Kurang);
  /// results below with behaviour at or above expectation is Butuh Perbaikan.
  package init(results: Expectation, behaviour: Expectation) {
    switch (results, behaviour) {
    case (.above, .above): self = .sangatBaik
    case (.above, .meets), (.meets, .above), (.meets, .meets): self = .baik
    case (.above, .below), (.meets, .below): self = .kurang
    case (.below, .above), (.below, .meets): self = .butuhPerbaikan
    case (.below, .below): self = .sangatKurang
    }
  }

  public static func < (lhs: Rating, rhs: Rating) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A work-results or behaviour rating relative to expectation (1 above, 2 meets, 3 below).
package enum Expectation: UInt8, Sendable {
  case above = 1
  case meets = 2
  case below = 3

  static let vocabulary = Vocabulary<Expectation>([
    "di atas ekspektasi": .above, "diatas ekspektasi": .above, "di atas": .above, "diatas": .above,
    "1": .above,
    "sesuai ekspektasi": .meets, "sesuai": .meets, "2": .meets,
    "di bawah ekspektasi": .below, "dibawah ekspektasi": .below, "di bawah": .below, "dibawah": .below,
    "3": .below,
  ])
}
