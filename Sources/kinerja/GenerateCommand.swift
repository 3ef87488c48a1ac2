public import ArgumentParser
import Foundation
import KinerjaGenerate
import KinerjaIngest
import KinerjaPipeline

/// `kinerja generate`: synthetic exports where the right answer is known.
struct GenerateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate",
    abstract: "Write synthetic exports of all five inputs, with planted effects and a truth file.",
    discussion: """
      Writes the five exports, truth.json (every planted parameter and the exact bad rows \
      by input and reason) and pipeline.yaml (which runs them) into the output folder. \
      The same arguments give byte-identical files, for any thread count.
      """)

  @Option(help: "Employees in the master (up to \(GeneratorOptions.maximumEmployees)).")
  var employees: Int

  @Option(help: "Months of monthly appraisals, from January of the start year.")
  var months = 12

  @Option(help: "Seed of every random draw.")
  var seed: UInt64 = 1

  @Option(help: "Output folder.")
  var out: String

  @Option(
    help:
      "agency: Indonesian headers, ';', decimal comma, day-first dates, BOM and CRLF; canonical: the contract's headers, ',' and ISO dates."
  )
  var dialect: ExportStyle = .agency

  @Option(
    name: .customLong("bad-rows"), help: "Expected bad rows per clean row (0 to 0.5), of every reason code.")
  var badRows = 0.0

  @Option(name: .customLong("start-year"), help: "The first year of appraisals.")
  var startYear = 2023

  @Option(help: "Worker threads (the files do not depend on it).")
  var threads = ProcessInfo.processInfo.activeProcessorCount

  @Option(
    name: .customLong("missing-appraisals"),
    help: "Share of appraisal rows missing at random (0 to less than 1).")
  var missingAppraisals = PlantedShapes.baseline.missingAppraisalShare

  @Option(help: "Share of employees who join during the window: no appraisal before a random month.")
  var joiners = PlantedShapes.baseline.joinerShare

  @Option(help: "Share of employees who leave during the window: no appraisal after a random month.")
  var leavers = PlantedShapes.baseline.leaverShare

  @Option(
    name: .customLong("empty-month"),
    help: ArgumentHelp(
      "A month in which nobody has an appraisal, as when its export is lost; repeatable or a comma list.",
      valueName: "YYYY-MM"))
  var emptyMonths: [String] = []

  @Option(
    name: .customLong("assign-by"),
    help:
      "employee: each employee attends a programme of their own; agency: some agencies each run one programme in one month, attended by most of their staff."
  )
  var assignBy = PlantedShapes.baseline.trainingAssignment

  @Option(
    name: .customLong("agency-shocks"),
    help: ArgumentHelp(
      "Standard deviation of a shock N(0, SD²) per agency and month, added to every score of the agency in that month.",
      valueName: "SD"))
  var agencyShocks = PlantedShapes.baseline.agencyShockSD

  @Option(
    name: .customLong("course-months"),
    help:
      "The longest course in calendar months, start month to end month inclusive (2: the methods' lengths in days, at most 27; more: classroom training, coaching and e-learning may run for months)."
  )
  var courseMonths = PlantedShapes.baseline.courseMonths

  @Option(
    name: .customLong("in-course-dip"),
    help: "Scores change by minus this in the months from a course's start month to its end month inclusive.")
  var inCourseDip = PlantedShapes.baseline.inCourseDip

  @Option(name: .customLong("effect-scale"), help: "Factor on every method's planted effect (default 1).")
  var effectScale: Double?

  @Flag(
    help: "Plant no training effect (--effect-scale 0), for calibration; a dip only with --in-course-dip.")
  var placebo = false

  func validate() throws {
    if threads < 1 { throw ValidationError("--threads must be at least 1") }
    if !(1900...2190).contains(startYear) {
      throw ValidationError("--start-year must be a year from 1900 to 2190")
    }
    if let text = emptyMonthTexts.first(where: { Self.month($0) == nil }) {
      throw ValidationError("--empty-month must be a month as YYYY-MM, not '\(text)'")
    }
    if placebo, let effectScale, effectScale != 0 {
      throw ValidationError("--placebo plants no effect; it cannot go with --effect-scale \(effectScale)")
    }
  }

  /// The months of every `--empty-month`, comma lists split.
  private var emptyMonthTexts: [Substring] {
    emptyMonths.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
  }

  /// `2024-03` as a month.
  private static func month(_ text: Substring) -> Period? {
    let parts = text.trimmingCharacters(in: .whitespaces).split(
      separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
      let month = Int(parts[1]), (1...12).contains(month)
    else { return nil }
    return .month(month, of: year)
  }

  /// The shapes the flags ask for.
  private var shapes: PlantedShapes {
    PlantedShapes(
      missingAppraisalShare: missingAppraisals, joinerShare: joiners, leaverShare: leavers,
      emptyMonths: emptyMonthTexts.compactMap(Self.month), trainingAssignment: assignBy,
      agencyShockSD: agencyShocks, courseMonths: courseMonths, inCourseDip: inCourseDip,
      effectScale: placebo ? 0 : effectScale ?? PlantedShapes.baseline.effectScale)
  }

  func run() throws {
    let options = GeneratorOptions(
      employees: employees, months: months, seed: seed, style: dialect, badRowRate: badRows,
      startYear: startYear, threads: threads, shapes: shapes)
    let generator: Generator
    do {
      generator = try Generator(options: options)
    } catch let error as GeneratorError {
      throw ValidationError(error.description)
    }
    let started = Date()
    let truth: Truth
    do {
      truth = try generator.write(to: out) { file in
        StandardError.write("writing \(file)\n")
      }
    } catch {
      // Whatever stops the writing is an output that cannot be written: exit 3.
      let system = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? any Error).map { $0 as NSError }
      let reason =
        (error as? GeneratorError)?.description ?? system.map { String(cString: strerror(Int32($0.code))) }
        ?? "\(error)"
      StandardError.write("kinerja: error: \(out): cannot write: \(reason)\n")
      throw ExitCode(3)
    }
    let rows = truth.inputs.values.map(\.rows).reduce(0, +)
    let bad = truth.inputs.values.map(\.badRows).reduce(0, +)
    print(
      "\(rows) rows (\(bad) bad) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s → \(out); "
        + "run them with: kinerja run \(out)/pipeline.yaml")
  }
}

extension ExportStyle: ExpressibleByArgument {}
extension TrainingAssignment: ExpressibleByArgument {}
