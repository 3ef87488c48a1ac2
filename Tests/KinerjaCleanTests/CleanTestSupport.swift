import KinerjaClean
import KinerjaIngest
import KinerjaTestSupport
import Testing

/// Keeps every rejection in memory, with the line and raw fields it came with.
struct CollectedRejects: RejectRecorder {
  struct Entry: Equatable {
    var input: InputKind
    var line: Int
    var reason: RejectReason
    var column: String?
  }

  var entries: [Entry] = []
  /// The raw fields of each rejected record, as text.
  var fields: [[String]] = []

  mutating func reject(_ record: CSVRecord, of input: InputReader, because rejection: Rejection) throws {
    fields.append(record.fieldTexts)
    entries.append(
      Entry(input: input.kind, line: record.line, reason: rejection.reason, column: rejection.column))
  }
}

/// A small, valid employee master with three employees.
enum Fixture {
  static let nips = ["198001012005011001", "198502022010012002", "199003032015031003"]

  static let employees = """
    nip,agency_code,region,unit,sector,grade,position_type
    \(nips[0]),A1,Kota Ambon,Sekretariat,Kesehatan,III/a,pelaksana
    \(nips[1]),A1,Kota Ambon,UPTD,kesehatan,3b,fungsional
    \(nips[2]),B2,Provinsi Lampung,Sekretariat,pendidikan,IV-A,pengawas

    """

  /// Cleans `employees` and returns the roster.
  static func roster(_ directory: TemporaryDirectory, _ text: String = employees) throws -> EmployeeRoster {
    var rejects = CollectedRejects()
    let input = try InputReader(kind: .employees, path: directory.write("employees.csv", text))
    return try EmployeeCleaner().clean(input, rejects: &rejects).table
  }
}

/// Checks the tally's invariant: every row read was accepted or rejected, and the
/// rejects recorded match the counts by reason.
func expectBalanced(_ tally: InputTally, _ rejects: CollectedRejects, input: InputKind) {
  #expect(tally.rowsRead == tally.accepted + tally.rejected)
  let recorded = Dictionary(grouping: rejects.entries.filter { $0.input == input }, by: \.reason).mapValues(
    \.count)
  #expect(recorded == tally.rejectedByReason)
}
