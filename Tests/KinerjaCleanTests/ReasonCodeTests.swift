import KinerjaClean
import KinerjaIngest
import KinerjaTestSupport
import Testing

/// One case per reason code: a file with one bad row, the reason it must get, and the column.
struct ReasonCase: CustomTestStringConvertible, Sendable {
  var reason: RejectReason
  var input: InputKind
  var header: String
  var row: String
  var column: String?
  var testDescription: String { reason.rawValue }
}

@Suite struct ReasonCodeTests {
  static let nip = Fixture.nips[0]
  static let performanceHeader = "nip,period,score,rating"
  static let trainingHeader = "nip,program_id,method,start_date,end_date,hours_jp,cost_idr,status,pre_test"
  static let surveyHeader = "agency_code,date,period,u1,u2,u3,u4,u5,u6,u7,u8,u9"

  static let cases: [ReasonCase] = [
    .init(
      reason: .malformedRow, input: .performance, header: performanceHeader, row: "\(nip),2024-01,8\"7,Baik",
      column: nil),
    .init(
      reason: .malformedRow, input: .performance, header: performanceHeader, row: "\(nip),2024-01,87",
      column: nil),
    .init(
      reason: .invalidEncoding, input: .performance, header: performanceHeader,
      row: "\(nip),2024-01,87,Baik<FF>", column: "rating"),
    .init(
      reason: .missingRequired, input: .performance, header: performanceHeader, row: "\(nip),,87,Baik",
      column: "period"),
    .init(
      reason: .missingRequired, input: .performance, header: performanceHeader, row: "\(nip),2024-01,NA,-",
      column: "score"),
    .init(
      reason: .invalidNIP, input: .performance, header: performanceHeader,
      row: "19800101200501100X,2024-01,87,Baik", column: "nip"),
    .init(
      reason: .invalidDate, input: .training, header: trainingHeader,
      row: "\(nip),P1,klasikal,31/02/2024,,40,,,", column: "start_date"),
    .init(
      reason: .invalidDates, input: .training, header: trainingHeader,
      row: "\(nip),P1,klasikal,10/03/2024,09/03/2024,40,,,", column: "end_date"),
    .init(
      reason: .invalidPeriod, input: .performance, header: performanceHeader, row: "\(nip),2024-Q5,87,Baik",
      column: "period"),
    .init(
      reason: .invalidNumber, input: .performance, header: performanceHeader,
      row: "\(nip),2024-01,1e309,Baik", column: "score"),
    .init(
      reason: .invalidNumber, input: .training, header: trainingHeader,
      row: "\(nip),P1,klasikal,10/03/2024,,40,Rp lima juta,,", column: "cost_idr"),
    .init(
      reason: .scoreOutOfRange, input: .performance, header: performanceHeader,
      row: "\(nip),2024-01,120.5,Baik", column: "score"),
    .init(
      reason: .valueOutOfRange, input: .training, header: trainingHeader,
      row: "\(nip),P1,klasikal,10/03/2024,,40,,,101", column: "pre_test"),
    .init(
      reason: .valueOutOfRange, input: .serviceFeedback, header: surveyHeader,
      row: "A1,01/02/2024,,4,4,4,4,0,4,4,4,4", column: "u5"),
    .init(
      reason: .unknownValue, input: .performance, header: performanceHeader, row: "\(nip),2024-01,87,Cukup",
      column: "rating"),
    .init(
      reason: .unknownValue, input: .training, header: trainingHeader,
      row: "\(nip),P1,webinar,10/03/2024,,40,,,", column: "method"),
    .init(
      reason: .unknownValue, input: .training, header: trainingHeader,
      row: "\(nip),P1,klasikal,10/03/2024,,40,,pending,", column: "status"),
    .init(
      reason: .unknownEmployee, input: .performance, header: performanceHeader,
      row: "199912312020121001,2024-01,87,Baik", column: "nip"),
    .init(
      reason: .unknownProgram, input: .trainingFeedback, header: "program_id,material", row: "NOPE,4",
      column: "program_id"),
    .init(
      reason: .periodCoarserThanGrain, input: .performance, header: performanceHeader,
      row: "\(nip),2024-Q1,87,Baik", column: "period"),
  ]

