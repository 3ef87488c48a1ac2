public import KinerjaIngest

/// Cleans the training history into a `ParticipationTable`.
public struct TrainingCleaner {
  public init() {}

  /// Reads every row of `input`; participants are looked up in `roster`.
  public func clean(
    _ input: InputReader, roster: EmployeeRoster, rejects: inout some RejectRecorder,
    progress: ((Int64) -> Void)? = nil
  ) throws -> (participations: ParticipationTable, tally: InputTally, fingerprint: InputFingerprint) {
    let mapping = input.mapping
    let mark = input.dialect.decimalMark
    let nip = ColumnReader("nip", in: mapping)
    let programID = ColumnReader("program_id", in: mapping)
    let programName = ColumnReader("program_name", in: mapping)
    let method = ColumnReader("method", in: mapping)
    let topic = ColumnReader("topic", in: mapping)
    let provider = ColumnReader("provider", in: mapping)
    let startDate = ColumnReader("start_date", in: mapping)
    let endDate = ColumnReader("end_date", in: mapping)
    let hours = ColumnReader("hours_jp", in: mapping)
    let cost = ColumnReader("cost_idr", in: mapping)
    let status = ColumnReader("status", in: mapping)
    let preTest = ColumnReader("pre_test", in: mapping)
    let postTest = ColumnReader("post_test", in: mapping)

    var table = ParticipationTable()
    // Programme names as label ids while reading; made into strings once, at the end.
    var names = LabelTable()
    var nameOfProgram: [Int32] = []
    let (tally, fingerprint) = try CleaningPass(input: input, progress: progress).run(rejects: &rejects) {
      record throws(Rejection) in
      let id = try nip.converted(record, required: true, else: .invalidNIP) { NIP($0) }!
      guard let employee = roster.index(of: id) else { throw Rejection(.unknownEmployee, column: "nip") }
      let program = try programID.required(record)
      let methodValue = try method.converted(record, required: true, else: .unknownValue) {
        TrainingMethod.vocabulary.value(of: $0)
      }!
      let start = try startDate.converted(record, required: true, else: .invalidDate) { $0.date() }!
      let end = try endDate.converted(record, else: .invalidDate) { $0.date() } ?? start
      guard end >= start else { throw Rejection(.invalidDates, column: "end_date") }
      let hoursValue = try hours.number(record, mark: mark, in: 0...Double.greatestFiniteMagnitude)
      let costValue = try cost.converted(record, else: .invalidNumber) { $0.money(mark: mark) }
      if let costValue, costValue < 0 { throw Rejection(.valueOutOfRange, column: "cost_idr") }
      let statusValue =
        try status.converted(record, else: .unknownValue) {
          TrainingStatus.vocabulary.value(of: $0)
        } ?? .completed
      let pre = try preTest.number(record, mark: mark, in: 0...100)
      let post = try postTest.number(record, mark: mark, in: 0...100)

      let programIndex = table.programs.intern(program)
      if Int(programIndex) == nameOfProgram.count { nameOfProgram.append(-1) }
      if let name = programName.optional(record) { nameOfProgram[Int(programIndex)] = names.intern(name) }
      table.employee.append(employee)
      table.program.append(programIndex)
      table.method.append(methodValue)
      table.topic.append(topic.optional(record).map { table.topics.intern($0) } ?? -1)
      table.provider.append(provider.optional(record).map { table.providers.intern($0) } ?? -1)
      table.startDate.append(start)
      table.endDate.append(end)
      table.hoursJP.append(hoursValue ?? .nan)
      table.costIDR.append(costValue ?? .nan)
      table.status.append(statusValue)
      table.preTest.append(pre ?? .nan)
      table.postTest.append(post ?? .nan)
    }
    table.programNames = nameOfProgram.map { $0 < 0 ? "" : names[$0] }
    return (table, tally, fingerprint)
  }
}
