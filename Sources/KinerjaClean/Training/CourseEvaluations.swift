public import KinerjaIngest

/// Cleaned participants' evaluations of courses (Kirkpatrick level 1), by column.
public struct CourseEvaluations: Sendable {
  /// Programme ids into the training history's `programs` table.
  package internal(set) var program: [Int32] = []
  /// The evaluating employee, or −1 for an anonymous evaluation.
  package internal(set) var employee: [Int32] = []
  /// Likert 1–5 ratings (NaN when not given).
  package internal(set) var material: [Double] = []
  package internal(set) var instructor: [Double] = []
  package internal(set) var method: [Double] = []
  package internal(set) var facilities: [Double] = []
  /// The overall rating; the mean of the others when the export has none.
  package internal(set) var overall: [Double] = []

  package init() {}

  /// The number of evaluations.
  package var count: Int { program.count }
}

/// Cleans participants' course evaluations; the free-text comment is never read.
public struct TrainingFeedbackCleaner {
  public init() {}

  /// Reads every row of `input`. Programmes must exist in `participations` when a
  /// training history is part of the run; evaluators, when named, in `roster`.
  public func clean(
    _ input: InputReader, roster: EmployeeRoster, participations: ParticipationTable?,
    rejects: inout some RejectRecorder, progress: ((Int64) -> Void)? = nil
  ) throws -> CleanedInput<CourseEvaluations> {
    let programID = ColumnReader("program_id", of: input)
    let nip = ColumnReader("nip", of: input)
    let date = ColumnReader("date", of: input)
    let aspects = ["material", "instructor", "method", "facilities"].map { ColumnReader($0, of: input) }
    let overall = ColumnReader("overall", of: input)
    var programs = participations?.programs ?? LabelTable()

    var evaluations = CourseEvaluations()
    var scores = [Double](repeating: .nan, count: 4)
    let (tally, fingerprint) = try CleaningPass(input: input, progress: progress).run(rejects: &rejects) {
      record throws(Rejection) in
      let program = try programID.required(record)
      let programIndex: Int32
      if participations != nil {
        guard let known = programs.id(of: program) else {
          throw Rejection(.unknownProgram, column: "program_id")
        }
        programIndex = known
      } else {
        programIndex = programs.intern(program)
      }
      let employee = try nip.employeeIfGiven(record, in: roster) ?? -1
      _ = try date.converted(record, else: .invalidDate) { $0.date() }
      for (index, aspect) in aspects.enumerated() {
        scores[index] = try aspect.number(record, in: 1...5) ?? .nan
      }
      let given = scores.filter { !$0.isNaN }
      guard !given.isEmpty else {
        throw Rejection(.missingRequired, column: "material", detail: "no aspect rated")
      }
      let overallValue =
        try overall.number(record, in: 1...5) ?? given.reduce(0, +) / Double(given.count)
      evaluations.program.append(programIndex)
      evaluations.employee.append(employee)
      evaluations.material.append(scores[0])
      evaluations.instructor.append(scores[1])
      evaluations.method.append(scores[2])
      evaluations.facilities.append(scores[3])
      evaluations.overall.append(overallValue)
    }
    return CleanedInput(table: evaluations, tally: tally, fingerprint: fingerprint)
  }
}
