public import KinerjaIngest

/// Cleans the training history into a `ParticipationTable`.
public struct TrainingCleaner {
  public init() {}

  /// Reads every row of `input`; participants are looked up in `roster`.
  public func clean(
    _ input: InputReader, roster: EmployeeRoster, rejects: inout some RejectRecorder,
    progress: ((Int64) -> Void)? = nil
  ) throws -> CleanedInput<ParticipationTable> {
    let nip = ColumnReader("nip", of: input)
    let programID = ColumnReader("program_id", of: input)
    let programName = ColumnReader("program_name", of: input)
    let method = ColumnReader("method", of: input)
    let topic = ColumnReader("topic", of: input)
    let provider = ColumnReader("provider", of: input)
    let startDate = ColumnReader("start_date", of: input)
    let endDate = ColumnReader("end_date", of: input)
    let hours = ColumnReader("hours_jp", of: input)
    let cost = ColumnReader("cost_idr", of: input)
    let status = ColumnReader("status", of: input)
    let preTest = ColumnReader("pre_test", of: input)
    let postTest = ColumnReader("post_test", of: input)

    var table = ParticipationTable()
    // Programme names as label ids while reading; made into strings once, at the end.
    var names = LabelTable()
    var nameOfProgram: [Int32] = []
    let (tally, fingerprint) = try CleaningPass(input: input, progress: progress).run(rejects: &rejects) {
      record throws(Rejection) in
      let employee = try nip.employee(record, in: roster)
      let program = try programID.required(record)
      let methodValue = try method.converted(record, required: true, else: .unknownValue) {
        TrainingMethod.vocabulary.value(of: $0)
      }!
      let start = try startDate.converted(record, required: true, else: .invalidDate) { $0.date() }!
      let end = try endDate.converted(record, else: .invalidDate) { $0.date() } ?? start
      guard end >= start else { throw Rejection(.invalidDates, column: "end_date") }
      let hoursValue = try hours.number(record, in: 0...Double.greatestFiniteMagnitude)
      let costValue = try cost.converted(record, else: .invalidNumber) { $0.money(mark: cost.mark) }
      if let costValue, costValue < 0 { throw Rejection(.valueOutOfRange, column: "cost_idr") }
      let statusValue =
        try status.converted(record, else: .unknownValue) {
          TrainingStatus.vocabulary.value(of: $0)
        } ?? .completed
      let pre = try preTest.number(record, in: 0...100)
      let post = try postTest.number(record, in: 0...100)

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
    return CleanedInput(table: table, tally: tally, fingerprint: fingerprint)
  }
}
