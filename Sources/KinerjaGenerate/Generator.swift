import Dispatch
import Foundation
import KinerjaClean
package import KinerjaIngest

/// Writes the five exports of a synthetic world, with `truth.json` and a pipeline file.
///
/// Employees are generated in fixed chunks, each from its own random streams, several
/// chunks at a time on `threads` workers, and written in chunk order: the files are the
/// same for any thread count, and no more than a few chunks are in memory at once.
package struct Generator: Sendable {
  package let options: GeneratorOptions
  /// Employees per chunk.
  static let chunkSize = 20_000
  /// Agencies per chunk of the survey.
  static let agencyChunkSize = 500

  package init(options: GeneratorOptions) throws {
    guard options.employees >= 1, options.employees <= GeneratorOptions.maximumEmployees else {
      throw GeneratorError.employees(options.employees)
    }
    guard options.months >= 1, options.months <= 240 else { throw GeneratorError.months(options.months) }
    guard (0...0.5).contains(options.badRowRate) else { throw GeneratorError.badRowRate(options.badRowRate) }
    try Self.validate(options.shapes, options: options)
    self.options = options
  }

  /// Writes everything into `directory`, created if needed; returns the truth written.
  @discardableResult
  package func write(to directory: String, progress: ((String) -> Void)? = nil) throws -> Truth {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let world = World(options: options)
    var inputs: [String: Truth.InputTruth] = [:]
    let employees = options.employees
    let agencies = world.agencies.count
    let plan: [(InputKind, Int, Int, @Sendable (Range<Int>, World) -> ChunkOutput)] = [
      (.employees, employees, Self.chunkSize, EmployeeExport.chunk),
      (.performance, employees, Self.chunkSize, PerformanceExport.chunk),
      (.training, employees, Self.chunkSize, TrainingExport.chunk),
      (.serviceFeedback, agencies, Self.agencyChunkSize, SurveyExport.chunk),
      (.trainingFeedback, employees, Self.chunkSize, FeedbackExport.chunk),
    ]
    for (input, count, chunkSize, makeChunk) in plan {
      let name = ExportFiles.name(of: input, style: options.style)
      progress?(name)
      inputs[input.rawValue] = try writeExport(
        input, file: "\(directory)/\(name)", count: count, chunkSize: chunkSize, world: world, makeChunk)
    }
    let truth = makeTruth(world: world, inputs: inputs)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    try (encoder.encode(truth) + Data("\n".utf8)).write(to: URL(fileURLWithPath: "\(directory)/truth.json"))
    try Data(pipelineFile.utf8).write(to: URL(fileURLWithPath: "\(directory)/pipeline.yaml"))
    return truth
  }

  private func writeExport(
    _ input: InputKind, file: String, count: Int, chunkSize: Int, world: World,
    _ makeChunk: @escaping @Sendable (Range<Int>, World) -> ChunkOutput
  ) throws -> Truth.InputTruth {
    guard FileManager.default.createFile(atPath: file, contents: nil),
      let handle = FileHandle(forWritingAtPath: file)
    else { throw GeneratorError.cannotWrite(file) }
    defer { try? handle.close() }
    var header = RowBuffer(style: options.style)
    header.header(ExportFiles.header(of: input, style: options.style))
    try handle.write(contentsOf: (options.style == .agency ? [0xEF, 0xBB, 0xBF] : []) + header.bytes)

    var clean = 0
    var bad: [RejectReason: Int] = [:]
    let chunks = (count + chunkSize - 1) / chunkSize
    let wave = max(1, options.threads)
    for waveStart in stride(from: 0, to: chunks, by: wave) {
      let size = min(wave, chunks - waveStart)
      let outputs = UnsafeMutableBufferPointer<ChunkOutput>.allocate(capacity: size)
      outputs.initialize(repeating: ChunkOutput(bytes: []))
      defer { outputs.deinitialize().deallocate() }
      nonisolated(unsafe) let slots = outputs
      DispatchQueue.concurrentPerform(iterations: size) { slot in
        let chunk = waveStart + slot
        slots[slot] = makeChunk(chunk * chunkSize..<min(count, (chunk + 1) * chunkSize), world)
      }
      for output in outputs {
        try handle.write(contentsOf: output.bytes)
        clean += output.cleanRows
        for (reason, number) in output.badRows { bad[reason, default: 0] += number }
      }
    }
    let badTotal = bad.values.reduce(0, +)
    return Truth.InputTruth(
      file: (file as NSString).lastPathComponent, rows: clean + badTotal, cleanRows: clean, badRows: badTotal,
      badRowsByReason: Dictionary(uniqueKeysWithValues: bad.map { ($0.key.rawValue, $0.value) }))
  }

  /// The shape options the data set was written with, for the pipeline file's first line.
  private var shapeOptions: String {
    options.shapes.commandLineOptions.map { " " + $0 }.joined()
  }

  /// Rejects shapes that cannot be planted in the window `options` describes.
  private static func validate(_ shapes: PlantedShapes, options: GeneratorOptions) throws {
    guard (0..<1).contains(shapes.missingAppraisalShare) else {
      throw GeneratorError.missingAppraisals(shapes.missingAppraisalShare)
    }
    guard (0...1).contains(shapes.joinerShare), (0...1).contains(shapes.leaverShare),
      shapes.joinerShare + shapes.leaverShare <= 1
    else { throw GeneratorError.turnover(joiners: shapes.joinerShare, leavers: shapes.leaverShare) }
    if shapes.joinerShare + shapes.leaverShare > 0, options.months < 2 {
      throw GeneratorError.turnoverInOneMonth
    }
    if let month = shapes.emptyMonths.first(where: { options.monthIndex(of: $0) == nil }) {
      throw GeneratorError.emptyMonth(
        month, first: options.period(ofMonth: 0), last: options.period(ofMonth: options.months - 1))
    }
    guard shapes.agencyShockSD >= 0, shapes.agencyShockSD.isFinite else {
      throw GeneratorError.agencyShocks(shapes.agencyShockSD)
    }
    guard (1...240).contains(shapes.courseMonths) else {
      throw GeneratorError.courseMonths(shapes.courseMonths)
    }
    guard shapes.inCourseDip.isFinite else { throw GeneratorError.inCourseDip(shapes.inCourseDip) }
    guard shapes.effectScale.isFinite else { throw GeneratorError.effectScale(shapes.effectScale) }
  }

  /// A pipeline file that runs the generated exports.
  var pipelineFile: String {
    let names = InputKind.readingOrder.map {
      "  \($0.rawValue): { path: \(ExportFiles.name(of: $0, style: options.style)) }"
    }
    return """
      # Written by kinerja generate --employees \(options.employees) --months \(options.months) --seed \(options.seed) \
      --dialect \(options.style.rawValue) --bad-rows \(options.badRowRate)\(shapeOptions)
      inputs:
      \(names.joined(separator: "\n"))
      grain: month
      min_group: 5
      output: out
      max_reject_rate: \(max(0.10, min(1, options.badRowRate * 3)))

      """
  }
}

