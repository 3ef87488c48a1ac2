package import KinerjaAnalyse
import KinerjaClean

/// The columns of `trends`.
package enum TrendsColumn: String, OutputColumn {
  case level, group
  case groupName = "group_name"
  case agencyCode = "agency_code"
  case period, employees, n, mean, sd, median, p10, p90
  case nRated = "n_rated"
  case shareSangatBaik = "share_sangat_baik"
  case shareBaik = "share_baik"
  case shareButuhPerbaikan = "share_butuh_perbaikan"
  case shareKurang = "share_kurang"
  case shareSangatKurang = "share_sangat_kurang"
  case suppressed

  package static let output = "trends"

  /// The rating whose share the column holds.
  var rating: Rating? {
    switch self {
    case .shareSangatBaik: .sangatBaik
    case .shareBaik: .baik
    case .shareButuhPerbaikan: .butuhPerbaikan
    case .shareKurang: .kurang
    case .shareSangatKurang: .sangatKurang
    default: nil
    }
  }
}

extension OutputTable {
  /// The `trends` output: one row per level × group × period.
  package static func trends(_ rows: [TrendRow]) -> OutputTable {
    // Shares are kept best rating first.
    let shareIndex = Dictionary(uniqueKeysWithValues: Rating.allCases.reversed().enumerated().map { ($1, $0) })
    return OutputTable(TrendsColumn.self, rows: rows) { row, column in
      switch column {
      case .level: .text(row.level.rawValue)
      case .group: .text(row.group.key)
      case .groupName: .text(row.group.name)
      case .agencyCode: .text(row.group.agencyCode)
      case .period: .text(row.period.description)
      case .employees: .integer(row.employees)
      case .n: .integer(row.scored)
      case .mean: .number(row.mean)
      case .sd: .number(row.standardDeviation)
      case .median: .number(row.median)
      case .p10: .number(row.p10)
      case .p90: .number(row.p90)
      case .nRated: .integer(row.rated)
      case .shareSangatBaik, .shareBaik, .shareButuhPerbaikan, .shareKurang, .shareSangatKurang:
        .number(row.ratingShares[shareIndex[column.rating!]!])
      case .suppressed: .bool(row.suppressed)
      }
    }
  }
}