  /// Each bad row gets its reason, and the good row beside it is accepted.
  @Test(arguments: cases)
  func badRowGetsItsReason(_ reasonCase: ReasonCase) throws {
    let directory = TemporaryDirectory()
    let roster = try Fixture.roster(directory)
    let good: String
    switch reasonCase.input {
    case .performance: good = "\(Self.nip),2024-02,90,Baik"
    case .training: good = "\(Self.nip),P1,klasikal,10/03/2024,12/03/2024,40,Rp 1.000.000,lulus,50"
    case .serviceFeedback: good = "A1,01/02/2024,,4,4,4,4,3,4,4,4,4"
    case .trainingFeedback: good = "P1,4"
    case .employees: good = ""
    }
    let text = reasonCase.header + "\n" + good + "\n" + reasonCase.row + "\n"
    // `<FF>` stands for a byte that is never valid UTF-8.
    let bytes = Array(text.utf8).split(separator: 0x3C, omittingEmptySubsequences: false).enumerated().flatMap
    {
      index, part -> [UInt8] in
      index == 0
        ? Array(part) : (part.starts(with: Array("FF>".utf8)) ? [0xFF] + part.dropFirst(3) : [0x3C] + part)
    }
    let path = directory.write("input.csv", bytes: bytes)
    let input = try InputReader(kind: reasonCase.input, path: path)
    var rejects = CollectedRejects()
    let tally: InputTally
    switch reasonCase.input {
    case .performance:
      tally = try PerformanceCleaner(grain: .month).clean(input, roster: roster, rejects: &rejects).tally
    case .training:
      tally = try TrainingCleaner().clean(input, roster: roster, rejects: &rejects).tally
    case .serviceFeedback:
      tally = try ServiceFeedbackCleaner(grain: .month).clean(input, rejects: &rejects).tally
    case .trainingFeedback:
      let training = try InputReader(
        kind: .training,
        path: directory.write(
          "training.csv", "nip,program_id,method,start_date\n\(Self.nip),P1,klasikal,01/01/2024\n"))
      var ignored = CollectedRejects()
      let participations = try TrainingCleaner().clean(training, roster: roster, rejects: &ignored)
        .table
      tally = try TrainingFeedbackCleaner().clean(
        input, roster: roster, participations: participations, rejects: &rejects
      ).tally
    case .employees:
      Issue.record("no employee cases here")
      return
    }
    #expect(tally.rowsRead == 2)
    #expect(tally.accepted == 1)
    #expect(
      rejects.entries == [
        .init(input: reasonCase.input, line: 3, reason: reasonCase.reason, column: reasonCase.column)
      ])
    expectBalanced(tally, rejects, input: reasonCase.input)
  }

  @Test func employeeReasons() throws {
    let directory = TemporaryDirectory()
    let text = """
      nip,agency_code,region,grade,position_type,birth_date,gender
      \(Fixture.nips[0]),A1,Kota Ambon,III/a,pelaksana,,
      19800101200501100,A1,Kota Ambon,III/a,pelaksana,,
      \(Fixture.nips[1]),,Kota Ambon,III/a,pelaksana,,
      \(Fixture.nips[2]),A1,Kota Ambon,V/a,pelaksana,,
      198005052005011001,A1,Kota Ambon,IIII/a,pelaksana,,
      198004042005011001,A1,Kota Ambon,IVI/a,pelaksana,,
      198006062005011001,A1,Kota Ambon,III/a,direktur,,
      198007072005011001,A1,Kota Ambon,III/a,pelaksana,31/02/1980,
      198008082005011001,A1,Kota Ambon,III/a,pelaksana,,X

      """
    var rejects = CollectedRejects()
    let input = try InputReader(kind: .employees, path: directory.write("e.csv", text))
    let cleaned = try EmployeeCleaner().clean(input, rejects: &rejects)
    let (roster, tally) = (cleaned.table, cleaned.tally)
    #expect(roster.count == 1)
    #expect(
      rejects.entries.map(\.reason) == [
        .invalidNIP, .missingRequired, .unknownValue, .unknownValue, .unknownValue, .unknownValue,
        .invalidDate,
        .unknownValue,
      ])
    #expect(
      rejects.entries.map(\.column) == [
        "nip", "agency_code", "grade", "grade", "grade", "position_type", "birth_date", "gender",
      ])
    expectBalanced(tally, rejects, input: .employees)
  }
}
