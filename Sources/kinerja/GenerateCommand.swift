public import ArgumentParser
import Foundation
import KinerjaGenerate
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

  func validate() throws {
    if threads < 1 { throw ValidationError("--threads must be at least 1") }
    if !(1900...2190).contains(startYear) {
      throw ValidationError("--start-year must be a year from 1900 to 2190")
    }
  }

  func run() throws {
    let options = GeneratorOptions(
      employees: employees, months: months, seed: seed, style: dialect, badRowRate: badRows,
      startYear: startYear,
      threads: threads)
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
