import KinerjaTestSupport
import Testing

/// The canonical exports of a generated folder read back as appraisals, courses and the agency
/// of each NIP, for checks of what was planted. Only for files without bad rows.
struct CanonicalExports {
  /// One appraisal row; `month` is 0-based from January of the start year.
  struct Appraisal {
    var nip: String
    var month: Int
    var score: Double
  }

  /// One row of the training history; months are 0-based from January of the start year.
  struct Course {
    var nip: String
    var programID: String
    var method: String
    var status: String
    var startDate: String
    var endDate: String
    var startMonth: Int
    var endMonth: Int

    /// Calendar months from the start month to the end month inclusive.
    var calendarMonths: Int { endMonth - startMonth + 1 }
  }

  let appraisals: [Appraisal]
  let courses: [Course]
  /// Agency code by NIP.
  let agencyOf: [String: String]

  init(_ directory: TemporaryDirectory, startYear: Int = 2023) throws {
    func month(_ text: String) -> Int {
      let parts = text.prefix(7).split(separator: "-").map { Int($0)! }
      return (parts[0] - startYear) * 12 + parts[1] - 1
    }
    appraisals = Self.rows(try #require(directory.read("performance.csv"))).map {
      Appraisal(nip: $0["nip"]!, month: month($0["period"]!), score: Double($0["score"]!)!)
    }
    courses = Self.rows(try #require(directory.read("training.csv"))).map {
      Course(
        nip: $0["nip"]!, programID: $0["program_id"]!, method: $0["method"]!, status: $0["status"]!,
        startDate: $0["start_date"]!, endDate: $0["end_date"]!, startMonth: month($0["start_date"]!),
        endMonth: month($0["end_date"]!))
    }
    agencyOf = Dictionary(
      uniqueKeysWithValues: Self.rows(try #require(directory.read("employees.csv"))).map {
        ($0["nip"]!, $0["agency_code"]!)
      })
  }

  /// Score by NIP and month.
  var scores: [String: [Int: Double]] {
    appraisals.reduce(into: [:]) { $0[$1.nip, default: [:]][$1.month] = $1.score }
  }

  /// Rows of a canonical CSV without quoted fields, as dictionaries.
  static func rows(_ text: String) -> [[String: String]] {
    let lines = text.split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
  }
}