/// Why `kinerja generate` cannot do what it was asked.
package enum GeneratorError: Error, CustomStringConvertible, Equatable {
  case employees(Int)
  case months(Int)
  case badRowRate(Double)
  case missingAppraisals(Double)
  case turnover(joiners: Double, leavers: Double)
  case turnoverInOneMonth
  case emptyMonth(Period, first: Period, last: Period)
  case agencyShocks(Double)
  case courseMonths(Int)
  case inCourseDip(Double)
  case effectScale(Double)
  case cannotWrite(String)

  package var description: String {
    switch self {
    case .employees(let count):
      "--employees must be from 1 to \(GeneratorOptions.maximumEmployees), not \(count)"
    case .months(let count): "--months must be from 1 to 240, not \(count)"
    case .badRowRate(let rate): "--bad-rows must be a share from 0 to 0.5, not \(rate)"
    case .missingAppraisals(let share):
      "--missing-appraisals must be a share from 0 to less than 1, not \(share)"
    case .turnover(let joiners, let leavers):
      "--joiners and --leavers must be shares from 0 to 1 that add up to at most 1, not \(joiners) and \(leavers)"
    case .turnoverInOneMonth: "--joiners and --leavers need at least 2 --months"
    case .emptyMonth(let month, let first, let last):
      "--empty-month \(month) is outside the appraisal window \(first) to \(last)"
    case .agencyShocks(let sd): "--agency-shocks must be a standard deviation of 0 or more, not \(sd)"
    case .courseMonths(let months): "--course-months must be from 1 to 240, not \(months)"
    case .inCourseDip(let dip): "--in-course-dip must be a finite number, not \(dip)"
    case .effectScale(let scale): "--effect-scale must be a finite number, not \(scale)"
    case .cannotWrite(let path): "\(path): cannot write"
    }
  }
}
